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
    /// <summary>AIC010: mark the method or property <c>[AiGenerated]</c> (and import <c>AiCompliance</c> when the file does not).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddAiGeneratedCodeFixProvider)), Shared]
    public sealed class AddAiGeneratedCodeFixProvider : CodeFixProvider
    {
        private const string Namespace = "AiCompliance";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UndeclaredAiReturn);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var diagnostic = context.Diagnostics.First();
            var member = root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf()
                .FirstOrDefault(n => n is MethodDeclarationSyntax || n is PropertyDeclarationSyntax) as MemberDeclarationSyntax;
            if (root is not CompilationUnitSyntax unit || member is null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Mark it [AiGenerated]", ct => Task.FromResult(context.Document.WithSyntaxRoot(AddAttribute(unit, member))), equivalenceKey: nameof(AddAiGeneratedCodeFixProvider)),
                diagnostic);
        }

        private static CompilationUnitSyntax AddAttribute(CompilationUnitSyntax unit, MemberDeclarationSyntax member)
        {
            var endOfLine = unit.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (endOfLine == default)
            {
                endOfLine = SyntaxFactory.EndOfLine("\n");
            }

            // The attribute takes the member's leading trivia (comments, indentation); what followed it gets the indentation.
            var leading = member.GetLeadingTrivia();
            var indentation = leading.LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
            var attribute = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("AiGenerated"))))
                .WithLeadingTrivia(leading)
                .WithTrailingTrivia(endOfLine);
            var stripped = member.WithoutLeadingTrivia();
            var marked = stripped.WithAttributeLists(stripped.AttributeLists.Insert(0, attribute));
            var next = marked.AttributeLists[0].CloseBracketToken.GetNextToken();
            marked = marked.ReplaceToken(next, next.WithLeadingTrivia(indentation == default ? SyntaxTriviaList.Empty : SyntaxFactory.TriviaList(indentation)));

            var updated = unit.ReplaceNode(member, marked);
            var imported = unit.Usings.Any(u => u.Alias is null && u.Name?.ToString() == Namespace) ||
                           member.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Any(n =>
                               n.Name.ToString() == Namespace || n.Name.ToString().StartsWith(Namespace + ".", System.StringComparison.Ordinal) ||
                               n.Usings.Any(u => u.Alias is null && u.Name?.ToString() == Namespace));
            return imported ? updated : updated.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName(Namespace)).WithTrailingTrivia(endOfLine));
        }
    }
}
