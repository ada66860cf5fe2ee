using System.Collections.Immutable;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Registration;
using AiCompliance.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers
{
    /// <summary>AIC002: the registration number of a <c>[RegisteredAiService]</c> does not have the shape of a filing or launch number.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MalformedRegistrationNumberAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MalformedRegistrationNumber);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            RegisteredServiceAttributes.Register(context, (c, _, attribute, syntax) => CheckNumber(c, attribute, syntax));
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

            var argument = RegisteredServiceAttributes.FindArgument(syntax, null, 0);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.MalformedRegistrationNumber,
                (argument?.Expression ?? (SyntaxNode)syntax).GetLocation(),
                number ?? "null",
                result.Problem,
                RegistrationNumber.ExpectedShapes));
        }
    }
}
