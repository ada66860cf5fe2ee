using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Benchmarks;

/// <summary>
/// <c>--engine-only</c>: AIC001's own work without the driver and without binding. Every body is bound once, the
/// prefilter index is built once; then each repetition forgets all analysis results and, for every method the index
/// lets through, builds its flow graph and analyzes it (callee summaries and field summaries included, as in a build).
/// Thread CPU, medians over the repetitions: a stable figure for comparing engine changes on a shared machine, where the
/// whole-build ratios move by ±30% from run to run.
/// </summary>
internal static class EngineBench
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static void Run(int files, BenchmarkOptions options)
    {
        var prepared = Harness.Prepare(files, options);
        var compilation = prepared.Compilation.Clone();
        var context = new FlowContext(FlowModel.Create(compilation));

        // Bind every body once through the context's own semantic models (they cache the binding), and collect the
        // methods the index lets through, as the analyzer's code-block callback would.
        var selected = new List<(IMethodSymbol Method, SyntaxNode Body, SemanticModel Model)>();
        var bodies = 0;
        var bindStart = ThreadCpu.NowNs();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = context.SemanticModelFor(tree);
            foreach (var member in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            {
                if (member.Body is null && member.ExpressionBody is null)
                {
                    continue;
                }

                bodies++;
                _ = model.GetOperation(member);
                if (model.GetDeclaredSymbol(member) is IMethodSymbol method && context.CodeBlockMayProduce(method, member))
                {
                    selected.Add((method, member, model));
                }
            }
        }

        var bindMs = (ThreadCpu.NowNs() - bindStart) / 1e6;
        var graphs = new List<double>();
        var analyses = new List<double>();
        var findings = 0;
        for (var rep = 0; rep <= options.Repetitions; rep++)
        {
            FlowTelemetry.ForgetResults(context);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long graphNs = 0, analysisNs = 0;
            var found = 0;
            foreach (var (method, body, model) in selected)
            {
                if (context.TryGetAnalyzed(method, out var done))
                {
                    found += done.Findings.Count;
                    continue;
                }

                var start = ThreadCpu.NowNs();
                ControlFlowGraph? cfg = model.GetOperation(body) switch
                {
                    IMethodBodyOperation m => ControlFlowGraph.Create(m),
                    IConstructorBodyOperation c => ControlFlowGraph.Create(c),
                    _ => null,
                };
                var afterGraph = ThreadCpu.NowNs();
                if (cfg is not null)
                {
                    found += context.AnalyzeOwnBody(method, cfg, CancellationToken.None).Findings.Count;
                }

                graphNs += afterGraph - start;
                analysisNs += ThreadCpu.NowNs() - afterGraph;
            }

            if (rep > 0)
            {
                graphs.Add(graphNs / 1e6);
                analyses.Add(analysisNs / 1e6);
            }

            findings = found;
        }

        static double Median(List<double> values) => Stats.Median(values);

        Console.WriteLine(string.Format(Ci, "== N = {0} files: engine only, {1} of {2} bodies selected by the index (binding all bodies once: {3:F0} ms)", files, selected.Count, bodies, bindMs));
        Console.WriteLine(string.Format(Ci, "  own flow graphs {0:F1} ms, analysis (with callee and field summaries and their graphs) {1:F1} ms, total {2:F1} ms = {3:F0} µs per selected method; medians of {4}; findings {5}",
            Median(graphs), Median(analyses), Median(graphs) + Median(analyses), 1000 * (Median(graphs) + Median(analyses)) / Math.Max(1, selected.Count), graphs.Count, findings));
        Console.WriteLine("  per repetition (graphs + analysis, ms): " + string.Join(", ", graphs.Zip(analyses, (g, a) => (g + a).ToString("F0", Ci))));
    }
}
