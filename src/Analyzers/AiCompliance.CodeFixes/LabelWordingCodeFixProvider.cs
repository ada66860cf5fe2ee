using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.CodeFixes
{
    /// <summary>AIC006: replace a non-compliant label wording with the jurisdiction's standard one.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LabelWordingCodeFixProvider)), Shared]
    public sealed class LabelWordingCodeFixProvider : CodeFixProvider
    {
        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NonCompliantLabelWording);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var diagnostic = context.Diagnostics.First();
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax expression ||
                !diagnostic.Properties.TryGetValue(NonCompliantLabelWordingAnalyzer.SuggestedLabelProperty, out var wording) ||
                wording is null)
            {
                return;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use the standard label wording '" + wording + "'",
                    _ =>
                    {
                        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(wording))
                            .WithTriviaFrom(expression);
                        return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(expression, replacement)));
                    },
                    equivalenceKey: nameof(LabelWordingCodeFixProvider)),
                diagnostic);
        }
    }
}
