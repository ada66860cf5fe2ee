using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Analyzers.Rules;
using AiCompliance.Generators;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic010;

/// <summary>
/// What the scanner hands from a project to the projects that reference it (issue 14, across projects): the members
/// AIC010 asks to mark, as user model source rows. A build of the app sees only [AiGenerated]; with the rows, the app's
/// AIC001 follows the library's undeclared returns too, and names the library's member and its source call.
/// </summary>
public class ExportedAiReturnsTests
{
    private const string Generic = """
        using Microsoft.Extensions.AI;

        namespace Deep
        {
            public class Outer<T>
            {
                public class Inner
                {
                    public static async System.Threading.Tasks.Task<string> AskAsync(IChatClient client) => (await client.GetResponseAsync("q")).Text;
                }
            }
        }
        """;

    private const string App = """
        class App
        {
            async Task Run(Summarizer s, IChatClient c)
            {
                Console.WriteLine([|await s.SummarizeAsync("x")|]);
                Console.WriteLine([|s.Last|]);
                Console.WriteLine(await s.CountAsync("x"));
                Console.WriteLine(Svc.Label(await s.SummarizeAsync("y")));
                Console.WriteLine([|await Deep.Outer<int>.Inner.AskAsync(c)|]);
                Console.WriteLine([|await s.DeclaredAsync("x")|]);
                Console.WriteLine(s.Echo("user text"));
            }
        }
        """;

    private static Compilation Library()
    {
        var compilation = CSharpCompilation.Create(
            "Lib",
            new[] { CSharpSyntaxTree.ParseText(Aic010Tests.Library, TestReferences.ParseOptions), CSharpSyntaxTree.ParseText(Generic, TestReferences.ParseOptions) },
            FlowVerifier.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new[] { new RegisteredAiServiceGenerator().AsSourceGenerator() }, parseOptions: TestReferences.ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);
        Assert.Empty(withGenerated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return withGenerated;
    }

    private static ImmutableArray<ExportedAiReturn> Exports(Compilation library) =>
        ExportedAiReturns.Find(library, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None);

    [Fact]
    public async Task The_exports_are_the_members_AIC010_reports_by_metadata_name()
    {
        var library = Library();
        var exports = Exports(library);
        Assert.Equal(
            new[] { "Deep.Outer`1+Inner.AskAsync", "Summarizer.Last", "Summarizer.SummarizeAsync" },
            exports.Select(e => e.TypeMetadataName + "." + e.Member).ToArray());
        Assert.All(exports, e => Assert.Equal("IChatClient.GetResponseAsync", e.Origin));

        // The same members AIC010 asks to mark (labeled, declared, derived, internal, SDK implementations: neither).
        var withAnalyzers = library.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UndeclaredAiReturnAnalyzer()));
        var reported = (await withAnalyzers.GetAnalyzerDiagnosticsAsync()).Where(d => d.Id == DiagnosticIds.UndeclaredAiReturn).ToList();
        Assert.Equal(
            exports.Select(e => e.Member).OrderBy(m => m, System.StringComparer.Ordinal),
            reported.Select(d => d.Location.SourceTree!.ToString().Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)).OrderBy(m => m, System.StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_app_given_the_rows_follows_the_library_s_undeclared_returns()
    {
        var library = Library();
        var model = ExportedAiReturns.ToModelFile(Exports(library).Select(e => ("Lib", e)));
        var run = new FlowRun
        {
            References = FlowVerifier.All.Add(library.ToMetadataReference()),
            AdditionalFiles = ImmutableArray.Create<AdditionalText>(new FlowVerifier.InMemoryAdditionalText("/scan/obj/aicompliance.json", model)),
        };
        var all = await FlowVerifier.VerifyAsync(Code.Header + App, run);
        Assert.DoesNotContain(all, d => d.Id == DiagnosticIds.InvalidUserModel); // the generated file is a valid model
        var messages = all.Where(d => d.Id == DiagnosticIds.UnlabeledAiOutput).Select(d => d.GetMessage()).ToList();
        Assert.Contains("AI-generated content from 'Summarizer.SummarizeAsync (project Lib, from IChatClient.GetResponseAsync)' reaches 'Console.WriteLine' without a label", messages);
        Assert.Contains("AI-generated content from 'Outer<T>.Inner.AskAsync (project Lib, from IChatClient.GetResponseAsync)' reaches 'Console.WriteLine' without a label", messages);
        Assert.Contains("AI-generated content from 'Summarizer.Last (project Lib, from IChatClient.GetResponseAsync)' reaches 'Console.WriteLine' without a label", messages);
    }

    [Fact]
    public async Task Without_the_rows_an_app_sees_only_what_the_library_declares()
    {
        var library = Library();
        var run = new FlowRun { References = FlowVerifier.All.Add(library.ToMetadataReference()) };
        var declaredOnly = App.Replace("[|", string.Empty).Replace("|]", string.Empty).Replace("Console.WriteLine(await s.DeclaredAsync(\"x\"))", "Console.WriteLine([|await s.DeclaredAsync(\"x\")|])");
        await FlowVerifier.VerifyAsync(Code.Header + declaredOnly, run);
    }

    [Fact]
    public void The_model_file_escapes_names()
    {
        var file = ExportedAiReturns.ToModelFile(new[] { ("My \"Lib\"\\x", new ExportedAiReturn("Ns.T", "M", "a\nb")) });
        Assert.Contains("\"description\": \"T.M (project My \\\"Lib\\\"\\\\x, from a\\u000ab)\"", file, System.StringComparison.Ordinal);
    }
}
