using System.Collections.Immutable;
using AiCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// AIC009: AiCompliance could not analyze a method (the engine failed on it), the compilation (setting it up failed)
    /// or the calls of a referenced SDK whose source types do not resolve: those outputs are not checked. Never AD0001.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AnalysisFailedAnalyzer : FlowRuleAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AnalysisFailed, Descriptors.AnalysisFailedCompilation);

        /// <inheritdoc />
        private protected override void Start(CompilationStartAnalysisContext start, RuleSession? session)
        {
            base.Start(start, session);
            var name = start.Compilation.AssemblyName ?? "the compilation";
            var flow = RuleSession.FlowOf(start.Compilation, start.Options, start.CancellationToken, out var setupFailure);
            if (setupFailure is not null)
            {
                // The set-up of the compilation failed: nothing of it is checked.
                var reason = AnalysisFailures.Reason(setupFailure);
                start.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalysisFailedCompilation, Location.None, name, reason)));
            }
            else if (flow!.Model.UnresolvedSdks.Count > 0)
            {
                // An SDK is referenced but none of its source types resolves: its calls are invisible to AIC001.
                var sdks = string.Join("; ", flow.Model.UnresolvedSdks);
                start.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalysisFailedCompilation, Location.None, name, sdks)));
            }
        }

        /// <inheritdoc />
        private protected override void Report(SemanticModelAnalysisContext context, BlockOutcome outcome)
        {
            if (outcome.Failure is { } failure)
            {
                RuleReports.ReportAnalysisFailed(context, outcome, failure);
            }
        }
    }
}
