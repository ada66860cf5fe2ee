using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AiCompliance.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Generators
{
    /// <summary>Turns symbols into <see cref="ServiceSpec"/> and <see cref="CompilationCapabilities"/>.</summary>
    internal static class Parser
    {
        private static readonly SymbolDisplayFormat NamespaceFormat = new SymbolDisplayFormat(
            globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

        /// <summary>Null when the target is invalid (the analyzer reports AIC008 there).</summary>
        public static ServiceSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not TypeDeclarationSyntax declaration)
            {
                return null;
            }

            if (ServiceTarget.GetProblem(type, declaration) is not null)
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var attribute = context.Attributes.FirstOrDefault();
            if (attribute is null)
            {
                return null;
            }

            string? number = null;
            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string n)
            {
                number = n;
            }

            string? serviceName = null, provider = null, labelText = null, systemVersion = null;
            int position = 0, jurisdiction = 0;
            foreach (var named in attribute.NamedArguments)
            {
                switch (named.Key)
                {
                    case "ServiceName": serviceName = named.Value.Value as string; break;
                    case "Provider": provider = named.Value.Value as string; break;
                    case "LabelText": labelText = named.Value.Value as string; break;
                    case "LabelPosition": position = named.Value.Value is int p ? p : 0; break;
                    case "Jurisdiction": jurisdiction = named.Value.Value is int j ? j : 0; break;
                    case "SystemVersion": systemVersion = named.Value.Value as string; break;
                }
            }

            var containing = new List<ContainingTypeSpec>();
            for (var parent = declaration.Parent as TypeDeclarationSyntax; parent is not null; parent = parent.Parent as TypeDeclarationSyntax)
            {
                containing.Insert(0, new ContainingTypeSpec(Keyword(parent), EscapeIdentifier(parent.Identifier.ValueText)));
            }

            var ns = type.ContainingNamespace is { IsGlobalNamespace: false } nsSymbol ? nsSymbol.ToDisplayString(NamespaceFormat) : null;
            return new ServiceSpec(
                ns,
                new EquatableArray<ContainingTypeSpec>(containing.ToArray()),
                Keyword(declaration),
                EscapeIdentifier(type.Name),
                HintName(type),
                number,
                serviceName,
                provider,
                labelText,
                position,
                JurisdictionSet.Normalize(jurisdiction), // a set: unknown bits dropped (AIC006 reports them), none known is China
                systemVersion,
                IsEffectivelyPublic(type));
        }

        public static CompilationCapabilities ReadCapabilities(Compilation compilation, ParseOptions? parseOptions)
        {
            var modern = parseOptions is not CSharpParseOptions options || options.LanguageVersion >= LanguageVersion.CSharp8;
            return new CompilationCapabilities(
                HasLabelerAttribute: compilation.GetTypeByMetadataName("AiCompliance.AiContentLabelerAttribute") is not null,
                SupportsModernCSharp: modern,
                HasAsyncEnumerable: compilation.GetTypeByMetadataName("System.Collections.Generic.IAsyncEnumerable`1") is not null &&
                                    compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.EnumeratorCancellationAttribute") is not null &&
                                    compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskAsyncEnumerableExtensions") is not null,
                HasChatClient: compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.DelegatingChatClient") is not null &&
                               compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatResponseUpdate") is not null,
                HasChatClientBuilder: compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatClientBuilder") is not null,
                HasServiceCollection: compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection") is not null &&
                                      compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions") is not null,
                HasAspNetCore: compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext") is not null,
                HasMarkupString: compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Components.MarkupString") is not null,
                HasReadOnlyMemory: compilation.GetTypeByMetadataName("System.ReadOnlyMemory`1") is not null,
                HasBinaryData: compilation.GetTypeByMetadataName("System.BinaryData") is not null,
                BinaryDataHasMediaType: compilation.GetTypeByMetadataName("System.BinaryData")?.GetMembers("MediaType").Length > 0,
                HasDataContent: compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.DataContent") is not null,
                DataContentHasName: compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.DataContent")?.GetMembers("Name").Length > 0,
                HasImageGenerator: compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.DelegatingImageGenerator") is not null &&
                                   compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ImageGenerationResponse") is not null,
                HasImageGeneratorBuilder: compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ImageGeneratorBuilder") is not null,
                HasTextToSpeechClient: compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.DelegatingTextToSpeechClient") is not null &&
                                       compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.TextToSpeechResponseUpdate") is not null,
                HasTextToSpeechClientBuilder: compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.TextToSpeechClientBuilder") is not null);
        }

        private static bool IsEffectivelyPublic(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.DeclaredAccessibility != Accessibility.Public)
                {
                    return false;
                }
            }

            return true;
        }

        private static string Keyword(TypeDeclarationSyntax declaration)
        {
            switch (declaration)
            {
                case RecordDeclarationSyntax record:
                    return record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "partial record struct" : "partial record";
                case StructDeclarationSyntax _:
                    return "partial struct";
                case InterfaceDeclarationSyntax _:
                    return "partial interface";
                default:
                    return "partial class";
            }
        }

        private static string EscapeIdentifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.RecordKeyword
                ? "@" + name
                : name;

        private static string HintName(INamedTypeSymbol type)
        {
            var parts = new List<string>();
            for (ISymbol? s = type; s is not null && !(s is INamespaceSymbol { IsGlobalNamespace: true }); s = s.ContainingSymbol)
            {
                parts.Insert(0, s.MetadataName);
            }

            var full = string.Join(".", parts);
            var chars = full.Select(c => (c < 128 && char.IsLetterOrDigit(c)) || c == '.' || c == '_' ? c : '_').ToArray();
            var safe = new string(chars);

            // Replaced characters could make two names collide: keep them apart with a stable hash of the full name.
            return safe == full
                ? "AiCompliance." + safe + ".g.cs"
                : "AiCompliance." + safe + "." + StableHash(full).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
        }

        private static uint StableHash(string text)
        {
            // FNV-1a: stable across processes (string.GetHashCode is not).
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = unchecked((hash ^ c) * 16777619u);
            }

            return hash;
        }
    }
}
