using System;
using System.Collections.Immutable;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// AIC901 (report only, off by default; the scanner turns it on): each call whose result is AI-generated content; in
    /// Razor output, the calls of an @code block on their .razor line.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AiSourceCallAnalyzer : FlowRuleAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AiSourceCall);

        /// <inheritdoc />
        private protected override void Report(SemanticModelAnalysisContext context, BlockOutcome outcome)
        {
            foreach (var source in outcome.Result?.SourceCalls ?? Array.Empty<SourceRef>())
            {
                if (source.Location.SourceTree == outcome.Block.SyntaxTree &&
                    (!outcome.Razor || RuleReports.MapsToPage(source.Location, context.CancellationToken)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.AiSourceCall, source.Location, source.Description, source.Labeled ? " (through the labeling client)" : string.Empty));
                }
            }
        }
    }
}
