using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.CodeFixes
{
    /// <summary>AIC008: add the missing <c>partial</c> modifier to the service class and its containing types.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFixProvider)), Shared]
    public sealed class MakePartialCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.InvalidServiceTarget);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var diagnostic = context.Diagnostics.First();
            var declaration = root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (root is null || declaration is null)
            {
                return;
            }

            // Only a missing 'partial' on a class is fixable: a generic class needs a design decision, and a struct
            // stays invalid when made partial.
            if (!declaration.IsKind(SyntaxKind.ClassDeclaration) && !declaration.IsKind(SyntaxKind.RecordDeclaration))
            {
                return;
            }

            var chain = declaration.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().ToList();
            if (chain.Any(t => t.TypeParameterList is not null) || chain.All(t => t.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Make '" + declaration.Identifier.ValueText + "' partial",
                    ct => MakePartialAsync(context.Document, root, chain, ct),
                    equivalenceKey: nameof(MakePartialCodeFixProvider)),
                diagnostic);
        }

        private static Task<Document> MakePartialAsync(Document document, SyntaxNode root, System.Collections.Generic.List<TypeDeclarationSyntax> chain, CancellationToken cancellationToken)
        {
            var updated = root.ReplaceNodes(
                chain.Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)),
                (original, rewritten) =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var typeDecl = (TypeDeclarationSyntax)rewritten;
                    var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
                    if (typeDecl.Modifiers.Count == 0)
                    {
                        // Keep the leading trivia (attributes' line break, indentation) in front of the keyword.
                        var keyword = typeDecl.Keyword;
                        return typeDecl
                            .WithKeyword(keyword.WithLeadingTrivia())
                            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
                    }

                    return typeDecl.WithModifiers(typeDecl.Modifiers.Add(partial));
                });
            return Task.FromResult(document.WithSyntaxRoot(updated));
        }
    }
}
