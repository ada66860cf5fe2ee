using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// Chat clients handed out by dependency injection. When a compilation registers its chat clients with
    /// Microsoft.Extensions.AI (<c>services.AddChatClient(...)</c>, <c>AddKeyedChatClient(...)</c>) and every registration
    /// builds the labeling client (<c>.UseSvcLabels()</c>, <c>.Use(inner => Svc.WithLabels(inner))</c>, or a factory
    /// that returns <c>Svc.WithLabels(...)</c> / <c>new Svc.LabeledChatClient(...)</c>), an <c>IChatClient</c> the app is
    /// given (a parameter, a field or property, <c>GetRequiredService&lt;IChatClient&gt;()</c>) is that labeling client.
    /// One unlabeled registration, or none at all, and nothing changes.
    /// </summary>
    internal static class InjectedChatClients
    {
        public static bool AllRegistrationsLabeled(FlowModel model, Func<SyntaxTree, SemanticModel> semanticModel, CancellationToken cancellationToken)
        {
            var any = false;
            foreach (var tree in model.Compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var text = tree.GetText(cancellationToken).ToString();
                if (text.IndexOf("AddChatClient", StringComparison.Ordinal) < 0 && text.IndexOf("AddKeyedChatClient", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                SemanticModel? treeModel = null;
                foreach (var invocation in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (SyntaxNames.NameOf(invocation.Expression) is not ("AddChatClient" or "AddKeyedChatClient"))
                    {
                        continue;
                    }

                    treeModel ??= semanticModel(tree);
                    if (treeModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method || !IsRegistration(method))
                    {
                        continue;
                    }

                    any = true;
                    if (!Labeled(invocation, model, treeModel, cancellationToken))
                    {
                        return false;
                    }
                }
            }

            return any;
        }

        /// <summary><c>GetService</c> / <c>GetRequiredService</c> (keyed or not) of an <c>IChatClient</c>.</summary>
        public static bool IsResolution(IMethodSymbol method, FlowModel model) =>
            method.Name is "GetService" or "GetRequiredService" or "GetKeyedService" or "GetRequiredKeyedService" &&
            model.IsChatClientInterface(method.ReturnType);

        private static bool IsRegistration(IMethodSymbol method) =>
            (method.ReducedFrom ?? method).ContainingType is { Name: "ChatClientBuilderServiceCollectionExtensions" } owner &&
            owner.ContainingNamespace?.ToDisplayString() == "Microsoft.Extensions.DependencyInjection";


        /// <summary>The registration's own arguments build the labeling client, or a step of the chain that follows it adds it.</summary>
        private static bool Labeled(InvocationExpressionSyntax registration, FlowModel model, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            if (BuildsLabelingClient(registration.ArgumentList, model, semanticModel, cancellationToken))
            {
                return true;
            }

            SyntaxNode node = registration;
            while (node.Parent is MemberAccessExpressionSyntax access && access.Expression == node && access.Parent is InvocationExpressionSyntax next)
            {
                if (semanticModel.GetSymbolInfo(next, cancellationToken).Symbol is IMethodSymbol step &&
                    (model.IsLabelingWrapperFactory(step.ReducedFrom ?? step) ||
                     (step.Name == "Use" && BuildsLabelingClient(next.ArgumentList, model, semanticModel, cancellationToken))))
                {
                    return true;
                }

                node = next;
            }

            return false;
        }

        /// <summary>Arguments that call the generated <c>WithLabels</c> or create the generated <c>LabeledChatClient</c>.</summary>
        private static bool BuildsLabelingClient(ArgumentListSyntax arguments, FlowModel model, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            foreach (var node in arguments.DescendantNodes())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax call when SyntaxNames.NameOf(call.Expression) == "WithLabels" &&
                                                             semanticModel.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method &&
                                                             model.IsLabelingWrapperFactory(method):
                        return true;
                    case BaseObjectCreationExpressionSyntax creation when model.IsLabelingClientType(semanticModel.GetTypeInfo(creation, cancellationToken).Type):
                        return true;
                }
            }

            return false;
        }
    }
}
