using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Tests.Infrastructure;

/// <summary>Runs the registration analyzers (AIC002, AIC006, AIC008) directly, for assertions on the formatted message text.</summary>
internal static class AnalyzerRunner
{
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(string source)
    {
        var compilation = TestReferences.Compile(source);
        var compilerErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Xunit.Assert.True(compilerErrors.Count == 0, string.Join("\n", compilerErrors));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MalformedRegistrationNumberAnalyzer(), new NonCompliantLabelWordingAnalyzer(), new InvalidServiceTargetAnalyzer()));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    }
}
