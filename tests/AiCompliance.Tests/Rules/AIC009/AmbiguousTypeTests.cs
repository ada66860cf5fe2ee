using System.Collections.Immutable;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using static AiCompliance.Tests.Infrastructure.EmittedAssembly;

namespace AiCompliance.Tests.Rules.Aic009;

/// <summary>
/// An SDK whose source types cannot be resolved at all is AIC009 for the compilation (the types of the same full name
/// in two referenced assemblies, which still resolve, are AIC001's <c>AmbiguousTypeTests</c>).
/// </summary>
public class AmbiguousTypeTests
{
    [Fact]
    public async Task An_SDK_referenced_without_its_source_types_is_AIC009_for_the_compilation()
    {
        // An OllamaSharp whose client interface was renamed: its calls would be invisible to AIC001.
        var renamed = Emit("OllamaSharp", "namespace OllamaSharp { public interface IOllamaClient { } }");
        var diagnostics = await RunAsync("UsesOllama", renamed);

        var failed = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.AnalysisFailed, failed.Id);
        Assert.Equal(Location.None, failed.Location);
        Assert.Equal(
            "AiCompliance could not analyze 'UsesOllama': its outputs are not checked (OllamaSharp is referenced but its type 'OllamaSharp.IOllamaApiClient' cannot be resolved, so its AI calls are not recognized)",
            failed.GetMessage());
    }

    [Fact]
    public async Task An_SDK_whose_source_types_resolve_is_not_AIC009()
    {
        var current = Emit("OllamaSharp", "namespace OllamaSharp { public interface IOllamaApiClient { } }");
        Assert.Empty(await RunAsync("UsesOllama", current));
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(string assemblyName, MetadataReference sdk)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText("class App { }", TestReferences.ParseOptions) },
            TestReferences.Net100.Add(sdk),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var diagnostics = await compilation.WithAnalyzers(TestAnalyzers.FlowRules).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }
}
