using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers
{
    /// <summary>
    /// AIC010 (info): a public method or property of a library returns unlabeled AI content and does not say so with
    /// <c>[AiGenerated]</c>. Each project is analyzed on its own, so without the attribute the projects that call it see
    /// a plain string. Not reported where the return value is itself an output (a controller action, an endpoint), nor
    /// in an app (only libraries are called by other projects), nor on members that are not visible outside the assembly.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UndeclaredAiReturnAnalyzer : FlowRuleAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UndeclaredAiReturn);

        /// <inheritdoc />
        private protected override void Start(CompilationStartAnalysisContext start, RuleSession? session)
        {
            if (start.Compilation.Options.OutputKind == OutputKind.DynamicallyLinkedLibrary && !RegistrationPresenceAnalyzer.IsTestProject(start.Compilation))
            {
                base.Start(start, session); // only libraries are called by other projects (test projects are not)
            }
        }

        /// <inheritdoc />
        private protected override void Report(SemanticModelAnalysisContext context, BlockOutcome outcome)
        {
            var model = outcome.Model;
            if (outcome.Result is not { } result || outcome.Razor || model.AiGeneratedAttribute is null)
            {
                return; // without AiCompliance's attributes referenced there is nothing to ask for
            }

            var method = outcome.Method;
            if (ExportedMember(method) is not { } member || UndeclaredSource(member, method, model, result) is not { } first ||
                member.Locations.FirstOrDefault(l => l.IsInSource && l.SourceTree == context.SemanticModel.SyntaxTree) is not { } location)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UndeclaredAiReturn, location, member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), first.Description));
        }

        /// <summary>The member a method's return value is read through by callers: the method itself, or the property of a getter.</summary>
        internal static ISymbol? ExportedMember(IMethodSymbol method) => method.MethodKind switch
        {
            MethodKind.Ordinary => method,
            MethodKind.PropertyGet when method.AssociatedSymbol is IPropertySymbol property => property,
            _ => null,
        };

        /// <summary>
        /// Where the unlabeled AI content a member visible to other assemblies returns comes from (the first source, in a
        /// stable order), or null when there is none or callers elsewhere already see it: it is not visible outside, its
        /// return value is itself an output, it says <c>[AiGenerated]</c>, or it is (or implements) a modeled source.
        /// AIC010 asks to mark such members; the scanner hands them to the projects that reference this one.
        /// </summary>
        internal static SourceRef? UndeclaredSource(ISymbol member, IMethodSymbol method, FlowModel model, MethodResult result)
        {
            if (member.IsImplicitlyDeclared || !IsVisibleOutside(member) || model.ReturnSinkOf(method) is not null ||
                (model.AiGeneratedAttribute is { } attribute && DeclaredAiGenerated(member, attribute)) ||
                IsModeledSource(method, model))
            {
                return null; // (a modeled source: an IChatClient implementation, a delegating client's override)
            }

            return result.Summary.Return.Sources
                .Where(s => !s.Labeled && s.Notice is null)
                .OrderBy(s => s, Comparer<SourceRef>.Create(SourceRef.Compare))
                .FirstOrDefault();
        }

        /// <summary>
        /// Whether the method is a modeled source itself (the SDK's own code), or overrides or implements one: callers that
        /// reach it through the SDK's type already treat its result as AI content.
        /// </summary>
        private static bool IsModeledSource(IMethodSymbol method, FlowModel model) =>
            WithWhatItOverridesOrImplements(method).Any(m => model.Find(m.OriginalDefinition)?.SourceDescription is not null);

        /// <summary>
        /// Whether the member already says so: <c>[AiGenerated]</c> on it or its return value, on a member it overrides (all
        /// the way up), or on an interface member it implements.
        /// </summary>
        private static bool DeclaredAiGenerated(ISymbol member, INamedTypeSymbol attribute) =>
            WithWhatItOverridesOrImplements(member).Any(m =>
                FlowModel.HasAttribute(m.OriginalDefinition, attribute) ||
                (m is IMethodSymbol method && method.GetReturnTypeAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute))));

        /// <summary>The member, the members it overrides all the way up, and the interface members it implements.</summary>
        private static IEnumerable<ISymbol> WithWhatItOverridesOrImplements(ISymbol member)
        {
            for (var m = member; m is not null; m = m is IMethodSymbol method ? method.OverriddenMethod : (m as IPropertySymbol)?.OverriddenProperty)
            {
                yield return m;
            }

            foreach (var contract in member.ContainingType.AllInterfaces)
            {
                foreach (var candidate in contract.GetMembers(member.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(member.ContainingType.FindImplementationForInterfaceMember(candidate), member))
                    {
                        yield return candidate;
                    }
                }
            }
        }

        /// <summary>Public or protected, in types that are public or protected all the way out.</summary>
        internal static bool IsVisibleOutside(ISymbol symbol)
        {
            for (var s = symbol; s is not null && s is not INamespaceSymbol; s = s.ContainingSymbol)
            {
                if (s.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
