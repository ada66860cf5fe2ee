using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// What the components of this compilation are given: a parent's render tree hands values to a child's
    /// <c>[Parameter]</c> properties (<c>&lt;ChatMessageItem Message="@message" /&gt;</c>), and the child's reads of them
    /// carry what any parent passed, so AIC001 reports where the child renders it (its .razor line) as well as where it
    /// is passed. Inputs are recorded while the parents are analyzed; a child asks for the analysis of the render
    /// trees that open it (found once per compilation from their text), so which tree is analyzed first does not
    /// matter. In a cycle (a parent whose analysis is in progress on the same thread has recorded nothing yet) what the
    /// child computes is provisional and is computed again once the parent is done (<see cref="RequestFrames"/>).
    /// A parameter declared by a base component is keyed by the type that declares it.
    /// </summary>
    internal sealed class ComponentInputs
    {
        private readonly FlowContext _context;
        private readonly ConcurrentDictionary<string, TaintValue> _inputs = new ConcurrentDictionary<string, TaintValue>(StringComparer.Ordinal);
        private readonly Lazy<Dictionary<string, List<IMethodSymbol>>> _parents;

        public ComponentInputs(FlowContext context)
        {
            _context = context;
            _parents = new Lazy<Dictionary<string, List<IMethodSymbol>>>(FindParents, LazyThreadSafetyMode.PublicationOnly); // no waiting, no cached exception
        }

        /// <summary>Whether the property is a component parameter (<c>[Parameter]</c>) of a component of this compilation.</summary>
        public static bool IsParameter(IPropertySymbol property) =>
            property.GetAttributes().Any(a => a.AttributeClass is { Name: "ParameterAttribute" } attribute &&
                                              attribute.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Components");

        /// <summary>A parent hands <paramref name="value"/> to <paramref name="parameter"/> of <paramref name="component"/>.</summary>
        public void Record(INamedTypeSymbol component, string parameter, TaintValue value)
        {
            if (!value.IsTainted)
            {
                return;
            }

            // The type that declares the parameter (a base component's [Parameter] is read there).
            for (INamedTypeSymbol? type = component.OriginalDefinition; type is not null; type = type.BaseType?.OriginalDefinition)
            {
                if (type.GetMembers(parameter).OfType<IPropertySymbol>().Any())
                {
                    component = type;
                    break;
                }
            }

            _inputs.AddOrUpdate(Key(component, parameter), value, (_, old) => old.Join(value));
        }

        /// <summary>What the parents of the compilation hand to this parameter (after analyzing their render trees).</summary>
        public TaintValue InputOf(IPropertySymbol parameter, int depth, CancellationToken cancellationToken)
        {
            var component = parameter.ContainingType.OriginalDefinition;
            if (_parents.Value.TryGetValue(component.Name, out var parents))
            {
                foreach (var parent in parents)
                {
                    _context.GetResult(parent, depth + 1, cancellationToken); // records what it passes (cached after the first time)
                }
            }

            return _inputs.TryGetValue(Key(component, parameter.Name), out var value) ? value : TaintValue.Clean;
        }

        private static string Key(INamedTypeSymbol component, string parameter) => component.OriginalDefinition.ToDisplayString() + "::" + parameter;

        /// <summary>The render-tree methods that open a component, by the component's name (<c>OpenComponent&lt;…Name&gt;</c>).</summary>
        private Dictionary<string, List<IMethodSymbol>> FindParents()
        {
            var parents = new Dictionary<string, List<IMethodSymbol>>(StringComparer.Ordinal);
            foreach (var tree in _context.Compilation.SyntaxTrees)
            {
                if (_context.Prefilter.TextOf(tree).IndexOf("OpenComponent<", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
                {
                    var opened = ChildComponentParameter.OpenedComponentNames(method).ToList();
                    if (opened.Count == 0 || _context.SemanticModelFor(tree).GetDeclaredSymbol(method) is not IMethodSymbol symbol)
                    {
                        continue;
                    }

                    foreach (var name in opened)
                    {
                        if (!parents.TryGetValue(name, out var list))
                        {
                            parents[name] = list = new List<IMethodSymbol>();
                        }

                        list.Add(symbol);
                    }
                }
            }

            return parents;
        }
    }
}
