using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AiCompliance.Analyzers.Rules
{
    /// <summary>What the engine made of one code block: nothing to do, its result, or the failure (AIC009).</summary>
    internal sealed class BlockOutcome
    {
        public BlockOutcome(FlowModel model, IMethodSymbol method, SyntaxNode block, MethodResult? result, bool razor, Exception? failure, IMethodSymbol? failedMethod)
        {
            Model = model;
            Method = method;
            Block = block;
            Result = result;
            Razor = razor;
            Failure = failure;
            FailedMethod = failedMethod;
        }

        /// <summary>The model of the compilation (the SDK rows and the attributes of AiCompliance it references).</summary>
        public FlowModel Model { get; }

        /// <summary>The method whose code block this is.</summary>
        public IMethodSymbol Method { get; }

        /// <summary>The code block: a member's declaration, an accessor, an expression body, or a file's top-level statements.</summary>
        public SyntaxNode Block { get; }

        /// <summary>The analysis of the block, when it was analyzed and did not fail.</summary>
        public MethodResult? Result { get; }

        /// <summary>The block is Razor compiler output: only component sinks report, on the .razor line.</summary>
        public bool Razor { get; }

        /// <summary>The exception the engine threw on the block (its cause), or null.</summary>
        public Exception? Failure { get; }

        /// <summary>The method (or local function, or callee) the engine was analyzing when it failed.</summary>
        public IMethodSymbol? FailedMethod { get; }
    }

    /// <summary>
    /// The state the rules of one compilation share: the flow context, and each code block's outcome, computed once by
    /// whichever rule reaches the block first (so splitting the rules into one analyzer per id costs no second analysis).
    /// </summary>
    /// <remarks>
    /// The rules run once per syntax tree (a semantic-model action), not once per code block: the driver then hands a
    /// tree to each rule once, and the rules find the tree's code blocks themselves (<see cref="CodeBlocks"/>), asking
    /// the binding-free prefilter before they bind anything. Most trees of an app have no block the prefilter lets
    /// through, and cost each rule a walk over their declarations. In the IDE, a request for a span (one method being
    /// edited) analyzes only the blocks in that span.
    /// </remarks>
    internal sealed class RuleSession
    {
        private static readonly ConditionalWeakTable<FlowContext, RuleSession> s_sessions = new ConditionalWeakTable<FlowContext, RuleSession>();
        private static readonly ConditionalWeakTable<Compilation, Exception> s_setupFailures = new ConditionalWeakTable<Compilation, Exception>();

        private readonly ConcurrentDictionary<SyntaxNode, Lazy<BlockOutcome?>> _outcomes = new ConcurrentDictionary<SyntaxNode, Lazy<BlockOutcome?>>();
        private readonly ConcurrentDictionary<SyntaxTree, bool> _razorTrees = new ConcurrentDictionary<SyntaxTree, bool>();
        private int _failures;

        private RuleSession(FlowContext flow) => Flow = flow;

        public FlowContext Flow { get; }

        /// <summary>How many code blocks of the compilation the engine failed on (so far).</summary>
        public int Failures => Volatile.Read(ref _failures);

        /// <summary>
        /// The flow context of the compilation, or null when setting it up failed: then <paramref name="failure"/> is the
        /// exception, counted once per compilation however many rules ask (AIC009 reports it).
        /// </summary>
        public static FlowContext? FlowOf(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken, out Exception? failure)
        {
            try
            {
                failure = null;
                return FlowContext.For(compilation, options, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failure = s_setupFailures.GetValue(compilation, _ =>
                {
                    AnalysisFailures.Record(ex);
                    return ex;
                });
                return null;
            }
        }

        /// <summary>The session of the compilation when it references an AI SDK (or [AiGenerated]); else null: no rule has work.</summary>
        public static RuleSession? For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var flow = FlowOf(compilation, options, cancellationToken, out _);
            if (flow is null || (!flow.Model.HasSourceTypes && flow.Model.AiGeneratedAttribute is null))
            {
                return null;
            }

            return s_sessions.GetValue(flow, f => new RuleSession(f));
        }

        /// <summary>
        /// Registers a rule's step for each syntax tree: <paramref name="report"/> gets the outcome of each code block of the
        /// tree (in the span asked for) that the engine analyzed or failed on. An exception in the step (a bug in the rule)
        /// is counted, never AD0001; the engine's own failures are outcomes, reported as AIC009.
        /// </summary>
        public void RegisterBlockRule(CompilationStartAnalysisContext start, Action<SemanticModelAnalysisContext, BlockOutcome> report) =>
            start.RegisterSemanticModelAction(context => Safely(() =>
            {
                foreach (var outcome in Outcomes(context))
                {
                    report(context, outcome);
                }
            }));

        /// <summary>
        /// Runs a rule's reporting step; an exception (a bug in the rule) is counted, never AD0001. The engine's own
        /// failures never get here: they are outcomes, reported as AIC009.
        /// </summary>
        public static void Safely(Action report)
        {
            try
            {
                report();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AnalysisFailures.Record(ex);
            }
        }

        /// <summary>The outcomes of the tree's code blocks in the span asked for (computed on first request; the engine never throws out of here).</summary>
        public IEnumerable<BlockOutcome> Outcomes(SemanticModelAnalysisContext context)
        {
            var tree = context.SemanticModel.SyntaxTree;
            var razor = false;

            // Generated code is silent, except the output of the Razor compiler: there only the component sinks
            // (RazorSinks) report, each on the .razor line it maps to.
            if (context.IsGeneratedCode)
            {
                if (!_razorTrees.GetOrAdd(tree, t => RuleReports.IsRazorOutput(t, context.CancellationToken)))
                {
                    yield break;
                }

                razor = true;
            }

            foreach (var block in CodeBlocks.Of(tree.GetRoot(context.CancellationToken), context.FilterSpan))
            {
                var lazy = _outcomes.GetOrAdd(
                    block,
                    b => new Lazy<BlockOutcome?>(() => Compute(context.SemanticModel, b, razor, context.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication));
                if (lazy.Value is { } outcome)
                {
                    yield return outcome;
                }
            }
        }

        private BlockOutcome? Compute(SemanticModel model, SyntaxNode block, bool razor, CancellationToken cancellationToken)
        {
            // The binding-free test first: most blocks stop here, before their symbol is looked up.
            if (!Flow.Prefilter.Index.BlockMayProduce(block))
            {
                return null;
            }

            if (CodeBlocks.MethodOf(model, block, cancellationToken) is not { } method)
            {
                return null;
            }

            try
            {
                Flow.Injection?.ThrowIfInjected(method, block.SyntaxTree);
                if (!Flow.TryGetAnalyzed(method, out var result))
                {
                    // Not analyzed yet as a callee of another block: build its flow graph now.
                    var operation = FlowContext.GetOperation(model, block, ownBlock: true, cancellationToken);
                    var cfg = FlowContext.GraphOf(operation, cancellationToken);
                    if (cfg is null)
                    {
                        return null;
                    }

                    result = Flow.AnalyzeOwnBody(method, cfg, cancellationToken);
                }

                return new BlockOutcome(Flow.Model, method, block, result, razor, null, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _outcomes.TryRemove(block, out _); // not an outcome: the next request (with a live token) computes it
                throw; // a cancelled build; any other cancellation is a failure like the rest (AIC009, not AD0001)
            }
            catch (Exception ex)
            {
                // Never AD0001: the method's outputs are not checked, and AIC009 says so.
                var failure = ex as MethodAnalysisException;
                var cause = failure?.InnerException ?? ex;
                AnalysisFailures.Record(cause);
                Interlocked.Increment(ref _failures);
                return new BlockOutcome(Flow.Model, method, block, null, razor, cause, failure?.Method);
            }
        }
    }
}
