using System.Collections.Immutable;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers
{
    /// <summary>AIC008: <c>[RegisteredAiService]</c> on a class the generator cannot extend (not static partial, generic, nested…).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InvalidServiceTargetAnalyzer : RegistrationRuleAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InvalidServiceTarget);

        /// <inheritdoc />
        private protected override void Check(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData attribute, AttributeSyntax syntax) =>
            CheckTarget(context, type, syntax);

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
    }
}
