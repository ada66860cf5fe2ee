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
        public static readonly BlockOutcome None = new BlockOutcome(null, false, null, null);

        public BlockOutcome(MethodResult? result, bool razor, Exception? failure, IMethodSymbol? failedMethod)
        {
            Result = result;
            Razor = razor;
            Failure = failure;
            FailedMethod = failedMethod;
        }

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
    internal sealed class RuleSession
    {
        private static readonly ConditionalWeakTable<FlowContext, RuleSession> s_sessions = new ConditionalWeakTable<FlowContext, RuleSession>();
        private static readonly ConditionalWeakTable<Compilation, Exception> s_setupFailures = new ConditionalWeakTable<Compilation, Exception>();

        private readonly ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), Lazy<BlockOutcome>> _outcomes = new ConcurrentDictionary<(SyntaxTree, TextSpan), Lazy<BlockOutcome>>();
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

        /// <summary>The outcome of the block (computed on first request; the engine never throws out of here).</summary>
        public BlockOutcome Outcome(CodeBlockAnalysisContext context)
        {
            if (context.OwningSymbol is not IMethodSymbol)
            {
                return BlockOutcome.None;
            }

            var lazy = _outcomes.GetOrAdd(
                (context.CodeBlock.SyntaxTree, context.CodeBlock.Span),
                _ => new Lazy<BlockOutcome>(() => Compute(context), LazyThreadSafetyMode.ExecutionAndPublication));
            return lazy.Value;
        }

        private BlockOutcome Compute(CodeBlockAnalysisContext context)
        {
            var method = (IMethodSymbol)context.OwningSymbol;
            var razor = false;
            try
            {
                // Generated code is silent, except the output of the Razor compiler: there only the component sinks
                // (RazorSinks) report, each on the .razor line it maps to.
                if (context.IsGeneratedCode)
                {
                    if (!_razorTrees.GetOrAdd(context.CodeBlock.SyntaxTree, t => RuleReports.IsRazorOutput(t, context.CancellationToken)))
                    {
                        return BlockOutcome.None;
                    }

                    razor = true;
                }

                Flow.Injection?.ThrowIfInjected(method, context.CodeBlock.SyntaxTree);
                if (!Flow.CodeBlockMayProduce(method, context.CodeBlock) || method.IsPartialDefinition)
                {
                    return BlockOutcome.None; // nothing to analyze; a partial definition's implementation part has the body
                }

                if (!Flow.TryGetAnalyzed(method, out var result))
                {
                    // Not analyzed yet as a callee of another block: build its flow graph now.
                    var operation = FlowContext.GetOperation(context.SemanticModel, context.CodeBlock, ownBlock: true, context.CancellationToken);
                    var cfg = FlowContext.GraphOf(operation, context.CancellationToken);
                    if (cfg is null)
                    {
                        return BlockOutcome.None;
                    }

                    result = Flow.AnalyzeOwnBody(method, cfg, context.CancellationToken);
                }

                return new BlockOutcome(result, razor, null, null);
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                throw; // a cancelled build; any other cancellation is a failure like the rest (AIC009, not AD0001)
            }
            catch (Exception ex)
            {
                // Never AD0001: the method's outputs are not checked, and AIC009 says so.
                var failure = ex as MethodAnalysisException;
                var cause = failure?.InnerException ?? ex;
                AnalysisFailures.Record(cause);
                Interlocked.Increment(ref _failures);
                return new BlockOutcome(null, razor, cause, failure?.Method);
            }
        }
    }
}
