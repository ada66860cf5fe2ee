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
    /// AIC004: a registered service whose notice reaches no output and whose number is in no page the project ships.
    /// "Never shown" is a claim about every method: it is not made when the engine failed on one (AIC009).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RegistrationNeverShownAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RegistrationNeverShown);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            // Generated code is analyzed so Razor components can be (their sinks report on the .razor line).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (RuleSession.For(start.Compilation, start.Options, start.CancellationToken) is not { } session || session.Flow.Model.RegisteredServiceAttribute is not { } registered ||
                    !session.Flow.HasRegisteredService)
                {
                    return;
                }

                var shown = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
                var services = new ConcurrentBag<INamedTypeSymbol>();
                session.RegisterBlockRule(start, (_, outcome) =>
                {
                    foreach (var notice in outcome.Result?.NoticesShown ?? Array.Empty<string>())
                    {
                        shown[notice] = true;
                    }
                });
                start.RegisterSymbolAction(
                    symbol =>
                    {
                        if (FlowModel.HasAttribute(symbol.Symbol, registered))
                        {
                            services.Add((INamedTypeSymbol)symbol.Symbol);
                        }
                    },
                    SymbolKind.NamedType);
                start.RegisterCompilationEndAction(end => RuleSession.Safely(() =>
                {
                    if (session.Failures == 0)
                    {
                        ReportNeverShown(end, services, shown);
                    }
                }));
            });
        }

        /// <summary>AIC004: registered services whose notice reaches no output and whose number is in no page the project ships.</summary>
        private static void ReportNeverShown(CompilationAnalysisContext context, ConcurrentBag<INamedTypeSymbol> services, ConcurrentDictionary<string, bool> shown)
        {
            // Console apps count only console output; web apps also count the pages and views they ship.
            var web = WellKnownTypes.For(context.Compilation).Get("Microsoft.AspNetCore.Http.HttpContext") is not null;
            var pages = web
                ? context.Options.AdditionalFiles.Where(f => IsPage(f.Path)).Select(f => f.GetText(context.CancellationToken)?.ToString() ?? string.Empty).ToList()
                : new List<string>();
            foreach (var service in services.Distinct(SymbolEqualityComparer.Default).Cast<INamedTypeSymbol>().OrderBy(s => s.ToDisplayString(), StringComparer.Ordinal))
            {
                if (shown.ContainsKey(service.ToDisplayString()))
                {
                    continue;
                }

                var attribute = service.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "RegisteredAiServiceAttribute");
                var number = attribute?.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
                if (pages.Any(page => (!string.IsNullOrEmpty(number) && page.IndexOf(number, StringComparison.Ordinal) >= 0) ||
                                      page.IndexOf(service.Name + ".Registration", StringComparison.Ordinal) >= 0))
                {
                    continue;
                }

                var location = service.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.RegistrationNeverShown,
                    location,
                    service.Name,
                    number ?? "no number",
                    web ? " or show the number in a page or view (.razor, .cshtml, .html)" : " (a console app: Console.WriteLine)"));
            }
        }

        private static bool IsPage(string path) =>
            path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase) ||
            path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
    }
}
