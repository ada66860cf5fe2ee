using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// AIC001: follows AI-generated content from the SDK calls that produce it to the outputs a user sees and reports
    /// every path that arrives without a label. See <see cref="MethodAnalysis"/> for the engine and
    /// <see cref="BuiltInModels"/> for what counts as a source, a sink and a label.
    /// </summary>
    /// <remarks>
    /// Cost control: nothing is registered when the compilation references no modeled source type and no
    /// [AiGenerated]; a method body is bound into a flow graph only when its syntax can produce content at all
    /// (a binding-free test over names); other methods of the compilation are summarized only when a caller with
    /// content calls them. No points-to analysis.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnlabeledAiOutputAnalyzer : DiagnosticAnalyzer
    {
        private const int MaxAdditionalLocations = 8;
        private static int s_internalErrors;

        /// <summary>Exceptions swallowed so a bug never surfaces as AD0001 in a user's build; tests assert it stays 0.</summary>
        public static int InternalErrors => Volatile.Read(ref s_internalErrors);

        /// <summary>The last exception swallowed, for tests and diagnostics of the analyzer itself.</summary>
        public static Exception? LastInternalError { get; private set; }

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.UnlabeledAiOutput,
            Descriptors.LabelTampering,
            Descriptors.LabeledAiOutput,
            Descriptors.AiSourceCall);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var model = FlowModel.Create(start.Compilation);
                if (!model.HasSourceTypes && model.AiGeneratedAttribute is null)
                {
                    return; // no AI SDK here: no work at all
                }

                var flow = new FlowContext(model);
                start.RegisterCodeBlockAction(block => AnalyzeCodeBlock(block, flow));
            });
        }

        private static void AnalyzeCodeBlock(CodeBlockAnalysisContext context, FlowContext flow)
        {
            if (context.OwningSymbol is not IMethodSymbol method)
            {
                return;
            }

            try
            {
                if (!flow.SyntaxMayProduce(context.CodeBlock))
                {
                    return;
                }

                var operation = context.SemanticModel.GetOperation(context.CodeBlock, context.CancellationToken);
                ControlFlowGraph? cfg = operation switch
                {
                    IMethodBodyOperation body => ControlFlowGraph.Create(body, context.CancellationToken),
                    IConstructorBodyOperation ctor => ControlFlowGraph.Create(ctor, context.CancellationToken),
                    IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block, context.CancellationToken),
                    _ => null,
                };
                if (cfg is null)
                {
                    return;
                }

                var result = flow.AnalyzeOwnBody(method, cfg, context.CancellationToken);
                foreach (var finding in result.Findings)
                {
                    Report(context, finding, Descriptors.UnlabeledAiOutput);
                }

                foreach (var tamper in result.Tampering)
                {
                    if (tamper.Node.SyntaxTree == context.CodeBlock.SyntaxTree)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.LabelTampering, tamper.Node.GetLocation(), tamper.Sink));
                    }
                }

                // Report-only diagnostics (off by default; the scanner enables them).
                foreach (var finding in result.LabeledFindings)
                {
                    Report(context, finding, Descriptors.LabeledAiOutput);
                }

                foreach (var source in result.SourceCalls)
                {
                    if (source.Location.SourceTree == context.CodeBlock.SyntaxTree)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.AiSourceCall, source.Location, source.Description, source.Labeled ? " (through the labeling client)" : string.Empty));
                    }
                }
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref s_internalErrors);
                LastInternalError = ex;
            }
        }

        private static void Report(CodeBlockAnalysisContext context, Finding finding, DiagnosticDescriptor descriptor)
        {
            var sources = finding.Value.Sources.OrderBy(s => s, Comparer<SourceRef>.Create(SourceRef.Compare)).ToList();
            if (sources.Count == 0 || finding.Node.SyntaxTree != context.CodeBlock.SyntaxTree)
            {
                return;
            }

            var additional = new List<Location>();
            foreach (var source in sources.Take(MaxAdditionalLocations))
            {
                additional.Add(source.Location);
            }

            if (finding.HelperSink is not null)
            {
                additional.Add(finding.HelperSink);
            }

            var sourceName = sources[0].Description + (sources.Count > 1 ? "' and " + (sources.Count - 1) + " more from '" + sources[sources.Count - 1].Description : string.Empty);
            context.ReportDiagnostic(Diagnostic.Create(
                descriptor,
                finding.Node.GetLocation(),
                additional,
                sourceName,
                finding.Sink,
                finding.Via is null ? string.Empty : " via '" + finding.Via + "'"));
        }
    }
}
