using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AiCompliance.Benchmarks;

public static class Report
{
    /// <summary>Target of the issue: the AIC analyzers add at most this share to compile time.</summary>
    public const double TargetRatioPercent = 5.0;

    /// <summary>Per-file analyzer cost at the largest N may exceed that at the smallest N by this factor and still count as linear.</summary>
    public const double LinearityTolerance = 1.25;

    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static void PrintDetails(BenchmarkResult r)
    {
        Console.WriteLine(string.Format(Ci, "  medians of {0}: compile {1:F0} ms (cpu {2:F0}), GetDiagnostics {3:F0} ms, analyzer pass {4:F0} ms (wall, includes the compiler's binding), pass - GetDiagnostics {5:F0} ms, generator {6:F0} ms, parse {7:F0} ms (once)",
            r.Repetitions.Count, r.CompileMs, r.CompileCpuMs, r.Median(x => x.DiagnosticsMs), r.Median(x => x.AnalyzerPassMs), r.WallDeltaMs, r.Median(x => x.GeneratorMs), r.ParseMs));
        Console.WriteLine(string.Format(Ci, "  timing error (an empty code-block analyzer under the same wrapper, per callback, times the AIC callbacks): {0:F0} ms; AIC callbacks without it: {1:F0} ms CPU = {2:F1}% of compile CPU",
            r.Median(x => x.InstrumentMs), r.NetCpuMs, r.NetCpuRatioPercent));
        Console.WriteLine(string.Format(Ci, "  binding of callee and field-writer bodies inside the AIC callbacks: {0:F0} ms (wall); callbacks without it and without the timing error: {1:F0} ms CPU = {2:F1}% of compile CPU{3}",
            r.Median(x => x.CalleeBindingMs), r.OwnCpuMs, r.OwnCpuRatioPercent,
            Harness.SdkBaselineUsed ? " (with --sdk-baseline the driver binds those bodies anyway, later, for the operation analyzer: whoever comes first pays)" : string.Empty));
        Console.WriteLine(string.Format(Ci, "  GetOperation on the analyzed code blocks themselves: {0:F0} ms (wall); callbacks without it, the callee binding and the timing error: {1:F0} ms CPU = {2:F1}% of compile CPU{3}",
            r.Median(x => x.OwnBlockBindingMs), r.EngineCpuMs, r.EngineCpuRatioPercent,
            Harness.SdkBaselineUsed ? " (near zero when the operation analyzer had the driver build the block's operation tree first)" : string.Empty));
        Console.WriteLine(string.Format(Ci, "  allocated: compile {0:N0} MB, AIC callbacks {1:N0} MB ({2:F1}% of compile's); garbage collections that fell inside the AIC callbacks: {3:F0} ms of pauses ({4:F0} collections)",
            r.Median(x => x.CompileAllocatedMb), r.Median(x => x.AnalyzerAllocatedMb), 100 * r.Median(x => x.AnalyzerAllocatedMb) / r.Median(x => x.CompileAllocatedMb),
            r.Median(x => x.GcPauseMs), r.Median(x => x.GcCount)));
        Console.WriteLine(string.Format(Ci, "  machine load: compile wall/cpu = {0:F2} (1.00 = the benchmark had a core to itself)", r.CompileMs / r.CompileCpuMs));
        Console.WriteLine(string.Format(Ci, "  whole analysis step, process CPU: pass {0:F0} ms - binding {1:F0} ms = {2:F0} ms = {3:F1}% of compile ({4:F0} ms process CPU): callbacks plus driver work they cause",
            r.Median(x => x.AnalyzerPassProcessCpuMs), r.Median(x => x.DiagnosticsProcessCpuMs), r.Median(x => x.OverheadProcessCpuMs), r.OverheadPercent, r.Median(x => x.CompileProcessCpuMs)));
        var last = r.Repetitions[^1];
        foreach (var (name, info) in last.Telemetry)
        {
            Console.WriteLine(string.Format(Ci, "  {0}: telemetry {1:F1} ms ({2:F2}% of compile), cpu {3:F1} ms ({4:F2}% of compile cpu); actions registered: compilation-start {5}, code-block {6}, symbol {7}, operation {8}, compilation-end {9}, additional-file {10}",
                name, r.AnalyzerMsOf(name), 100 * r.AnalyzerMsOf(name) / r.CompileMs, r.AnalyzerCpuMsOf(name), 100 * r.AnalyzerCpuMsOf(name) / r.CompileCpuMs,
                info.CompilationStartActionsCount, info.CodeBlockActionsCount, info.SymbolActionsCount, info.OperationActionsCount, info.CompilationEndActionsCount, info.AdditionalFileActionsCount));
        }

        Console.WriteLine(string.Format(Ci, "  AIC001: {0} found, {1} planted ({2} missing, {3} extra); analyzer exceptions {4}; swallowed internal errors {5}",
            r.Found, r.Planted, r.Missing, r.Extra, r.AnalyzerExceptions, r.InternalErrors));
        if (r.Kinds.Count > 0)
        {
            var total = r.Kinds.Sum(k => k.TotalMs);
            Console.WriteLine(string.Format(Ci, "  AIC001 per kind of method, last repetition, thread CPU ({0:F0} ms in code-block callbacks; summaries computed lazily for callees and fields are charged to the first method that needed them):", total));
            Console.WriteLine("  | kind | code blocks | total ms | share | mean µs | median µs | p90 µs | blocks > 250 µs |");
            Console.WriteLine("  |---|--:|--:|--:|--:|--:|--:|--:|");
            foreach (var k in r.Kinds)
            {
                Console.WriteLine(string.Format(Ci, "  | {0} | {1:N0} | {2:N0} | {3:F1}% | {4:N0} | {5:N0} | {6:N0} | {7:N0} |", k.Kind, k.Blocks, k.TotalMs, 100 * k.TotalMs / total, k.MeanUs, k.MedianUs, k.P90Us, k.Over250Us));
            }
        }

        if (r.Phases is { } p)
        {
            PrintPhases(p);
        }
    }

    public static void PrintPhases(PhaseTimes p)
    {
        Console.WriteLine(string.Format(Ci, "  building blocks over all {0} method bodies, once each (thread CPU): simple-name walk {1:F0} ms, SemanticModel.GetOperation {2:F0} ms, ControlFlowGraph.Create {3:F0} ms",
            p.Bodies, p.NameWalkMs, p.OperationMs, p.FlowGraphMs));
        Console.WriteLine(string.Format(Ci, "  name lookups per call (thread CPU, steady state): Compilation.GetSymbolsWithName(typeName, Member) {0:F0} µs, Compilation.ContainsSymbolsWithName(typeName, Type) {1:F1} µs; distinct simple names in method bodies: {2:N0}",
            p.GetSymbolsWithNameUs, p.ContainsSymbolsWithNameUs, p.DistinctNames));
        Console.WriteLine(string.Format(Ci, "  prefilter index (built once per compilation, thread CPU, median of 5): {0:F1} ms; it lets {1:N0} of {2:N0} members through",
            p.IndexMs, p.ProducingMembers, p.IndexedMembers));
    }

    public static void PrintSummary(IReadOnlyList<BenchmarkResult> results, BenchmarkOptions options)
    {
        Console.WriteLine("Summary (medians). compile = Emit on a fresh compilation (declaration, binding, lowering, emit; parse excluded).");
        Console.WriteLine("analyzer = every analyzer in AiCompliance.Analyzers (" + string.Join(", ", results[0].Repetitions[0].Telemetry.Keys) + "): driver telemetry ExecutionTime (wall clock) and thread CPU time of their callbacks.");
        Console.WriteLine(Harness.SdkBaselineUsed
            ? "whole step (--sdk-baseline) = process CPU of the pass with the AIC analyzers and an SDK-like operation analyzer, minus that of the pass with the operation analyzer alone, over process CPU of compile: what the AIC analyzers add to a build that runs the SDK's analyzers."
            : "whole step = process CPU of the analyzer pass minus process CPU of binding alone (GetDiagnostics), over process CPU of compile: callbacks plus the driver work they cause.");
        if (Harness.UntimedAnalyzers.Count > 0)
        {
            Console.WriteLine("note: CPU of " + string.Join(", ", Harness.UntimedAnalyzers) + " covers start actions only (nested actions are not timed); telemetry and 'whole step' cover them.");
        }
        Console.WriteLine(ThreadCpu.IsCpuTime ? (options.Concurrent ? "CPU: process CPU for compile (concurrent build), thread CPU for analyzer callbacks." : "CPU: thread CPU time (clock_gettime).") : "CPU columns fall back to wall clock on this OS.");
        Console.WriteLine();
        Console.WriteLine("| N files | lines | methods (AI) | compile ms | analyzer ms (telemetry) | ratio | compile CPU ms | analyzer CPU ms | ratio (CPU) | net of timing error | and of callee binding | whole step (CPU) | µs/method (CPU) | AIC001 found/planted |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Format(Ci, "| {0:N0} | {1:N0} | {2:N0} ({3:N0}) | {4:N0} | {5:N0} | {6:F1}% | {7:N0} | {8:N0} | {9:F1}% | {10:F1}% | {11:F1}% | {12:F1}% | {13:N0} | {14:N0}/{15:N0} |",
                r.Files, r.CodeBase.Lines, r.CodeBase.Methods, r.CodeBase.AiMethods, r.CompileMs, r.AnalyzerMs, r.RatioPercent, r.CompileCpuMs, r.AnalyzerCpuMs, r.CpuRatioPercent, r.NetCpuRatioPercent, r.OwnCpuRatioPercent, r.OverheadPercent, r.CpuMicrosecondsPerMethod, r.Found, r.Planted));
        }

        Console.WriteLine();
        var worstWall = results.Max(r => r.RatioPercent);
        var worstCpu = results.Max(r => r.CpuRatioPercent);
        var worstStep = results.Max(r => r.OverheadPercent);
        // The verdict uses callback CPU, the figure that does not move with other load on the machine; wall clock is
        // shown next to it, and the whole-step difference only as context (it is a difference of two large, noisy numbers).
        Console.WriteLine(string.Format(Ci, "Target: AIC analyzers add <= {0}% to compile time, by callback CPU: {1} (worst size: {2:F1}%); by driver telemetry (wall clock): {3} ({4:F1}%); whole step (context only): {5:F1}%",
            TargetRatioPercent, worstCpu <= TargetRatioPercent ? "MET" : "NOT MET", worstCpu, worstWall <= TargetRatioPercent ? "MET" : "NOT MET", worstWall, worstStep));
        if (results.Count >= 2)
        {
            var ordered = results.OrderBy(r => r.Files).ToList();
            var small = ordered[0];
            var large = ordered[^1];
            var cpuGrowth = Linearity("CPU", small, large, r => r.AnalyzerCpuMs, r => r.CompileCpuMs);
            Linearity("telemetry", small, large, r => r.AnalyzerMs, r => r.CompileMs);
            var loadSmall = small.CompileMs / small.CompileCpuMs;
            var loadLarge = large.CompileMs / large.CompileCpuMs;
            if (Math.Max(loadSmall, loadLarge) / Math.Min(loadSmall, loadLarge) > 1.25)
            {
                Console.WriteLine(string.Format(Ci, "  (machine load differed between the sizes: compile wall/cpu {0:F2} at N={1}, {2:F2} at N={3}; wall-clock figures are not comparable, the CPU line is)",
                    loadSmall, small.Files, loadLarge, large.Files));
            }

            Console.WriteLine(string.Format(Ci, "Target: cost grows linearly with N: {0} (analyzer CPU per file x{1:F2} from N={2} to N={3}; tolerance x{4})",
                cpuGrowth <= LinearityTolerance ? "MET" : "NOT MET", cpuGrowth, small.Files, large.Files, LinearityTolerance.ToString(Ci)));
        }

        foreach (var r in results.Where(r => r.Aic001Ran && (r.Found != r.Planted || r.Missing > 0 || r.Extra > 0)))
        {
            Console.WriteLine(string.Format(Ci, "Diagnostics mismatch at N={0}: {1} found, {2} planted ({3} missing, {4} extra)", r.Files, r.Found, r.Planted, r.Missing, r.Extra));
        }

        foreach (var r in results.Where(r => !r.Sane))
        {
            Console.WriteLine(string.Format(Ci, "NOT SANE at N={0}: found {1}, analyzer exceptions {2}, internal errors {3}", r.Files, r.Found, r.AnalyzerExceptions, r.InternalErrors));
        }
    }

    private static double Linearity(string what, BenchmarkResult small, BenchmarkResult large, Func<BenchmarkResult, double> analyzer, Func<BenchmarkResult, double> compile)
    {
        var perFileSmall = analyzer(small) / small.Files;
        var perFileLarge = analyzer(large) / large.Files;
        var growth = perFileLarge / perFileSmall;
        var compileGrowth = (compile(large) / large.Files) / (compile(small) / small.Files);
        Console.WriteLine(string.Format(Ci, "Linearity ({0}): analyzer {1:F2} ms/file at N={2}, {3:F2} ms/file at N={4}: x{5:F2} per file for x{6:F0} files (compile: x{7:F2} per file) -> {8}",
            what, perFileSmall, small.Files, perFileLarge, large.Files, growth, (double)large.Files / small.Files, compileGrowth,
            growth <= LinearityTolerance ? "linear" : "NOT linear"));
        return growth;
    }
}
