using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// AIC001: follows AI-generated content from the SDK calls that produce it to the outputs a user sees and reports
    /// every path that arrives without a label. See <see cref="MethodAnalysis"/> for the engine and
    /// <see cref="BuiltInModels"/> for what counts as a source, a sink and a label.
    /// </summary>
    /// <remarks>
    /// Cost control: nothing is registered when the compilation references no modeled source type and no
    /// [AiGenerated]; a method body is bound into a flow graph only when its syntax can produce content at all
    /// (a binding-free test over names); other methods of the compilation are summarized only when a caller with
    /// content calls them. No points-to analysis.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnlabeledAiOutputAnalyzer : DiagnosticAnalyzer
    {
        private const int MaxAdditionalLocations = FlowLimits.MaxUnlabeledAdditionalLocations;

        /// <summary>
        /// Exceptions caught so a bug never surfaces as AD0001 in a user's build (each is reported as AIC009); tests
        /// assert it does not move. Counts the failures of every AIC analyzer.
        /// </summary>
        public static int InternalErrors => AnalysisFailures.Count;

        /// <summary>The last exception caught, for tests and diagnostics of the analyzer itself.</summary>
        public static Exception? LastInternalError => AnalysisFailures.Last;

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.UnlabeledAiOutput,
            Descriptors.RegistrationNeverShown,
            Descriptors.LabelTampering,
            Descriptors.LabeledAiOutput,
            Descriptors.AiSourceCall,
            Descriptors.InvalidUserModel,
            Descriptors.AnalysisFailed,
            Descriptors.AnalysisFailedCompilation);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            // Generated code is analyzed so Razor components can be (their sinks report on the .razor line); every
            // other generated tree stays silent (see AnalyzeCodeBlock).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                // The user model file (aicompliance.json): its rows join the built-in ones; its problems are AIC007,
                // reported here only (not by the other analyzers that read it), whether or not an AI SDK is referenced.
                start.RegisterAdditionalFileAction(UserModelFile.ReportProblems);
                try
                {
                    Start(start);
                }
                catch (OperationCanceledException) when (start.CancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    // The set-up of the compilation failed: nothing of it is checked. AIC009 for the compilation, not AD0001.
                    AnalysisFailures.Record(ex);
                    var name = start.Compilation.AssemblyName ?? "the compilation";
                    var reason = AnalysisFailures.Reason(ex);
                    start.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalysisFailedCompilation, Location.None, name, reason)));
                }
            });
        }

        private static void Start(CompilationStartAnalysisContext start)
        {
            var flow = FlowContext.For(start.Compilation, start.Options, start.CancellationToken);
            var model = flow.Model;
            if (model.UnresolvedSdks.Count > 0)
            {
                // An SDK is referenced but none of its source types resolves: its calls are invisible to AIC001.
                var name = start.Compilation.AssemblyName ?? "the compilation";
                var reason = string.Join("; ", model.UnresolvedSdks);
                start.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalysisFailedCompilation, Location.None, name, reason)));
            }

            if (!model.HasSourceTypes && model.AiGeneratedAttribute is null)
            {
                return; // no AI SDK here: no work at all
            }

            var shown = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            var services = new ConcurrentBag<INamedTypeSymbol>();
            var razorTrees = new ConcurrentDictionary<SyntaxTree, bool>();
            var failures = new FailureCount();
            start.RegisterCodeBlockAction(block => AnalyzeCodeBlock(block, flow, shown, razorTrees, failures));
            if (model.RegisteredServiceAttribute is { } registered)
            {
                start.RegisterSymbolAction(
                    symbol =>
                    {
                        if (FlowModel.HasAttribute(symbol.Symbol, registered))
                        {
                            services.Add((INamedTypeSymbol)symbol.Symbol);
                        }
                    },
                    SymbolKind.NamedType);
                start.RegisterCompilationEndAction(end =>
                {
                    try
                    {
                        // "Never shown" is a claim about every method: not made when some were not analyzed (AIC009).
                        if (failures.Count == 0)
                        {
                            ReportNeverShown(end, services, shown);
                        }
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !end.CancellationToken.IsCancellationRequested)
                    {
                        AnalysisFailures.Record(ex);
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalysisFailedCompilation, Location.None, end.Compilation.AssemblyName ?? "the compilation", AnalysisFailures.Reason(ex)));
                    }
                });
            }
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

        private static void AnalyzeCodeBlock(CodeBlockAnalysisContext context, FlowContext flow, ConcurrentDictionary<string, bool> shown, ConcurrentDictionary<SyntaxTree, bool> razorTrees, FailureCount failures)
        {
            if (context.OwningSymbol is not IMethodSymbol method)
            {
                return;
            }

            var razor = false;
            try
            {
                // Generated code is silent, except the output of the Razor compiler: there only the component sinks
                // (RazorSinks) report, each on the .razor line it maps to.
                if (context.IsGeneratedCode)
                {
                    var tree = context.CodeBlock.SyntaxTree;
                    if (!razorTrees.GetOrAdd(tree, t => IsRazorOutput(t, context.CancellationToken)))
                    {
                        return;
                    }

                    razor = true;
                }

                flow.Injection?.ThrowIfInjected(method, context.CodeBlock.SyntaxTree);
                if (!flow.CodeBlockMayProduce(method, context.CodeBlock))
                {
                    return;
                }

                if (method.IsPartialDefinition)
                {
                    return; // the declaration part of a partial method: its implementation part has the body
                }

                if (!flow.TryGetAnalyzed(method, out var result))
                {
                    // Not analyzed yet as a callee of another block: build its flow graph now.
                    var operation = FlowContext.GetOperation(context.SemanticModel, context.CodeBlock, ownBlock: true, context.CancellationToken);
                    var cfg = FlowContext.GraphOf(operation, context.CancellationToken);
                    if (cfg is null)
                    {
                        return;
                    }

                    result = flow.AnalyzeOwnBody(method, cfg, context.CancellationToken);
                }
                foreach (var notice in result.NoticesShown)
                {
                    shown[notice] = true;
                }

                foreach (var finding in result.Findings)
                {
                    Report(context, finding, Descriptors.UnlabeledAiOutput, razor);
                }

                if (razor)
                {
                    foreach (var finding in result.LabeledFindings)
                    {
                        Report(context, finding, Descriptors.LabeledAiOutput, razor);
                    }

                    // The scanner's inventory: source calls written in the page itself (an @code block), on their line.
                    foreach (var source in result.SourceCalls)
                    {
                        if (source.Location.SourceTree == context.CodeBlock.SyntaxTree && MapsToPage(source.Location, context.CancellationToken))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Descriptors.AiSourceCall, source.Location, source.Description, source.Labeled ? " (through the labeling client)" : string.Empty));
                        }
                    }

                    return; // no tampering reports in generated code
                }

                foreach (var tamper in result.Tampering)
                {
                    if (tamper.Node.SyntaxTree == context.CodeBlock.SyntaxTree)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.LabelTampering, tamper.Node.GetLocation(), tamper.Sink));
                    }
                }

                // Report-only diagnostics (off by default; the scanner enables them).
                foreach (var finding in result.LabeledFindings)
                {
                    Report(context, finding, Descriptors.LabeledAiOutput, razor);
                }

                foreach (var source in result.SourceCalls)
                {
                    if (source.Location.SourceTree == context.CodeBlock.SyntaxTree)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptors.AiSourceCall, source.Location, source.Description, source.Labeled ? " (through the labeling client)" : string.Empty));
                    }
                }
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                throw; // a cancelled build; any other cancellation is a failure like the rest (AIC009, not AD0001)
            }
            catch (Exception ex)
            {
                // Never AD0001: the method's outputs are not checked, and AIC009 says so.
                var failure = ex as MethodAnalysisException;
                var cause = failure?.InnerException ?? ex;
                AnalysisFailures.Record(cause);
                failures.Increment();
                ReportAnalysisFailed(context, method, failure?.Method, cause, razor);
            }
        }

        /// <summary>How many code blocks of one compilation the engine failed on.</summary>
        private sealed class FailureCount
        {
            private int _count;

            public int Count => Volatile.Read(ref _count);

            public void Increment() => Interlocked.Increment(ref _count);
        }

        /// <summary>
        /// AIC009 for a code block the engine failed on: at the local function that failed when it is declared in this
        /// block, else at the method's identifier (in Razor output: the first expression that maps to the page).
        /// </summary>
        private static void ReportAnalysisFailed(CodeBlockAnalysisContext context, IMethodSymbol method, IMethodSymbol? failed, Exception cause, bool razor)
        {
            var subject = method;
            if (failed is { MethodKind: MethodKind.LocalFunction } &&
                failed.Locations.FirstOrDefault() is { IsInSource: true } local &&
                local.SourceTree == context.CodeBlock.SyntaxTree &&
                context.CodeBlock.Span.Contains(local.SourceSpan))
            {
                subject = failed;
            }

            Location location;
            if (razor)
            {
                location = MappedLocation(context.CodeBlock, context.CancellationToken);
            }
            else
            {
                location = subject.Locations.FirstOrDefault(l => l.SourceTree == context.CodeBlock.SyntaxTree && context.CodeBlock.Span.Contains(l.SourceSpan))
                           ?? context.CodeBlock.GetLocation();
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalysisFailed, location, AnalysisFailures.NameOf(subject), AnalysisFailures.Reason(cause)));
        }

        private static void Report(CodeBlockAnalysisContext context, Finding finding, DiagnosticDescriptor descriptor, bool razor)
        {
            var sources = finding.Value.Sources.OrderBy(s => s, Comparer<SourceRef>.Create(SourceRef.Compare)).ToList();
            if (sources.Count == 0 || finding.Node.SyntaxTree != context.CodeBlock.SyntaxTree || (razor && !RazorSinks.IsRazorSink(finding.Sink)))
            {
                return;
            }

            var additional = new List<Location>();
            foreach (var source in sources.Take(MaxAdditionalLocations))
            {
                additional.Add(source.Location);
            }

            if (finding.HelperSink is not null)
            {
                additional.Add(finding.HelperSink);
            }

            var sourceName = sources[0].Description + (sources.Count > 1 ? "' and " + (sources.Count - 1) + " more from '" + sources[sources.Count - 1].Description : string.Empty);
            context.ReportDiagnostic(Diagnostic.Create(
                descriptor,
                razor ? MappedLocation(finding.Node, context.CancellationToken) : finding.Node.GetLocation(),
                additional,
                sourceName,
                finding.Sink,
                finding.Via is null ? string.Empty : " via '" + finding.Via + "'"));
        }

        /// <summary>
        /// A generated tree the Razor compiler wrote: named after a component or view (<c>Chat_razor.g.cs</c> from the
        /// source generator, <c>Chat.razor.g.cs</c> from older builds), or mapping lines to a .razor / .cshtml file.
        /// AiCompliance's own generated files never count.
        /// </summary>
        internal static bool IsRazorOutput(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var path = tree.FilePath ?? string.Empty;
            var name = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
            if (name.StartsWith("AiCompliance.", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var suffix in new[] { ".razor.g.cs", "_razor.g.cs", ".cshtml.g.cs", "_cshtml.g.cs" })
            {
                if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            if (!tree.HasHiddenRegions())
            {
                return false; // Razor output hides its scaffolding (#line hidden)
            }

            foreach (var mapping in tree.GetLineMappings(cancellationToken))
            {
                if (!mapping.IsHidden && IsRazorPage(mapping.MappedSpan.Path))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsRazorPage(string? path) =>
            path is not null && (path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// Where a report in Razor output goes: the expression itself when its start maps to the .razor line, else its
        /// first sub-expression that does (Razor wraps component parameters in hidden scaffolding such as
        /// <c>RuntimeHelpers.TypeCheck&lt;T&gt;(…)</c>). The location stays in the generated tree: Roslyn shows its
        /// mapped .razor file and line (<see cref="Location.GetMappedLineSpan"/>).
        /// </summary>
        private static Location MappedLocation(SyntaxNode node, CancellationToken cancellationToken)
        {
            if (MapsToPage(node, cancellationToken))
            {
                return node.GetLocation();
            }

            foreach (var inner in node.DescendantNodes())
            {
                if (inner is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax && MapsToPage(inner, cancellationToken))
                {
                    return inner.GetLocation();
                }
            }

            return node.GetLocation();
        }

        private static bool MapsToPage(Location location, CancellationToken cancellationToken)
        {
            var tree = location.SourceTree;
            if (tree is null || tree.GetLineVisibility(location.SourceSpan.Start, cancellationToken) != LineVisibility.Visible)
            {
                return false;
            }

            var mapped = tree.GetMappedLineSpan(location.SourceSpan, cancellationToken);
            return mapped.HasMappedPath && IsRazorPage(mapped.Path);
        }

        private static bool MapsToPage(SyntaxNode node, CancellationToken cancellationToken)
        {
            var tree = node.SyntaxTree;
            if (tree.GetLineVisibility(node.SpanStart, cancellationToken) != LineVisibility.Visible)
            {
                return false;
            }

            var mapped = tree.GetMappedLineSpan(node.Span, cancellationToken);
            return mapped.HasMappedPath && IsRazorPage(mapped.Path);
        }
    }
}
