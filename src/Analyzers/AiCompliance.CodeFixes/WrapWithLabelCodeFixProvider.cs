using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.CodeFixes
{
    /// <summary>
    /// AIC001: wrap the unlabeled expression in <c>Service.Label(...)</c> of a registered service of the compilation
    /// (one fix per service). Text is wrapped as it is, a stream of text gets the stream overload, and a chat
    /// response, message or update is labeled through its <c>Text</c>. A file (<c>byte[]</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>,
    /// <c>BinaryData</c>, <c>DataContent</c>) is labeled with <c>LabelImage</c> / <c>LabelAudio</c> (<c>WrapWithLabelCodeFixProvider.Media.cs</c>).
    /// Other values (DTOs, anonymous objects, method groups) get no fix: their text has to be labeled where it is set.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WrapWithLabelCodeFixProvider)), Shared]
    public sealed partial class WrapWithLabelCodeFixProvider : CodeFixProvider
    {
        /// <summary>Start of every equivalence key; the service's fully qualified name follows, so Fix All applies one service everywhere.</summary>
        public const string EquivalenceKeyPrefix = "AIC001.Label:";

        private static readonly ConditionalWeakTable<Compilation, ServiceList> s_services = new ConditionalWeakTable<Compilation, ServiceList>();

        private static readonly string[] s_chatTypes =
        {
            "Microsoft.Extensions.AI.ChatResponse",
            "Microsoft.Extensions.AI.ChatMessage",
            "Microsoft.Extensions.AI.ChatResponseUpdate",
        };

        private enum Shape
        {
            None,
            Text,
            Stream,
            ChatText,
            Media,
        }

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnlabeledAiOutput);

        /// <inheritdoc />
        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <summary>The equivalence key of the fix that labels with <paramref name="service"/>.</summary>
        public static string EquivalenceKeyFor(INamedTypeSymbol service) =>
            EquivalenceKeyPrefix + (service ?? throw new ArgumentNullException(nameof(service))).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        /// <inheritdoc />
        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var cancellationToken = context.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var expression = FindExpression(root, diagnostic);
                if (expression is null)
                {
                    continue;
                }

                var shape = Classify(model, expression, cancellationToken);
                if (shape == Shape.None && StreamOfMedia(model, expression, cancellationToken) is { } file)
                {
                    expression = file; // bytes.ToStream().CopyTo(file): label the bytes the stream reads
                    shape = Shape.Media;
                }

                var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                if (shape == Shape.Media)
                {
                    RegisterMediaFixes(context, root, model, expression, diagnostic, message, cancellationToken);
                    continue;
                }

                if (shape == Shape.None || (shape == Shape.Text && IsMediaAsText(message)))
                {
                    continue; // a text label would break a data URL or a file's link
                }

                var parameterType = LabelParameterType(model.Compilation, shape);
                if (parameterType is null)
                {
                    continue;
                }

                    foreach (var (service, name, display) in Candidates(model, expression.SpanStart, service => FindLabel(model.Compilation, service, parameterType), cancellationToken))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Label with '" + display + ".Label(...)'",
                            _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(expression, Wrap(expression, name, shape)))),
                            equivalenceKey: EquivalenceKeyFor(service)),
                        diagnostic);
                }
            }
        }

        /// <summary>
        /// The services whose labeler <paramref name="find"/> returns one accessible at <paramref name="position"/>, with
        /// the name to call them by: services in scope (shortest name) first, then by name, so the first fix is the likely one.
        /// </summary>
        private static IEnumerable<(INamedTypeSymbol Service, ExpressionSyntax Name, string Display)> Candidates(
            SemanticModel model, int position, Func<INamedTypeSymbol, IMethodSymbol?> find, CancellationToken cancellationToken)
        {
            var candidates = new List<(INamedTypeSymbol Service, ExpressionSyntax Name, string Display)>();
            foreach (var service in GetServices(model.Compilation))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var label = find(service);
                if (label is null || !model.IsAccessible(position, label))
                {
                    continue;
                }

                var name = NameAt(model, position, service);
                if (name is not null)
                {
                    candidates.Add((service, name, name.ToString()));
                }
            }

            return candidates.OrderBy(c => c.Display.Count(ch => ch == '.')).ThenBy(c => c.Display, StringComparer.Ordinal);
        }

        /// <summary>The expression the diagnostic is on: the sink argument, the returned expression or a lambda body.</summary>
        private static ExpressionSyntax? FindExpression(SyntaxNode root, Diagnostic diagnostic)
        {
            var span = diagnostic.Location.SourceSpan;
            if (!diagnostic.Location.IsInSource || !root.FullSpan.Contains(span))
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            if (node is ArgumentSyntax argument)
            {
                node = argument.Expression;
            }

            if (node is not ExpressionSyntax expression || expression.Span != span)
            {
                return null;
            }

            // A ref/out/in argument is a variable, not a value that can be wrapped.
            if (expression.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 })
            {
                return null;
            }

            return expression;
        }

        private static Shape Classify(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            var info = model.GetTypeInfo(expression, cancellationToken);

            // No natural type: a method group (route handler given as 'Handlers.Ask'), a lambda, a target-typed 'new()'.
            if (info.Type is not { TypeKind: not TypeKind.Error } type)
            {
                return Shape.None;
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                return Shape.Text;
            }

            var asyncEnumerable = WellKnownTypes.For(model.Compilation).Get("System.Collections.Generic.IAsyncEnumerable`1");
            if (type is INamedTypeSymbol { IsGenericType: true } named &&
                asyncEnumerable is not null &&
                SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, asyncEnumerable) &&
                named.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                return Shape.Stream;
            }

            if (IsChatType(model.Compilation, type) && AcceptsText(model, expression, info, cancellationToken))
            {
                return Shape.ChatText;
            }

            return IsMediaContainer(model.Compilation, type) ? Shape.Media : Shape.None;
        }

        private static bool IsChatType(Compilation compilation, ITypeSymbol type)
        {
            foreach (var name in s_chatTypes)
            {
                var chatType = WellKnownTypes.For(compilation).Get(name);
                if (chatType is null)
                {
                    continue;
                }

                for (var current = type; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, chatType))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the position of a chat object also takes its text: the value is converted to something a string
        /// converts to (Console.WriteLine(object)), or it is the body of a lambda whose return type is inferred
        /// (a route handler). A parameter typed ChatResponse does not take a string.
        /// </summary>
        private static bool AcceptsText(SemanticModel model, ExpressionSyntax expression, TypeInfo info, CancellationToken cancellationToken)
        {
            var stringType = model.Compilation.GetSpecialType(SpecialType.System_String);
            if (info.ConvertedType is { } converted && model.Compilation.ClassifyCommonConversion(stringType, converted).IsImplicit)
            {
                return true;
            }

            SyntaxNode body = expression;
            while (body.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                body = parenthesized;
            }

            if (body.Parent is LambdaExpressionSyntax lambda && lambda.ExpressionBody == body &&
                (lambda is not ParenthesizedLambdaExpressionSyntax { ReturnType: not null }) &&
                model.GetTypeInfo(lambda, cancellationToken).ConvertedType is { } delegateType)
            {
                // Converted to Delegate (MapGet and friends) or object: the natural function type follows the body.
                return delegateType.SpecialType is SpecialType.System_Delegate or SpecialType.System_MulticastDelegate or SpecialType.System_Object;
            }

            return false;
        }

        private static ITypeSymbol? LabelParameterType(Compilation compilation, Shape shape)
        {
            var stringType = compilation.GetSpecialType(SpecialType.System_String);
            if (shape != Shape.Stream)
            {
                return stringType;
            }

            return WellKnownTypes.For(compilation).Get("System.Collections.Generic.IAsyncEnumerable`1")?.Construct(stringType);
        }

        /// <summary>The service's static <c>[AiContentLabeler] Label(T)</c> for the given parameter type, when the generator made it.</summary>
        private static IMethodSymbol? FindLabel(Compilation compilation, INamedTypeSymbol service, ITypeSymbol parameterType)
        {
            var labeler = WellKnownTypes.For(compilation).Get("AiCompliance.AiContentLabelerAttribute");
            foreach (var member in service.GetMembers("Label"))
            {
                if (member is IMethodSymbol { IsStatic: true, Parameters.Length: 1, TypeParameters.Length: 0 } method &&
                    method.Parameters[0].RefKind == RefKind.None &&
                    SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, parameterType) &&
                    (labeler is null || method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, labeler))))
                {
                    return method;
                }
            }

            return null;
        }

        /// <summary>
        /// The shortest name of <paramref name="service"/> that binds to it at <paramref name="position"/>; the fully
        /// qualified name when something else (a local, a member) takes the short one.
        /// </summary>
        private static ExpressionSyntax? NameAt(SemanticModel model, int position, INamedTypeSymbol service)
        {
            var names = new[]
            {
                service.ToMinimalDisplayString(model, position, SymbolDisplayFormat.MinimallyQualifiedFormat),
                service.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            };
            foreach (var text in names)
            {
                var name = SyntaxFactory.ParseExpression(text);
                if (name.ContainsDiagnostics)
                {
                    continue;
                }

                var bound = model.GetSpeculativeSymbolInfo(position, name, SpeculativeBindingOption.BindAsExpression).Symbol;
                if (SymbolEqualityComparer.Default.Equals(bound, service))
                {
                    return name;
                }
            }

            return null;
        }

        /// <summary><c>Service.Label(expression)</c>, or <c>Service.Label(expression.Text)</c>, with the expression's outer trivia kept outside.</summary>
        private static InvocationExpressionSyntax Wrap(ExpressionSyntax expression, ExpressionSyntax serviceName, Shape shape)
        {
            var inner = expression.WithoutTrivia();
            ExpressionSyntax argument = shape == Shape.ChatText
                ? SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    NeedsParentheses(inner)
                        ? SyntaxFactory.ParenthesizedExpression(Token(SyntaxKind.OpenParenToken), inner, Token(SyntaxKind.CloseParenToken))
                        : inner,
                    Token(SyntaxKind.DotToken),
                    SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(default, "Text", default)))
                : inner;

            var invocation = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    serviceName.WithoutTrivia(),
                    Token(SyntaxKind.DotToken),
                    SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(default, "Label", default))),
                SyntaxFactory.ArgumentList(
                    Token(SyntaxKind.OpenParenToken),
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(argument)),
                    Token(SyntaxKind.CloseParenToken)));

            return invocation.WithTriviaFrom(expression);
        }

        /// <summary>Whether <c>expression.Text</c> needs parentheses around the expression (await, casts, operators, ?.).</summary>
        private static bool NeedsParentheses(ExpressionSyntax expression)
        {
            switch (expression.Kind())
            {
                case SyntaxKind.IdentifierName:
                case SyntaxKind.GenericName:
                case SyntaxKind.SimpleMemberAccessExpression:
                case SyntaxKind.InvocationExpression:
                case SyntaxKind.ElementAccessExpression:
                case SyntaxKind.ParenthesizedExpression:
                case SyntaxKind.ThisExpression:
                case SyntaxKind.BaseExpression:
                case SyntaxKind.ObjectCreationExpression:
                case SyntaxKind.SuppressNullableWarningExpression:
                    return false;
                default:
                    return true;
            }
        }

        // Tokens without elastic trivia, so the code-action cleanup leaves the user's formatting alone.
        private static SyntaxToken Token(SyntaxKind kind) => SyntaxFactory.Token(default, kind, default);

        private static ImmutableArray<INamedTypeSymbol> GetServices(Compilation compilation) =>
            s_services.GetValue(compilation, c => new ServiceList(FindServices(c))).Services;

        /// <summary>Types of this compilation (its own and generated sources) carrying [RegisteredAiService].</summary>
        private static ImmutableArray<INamedTypeSymbol> FindServices(Compilation compilation)
        {
            var attribute = WellKnownTypes.For(compilation).Get("AiCompliance.RegisteredAiServiceAttribute");
            if (attribute is null)
            {
                return ImmutableArray<INamedTypeSymbol>.Empty;
            }

            var found = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(compilation.Assembly.GlobalNamespace);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                if (current is INamedTypeSymbol type &&
                    type.TypeKind == TypeKind.Class &&
                    type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute)))
                {
                    found.Add(type);
                }

                foreach (var member in current.GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol child)
                    {
                        pending.Push(child);
                    }
                }
            }

            return found.ToImmutable();
        }

        private sealed class ServiceList
        {
            public ServiceList(ImmutableArray<INamedTypeSymbol> services) => Services = services;

            public ImmutableArray<INamedTypeSymbol> Services { get; }
        }
    }
}
