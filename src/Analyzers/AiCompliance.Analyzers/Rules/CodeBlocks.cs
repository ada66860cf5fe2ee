using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace AiCompliance.Analyzers.Rules
{
    /// <summary>
    /// The code blocks of a syntax tree, as the analyzer driver would hand them to a code-block action, found by
    /// walking declarations only (never into bodies): members with a body, accessors, expression-bodied properties and
    /// indexers, a file's top-level statements, and primary constructors.
    /// </summary>
    internal static class CodeBlocks
    {
        /// <summary>The blocks of the tree under <paramref name="root"/> that intersect <paramref name="span"/> (all of them when null).</summary>
        public static IEnumerable<SyntaxNode> Of(SyntaxNode root, TextSpan? span)
        {
            foreach (var node in root.DescendantNodesAndSelf(span ?? root.FullSpan, IsContainer))
            {
                if (span is { } filter && !node.Span.IntersectsWith(filter))
                {
                    continue;
                }

                switch (node)
                {
                    case CompilationUnitSyntax unit when unit.Members.Any(m => m is GlobalStatementSyntax):
                        yield return unit;
                        break;
                    case BaseMethodDeclarationSyntax method when method.Body is not null || method.ExpressionBody is not null:
                        yield return method;
                        break;
                    case AccessorDeclarationSyntax accessor when accessor.Body is not null || accessor.ExpressionBody is not null:
                        yield return accessor;
                        break;
                    case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax } arrow:
                        yield return arrow;
                        break;
                    case TypeDeclarationSyntax { ParameterList: not null } type:
                        yield return type;
                        break;
                }
            }
        }

        /// <summary>The method a block belongs to (the getter of an expression-bodied property, a primary constructor), or null.</summary>
        public static IMethodSymbol? MethodOf(SemanticModel model, SyntaxNode block, CancellationToken cancellationToken) => block switch
        {
            ArrowExpressionClauseSyntax { Parent: { } property } => (model.GetDeclaredSymbol(property, cancellationToken) as IPropertySymbol)?.GetMethod,
            TypeDeclarationSyntax type => (model.GetDeclaredSymbol(type, cancellationToken) as INamedTypeSymbol)?.InstanceConstructors
                .FirstOrDefault(c => c.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == type.SyntaxTree && r.Span == type.Span)),
            _ => model.GetDeclaredSymbol(block, cancellationToken) as IMethodSymbol,
        };

        private static bool IsContainer(SyntaxNode node) =>
            node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or BasePropertyDeclarationSyntax or AccessorListSyntax;
    }
}
