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
    /// AIC006: the explicit label text of a <c>[RegisteredAiService]</c> does not meet the wording check of one of its
    /// jurisdiction profiles (the first that fails is named), or its <c>Jurisdiction</c> has bits no profile stands for.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NonCompliantLabelWordingAnalyzer : RegistrationRuleAnalyzer
    {
        /// <summary>AIC006 property: the jurisdictions' standard wording, used by the code fix.</summary>
        public const string SuggestedLabelProperty = "SuggestedLabel";

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.NonCompliantLabelWording, Descriptors.UnknownJurisdiction);

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

            var unknown = JurisdictionSet.UnknownBits(jurisdiction);
            if (unknown != 0)
            {
                var jurisdictionArgument = FindArgument(syntax, "Jurisdiction", -1);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.UnknownJurisdiction,
                    (jurisdictionArgument?.Expression ?? (SyntaxNode)syntax).GetLocation(),
                    jurisdiction.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "0x" + unknown.ToString("X", System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (!hasLabel)
            {
                return;
            }

            // The same set the generator uses: unknown bits ignored, no known bit is China.
            var profiles = JurisdictionSet.FromValue(jurisdiction);
            if (profiles.CheckLabelWording(labelText) is not { } failure)
            {
                return;
            }

            var argument = FindArgument(syntax, "LabelText", -1);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.NonCompliantLabelWording,
                (argument?.Expression ?? (SyntaxNode)syntax).GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(SuggestedLabelProperty, profiles.DefaultLabelText),
                labelText ?? "null",
                failure.Profile.Rule,
                failure.Problem,
                profiles.DefaultLabelText));
        }
    }
}
