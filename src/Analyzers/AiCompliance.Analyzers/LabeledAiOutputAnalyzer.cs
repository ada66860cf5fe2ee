using System;
using System.Collections.Immutable;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// AIC900 (report only, off by default; the scanner turns it on): AI content that reaches a user-facing output labeled.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LabeledAiOutputAnalyzer : FlowRuleAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LabeledAiOutput);

        /// <inheritdoc />
        private protected override void Report(SemanticModelAnalysisContext context, BlockOutcome outcome)
        {
            foreach (var finding in outcome.Result?.LabeledFindings ?? Array.Empty<Finding>())
            {
                RuleReports.Report(context, outcome, finding, Descriptors.LabeledAiOutput);
            }
        }
    }
}
