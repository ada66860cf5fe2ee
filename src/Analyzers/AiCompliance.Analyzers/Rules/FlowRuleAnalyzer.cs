using System;
using AiCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// The base of the rules that report the engine's results (AIC001, AIC005, AIC009, AIC900, AIC901): nothing is
    /// registered when the compilation references no AI SDK; otherwise the rule runs once per syntax tree and reports
    /// from each analyzed code block's outcome, shared through <see cref="RuleSession"/> (computed once for all rules).
    /// </summary>
    public abstract class FlowRuleAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public sealed override void Initialize(AnalysisContext context)
        {
            // Generated code is analyzed so Razor components can be (their sinks report on the .razor line); every other
            // generated tree stays silent (RuleSession.Outcomes).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => Start(start, RuleSession.For(start.Compilation, start.Options, start.CancellationToken)));
        }

        /// <summary>
        /// What the rule registers for a compilation: its per-tree step when the compilation references an AI SDK
        /// (<paramref name="session"/> is null when it does not: no work at all).
        /// </summary>
        private protected virtual void Start(CompilationStartAnalysisContext start, RuleSession? session) => session?.RegisterBlockRule(start, Report);

        /// <summary>Reports what the rule sees in one code block's outcome.</summary>
        private protected abstract void Report(SemanticModelAnalysisContext context, BlockOutcome outcome);
    }
}
