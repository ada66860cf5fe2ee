using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// A child component's parameter set by Razor output: <c>AddComponentParameter</c>, or <c>AddAttribute</c> right
    /// after <c>OpenComponent</c> (Razor output before .NET 8, and ChildContent fragments today; an element's attributes
    /// are <see cref="ElementAttribute"/>). Findings name the parameter: "component parameter Child.Text", as far as the code tells.
    /// </summary>
    internal sealed class ChildComponentParameter : SinkCondition
    {
        private readonly bool _afterOpenComponent;

        private ChildComponentParameter(bool afterOpenComponent)
        {
            _afterOpenComponent = afterOpenComponent;
        }

        /// <summary><c>AddComponentParameter(seq, name, value)</c>: always a component's parameter.</summary>
        public static ChildComponentParameter Always { get; } = new ChildComponentParameter(afterOpenComponent: false);

        /// <summary><c>AddAttribute(seq, name, value)</c>: a parameter only when the builder has a component open.</summary>
        public static ChildComponentParameter AfterOpenComponent { get; } = new ChildComponentParameter(afterOpenComponent: true);

        public override string Name => _afterOpenComponent ? "the call follows builder.OpenComponent" : "a child component's parameter";

        public override bool Holds(CallSite site) =>
            !_afterOpenComponent || (site.Invocation.Arguments.Length == 3 && OpenedComponent(site.Invocation.Syntax, out _));

        public override string Describe(CallSite site, string description)
        {
            var arguments = site.Invocation.Arguments;
            var name = arguments.Length > 1 && arguments[1].Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
            OpenedComponent(site.Invocation.Syntax, out var component);
            return name is null
                ? RazorSinks.ComponentParameter
                : RazorSinks.ComponentParameter + " " + (component is null ? name : component + "." + name);
        }

        /// <summary>
        /// The component of this compilation whose parameter the call sets, and the parameter's name (a constant), when
        /// the code tells both: the type argument of the <c>OpenComponent&lt;T&gt;</c> the call follows.
        /// </summary>
        public static (INamedTypeSymbol Component, string Parameter)? Target(CallSite site, SemanticModel model)
        {
            var arguments = site.Invocation.Arguments;
            if (arguments.Length != 3 || arguments[1].Value.ConstantValue is not { HasValue: true, Value: string parameter } ||
                OpenComponentCall(site.Invocation.Syntax) is not { } open ||
                model.GetSymbolInfo(open).Symbol is not IMethodSymbol { TypeArguments: { Length: 1 } typeArguments } ||
                typeArguments[0] is not INamedTypeSymbol component ||
                !component.DeclaringSyntaxReferences.Any(r => model.Compilation.ContainsSyntaxTree(r.SyntaxTree)))
            {
                return null;
            }

            return (component, parameter);
        }

        private static InvocationExpressionSyntax? OpenComponentCall(SyntaxNode call)
        {
            var statement = call.FirstAncestorOrSelf<StatementSyntax>();
            if (statement?.Parent is not BlockSyntax block)
            {
                return null;
            }

            var index = block.Statements.IndexOf(statement);
            for (var i = index - 1; i >= 0 && i >= index - FlowLimits.MaxComponentAttributeLookBack; i--)
            {
                if (block.Statements[i] is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: var calledName } } invocation })
                {
                    return null;
                }

                if (calledName.Identifier.ValueText == "OpenComponent")
                {
                    return invocation;
                }

                if (calledName.Identifier.ValueText.StartsWith("Open", StringComparison.Ordinal) || calledName.Identifier.ValueText.StartsWith("Close", StringComparison.Ordinal))
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether the statement holding <paramref name="call"/> follows a <c>builder.OpenComponent…</c> with only
        /// attribute-like builder calls in between (the shape Razor emits); <paramref name="component"/> is the type's
        /// simple name when the call names it. Syntax only: Razor output is a flat list of builder statements.
        /// </summary>
        internal static bool OpenedComponent(SyntaxNode call, out string? component)
        {
            component = null;
            if (OpenComponentCall(call) is not { Expression: MemberAccessExpressionSyntax { Name: var calledName } })
            {
                return false;
            }

            if (calledName is GenericNameSyntax { TypeArgumentList.Arguments: { Count: 1 } typeArguments })
            {
                component = NameOf(typeArguments[0]);
            }

            return true;
        }

        /// <summary>The names of the components a body opens (<c>builder.OpenComponent&lt;global::App.Child&gt;(0)</c>: <c>Child</c>), each once.</summary>
        internal static IEnumerable<string> OpenedComponentNames(SyntaxNode body) =>
            body.DescendantNodes().OfType<GenericNameSyntax>()
                .Where(g => g.Identifier.ValueText == "OpenComponent" && g.TypeArgumentList.Arguments.Count == 1)
                .Select(g => NameOf(g.TypeArgumentList.Arguments[0]))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal);

        /// <summary>A type's own name as written (<c>global::App.Components.Child</c>: <c>Child</c>).</summary>
        internal static string? NameOf(TypeSyntax type) => type switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };
    }
}
