using System.Diagnostics;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// Hooks for the benchmarks (benchmarks/AiCompliance.Benchmarks): binding timers that only the benchmark turns on,
    /// the size of the prefilter index, and a way to time the engine again on bodies already bound. The analyzers never
    /// read any of it; off, the only cost is one static flag test per bound body.
    /// </summary>
    internal static class FlowTelemetry
    {
        private static long s_bindingTicks;
        private static long s_ownBindingTicks;

        /// <summary>
        /// When set, the time spent binding the bodies of callees and field writers (GetOperation on a body nobody has
        /// bound yet) is summed. In a build that runs any operation analyzer (the SDK's do) the driver binds every body
        /// anyway, in the same cached semantic model: whoever comes first pays.
        /// </summary>
        internal static bool MeasureBinding { get; set; }

        /// <summary>The binding time summed since the last call, in milliseconds (wall clock).</summary>
        internal static double TakeBindingMs() => Interlocked.Exchange(ref s_bindingTicks, 0) * 1000.0 / Stopwatch.Frequency;

        /// <summary>
        /// The time summed since the last call that code-block callbacks spent in GetOperation on their own block, in
        /// milliseconds (wall clock). Near zero when an operation analyzer runs: the driver runs a declaration's
        /// operation actions before its code-block actions, so the block is bound already.
        /// </summary>
        internal static double TakeOwnBindingMs() => Interlocked.Exchange(ref s_ownBindingTicks, 0) * 1000.0 / Stopwatch.Frequency;

        /// <summary><see cref="SemanticModel.GetOperation"/>, timed when <see cref="MeasureBinding"/> is set.</summary>
        internal static IOperation? GetOperation(SemanticModel model, SyntaxNode node, bool ownBlock, CancellationToken cancellationToken)
        {
            if (!MeasureBinding)
            {
                return model.GetOperation(node, cancellationToken);
            }

            var start = Stopwatch.GetTimestamp();
            var operation = model.GetOperation(node, cancellationToken);
            Interlocked.Add(ref ownBlock ? ref s_ownBindingTicks : ref s_bindingTicks, Stopwatch.GetTimestamp() - start);
            return operation;
        }

        /// <summary>Members in the prefilter index of a context, and how many of them it lets through (builds the index if needed).</summary>
        internal static (int Indexed, int Producing) IndexCounts(FlowContext context)
        {
            var index = context.Prefilter.Index;
            return (index.MemberCount, index.ProducerCount);
        }

        /// <summary>
        /// Forgets every analysis result of a context (method results, field summaries, dispatch targets) and keeps the
        /// semantic models and the index, so the engine can be timed again on bodies already bound.
        /// </summary>
        internal static void ForgetResults(FlowContext context) => context.ClearResults();

        /// <summary>When set (benchmarks only), the prefilter index reports its seeds and the names that made members producers.</summary>
        internal static System.Action<string>? IndexTrace { get; set; }
    }
}
