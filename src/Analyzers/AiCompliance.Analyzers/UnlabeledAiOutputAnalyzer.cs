using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AiCompliance.Analyzers.Flow;
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
        private const int MaxAdditionalLocations = 8;
        private static int s_internalErrors;

        /// <summary>Exceptions swallowed so a bug never surfaces as AD0001 in a user's build; tests assert it stays 0.</summary>
        public static int InternalErrors => Volatile.Read(ref s_internalErrors);

        /// <summary>The last exception swallowed, for tests and diagnostics of the analyzer itself.</summary>
        public static Exception? LastInternalError { get; private set; }

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.UnlabeledAiOutput,
            Descriptors.RegistrationNeverShown,
            Descriptors.LabelTampering,
            Descriptors.LabeledAiOutput,
            Descriptors.AiSourceCall,
            Descriptors.InvalidUserModel);

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
                var flow = FlowContext.For(start.Compilation, start.Options, start.CancellationToken);
                var model = flow.Model;
                if (!model.HasSourceTypes && model.AiGeneratedAttribute is null)
                {
                    return; // no AI SDK here: no work at all
                }

                var shown = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
                var services = new ConcurrentBag<INamedTypeSymbol>();
                var razorTrees = new ConcurrentDictionary<SyntaxTree, bool>();
                start.RegisterCodeBlockAction(block => AnalyzeCodeBlock(block, flow, shown, razorTrees));
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
                    start.RegisterCompilationEndAction(end => ReportNeverShown(end, services, shown));
                }
            });
        }

        /// <summary>AIC004: registered services whose notice reaches no output and whose number is in no page the project ships.</summary>
        private static void ReportNeverShown(CompilationAnalysisContext context, ConcurrentBag<INamedTypeSymbol> services, ConcurrentDictionary<string, bool> shown)
        {
            // Console apps count only console output; web apps also count the pages and views they ship.
            var web = context.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext") is not null;
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

        private static void AnalyzeCodeBlock(CodeBlockAnalysisContext context, FlowContext flow, ConcurrentDictionary<string, bool> shown, ConcurrentDictionary<SyntaxTree, bool> razorTrees)
        {
            if (context.OwningSymbol is not IMethodSymbol method)
            {
                return;
            }

            // Generated code is silent, except the output of the Razor compiler: there only the component sinks
            // (RazorSinks) report, each on the .razor line it maps to.
            var razor = false;
            if (context.IsGeneratedCode)
            {
                var tree = context.CodeBlock.SyntaxTree;
                if (!razorTrees.GetOrAdd(tree, t => IsRazorOutput(t, context.CancellationToken)))
                {
                    return;
                }

                razor = true;
            }

            try
            {
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

                    return; // no tampering or source-call reports in generated code
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
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                Interlocked.Increment(ref s_internalErrors);
                LastInternalError = ex;
            }
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
