using System.Collections.Immutable;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers
{
    /// <summary>AIC002: the registration number of a <c>[RegisteredAiService]</c> does not have the shape of a filing or launch number.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MalformedRegistrationNumberAnalyzer : RegistrationRuleAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MalformedRegistrationNumber);

        /// <inheritdoc />
        private protected override void Check(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData attribute, AttributeSyntax syntax) =>
            CheckNumber(context, attribute, syntax);

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
    }
}
