using System;
using AiCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// The base of the registration rules (AIC002, AIC006, AIC008): each checks every <c>[RegisteredAiService]</c>
    /// applied in the compilation, with its syntax, and points at an argument. A rule registers nothing in a
    /// compilation that does not reference the attribute.
    /// </summary>
    public abstract class RegistrationRuleAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
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
                                Check(c, type, attribute, syntax);
                            }
                        }
                    },
                    SymbolKind.NamedType);
            });
        }

        /// <summary>Checks one <c>[RegisteredAiService]</c> on <paramref name="type"/>.</summary>
        private protected abstract void Check(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData attribute, AttributeSyntax syntax);

        /// <summary>The argument named <paramref name="name"/> (property or parameter), else the positional one at <paramref name="position"/>.</summary>
        private protected static AttributeArgumentSyntax? FindArgument(AttributeSyntax syntax, string? name, int position)
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
