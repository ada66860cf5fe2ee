using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// What the controllers and page models of this compilation hand to its MVC views and Razor Pages (.cshtml): the model
    /// of <c>return View(model)</c> / <c>View("Name", model)</c> / <c>PartialView(…)</c>, and the entries of
    /// <c>ViewData["Key"]</c> / <c>ViewBag.Key</c>. A view's read of its <c>Model</c>, of <c>ViewData["Key"]</c> or of
    /// <c>ViewBag.Key</c> carries what any writer handed it, so AIC001 reports where the view renders it (its .cshtml
    /// line) instead of where it was handed over.
    /// </summary>
    /// <remarks>
    /// The writer decides from the views' syntax alone (<see cref="ViewsFor"/>, <see cref="TakesEntries"/>) whether a view
    /// of the compilation takes the value; when none can be matched (views precompiled in another project, a view name
    /// or key the code does not tell, a view that hands its model to a partial or a helper) the writer reports as
    /// before. Inputs are recorded while the writers are analyzed; a view asks for the analysis of every method that
    /// may hand views something (found once per compilation from their text) before reading them, as
    /// <see cref="ComponentInputs"/> does for components. Nothing here runs unless content reaches a View() call or a
    /// ViewData / ViewBag write, or a view of the compilation reads its model or view data.
    /// </remarks>
    internal sealed class ViewInputs
    {
        private readonly FlowContext _context;
        private readonly Lazy<Index> _index;
        private readonly Lazy<List<IMethodSymbol>> _writers;
        private readonly ConcurrentDictionary<INamedTypeSymbol, TaintValue> _models = new ConcurrentDictionary<INamedTypeSymbol, TaintValue>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, TaintValue> _entries = new ConcurrentDictionary<string, TaintValue>(StringComparer.OrdinalIgnoreCase);

        public ViewInputs(FlowContext context)
        {
            _context = context;
            _index = new Lazy<Index>(BuildIndex, LazyThreadSafetyMode.PublicationOnly);
            _writers = new Lazy<List<IMethodSymbol>>(FindWriters, LazyThreadSafetyMode.PublicationOnly);
        }

        /// <summary>
        /// The views of the compilation that <c>View(…)</c> / <c>PartialView(…)</c> called in <paramref name="caller"/>
        /// renders, by MVC's conventions: the named view (<paramref name="viewName"/>, a name or a path) or, without a
        /// name, the action's own (the method's name, less <c>Async</c>). Null when none can be matched, or a matched view
        /// hands its model on (then the call is reported as before).
        /// </summary>
        public IReadOnlyList<INamedTypeSymbol>? ViewsFor(IMethodSymbol caller, bool named, string? viewName)
        {
            var index = _index.Value;
            if (index.Views.Count == 0 || (named && viewName is null))
            {
                return null;
            }

            if (!named)
            {
                if (caller.MethodKind != MethodKind.Ordinary || caller.DeclaredAccessibility != Accessibility.Public)
                {
                    return null; // a helper's View(): the view is the one of whichever action called it
                }

                viewName = ActionName(caller);
            }

            var found = new List<INamedTypeSymbol>();
            if (viewName!.IndexOf('/') >= 0 || viewName.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase))
            {
                var path = viewName.TrimStart('~');
                found.AddRange(index.Views.Where(v => string.Equals(v.Identifier, path, StringComparison.OrdinalIgnoreCase)).Select(v => v.Type));
            }
            else
            {
                var controller = caller.ContainingType.Name;
                if (controller.EndsWith("Controller", StringComparison.Ordinal) && controller.Length > "Controller".Length)
                {
                    controller = controller.Substring(0, controller.Length - "Controller".Length);
                }

                var ends = MvcViews.ViewLocations.Select(f => string.Format(System.Globalization.CultureInfo.InvariantCulture, f, viewName, controller)).ToList();
                found.AddRange(index.Views.Where(v => ends.Any(e => v.Identifier.EndsWith(e, StringComparison.OrdinalIgnoreCase))).Select(v => v.Type));
            }

            return found.Count == 0 || found.Any(v => index.HandsModelOn.Contains(v)) ? null : found;
        }

        /// <summary>
        /// Whether the views of the compilation take view-data entries: there are views, and each reads only entries it
        /// names (<c>ViewData["key"]</c>, <c>ViewBag.key</c>); an entry none of them reads is shown by none. False when one
        /// reads entries the code does not name (a key not a constant, ViewData handed on whole).
        /// </summary>
        public bool TakesEntries => _index.Value is { Views.Count: > 0, ReadsAnyKey: false };

        /// <summary>Whether <paramref name="type"/> is a view or page the Razor compiler generated in this compilation.</summary>
        public bool IsView(INamedTypeSymbol type) => _index.Value.ViewTypes.Contains(type.OriginalDefinition);

        public void RecordModel(IReadOnlyList<INamedTypeSymbol> views, TaintValue value)
        {
            if (!value.IsTainted)
            {
                return;
            }

            foreach (var view in views)
            {
                _models.AddOrUpdate(view, value, (_, old) => old.Join(value));
            }
        }

        public void RecordEntry(string key, TaintValue value)
        {
            if (value.IsTainted)
            {
                _entries.AddOrUpdate(key, value, (_, old) => old.Join(value));
            }
        }

        /// <summary>What the writers of the compilation hand to <paramref name="view"/> as its model.</summary>
        public TaintValue ModelOf(INamedTypeSymbol view, int depth, CancellationToken cancellationToken)
        {
            AnalyzeWriters(depth, cancellationToken);
            return _models.TryGetValue(view.OriginalDefinition, out var value) ? value : TaintValue.Clean;
        }

        /// <summary>What the writers of the compilation put into the view-data entry <paramref name="key"/>.</summary>
        public TaintValue EntryOf(string key, int depth, CancellationToken cancellationToken)
        {
            AnalyzeWriters(depth, cancellationToken);
            return _entries.TryGetValue(key, out var value) ? value : TaintValue.Clean;
        }

        private void AnalyzeWriters(int depth, CancellationToken cancellationToken)
        {
            foreach (var writer in _writers.Value)
            {
                if (_context.MayProduce(writer)) // a method that produces nothing hands nothing over (the index, no binding)
                {
                    _context.GetResult(writer, depth + 1, cancellationToken); // records what it hands over (cached after the first time)
                }
            }
        }

        /// <summary>An action's name: <c>[ActionName("x")]</c>, else the method's name less an <c>Async</c> suffix (MVC's default).</summary>
        private static string ActionName(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "ActionNameAttribute" } && attribute.ConstructorArguments.Length == 1 &&
                    attribute.ConstructorArguments[0].Value is string name)
                {
                    return name;
                }
            }

            return method.Name.EndsWith("Async", StringComparison.Ordinal) && method.Name.Length > 5 ? method.Name.Substring(0, method.Name.Length - 5) : method.Name;
        }

        /// <summary>The methods that may hand views something: they call View / PartialView or write ViewData / ViewBag.</summary>
        private List<IMethodSymbol> FindWriters()
        {
            var writers = new List<IMethodSymbol>();
            foreach (var tree in _context.Compilation.SyntaxTrees)
            {
                var text = _context.Prefilter.TextOf(tree);
                if (text.IndexOf("View", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
                {
                    if (HandsViewsSomething(method) && _context.SemanticModelFor(tree).GetDeclaredSymbol(method) is IMethodSymbol symbol)
                    {
                        writers.Add(symbol);
                    }
                }
            }

            return writers;
        }

        private static bool HandsViewsSomething(MethodDeclarationSyntax method) =>
            method.DescendantNodes().Any(n => n switch
            {
                InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "View" or "PartialView" } } => true,
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "View" or "PartialView" } } => true,
                IdentifierNameSyntax { Identifier.ValueText: MvcViews.ViewData or MvcViews.ViewBag } => true,
                _ => false,
            });

        private sealed class View
        {
            public View(string identifier, INamedTypeSymbol type)
            {
                Identifier = identifier;
                Type = type;
            }

            public string Identifier { get; }

            public INamedTypeSymbol Type { get; }
        }

        private sealed class Index
        {
            public List<View> Views { get; } = new List<View>();

            public HashSet<INamedTypeSymbol> ViewTypes { get; } = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

            public HashSet<INamedTypeSymbol> HandsModelOn { get; } = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

            public bool ReadsAnyKey { get; set; }
        }

        /// <summary>The generated view classes of the compilation, from their syntax (the types' declarations only are bound).</summary>
        private Index BuildIndex()
        {
            var index = new Index();
            foreach (var tree in _context.Compilation.SyntaxTrees)
            {
                if (_context.Prefilter.TextOf(tree).IndexOf(MvcViews.CompiledItemMetadataShort, StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var type in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
                {
                    if (Identifier(type) is not { } identifier || _context.SemanticModelFor(tree).GetDeclaredSymbol(type) is not INamedTypeSymbol symbol)
                    {
                        continue;
                    }

                    index.Views.Add(new View(identifier, symbol));
                    index.ViewTypes.Add(symbol.OriginalDefinition);
                    if (HandsModelOn(type))
                    {
                        index.HandsModelOn.Add(symbol);
                    }

                    ReadKeys(type, index);
                }
            }

            return index;
        }

        /// <summary>The .cshtml path of a generated view class: <c>[RazorCompiledItemMetadata("Identifier", "/Views/Home/Index.cshtml")]</c>.</summary>
        private static string? Identifier(ClassDeclarationSyntax type)
        {
            foreach (var attribute in type.AttributeLists.SelectMany(l => l.Attributes))
            {
                var name = attribute.Name is QualifiedNameSyntax q ? q.Right.Identifier.ValueText :
                           attribute.Name is AliasQualifiedNameSyntax a ? a.Name.Identifier.ValueText :
                           (attribute.Name as SimpleNameSyntax)?.Identifier.ValueText;
                if ((name == MvcViews.CompiledItemMetadata || name == MvcViews.CompiledItemMetadataShort) &&
                    attribute.ArgumentList is { Arguments.Count: 2 } arguments &&
                    arguments.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: MvcViews.IdentifierKey } &&
                    arguments.Arguments[1].Expression is LiteralExpressionSyntax { Token.Value: string identifier })
                {
                    return identifier;
                }
            }

            return null;
        }

        private static bool HandsModelOn(ClassDeclarationSyntax type)
        {
            foreach (var node in type.DescendantNodes())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation when CalledName(invocation.Expression) is { } called:
                        if (MvcViews.HandsModelOn(called))
                        {
                            return true;
                        }

                        if (invocation.Expression is GenericNameSyntax { Identifier.ValueText: "CreateTagHelper", TypeArgumentList.Arguments: { Count: 1 } helper } &&
                            !MvcViews.IsPlainTagHelper(helper[0].ToString()))
                        {
                            return true;
                        }

                        break;
                }
            }

            return false;
        }

        private static string? CalledName(ExpressionSyntax expression) => expression switch
        {
            SimpleNameSyntax name => name.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => null,
        };

        /// <summary>
        /// Whether a view reads view-data entries it does not name: the named reads are <c>ViewData["k"]</c> and
        /// <c>ViewBag.k</c> (also through <c>ViewContext</c>); <c>ViewData.Model</c> and the like read no entry; any other
        /// use (a key not a constant, ViewData or ViewBag handed on whole) may read any.
        /// </summary>
        private static void ReadKeys(ClassDeclarationSyntax type, Index index)
        {
            foreach (var id in type.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                var name = id.Identifier.ValueText;
                if (name is not (MvcViews.ViewData or MvcViews.ViewBag) ||
                    id.FirstAncestorOrSelf<PropertyDeclarationSyntax>() is { Identifier.ValueText: MvcViews.ViewData or MvcViews.Model })
                {
                    continue; // the page's own ViewData / Model properties
                }

                ExpressionSyntax use = id.Parent is MemberAccessExpressionSyntax outer && outer.Name == id ? outer : id;
                switch (use.Parent)
                {
                    case ElementAccessExpressionSyntax element when element.Expression == use && name == MvcViews.ViewData:
                        if (IsWriteTarget(element))
                        {
                            break;
                        }

                        if (!(element.ArgumentList.Arguments.Count == 1 && element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.Value: string }))
                        {
                            index.ReadsAnyKey = true;
                        }

                        break;
                    case MemberAccessExpressionSyntax member when member.Expression == use:
                        if (name == MvcViews.ViewData && !MvcViews.ReadsNoEntry(member.Name.Identifier.ValueText))
                        {
                            index.ReadsAnyKey = true;
                        }

                        break;
                    default:
                        index.ReadsAnyKey = true;
                        break;
                }
            }
        }

        private static bool IsWriteTarget(ExpressionSyntax target) =>
            target.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression);
    }
}
