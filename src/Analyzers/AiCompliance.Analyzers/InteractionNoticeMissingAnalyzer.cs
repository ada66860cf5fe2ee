using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// AIC011: for a compilation that declares a service under the EU profile, a chat surface (a Razor component, a
    /// route handler, a controller action or hub method whose AI content reaches a user-facing output) on which no
    /// interaction notice of an EU service is shown (AI Act Art. 50(1)). Built on AIC004's notice tracking: reads of
    /// <c>InteractionNotice</c> / <c>…Html</c> / <c>…Markup</c> are followed to the outputs like content.
    /// </summary>
    /// <remarks>
    /// Where a notice counts for a surface: a component is covered by a notice rendered in its own render tree or the
    /// tree of a component it opens (<c>OpenComponent&lt;T&gt;</c>), of any component that opens it (its page, up to
    /// the root), or of a layout of the project (<c>LayoutComponentBase</c>, or a view named <c>_Layout</c>). An
    /// endpoint (route handler, or another method) is covered by a notice written to an output in the same route
    /// handler (or method), by a layout showing it, or by a page the project ships (.html, .razor, .cshtml as
    /// additional files) naming <c>Svc.InteractionNotice</c> or holding its text. Not followed: a notice shown by a
    /// helper the surface calls, by another endpoint, or whether it comes before the first answer. Like AIC004 it is a
    /// claim about every method: nothing is reported when the engine failed on one (AIC009).
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InteractionNoticeMissingAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InteractionNoticeMissing);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            // Generated code is analyzed so Razor components can be (their outputs report on the .razor line).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (RuleSession.For(start.Compilation, start.Options, start.CancellationToken) is not { } session || session.Flow.Model.RegisteredServiceAttribute is not { } registered ||
                    !session.Flow.HasRegisteredService)
                {
                    return;
                }

                var state = new CompilationState(session, registered);
                session.RegisterBlockRule(start, (context, outcome) => state.Collect(outcome, context.CancellationToken));
                start.RegisterSymbolAction(symbol => state.CollectType((INamedTypeSymbol)symbol.Symbol), SymbolKind.NamedType);
                start.RegisterCompilationEndAction(end => RuleSession.Safely(() =>
                {
                    if (session.Failures == 0)
                    {
                        state.Report(end);
                    }
                }));
            });
        }

        /// <summary>A place where AI content reaches a user: a component, a route handler, or a method.</summary>
        private sealed class Surface
        {
            public Surface(string key, string name, string? component, Location location, SyntaxTree tree, TextSpan scope)
            {
                Key = key;
                Name = name;
                Component = component;
                Location = location;
                Tree = tree;
                Scope = scope;
            }

            public string Key { get; }

            /// <summary>How the message names it: <c>component 'Chat'</c>, <c>endpoint MapPost("/chat")</c>, <c>'ChatHub.Send'</c>.</summary>
            public string Name { get; }

            /// <summary>The component's name (its render tree and the trees around it count), or null for code.</summary>
            public string? Component { get; }

            /// <summary>The first output of the surface (its .razor line for a component).</summary>
            public Location Location { get; }

            public SyntaxTree Tree { get; }

            /// <summary>For code: the span a notice must be shown in (the route handler, or the method's block).</summary>
            public TextSpan Scope { get; }
        }

        /// <summary>A notice shown, and the type whose code shows it.</summary>
        private sealed class Shown
        {
            public Shown(NoticeSite site, string type)
            {
                Site = site;
                Type = type;
            }

            public NoticeSite Site { get; }

            public string Type { get; }
        }

        private sealed class CompilationState
        {
            private readonly RuleSession _session;
            private readonly INamedTypeSymbol _registered;
            private readonly ConcurrentBag<Surface> _surfaces = new ConcurrentBag<Surface>();
            private readonly ConcurrentBag<Shown> _shown = new ConcurrentBag<Shown>();
            private readonly ConcurrentBag<INamedTypeSymbol> _euServices = new ConcurrentBag<INamedTypeSymbol>();
            private readonly ConcurrentBag<string> _layouts = new ConcurrentBag<string>();

            public CompilationState(RuleSession session, INamedTypeSymbol registered)
            {
                _session = session;
                _registered = registered;
            }

            /// <summary>EU services, and the layouts of the project (components and views every page is shown in).</summary>
            public void CollectType(INamedTypeSymbol type)
            {
                if (FlowModel.HasAttribute(type, _registered) && InteractionNotices.IsEuropeanUnion(type, _registered))
                {
                    _euServices.Add(type);
                }

                if (type.Name.EndsWith("_Layout", StringComparison.Ordinal))
                {
                    _layouts.Add(type.Name);
                    return;
                }

                for (var b = type.BaseType; b is not null; b = b.BaseType)
                {
                    if (b.Name == "LayoutComponentBase" && b.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Components")
                    {
                        _layouts.Add(type.Name);
                        return;
                    }
                }
            }

            /// <summary>The surfaces and interaction notices of one code block.</summary>
            public void Collect(BlockOutcome outcome, System.Threading.CancellationToken cancellationToken)
            {
                if (outcome.Result is not { } result)
                {
                    return;
                }

                var type = outcome.Method.ContainingType?.Name ?? string.Empty;
                foreach (var site in result.NoticeSites)
                {
                    _shown.Add(new Shown(site, type));
                }

                foreach (var finding in result.Findings.Concat(result.LabeledFindings))
                {
                    if (finding.Value.Sources.IsEmpty || finding.Node.SyntaxTree != outcome.Block.SyntaxTree)
                    {
                        continue;
                    }

                    if (RazorSinks.IsRazorSink(finding.Sink))
                    {
                        // A render tree (Razor output, or a hand-written BuildRenderTree): the component is the surface.
                        var location = outcome.Razor ? RuleReports.MappedLocation(finding.Node, cancellationToken) : finding.Node.GetLocation();
                        _surfaces.Add(new Surface("component:" + type, "component '" + type + "'", type, location, finding.Node.SyntaxTree, default));
                    }
                    else if (!outcome.Razor && !IsConsoleSink(finding.Sink))
                    {
                        _surfaces.Add(CodeSurface(outcome, finding));
                    }
                }
            }

            /// <summary>Console and terminal widgets are not a chat surface of a web page (AIC011 is about pages and endpoints).</summary>
            private static bool IsConsoleSink(string sink) =>
                sink.StartsWith("Console.", StringComparison.Ordinal) || sink.StartsWith("AnsiConsole.", StringComparison.Ordinal) ||
                sink.StartsWith("IAnsiConsole.", StringComparison.Ordinal) || sink.StartsWith("Paragraph.", StringComparison.Ordinal) ||
                sink.StartsWith("Table.", StringComparison.Ordinal) || sink.StartsWith("new ", StringComparison.Ordinal);

            /// <summary>The route handler holding the output (an argument of <c>app.Map…</c>), else the whole method.</summary>
            private static Surface CodeSurface(BlockOutcome outcome, Finding finding)
            {
                var tree = finding.Node.SyntaxTree;
                for (var node = finding.Node; node is not null && node != outcome.Block.Parent; node = node.Parent)
                {
                    if (node is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } argument &&
                        MethodName(invocation) is { } map && map.StartsWith("Map", StringComparison.Ordinal))
                    {
                        var route = invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal ? literal.ToString() : string.Empty;
                        var name = "endpoint " + map + "(" + route + ")";
                        return new Surface("code:" + tree.FilePath + ":" + argument.SpanStart, name, null, finding.Node.GetLocation(), tree, argument.Span);
                    }
                }

                var method = MethodAnalysis.TypeAndMember(outcome.Method);
                return new Surface("code:" + tree.FilePath + ":" + outcome.Block.SpanStart, "'" + method + "'", null, finding.Node.GetLocation(), tree, outcome.Block.Span);
            }

            private static string? MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };

            /// <summary>At the end of the compilation: every surface on which no EU interaction notice is shown.</summary>
            public void Report(CompilationAnalysisContext context)
            {
                var services = _euServices.Distinct(SymbolEqualityComparer.Default).Cast<INamedTypeSymbol>().OrderBy(s => s.ToDisplayString(), StringComparer.Ordinal).ToList();
                if (services.Count == 0 || _surfaces.IsEmpty)
                {
                    return;
                }

                var keys = new HashSet<string>(services.Select(InteractionNotices.Key), StringComparer.Ordinal);
                var shown = _shown.Where(s => keys.Contains(s.Site.Notice)).ToList();
                var tree = new RenderTree(_session, context.Compilation, context.CancellationToken);
                var showingTypes = new HashSet<string>(shown.Select(s => s.Type), StringComparer.Ordinal);
                var layoutShows = _layouts.Any(l => tree.Shows(l, showingTypes));
                var pageShows = PagesShowNotice(context, services);
                var serviceNames = string.Join(" or ", services.Select(s => "'" + s.Name + "'"));
                var uncovered = new List<Surface>();
                foreach (var group in _surfaces.GroupBy(s => s.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var surface = group.OrderBy(s => s.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(s => s.Location.SourceSpan.Start).First();
                    var covered = layoutShows ||
                                  (surface.Component is { } component
                                      ? tree.Shows(component, showingTypes) || tree.AncestorsOf(component).Any(a => tree.Shows(a, showingTypes))
                                      : pageShows || shown.Any(s => s.Site.Location.SourceTree == surface.Tree && surface.Scope.Contains(s.Site.Location.SourceSpan)));
                    if (!covered)
                    {
                        uncovered.Add(surface);
                    }
                }

                // One report per page: a component rendered by another uncovered surface is covered by the notice that one
                // needs (the chat template's page and the four components it renders are one missing notice, not five).
                var uncoveredComponents = new HashSet<string>(uncovered.Where(s => s.Component is not null).Select(s => s.Component!), StringComparer.Ordinal);
                foreach (var surface in uncovered)
                {
                    if (surface.Component is { } component && tree.AncestorsOf(component).Any(uncoveredComponents.Contains))
                    {
                        continue;
                    }

                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.InteractionNoticeMissing, surface.Location, surface.Name, serviceNames, services[0].Name));
                }
            }

            /// <summary>A page the project ships (additional files) that names an EU service's notice or holds its text.</summary>
            private static bool PagesShowNotice(CompilationAnalysisContext context, List<INamedTypeSymbol> services)
            {
                var needles = new List<string>();
                foreach (var service in services)
                {
                    needles.Add(service.Name + ".InteractionNotice");
                    if (service.GetMembers("InteractionNotice").OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true, ConstantValue: string { Length: > 0 } text })
                    {
                        needles.Add(text);
                    }
                }

                foreach (var file in context.Options.AdditionalFiles)
                {
                    if (!IsPage(file.Path))
                    {
                        continue;
                    }

                    var text = file.GetText(context.CancellationToken)?.ToString() ?? string.Empty;
                    if (needles.Any(n => text.IndexOf(n, StringComparison.Ordinal) >= 0))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsPage(string path) =>
                path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase) ||
                path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Which components open which (<c>OpenComponent&lt;T&gt;</c> in Razor output), by the components' own names (as
        /// <see cref="ComponentInputs"/> does): two components of the same name in different namespaces are one here.
        /// </summary>
        private sealed class RenderTree
        {
            private readonly Dictionary<string, HashSet<string>> _children = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            private readonly Dictionary<string, HashSet<string>> _parents = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

            public RenderTree(RuleSession session, Compilation compilation, System.Threading.CancellationToken cancellationToken)
            {
                foreach (var tree in compilation.SyntaxTrees)
                {
                    if (session.Flow.Prefilter.TextOf(tree).IndexOf("OpenComponent<", StringComparison.Ordinal) < 0)
                    {
                        continue;
                    }

                    foreach (var type in tree.GetRoot(cancellationToken).DescendantNodes().OfType<ClassDeclarationSyntax>())
                    {
                        var parent = type.Identifier.ValueText;
                        foreach (var method in type.Members.OfType<MethodDeclarationSyntax>())
                        {
                            foreach (var child in ChildComponentParameter.OpenedComponentNames(method))
                            {
                                Add(_children, parent, child);
                                Add(_parents, child, parent);
                            }
                        }
                    }
                }
            }

            /// <summary>Whether the component or one it opens (at any depth) shows the notice.</summary>
            public bool Shows(string component, HashSet<string> showing) => Reachable(_children, component).Any(showing.Contains);

            /// <summary>The components that open this one, at any depth (its page, and the pages around that).</summary>
            public IEnumerable<string> AncestorsOf(string component) => Reachable(_parents, component).Where(c => c != component);

            private static IEnumerable<string> Reachable(Dictionary<string, HashSet<string>> edges, string start)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal) { start };
                var work = new Stack<string>();
                work.Push(start);
                while (work.Count > 0)
                {
                    var current = work.Pop();
                    yield return current;
                    if (edges.TryGetValue(current, out var next))
                    {
                        foreach (var n in next.Where(seen.Add))
                        {
                            work.Push(n);
                        }
                    }
                }
            }

            private static void Add(Dictionary<string, HashSet<string>> edges, string from, string to)
            {
                if (!edges.TryGetValue(from, out var set))
                {
                    edges[from] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(to);
            }
        }
    }
}
