using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Models;
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
    public sealed class AnalysisFailedAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AnalysisFailed, Descriptors.AnalysisFailedCompilation);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            // Generated code is analyzed so Razor components can be (their sinks report on the .razor line).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var name = start.Compilation.AssemblyName ?? "the compilation";
                var flow = RuleSession.FlowOf(start.Compilation, start.Options, start.CancellationToken, out var setupFailure);
                if (setupFailure is not null)
                {
                    // The set-up of the compilation failed: nothing of it is checked.
                    var reason = AnalysisFailures.Reason(setupFailure);
                    start.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalysisFailedCompilation, Location.None, name, reason)));
                    return;
                }

                if (flow!.Model.UnresolvedSdks.Count > 0)
                {
                    // An SDK is referenced but none of its source types resolves: its calls are invisible to AIC001.
                    var sdks = string.Join("; ", flow.Model.UnresolvedSdks);
                    start.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalysisFailedCompilation, Location.None, name, sdks)));
                }

                if (RuleSession.For(start.Compilation, start.Options, start.CancellationToken) is not { } session)
                {
                    return;
                }

                session.RegisterBlockRule(start, (context, outcome) =>
                {
                    if (outcome.Failure is { } failure)
                    {
                        RuleReports.ReportAnalysisFailed(context, outcome, failure);
                    }
                });
            });
        }
    }
}
