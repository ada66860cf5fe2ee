using System;
using AiCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers.Registration
{
    /// <summary>
    /// What the registration rules (AIC002, AIC006, AIC008) share: each <c>[RegisteredAiService]</c> applied in the
    /// compilation, with its syntax, and the argument a diagnostic points at. A rule registers nothing in a compilation
    /// that does not reference the attribute.
    /// </summary>
    internal static class RegisteredServiceAttributes
    {
        /// <summary>Calls <paramref name="check"/> for each <c>[RegisteredAiService]</c> on each type of the compilation.</summary>
        public static void Register(AnalysisContext context, Action<SymbolAnalysisContext, INamedTypeSymbol, AttributeData, AttributeSyntax> check)
        {
            context.RegisterCompilationStartAction(start =>
            {
                var attributeType = WellKnownTypes.For(start.Compilation).Get(AiCompliance.Internal.ServiceTarget.AttributeMetadataName);
                if (attributeType is null)
                {
                    return;
                }

                start.RegisterSymbolAction(
                    c =>
                    {
                        var type = (INamedTypeSymbol)c.Symbol;
                        foreach (var attribute in type.GetAttributes())
                        {
                            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType) &&
                                attribute.ApplicationSyntaxReference?.GetSyntax(c.CancellationToken) is AttributeSyntax syntax)
                            {
                                check(c, type, attribute, syntax);
                            }
                        }
                    },
                    SymbolKind.NamedType);
            });
        }

        /// <summary>The argument named <paramref name="name"/> (property or parameter), else the positional one at <paramref name="position"/>.</summary>
        public static AttributeArgumentSyntax? FindArgument(AttributeSyntax syntax, string? name, int position)
        {
            if (syntax.ArgumentList is null)
            {
                return null;
            }

            var index = 0;
            foreach (var argument in syntax.ArgumentList.Arguments)
            {
                if (name is not null && argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument;
                }

                if (argument.NameEquals is null && argument.NameColon is null && index++ == position)
                {
                    return argument;
                }

                if (position == 0 && argument.NameColon?.Name.Identifier.ValueText == "registrationNumber")
                {
                    return argument;
                }
            }

            return null;
        }
    }
}
