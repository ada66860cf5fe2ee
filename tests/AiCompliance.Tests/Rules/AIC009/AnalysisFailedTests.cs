using System;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Tests.Infrastructure;
using AiCompliance.Tests.Rules.Aic001;
using Microsoft.CodeAnalysis;
using Xunit;
using static AiCompliance.Tests.Infrastructure.EngineFailureCollection;

namespace AiCompliance.Tests.Rules.Aic009;

/// <summary>AIC009: an engine failure is reported at the method whose outputs it leaves unchecked, never as AD0001.</summary>
[Collection(EngineFailureCollection.Name)]
public class AnalysisFailedTests
{
    private const string InjectedReason = "InvalidOperationException: injected failure (aicompliance_test_fail_method)";

    private const string TwoMethods = """
        class App
        {
            async Task Broken(IChatClient client)
            {
                Console.WriteLine({|(await client.GetResponseAsync("a")).Text|});
            }

            async Task Fine(IChatClient client)
            {
                Console.WriteLine([|(await client.GetResponseAsync("b")).Text|]);
            }
        }
        """;

    [Fact]
    public async Task Injected_failure_from_a_global_config_is_AIC009_at_the_method_and_other_methods_are_still_analyzed()
    {
        // Broken's AIC001 (between {| |}) is lost with its analysis; Fine's is still reported (VerifyAsync checks the marks).
        var markup = Code.Header + TwoMethods.Replace("{|", string.Empty).Replace("|}", string.Empty);
        var before = UnlabeledAiOutputAnalyzer.InternalErrors;

        var diagnostics = await FlowVerifier.VerifyAsync(markup, new FlowRun { ConfigOptions = GlobalConfig("Broken"), ExpectInternalErrors = true });

        var failed = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.AnalysisFailed);
        Assert.Equal(DiagnosticSeverity.Warning, failed.Severity);
        Assert.Equal("AiCompliance could not analyze 'App.Broken': its outputs are not checked (" + InjectedReason + ")", failed.GetMessage());
        AssertAt(failed, markup, "Broken");
        Assert.Equal(before + 1, UnlabeledAiOutputAnalyzer.InternalErrors);
        Assert.Equal("injected failure (aicompliance_test_fail_method)", UnlabeledAiOutputAnalyzer.LastInternalError?.Message);
    }

    [Fact]
    public async Task Without_the_option_there_is_no_AIC009_and_both_methods_report()
    {
        var markup = Code.Header + TwoMethods.Replace("{|", "[|").Replace("|}", "|]");
        var diagnostics = await FlowVerifier.VerifyAsync(markup, new FlowRun());
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.AnalysisFailed);
        Assert.Equal(2, diagnostics.Count(d => d.Id == DiagnosticIds.UnlabeledAiOutput));
    }

    [Fact]
    public async Task An_option_naming_no_method_changes_nothing()
    {
        var markup = Code.Header + TwoMethods.Replace("{|", "[|").Replace("|}", "|]");
        var diagnostics = await FlowVerifier.VerifyAsync(markup, new FlowRun { ConfigOptions = GlobalConfig("NoSuchMethod") });
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.AnalysisFailed);
    }

    [Fact]
    public async Task Injected_failure_in_a_local_function_from_an_editorconfig_section_is_reported_at_the_local_function()
    {
        // As the scanner's EngineFailure app: the failing method is a local function of the analyzed block.
        var source = Code.Header + """
            class App
            {
                async Task Run(IChatClient client)
                {
                    Console.WriteLine(await Answer(client));

                    static async Task<string> Answer(IChatClient c) => (await c.GetResponseAsync("x")).Text;
                }
            }
            """;
        var config = ConfigFiles.From(("/0/.editorconfig", "root = true\n\n[*.cs]\naicompliance_test_fail_method = Answer\n"));

        var diagnostics = await FlowVerifier.AnalyzeAllAsync(source, new FlowRun { ConfigOptions = config, ExpectInternalErrors = true });

        var failed = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.AnalysisFailed);
        Assert.Equal("AiCompliance could not analyze 'Answer': its outputs are not checked (" + InjectedReason + ")", failed.GetMessage());
        AssertAt(failed, source, "Answer(IChatClient c)");
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.UnlabeledAiOutput); // Run is unchecked as a whole
    }

    [Fact]
    public async Task Injected_failure_in_a_local_function_of_top_level_statements_is_reported_at_the_local_function()
    {
        // The shape of the scanner's EngineFailure app (tests/AiCompliance.Cli.Tests/Apps/EngineFailure).
        var source = """
            using System;
            using System.Threading.Tasks;
            using AiCompliance;
            using Microsoft.Extensions.AI;

            Console.WriteLine(Assistant.RegistrationNotice);
            Console.WriteLine(await Answer(null!));

            static async Task<string> Answer(IChatClient client) => Assistant.Label((await client.GetResponseAsync("hello")).Text);

            [RegisteredAiService("Beijing-Assistant-20240101")]
            public static partial class Assistant { }
            """;

        var diagnostics = await FlowVerifier.AnalyzeAllAsync(source, new FlowRun { ConfigOptions = GlobalConfig("Answer"), Executable = true, ExpectInternalErrors = true });

        var failed = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.AnalysisFailed);
        Assert.Equal("AiCompliance could not analyze 'Answer': its outputs are not checked (" + InjectedReason + ")", failed.GetMessage());
        AssertAt(failed, source, "Answer(IChatClient client)");
    }

    [Fact]
    public async Task Injected_failure_in_Razor_output_is_reported_on_the_razor_file()
    {
        var diagnostics = await FlowVerifier.AnalyzeFilesAsync(
            new[]
            {
                ("/0/Test0.cs", Code.Header),
                ("/0/Components/Chat.razor.g.cs", BlazorTests.ChatOutput("/0/Components/Chat.razor", withCode: true)),
                ("/0/Components/Child.razor.g.cs", BlazorTests.ChildOutput),
            },
            run: new FlowRun { ConfigOptions = GlobalConfig("BuildRenderTree"), ExpectInternalErrors = true });

        // Chat's render method fails, so its component sinks (AIC001 without the switch) are unchecked.
        var chat = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.AnalysisFailed && d.GetMessage().Contains("'Chat.BuildRenderTree'", StringComparison.Ordinal));
        Assert.Equal("/0/Components/Chat.razor.g.cs", chat.Location.SourceTree?.FilePath);
        var mapped = chat.Location.GetMappedLineSpan();
        Assert.True(mapped.HasMappedPath);
        Assert.Equal("/0/Components/Chat.razor", mapped.Path);
        Assert.Equal(2, mapped.StartLinePosition.Line); // @_answer on line 3: the first line that maps to the page
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.UnlabeledAiOutput);
    }

    [Fact]
    public async Task An_editorconfig_section_for_other_files_does_not_apply()
    {
        var config = ConfigFiles.From(("/0/.editorconfig", "root = true\n\n[Other.cs]\naicompliance_test_fail_method = Broken\n"));
        var markup = Code.Header + TwoMethods.Replace("{|", "[|").Replace("|}", "|]");
        var diagnostics = await FlowVerifier.VerifyAsync(markup, new FlowRun { ConfigOptions = config });
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.AnalysisFailed);
    }

    [Fact]
    public async Task A_failing_callee_leaves_its_callers_unchecked_too()
    {
        var source = Code.Header + """
            class App
            {
                static async Task<string> Helper(IChatClient c) => (await c.GetResponseAsync("x")).Text;

                async Task Caller(IChatClient c)
                {
                    Console.WriteLine(await Helper(c));
                }
            }
            """;

        var diagnostics = await FlowVerifier.AnalyzeAllAsync(source, new FlowRun { ConfigOptions = GlobalConfig("Helper"), ExpectInternalErrors = true });

        var failed = diagnostics.Where(d => d.Id == DiagnosticIds.AnalysisFailed).OrderBy(d => d.Location.SourceSpan.Start).ToList();
        Assert.Equal(2, failed.Count);
        Assert.Contains("'App.Helper'", failed[0].GetMessage(), StringComparison.Ordinal);
        AssertAt(failed[0], source, "Helper(IChatClient c)");
        Assert.Contains("'App.Caller'", failed[1].GetMessage(), StringComparison.Ordinal);
        AssertAt(failed[1], source, "Caller(IChatClient c)");
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.UnlabeledAiOutput);
    }

    [Fact]
    public async Task A_failure_setting_up_the_compilation_is_AIC009_for_the_compilation_not_AD0001()
    {
        // Reading the options fails while the flow context is built (compilation start): nothing is analyzed.
        var markup = Code.Header + TwoMethods.Replace("{|", string.Empty).Replace("|}", string.Empty);
        var before = UnlabeledAiOutputAnalyzer.InternalErrors;

        var diagnostics = await FlowVerifier.AnalyzeAllAsync(FlowVerifier.ParseMarkup(markup).Source, new FlowRun { ConfigOptions = new ThrowingOptions(), ExpectInternalErrors = true });

        var failed = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.AnalysisFailed);
        Assert.Equal(Location.None, failed.Location);
        Assert.Equal("AiCompliance could not analyze 'FlowTest': its outputs are not checked (NotSupportedException: options unreadable)", failed.GetMessage());
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.UnlabeledAiOutput);
        Assert.Equal(before + 1, UnlabeledAiOutputAnalyzer.InternalErrors);
    }

    /// <summary>Options whose test switch cannot be read (every other key, e.g. the driver's generated_code, is absent).</summary>
    private sealed class ThrowingOptions : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
    {
        private static readonly Options Instance = new();

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => Instance;

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Instance;

        public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Instance;

        private sealed class Options : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                if (key == "aicompliance_test_fail_method")
                {
                    throw new NotSupportedException("options unreadable");
                }

                value = null;
                return false;
            }
        }
    }

    /// <summary>The report is on the identifier that starts <paramref name="declaration"/>.</summary>
    private static void AssertAt(Diagnostic diagnostic, string source, string declaration)
    {
        var start = source.IndexOf(declaration, StringComparison.Ordinal);
        Assert.True(start >= 0, declaration);
        Assert.Equal("/0/Test0.cs", diagnostic.Location.SourceTree?.FilePath);
        Assert.Equal(start, diagnostic.Location.SourceSpan.Start);
        Assert.Equal(declaration.Substring(0, declaration.IndexOf('(') < 0 ? declaration.Length : declaration.IndexOf('(')), source.Substring(start, diagnostic.Location.SourceSpan.Length));
    }
}
