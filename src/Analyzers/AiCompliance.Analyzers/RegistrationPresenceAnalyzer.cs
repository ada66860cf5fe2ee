using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Flow.Prefilter;
using AiCompliance.Analyzers.Rules;
using AiCompliance.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// AIC003: the project calls an LLM SDK (any AIC001 source row, wherever its answer goes) but declares no
    /// <c>[RegisteredAiService]</c>. Reported once per project, at the first source call (ordered by the file the user
    /// sees, a component's <c>.razor</c> file included, then position, so the location is stable), with the other calls
    /// as additional locations. A cheap per-compilation question: each tree's text is scanned for the rows' names and
    /// only those calls are bound (<see cref="SourceCalls"/>); test projects are not asked.
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
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
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
                if (!model.HasSourceTypes || IsTestProject(start.Compilation))
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

                // Every tree is asked, whatever the AIC001 prefilter says (the question does not depend on where the
                // answer goes): a scan of its text for the source rows' names, binding only the calls of those names.
                // Razor output counts (a component's @code calls the model); other generated code does not.
                var sources = new SourceCalls(model);

                // The AIC001 index (built once per compilation and shared) has already bound the bodies that mention a
                // source row's name, or ruled them out by their receivers' declared types: those calls are not bound
                // again. Without the index (it failed: recorded, and reported as AIC009), every call is bound.
                var index = new Lazy<ProducerIndex?>(() => IndexOrNull(flow), LazyThreadSafetyMode.ExecutionAndPublication);
                var razorTrees = new ConcurrentDictionary<SyntaxTree, bool>();
                start.RegisterSemanticModelAction(
                    c =>
                    {
                        try
                        {
                            var tree = c.SemanticModel.SyntaxTree;
                            if (c.IsGeneratedCode && !razorTrees.GetOrAdd(tree, t => RuleReports.IsRazorOutput(t, c.CancellationToken)))
                            {
                                return;
                            }

                            foreach (var (call, description) in sources.In(c.SemanticModel, c.CancellationToken, index.Value is { } known ? known.RulesOutSourceCall : null))
                            {
                                calls.Add((call.GetLocation(), description));
                            }
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

                    // By the file the user sees (a component's .razor file, through the Razor compiler's #line mapping),
                    // then position, so the location is stable.
                    var ordered = calls
                        .Select(c => (Call: c, Mapped: c.Location.GetMappedLineSpan()))
                        .OrderBy(c => c.Mapped.Path, System.StringComparer.Ordinal)
                        .ThenBy(c => c.Mapped.StartLinePosition.Line)
                        .ThenBy(c => c.Mapped.StartLinePosition.Character)
                        .ThenBy(c => c.Call.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
                        .ThenBy(c => c.Call.Location.SourceSpan.Start)
                        .Select(c => c.Call)
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

        private static ProducerIndex? IndexOrNull(FlowContext flow)
        {
            try
            {
                return flow.Prefilter.Index;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AnalysisFailures.Record(ex);
                return null;
            }
        }

        /// <summary>Test frameworks: a project that references one is a test project, which offers no service to register.</summary>
        private static readonly string[] TestFrameworks =
        {
            "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework", "MSTest.TestFramework", "TUnit.Core",
        };

        /// <summary>
        /// Whether the compilation is a test project (it references a test framework): its calls (to a fake client, or to
        /// the real one in integration tests) are not a service offered to the public.
        /// </summary>
        internal static bool IsTestProject(Compilation compilation)
        {
            foreach (var reference in compilation.ReferencedAssemblyNames)
            {
                if (Array.IndexOf(TestFrameworks, reference.Name) >= 0)
                {
                    return true;
                }
            }

            return false;
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
    }
}
