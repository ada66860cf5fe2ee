using System.Collections.Immutable;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers
{
    /// <summary>AIC006: the explicit label text of a <c>[RegisteredAiService]</c> does not meet its jurisdiction's wording rule.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NonCompliantLabelWordingAnalyzer : RegistrationRuleAnalyzer
    {
        /// <summary>AIC006 property: the jurisdiction's standard wording, used by the code fix.</summary>
        public const string SuggestedLabelProperty = "SuggestedLabel";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NonCompliantLabelWording);

        /// <inheritdoc />
        private protected override void Check(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData attribute, AttributeSyntax syntax) =>
            CheckLabel(context, attribute, syntax);

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
    }
}
