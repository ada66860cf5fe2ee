using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Web framework sinks: Blazor component parameters, Response.Body, SignalR clients, controller actions.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>
        /// Blazor: AddAttribute right after OpenComponent sets a child component's parameter (Razor output before
        /// .NET 8, and ChildContent fragments today). Element attributes are not sinks.
        /// </summary>
        private bool CheckComponentParameterSink(IInvocationOperation invocation, IMethodSymbol method, ImmutableArray<TaintValue> values)
        {
            if (method.Name == "AddAttribute" && invocation.Arguments.Length == 3 && IsRenderTreeBuilder(method.ContainingType) &&
                OpenedComponent(invocation.Syntax, out _))
            {
                ReportSink(invocation.Arguments[2].Value, values[2], ComponentParameterSink(invocation));
                return true;
            }

            return false;
        }

        /// <summary>Body writes: response.Body.WriteAsync(...).</summary>
        private bool CheckResponseBodySink(IInvocationOperation invocation, IMethodSymbol method, ImmutableArray<TaintValue> values)
        {
            if (IsResponseBody(invocation.Instance) && _model.Stream is not null && IsOrDerives(method.ContainingType, _model.Stream))
            {
                for (var i = 0; i < invocation.Arguments.Length; i++)
                {
                    ReportSink(invocation.Arguments[i].Value, values[i], "HttpResponse.Body." + method.Name);
                }

                return true;
            }

            return false;
        }

        /// <summary>Strongly typed SignalR clients: Clients.All.ReceiveMessage(text).</summary>
        private bool CheckHubClientSink(IInvocationOperation invocation, IMethodSymbol method, ImmutableArray<TaintValue> values)
        {
            if (method.ContainingType?.TypeKind == TypeKind.Interface && IsHubClientProxy(invocation.Instance))
            {
                for (var i = 0; i < invocation.Arguments.Length; i++)
                {
                    ReportSink(invocation.Arguments[i].Value, values[i], "hub client '" + method.Name + "'");
                }

                return true;
            }

            return false;
        }

        private static bool IsRenderTreeBuilder(INamedTypeSymbol? type) =>
            type is { Name: "RenderTreeBuilder", ContainingNamespace: { Name: "Rendering", ContainingNamespace: { Name: "Components", ContainingNamespace: { Name: "AspNetCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } } } };

        /// <summary>"component parameter Child.Text" for a parameter set on a child component (names as far as the code tells).</summary>
        private static string ComponentParameterSink(IInvocationOperation invocation)
        {
            var name = invocation.Arguments.Length > 1 && invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
            OpenedComponent(invocation.Syntax, out var component);
            return name is null
                ? RazorSinks.ComponentParameter
                : RazorSinks.ComponentParameter + " " + (component is null ? name : component + "." + name);
        }

        /// <summary>
        /// Whether the statement holding <paramref name="call"/> follows a <c>builder.OpenComponent…</c> with only
        /// attribute-like builder calls in between (the shape Razor emits); <paramref name="component"/> is the type's
        /// simple name when the call names it. Syntax only: Razor output is a flat list of builder statements.
        /// </summary>
        private static bool OpenedComponent(SyntaxNode call, out string? component)
        {
            component = null;
            var statement = call.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax>();
            if (statement?.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax block)
            {
                return false;
            }

            var index = block.Statements.IndexOf(statement);
            for (var i = index - 1; i >= 0 && i >= index - 64; i--)
            {
                if (block.Statements[i] is not Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax
                    {
                        Expression: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                        {
                            Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name: var calledName },
                        },
                    })
                {
                    return false;
                }

                var called = calledName.Identifier.ValueText;
                if (called == "OpenComponent")
                {
                    if (calledName is Microsoft.CodeAnalysis.CSharp.Syntax.GenericNameSyntax { TypeArgumentList.Arguments: { Count: 1 } typeArguments })
                    {
                        component = typeArguments[0] switch
                        {
                            Microsoft.CodeAnalysis.CSharp.Syntax.QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                            Microsoft.CodeAnalysis.CSharp.Syntax.AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                            Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax simple => simple.Identifier.ValueText,
                            _ => null,
                        };
                    }

                    return true;
                }

                if (called.StartsWith("Open", StringComparison.Ordinal) || called.StartsWith("Close", StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return false;
        }

        private bool IsResponseBody(IOperation? instance) =>
            instance is not null && Unwrap(instance) is IPropertyReferenceOperation { Property: { Name: "Body" or "BodyWriter" } property } &&
            IsOrDerives(property.ContainingType, _model.HttpResponse);

        private bool IsHubClientProxy(IOperation? instance)
        {
            var member = instance is null ? null : Unwrap(instance) switch
            {
                IPropertyReferenceOperation p => (ISymbol)p.Property,
                IInvocationOperation i => i.TargetMethod,
                _ => null,
            };
            var owner = member?.ContainingType?.OriginalDefinition;
            return owner is not null &&
                   (SymbolEqualityComparer.Default.Equals(owner, _model.HubClients) || SymbolEqualityComparer.Default.Equals(owner, _model.HubCallerClients));
        }

        /// <summary>A public action of a controller: what it returns reaches the user.</summary>
        private static bool IsControllerAction(FlowModel model, IMethodSymbol method)
        {
            if (model.ControllerBase is null || method.MethodKind != MethodKind.Ordinary || method.IsStatic ||
                method.DeclaredAccessibility != Accessibility.Public || method.ContainingType is not { IsAbstract: false } type)
            {
                return false;
            }

            // The type first: most types are not controllers, and a method's attributes are bound on first request.
            return (IsOrDerives(type, model.ControllerBase) || FlowModel.HasAttribute(type, model.ControllerAttribute)) &&
                   !FlowModel.HasAttribute(method, model.NonActionAttribute);
        }
    }
}
