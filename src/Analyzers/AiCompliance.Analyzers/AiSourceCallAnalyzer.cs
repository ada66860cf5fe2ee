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
    /// AIC901 (report only, off by default; the scanner turns it on): each call whose result is AI-generated content; in
    /// Razor output, the calls of an @code block on their .razor line.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AiSourceCallAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AiSourceCall);

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
                    if (outcome.Result is not { } result)
                    {
                        return;
                    }

                    foreach (var source in result.SourceCalls)
                    {
                        if (source.Location.SourceTree == outcome.Block.SyntaxTree &&
                            (!outcome.Razor || RuleReports.MapsToPage(source.Location, context.CancellationToken)))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Descriptors.AiSourceCall, source.Location, source.Description, source.Labeled ? " (through the labeling client)" : string.Empty));
                        }
                    }
                });
            });
        }
    }
}
