using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AiCompliance.Tests.Infrastructure;

/// <summary>Analyzer verification with offline references.</summary>
public static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    /// <summary>For an analyzer with several descriptors of one id (AIC006: wording, unknown jurisdiction bits).</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(descriptor);

    public static Task VerifyAsync(string source, bool withMeai = false, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.NoDownload,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.For(withMeai));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

/// <summary>Code-fix verification with offline references.</summary>
public static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    /// <summary>For an analyzer with several descriptors of one id (AIC006: wording, unknown jurisdiction bits).</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(descriptor);

    public static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> Create(string source, string fixedSource, bool withMeai = false)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.NoDownload,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.For(withMeai));
        test.FixedState.AdditionalReferences.AddRange(TestReferences.For(withMeai));
        return test;
    }

    public static Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = Create(source, fixedSource);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

/// <summary>
/// Verification with the three registration rules together (AIC002, AIC006, AIC008: one analyzer each), for the tests
/// that show one attribute with problems of two rules.
/// </summary>
public static class RegistrationRulesVerifier
{
    private static readonly DiagnosticAnalyzer[] Analyzers =
    {
        new AiCompliance.Analyzers.MalformedRegistrationNumberAnalyzer(),
        new AiCompliance.Analyzers.NonCompliantLabelWordingAnalyzer(),
        new AiCompliance.Analyzers.InvalidServiceTargetAnalyzer(),
    };

    /// <summary>An expected diagnostic of any of the three rules, by id.</summary>
    public static DiagnosticResult Diagnostic(string id) =>
        new DiagnosticResult(System.Linq.Enumerable.Single(System.Linq.Enumerable.SelectMany(Analyzers, a => a.SupportedDiagnostics), d => d.Id == id));

    public static Task VerifyAsync(string source, bool withMeai = false, params DiagnosticResult[] expected)
    {
        var test = new Test
        {
            TestCode = source,
            ReferenceAssemblies = TestReferences.NoDownload,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.For(withMeai));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private sealed class Test : CSharpAnalyzerTest<AiCompliance.Analyzers.MalformedRegistrationNumberAnalyzer, DefaultVerifier>
    {
        protected override System.Collections.Generic.IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers;
    }
}
