using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Internal
{
    /// <summary>
    /// Which classes may carry <c>[RegisteredAiService]</c>. Shared by the generator (which skips a bad target) and
    /// the analyzer (which reports AIC008 on it), so both always agree.
    /// </summary>
    internal static class ServiceTarget
    {
        public const string AttributeMetadataName = "AiCompliance.RegisteredAiServiceAttribute";

        /// <summary>Null when the generator can fill <paramref name="type"/>; otherwise why it cannot.</summary>
        public static string? GetProblem(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
        {
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return "it is not declared 'partial'";
            }

            if (type.TypeKind != TypeKind.Class)
            {
                return "it is not a class";
            }

            if (type.TypeParameters.Length > 0)
            {
                return "it is generic";
            }

            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.IsFileLocal)
                {
                    return t.Equals(type, SymbolEqualityComparer.Default)
                        ? "it is file-local ('file' types cannot be extended from another file)"
                        : "the containing type '" + t.Name + "' is file-local";
                }
            }

            if (declaration.Parent is TypeDeclarationSyntax)
            {
                for (var parent = declaration.Parent as TypeDeclarationSyntax; parent is not null; parent = parent.Parent as TypeDeclarationSyntax)
                {
                    if (!parent.Modifiers.Any(SyntaxKind.PartialKeyword))
                    {
                        return "the containing type '" + parent.Identifier.ValueText + "' is not declared 'partial'";
                    }

                    if (parent.TypeParameterList is not null)
                    {
                        return "the containing type '" + parent.Identifier.ValueText + "' is generic";
                    }
                }
            }

            return null;
        }
    }
}
