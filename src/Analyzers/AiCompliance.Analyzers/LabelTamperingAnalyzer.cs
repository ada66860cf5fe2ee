using System.Collections.Immutable;
using AiCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// AIC005: labeled text cut or rewritten so the label may be lost, or searched for removal (from the shared engine
    /// results of <see cref="RuleSession"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LabelTamperingAnalyzer : FlowRuleAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LabelTampering);

        /// <inheritdoc />
        private protected override void Report(SemanticModelAnalysisContext context, BlockOutcome outcome)
        {
            if (outcome.Result is not { } result || outcome.Razor)
            {
                return; // no tampering reports in generated code
            }

            foreach (var tamper in result.Tampering)
            {
                if (tamper.Node.SyntaxTree == outcome.Block.SyntaxTree)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.LabelTampering, tamper.Node.GetLocation(), tamper.Sink));
                }
            }
        }
    }
}
