using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.CodeFixes
{
    /// <summary>
    /// The media fixes: a file reaching a user (<c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>, <c>BinaryData</c>,
    /// <c>DataContent</c>) is labeled with the service's <c>LabelImage(file, contentId)</c> or <c>LabelAudio(file, contentId,
    /// false)</c>, a fresh GUID as the content id. Which one follows the finding's sources (an image generator's, a speech
    /// client's); bytes from any other source (text encoded by the app, a chat answer) get no fix, and a chat answer's
    /// <c>DataContent</c> gets both. Text that is a file (a data URL in an <c>&lt;img src&gt;</c>, Semantic Kernel's
    /// <c>GenerateImageAsync</c> answer) gets no text label: it would break the file.
    /// </summary>
    public sealed partial class WrapWithLabelCodeFixProvider
    {
        /// <summary>Start of the equivalence keys of the media fixes; the labeler's name and the service follow.</summary>
        public const string MediaEquivalenceKeyPrefix = "AIC001.LabelMedia:";

        private static readonly string[] s_mediaSourceAttributes = { "'element attribute src'", "'element attribute srcset'", "'element attribute poster'" };

        /// <summary>The equivalence key of the fix that labels a file with <paramref name="labeler"/> (<c>LabelImage</c> / <c>LabelAudio</c>) of <paramref name="service"/>.</summary>
        public static string MediaEquivalenceKeyFor(string labeler, INamedTypeSymbol service) =>
            MediaEquivalenceKeyPrefix + labeler + ":" + (service ?? throw new ArgumentNullException(nameof(service))).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        private static bool IsMediaContainer(Compilation compilation, ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
            {
                return true;
            }

            var types = WellKnownTypes.For(compilation);
            if (type is INamedTypeSymbol { IsGenericType: true } named &&
                SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, types.Get("System.ReadOnlyMemory`1")) &&
                named.TypeArguments[0].SpecialType == SpecialType.System_Byte)
            {
                return true;
            }

            return SymbolEqualityComparer.Default.Equals(type, types.Get("System.BinaryData")) || IsDataContent(compilation, type);
        }

        /// <summary>The file a stream reads when the expression is <c>file.ToStream()</c> over a labelable container (<c>BinaryData</c>).</summary>
        private static ExpressionSyntax? StreamOfMedia(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken) =>
            expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToStream" } access } &&
            model.GetTypeInfo(access.Expression, cancellationToken).Type is { } type && IsMediaContainer(model.Compilation, type)
                ? access.Expression
                : null;

        private static bool IsDataContent(Compilation compilation, ITypeSymbol type) =>
            SymbolEqualityComparer.Default.Equals(type, WellKnownTypes.For(compilation).Get("Microsoft.Extensions.AI.DataContent"));

        /// <summary>Whether the finding's text is a file: it reaches a media element's source, or comes from a source that answers a file as text.</summary>
        private static bool IsMediaAsText(string message) =>
            s_mediaSourceAttributes.Any(sink => message.IndexOf("reaches " + sink, StringComparison.Ordinal) >= 0) ||
            SourcesOf(message).Any(MediaKinds.AnswersMediaAsText);

        /// <summary>The source descriptions a message names: the first, and the last when it says "and n more from".</summary>
        private static List<string> SourcesOf(string message)
        {
            var sources = new List<string>();
            const string From = "from '";
            var start = message.IndexOf(From, StringComparison.Ordinal);
            if (start < 0)
            {
                return sources;
            }

            start += From.Length;
            var end = message.IndexOf('\'', start);
            if (end > start)
            {
                sources.Add(message.Substring(start, end - start));
            }

            const string More = " more from '";
            var more = message.IndexOf(More, start, StringComparison.Ordinal);
            if (more >= 0)
            {
                var last = more + More.Length;
                var lastEnd = message.IndexOf('\'', last);
                if (lastEnd > last)
                {
                    sources.Add(message.Substring(last, lastEnd - last));
                }
            }

            return sources;
        }

        private static void RegisterMediaFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, ExpressionSyntax expression, Diagnostic diagnostic, string message, CancellationToken cancellationToken)
        {
            if (model.GetTypeInfo(expression, cancellationToken).Type is not { } type)
            {
                return;
            }

            var kinds = SourcesOf(message).Select(MediaKinds.Of).Distinct().ToList();
            var offered = new List<string>();
            if (kinds.Count == 1 && kinds[0] != MediaKind.None)
            {
                offered.Add(kinds[0] == MediaKind.Image ? "LabelImage" : "LabelAudio");
            }
            else if (IsDataContent(model.Compilation, type))
            {
                offered.Add("LabelImage"); // a chat answer's file: image or audio, the code does not tell
                offered.Add("LabelAudio");
            }

            foreach (var labeler in offered)
            {
                foreach (var (service, name, display) in Candidates(model, expression.SpanStart, s => FindMediaLabel(model.Compilation, s, labeler, type), cancellationToken))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Label " + (labeler == "LabelImage" ? "image" : "audio") + " with '" + display + "." + labeler + "(...)'",
                            _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(expression, WrapMedia(expression, name, labeler)))),
                            equivalenceKey: MediaEquivalenceKeyFor(labeler, service)),
                        diagnostic);
                }
            }
        }

        /// <summary>The service's static <c>[AiContentLabeler] LabelImage(T, string)</c> / <c>LabelAudio(T, string, bool)</c> for the file's type.</summary>
        private static IMethodSymbol? FindMediaLabel(Compilation compilation, INamedTypeSymbol service, string labeler, ITypeSymbol fileType)
        {
            var attribute = WellKnownTypes.For(compilation).Get("AiCompliance.AiContentLabelerAttribute");
            var arity = labeler == "LabelImage" ? 2 : 3;
            foreach (var member in service.GetMembers(labeler))
            {
                if (member is IMethodSymbol { IsStatic: true, TypeParameters.Length: 0 } method &&
                    method.Parameters.Length == arity &&
                    method.Parameters.All(p => p.RefKind == RefKind.None) &&
                    SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, fileType) &&
                    method.Parameters[1].Type.SpecialType == SpecialType.System_String &&
                    (arity == 2 || method.Parameters[2].Type.SpecialType == SpecialType.System_Boolean) &&
                    (attribute is null || method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))))
                {
                    return method;
                }
            }

            return null;
        }

        /// <summary><c>Service.LabelImage(expression, global::System.Guid.NewGuid().ToString())</c> (audio: <c>, false</c> for no rhythm prompt).</summary>
        private static InvocationExpressionSyntax WrapMedia(ExpressionSyntax expression, ExpressionSyntax serviceName, string labeler)
        {
            var comma = SyntaxFactory.Token(default, SyntaxKind.CommaToken, SyntaxFactory.TriviaList(SyntaxFactory.Space));
            var arguments = new List<SyntaxNodeOrToken>
            {
                SyntaxFactory.Argument(expression.WithoutTrivia()),
                comma,
                SyntaxFactory.Argument(SyntaxFactory.ParseExpression("global::System.Guid.NewGuid().ToString()")),
            };
            if (labeler == "LabelAudio")
            {
                arguments.Add(comma);
                arguments.Add(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression)));
            }

            var invocation = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    serviceName.WithoutTrivia(),
                    Token(SyntaxKind.DotToken),
                    SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(default, labeler, default))),
                SyntaxFactory.ArgumentList(
                    Token(SyntaxKind.OpenParenToken),
                    SyntaxFactory.SeparatedList<ArgumentSyntax>(arguments),
                    Token(SyntaxKind.CloseParenToken)));

            return invocation.WithTriviaFrom(expression);
        }
    }
}
