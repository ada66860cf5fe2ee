using System.Collections.Immutable;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// Checks each <c>[RegisteredAiService]</c>: the number's shape (AIC002), the label wording (AIC006) and the
    /// target class (AIC008). Costs nothing in a compilation that does not reference the attribute.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RegistrationAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>AIC006 property: the jurisdiction's standard wording, used by the code fix.</summary>
        public const string SuggestedLabelProperty = "SuggestedLabel";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.MalformedRegistrationNumber,
            Descriptors.NonCompliantLabelWording,
            Descriptors.InvalidServiceTarget);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var attributeType = WellKnownTypes.For(start.Compilation).Get(ServiceTarget.AttributeMetadataName);
                if (attributeType is null)
                {
                    return;
                }

                start.RegisterSymbolAction(c => AnalyzeType(c, attributeType), SymbolKind.NamedType);
            });
        }

        private static void AnalyzeType(SymbolAnalysisContext context, INamedTypeSymbol attributeType)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            foreach (var attribute in type.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType) ||
                    attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax syntax)
                {
                    continue;
                }

                CheckTarget(context, type, syntax);
                CheckNumber(context, attribute, syntax);
                CheckLabel(context, attribute, syntax);
            }
        }

        private static void CheckTarget(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeSyntax syntax)
        {
            if (syntax.Parent?.Parent is not TypeDeclarationSyntax declaration)
            {
                return;
            }

            var problem = ServiceTarget.GetProblem(type, declaration);
            if (problem is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.InvalidServiceTarget,
                    declaration.Identifier.GetLocation(),
                    type.Name,
                    problem));
            }
        }

        private static void CheckNumber(SymbolAnalysisContext context, AttributeData attribute, AttributeSyntax syntax)
        {
            if (attribute.ConstructorArguments.Length != 1)
            {
                return; // does not bind: the compiler reports it
            }

            var number = attribute.ConstructorArguments[0].Value as string;
            var result = RegistrationNumber.Parse(number);
            if (result.IsValid)
            {
                return;
            }

            var argument = FindArgument(syntax, null, 0);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.MalformedRegistrationNumber,
                (argument?.Expression ?? (SyntaxNode)syntax).GetLocation(),
                number ?? "null",
                result.Problem,
                RegistrationNumber.ExpectedShapes));
        }

        private static void CheckLabel(SymbolAnalysisContext context, AttributeData attribute, AttributeSyntax syntax)
        {
            string? labelText = null;
            var hasLabel = false;
            var jurisdiction = 0;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "LabelText")
                {
                    hasLabel = true;
                    labelText = named.Value.Value as string;
                }
                else if (named.Key == "Jurisdiction" && named.Value.Value is int j)
                {
                    jurisdiction = j;
                }
            }

            var profile = JurisdictionProfile.FromValue(jurisdiction);
            if (!hasLabel || profile is null)
            {
                return;
            }

            var problem = profile.CheckLabelWording(labelText);
            if (problem is null)
            {
                return;
            }

            var argument = FindArgument(syntax, "LabelText", -1);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.NonCompliantLabelWording,
                (argument?.Expression ?? (SyntaxNode)syntax).GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(SuggestedLabelProperty, profile.DefaultLabelText),
                labelText ?? "null",
                profile.Rule,
                problem,
                profile.DefaultLabelText));
        }

        /// <summary>The argument named <paramref name="name"/> (property or parameter), else the positional one at <paramref name="position"/>.</summary>
        internal static AttributeArgumentSyntax? FindArgument(AttributeSyntax syntax, string? name, int position)
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
