#!/usr/bin/env python3
"""Summarize a dotnet-trace CPU sample (converted to speedscope) for one assembly's frames.

    dotnet tool install --tool-path /tmp/tools dotnet-trace --version 10.0.750501
    /tmp/tools/dotnet-trace collect --profile dotnet-sampled-thread-time -o app.nettrace -- \
        dotnet benchmarks/AiCompliance.Benchmarks/bin/Release/net10.0/AiCompliance.Benchmarks.dll --apps DIR --reps 8 --apps-no-ide
    /tmp/tools/dotnet-trace convert --format speedscope app.nettrace -o app
    python3 benchmarks/tools/speedscope-summary.py app.speedscope.json [AiCompliance.Analyzers]

Prints the CPU time (ms, summed over every run in the trace, warm-up included) of stacks that hold a frame of the
assembly, each frame's inclusive time, and for the deepest frame of the assembly on each stack, the frame it calls
(where the time leaves our code: binding, metadata lookups, flow graphs).
"""
import json, sys, collections
d = json.load(open(sys.argv[1]))
frames = [f['name'] for f in d['shared']['frames']]
key = sys.argv[2] if len(sys.argv) > 2 else 'AiCompliance.Analyzers'
incl = collections.Counter(); leafown = collections.Counter(); pair = collections.Counter()
total_ai = 0.0; total_cpu = 0.0
for p in d['profiles']:
    stack = []; last = None
    for e in p['events']:
        t = e['at']
        if last is not None and stack:
            dt = t - last
            names = [frames[i] for i in stack]
            if 'CPU_TIME' in names:
                total_cpu += dt
                ai = [n for n in names if key in n]
                if ai:
                    total_ai += dt
                    for n in set(ai): incl[n] += dt
                    # deepest AI frame and the frame below it
                    idx = max(i for i, n in enumerate(names) if key in n)
                    deep = names[idx]
                    below = names[idx+1] if idx+1 < len(names) and names[idx+1] != 'CPU_TIME' else '(self)'
                    leafown[deep] += dt
                    pair[(deep, below)] += dt
        last = t
        if e['type'] == 'O': stack.append(e['frame'])
        else:
            # close: pop to frame
            if stack and stack[-1] == e['frame']: stack.pop()
            elif e['frame'] in stack:
                i = len(stack) - 1 - stack[::-1].index(e['frame']); del stack[i:]
print(f"cpu total {total_cpu:.0f} ms, with {key} {total_ai:.0f} ms")
def short(n): return n.split('!')[-1][:150]
print("== inclusive"); [print(f"{v:8.0f} {short(k)}") for k, v in incl.most_common(60)]
print("== deepest AI frame -> callee"); [print(f"{v:8.0f} {short(k[0])}  ->  {short(k[1])}") for k, v in pair.most_common(50)]
