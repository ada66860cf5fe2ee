using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// AIC003: the project calls an LLM SDK (any AIC001 source) but declares no <c>[RegisteredAiService]</c>. Reported
    /// once per project, at the first source call (ordered by file path, then position, so the location is stable),
    /// with the other calls as additional locations.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RegistrationPresenceAnalyzer : DiagnosticAnalyzer
    {
        private const int MaxAdditionalLocations = FlowLimits.MaxRegistrationAdditionalLocations;

        /// <summary>Diagnostic property: the source description of the first call (used by the code fix title).</summary>
        public const string SourceProperty = "Source";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ServiceNotRegistered);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                // Failures here never become AD0001: they are counted, and the shared engine code that failed (the flow
                // context, the prefilter, the model) fails in UnlabeledAiOutputAnalyzer too, which reports AIC009.
                // User-declared sources (aicompliance.json) count too; AIC007 is reported by UnlabeledAiOutputAnalyzer.
                FlowContext flow;
                try
                {
                    flow = FlowContext.For(start.Compilation, start.Options, start.CancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !start.CancellationToken.IsCancellationRequested)
                {
                    AnalysisFailures.Record(ex);
                    return;
                }

                var model = flow.Model;
                if (!model.HasSourceTypes)
                {
                    return;
                }

                // A registered service (found from the few files that name the attribute): nothing can be reported, so
                // no action is registered at all (the usual case for a project that uses the generator). If the search
                // fails, the symbols below decide.
                if (HasRegisteredService(flow))
                {
                    return;
                }

                var calls = new ConcurrentBag<(Location Location, string Description)>();
                var registered = 0;

                // Only code blocks the shared prefilter lets through (they name a source member) are searched, and only
                // invocations named like a source member are bound: no syntax or operation action over the whole code.
                var names = model.SourceMemberNames;
                start.RegisterCodeBlockAction(
                    c =>
                    {
                        try
                        {
                            FindSourceCalls(c, flow, names, calls);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException || !c.CancellationToken.IsCancellationRequested)
                        {
                            AnalysisFailures.Record(ex);
                        }
                    });
                start.RegisterSymbolAction(
                    c =>
                    {
                        if (model.RegisteredServiceAttribute is { } attribute &&
                            c.Symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
                        {
                            Interlocked.Exchange(ref registered, 1);
                        }
                    },
                    SymbolKind.NamedType);
                start.RegisterCompilationEndAction(end =>
                {
                    if (Volatile.Read(ref registered) != 0 || calls.IsEmpty)
                    {
                        return;
                    }

                    var ordered = calls
                        .OrderBy(c => c.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
                        .ThenBy(c => c.Location.SourceSpan.Start)
                        .ToList();
                    var first = ordered[0];
                    end.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.ServiceNotRegistered,
                        first.Location,
                        ordered.Skip(1).Take(MaxAdditionalLocations).Select(c => c.Location),
                        ImmutableDictionary<string, string?>.Empty.Add(SourceProperty, first.Description),
                        first.Description,
                        ordered.Count));
                });
            });
        }

        private static bool HasRegisteredService(FlowContext flow)
        {
            try
            {
                return flow.HasRegisteredService;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AnalysisFailures.Record(ex);
                return false;
            }
        }

        private static void FindSourceCalls(CodeBlockAnalysisContext c, FlowContext flow, HashSet<string> names, ConcurrentBag<(Location Location, string Description)> calls)
        {
            if (!flow.CodeBlockMayProduce(c.OwningSymbol, c.CodeBlock))
            {
                return;
            }

            foreach (var invocation in c.CodeBlock.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                };
                if (name is null || !names.Contains(name))
                {
                    continue;
                }

                if (c.SemanticModel.GetSymbolInfo(invocation, c.CancellationToken).Symbol is IMethodSymbol target &&
                    flow.Model.Find(target)?.SourceDescription is { } description)
                {
                    calls.Add((invocation.GetLocation(), description));
                }
            }
        }
    }
}
