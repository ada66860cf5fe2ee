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
    /// AIC005: labeled text cut or rewritten so the label may be lost, or searched for removal (from the shared engine
    /// results of <see cref="RuleSession"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LabelTamperingAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LabelTampering);

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
                });
            });
        }
    }
}
