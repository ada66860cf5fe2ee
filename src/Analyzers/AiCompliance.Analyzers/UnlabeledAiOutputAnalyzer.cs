using System;
using System.Collections.Immutable;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// AIC001: follows AI-generated content from the SDK calls that produce it to the outputs a user sees and reports
    /// every path that arrives without a label. The engine is <see cref="MethodAnalysis"/>, the model
    /// <see cref="BuiltInModels"/>; the per-block results are shared with the other rules through
    /// <see cref="RuleSession"/> (each block is analyzed once, whichever rule asks first).
    /// </summary>
    /// <remarks>
    /// Cost control: nothing is registered when the compilation references no modeled source type and no
    /// [AiGenerated]; a method body is bound into a flow graph only when its syntax can produce content at all
    /// (a binding-free test over names); other methods of the compilation are summarized only when a caller with
    /// content calls them. No points-to analysis.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnlabeledAiOutputAnalyzer : FlowRuleAnalyzer
    {
        /// <summary>
        /// Exceptions caught so a bug never surfaces as AD0001 in a user's build (each is reported as AIC009); tests
        /// assert it does not move. Counts the failures of every AIC analyzer.
        /// </summary>
        public static int InternalErrors => AnalysisFailures.Count;

        /// <summary>The last exception caught, for tests and diagnostics of the analyzer itself.</summary>
        public static Exception? LastInternalError => AnalysisFailures.Last;

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnlabeledAiOutput);

        /// <inheritdoc />
        private protected override void Report(SemanticModelAnalysisContext context, BlockOutcome outcome)
        {
            foreach (var finding in outcome.Result?.Findings ?? Array.Empty<Finding>())
            {
                RuleReports.Report(context, outcome, finding, Descriptors.UnlabeledAiOutput);
            }
        }

        /// <summary>Whether the tree is Razor compiler output (see <see cref="RuleReports.IsRazorOutput"/>).</summary>
        internal static bool IsRazorOutput(SyntaxTree tree, CancellationToken cancellationToken) => RuleReports.IsRazorOutput(tree, cancellationToken);
    }
}
