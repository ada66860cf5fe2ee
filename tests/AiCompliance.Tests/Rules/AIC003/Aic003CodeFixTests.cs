using System.Collections.Immutable;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.CodeFixes;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic003;

/// <summary>The AIC003 code fix (<see cref="AddRegistrationCodeFixProvider"/>): the rest of <see cref="Aic003Tests"/>, whose helpers it uses.</summary>
public partial class Aic003Tests
{
    [Fact]
    public async Task Code_fix_adds_a_skeleton_that_compiles_and_that_AIC002_rejects_until_filled()
    {
        var skeleton = AddRegistrationCodeFixProvider.Skeleton("My.App", fileScopedNamespace: true);
        Assert.Contains("namespace My.App;", skeleton);
        Assert.Contains("[RegisteredAiService(\"Province-ServiceName-yyyyMMdd\"", skeleton);
        Assert.Contains("public static partial class AiService", skeleton);

        // The skeleton silences AIC003...
        Assert.Empty(await RunAsync(Calls, skeleton));

        // ...and AIC002 flags the placeholder number.
        var compilation = CSharpCompilation.Create("Skeleton", new[] { CSharpSyntaxTree.ParseText(skeleton, TestReferences.ParseOptions) }, FlowVerifier.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var aic002 = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MalformedRegistrationNumberAnalyzer())).GetAnalyzerDiagnosticsAsync();
        Assert.Contains(aic002, d => d.Id == "AIC002" && d.GetMessage().Contains("the province part 'Province'"));

        var blockScoped = AddRegistrationCodeFixProvider.Skeleton("My.App", fileScopedNamespace: false);
        Assert.Contains("namespace My.App\n{\n    /// <summary>", blockScoped);
        Assert.DoesNotContain("namespace", AddRegistrationCodeFixProvider.Skeleton("1bad", fileScopedNamespace: true));
    }
}
