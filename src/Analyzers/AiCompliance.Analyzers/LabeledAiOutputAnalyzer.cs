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
    /// AIC900 (report only, off by default; the scanner turns it on): AI content that reaches a user-facing output labeled.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LabeledAiOutputAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LabeledAiOutput);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            // Generated code is analyzed so Razor components can be (their sinks report on the .razor line).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (RuleSession.For(start.Compilation, start.Options, start.CancellationToken) is not { } session)
                {
                    return; // no AI SDK here: no work at all
                }

                session.RegisterBlockRule(start, (context, outcome) =>
                {
                    foreach (var finding in outcome.Result?.LabeledFindings ?? Array.Empty<Finding>())
                    {
                        RuleReports.Report(context, outcome, finding, Descriptors.LabeledAiOutput);
                    }
                });
            });
        }
    }
}
