using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Json;
using AiCompliance.Analyzers.Models;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic007;

/// <summary>User-declared models: aicompliance.json as an additional file (sources, sinks, sanitizers, summaries) and AIC007.</summary>
public class UserModelTests
{
    private const string ModelPath = "/0/aicompliance.json";

    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;

        """;

    private const string Gateway = """
        namespace Company.Gateway
        {
            public class GatewayClient
            {
                public string Ask(string question) => "stub";
            }
        }

        """;

    private const string GatewayApp = Usings + Gateway + """
        class App
        {
            void Run(Company.Gateway.GatewayClient gateway)
            {
                var answer = gateway.Ask("hi");
                Console.WriteLine(answer);
            }
        }
        """;

    private const string GatewaySource = """
        {
          "$schema": "https://example.com/aicompliance.schema.json",
          "sources": [
            { "type": "Company.Gateway.GatewayClient", "member": "Ask", "description": "GatewayClient.Ask" }
          ]
        }
        """;

    private static async Task<Diagnostic[]> RunAsync(string source, string? modelFile, string path = ModelPath)
    {
        var additional = modelFile is null
            ? ImmutableArray<AdditionalText>.Empty
            : ImmutableArray.Create<AdditionalText>(new FlowVerifier.InMemoryAdditionalText(path, modelFile));
        var diagnostics = await FlowVerifier.AnalyzeAllAsync(source, false, false, additional);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id is "AIC001" or "AIC007").OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToArray();
    }

    private static string At(Diagnostic d) =>
        d.Location.SourceTree is { } tree ? tree.ToString().Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length) : string.Empty;

    // ------------------------------------------------------------------ sources, sinks, sanitizers

    [Fact]
    public async Task In_house_gateway_declared_as_a_source_reaches_the_console()
    {
        var d = Assert.Single(await RunAsync(GatewayApp, GatewaySource));
        Assert.Equal("AIC001", d.Id);
        Assert.Equal("AI-generated content from 'GatewayClient.Ask' reaches 'Console.WriteLine' without a label", d.GetMessage());
        Assert.Equal("answer", At(d));
        Assert.Equal("gateway.Ask(\"hi\")", d.AdditionalLocations[0].SourceTree!.ToString().Substring(d.AdditionalLocations[0].SourceSpan.Start, d.AdditionalLocations[0].SourceSpan.Length));
    }

    [Fact]
    public async Task Without_the_model_file_the_gateway_is_not_a_source()
    {
        Assert.Empty(await RunAsync(GatewayApp, null));
    }

    [Fact]
    public async Task A_model_file_of_another_name_is_ignored_and_the_name_is_case_insensitive()
    {
        Assert.Empty(await RunAsync(GatewayApp, GatewaySource, "/0/models.json"));
        Assert.Single(await RunAsync(GatewayApp, GatewaySource, "/0/sub/AiCompliance.JSON"));
        Assert.Single(await RunAsync(GatewayApp, GatewaySource, @"C:\repo\app\aicompliance.json"));
    }

    [Fact]
    public async Task Description_defaults_to_type_and_member()
    {
        var d = Assert.Single(await RunAsync(GatewayApp, """{ "sources": [ { "type": "Company.Gateway.GatewayClient", "member": "Ask" } ] }"""));
        Assert.Equal("AI-generated content from 'GatewayClient.Ask' reaches 'Console.WriteLine' without a label", d.GetMessage());
    }

    private const string Terminal = """
        namespace Acme.Terminal
        {
            public static class AnsiConsole
            {
                public static void MarkupLine(string value) { }
                public static void Markup(string format, params object[] args) { }
            }
        }

        """;

    [Fact]
    public async Task A_library_markup_line_declared_as_a_sink_is_reported()
    {
        var source = Usings + Terminal + """
            class App
            {
                async Task Run(IChatClient client)
                {
                    var response = await client.GetResponseAsync("q");
                    Acme.Terminal.AnsiConsole.MarkupLine(response.Text);
                    Acme.Terminal.AnsiConsole.MarkupLine("[bold]done[/]");
                }
            }
            """;
        const string Model = """
            {
              "sinks": [
                { "type": "Acme.Terminal.AnsiConsole", "member": "MarkupLine", "access": "Argument[0]" }
              ]
            }
            """;
        Assert.Empty(await RunAsync(source, null));
        var d = Assert.Single(await RunAsync(source, Model));
        Assert.Equal("AI-generated content from 'IChatClient.GetResponseAsync' reaches 'AnsiConsole.MarkupLine' without a label", d.GetMessage());
        Assert.Equal("response.Text", At(d));
    }

    [Fact]
    public async Task Sink_access_selects_the_arguments_that_reach_the_user()
    {
        var source = Usings + Terminal + """
            class App
            {
                async Task Run(IChatClient client)
                {
                    var response = await client.GetResponseAsync("q");
                    Acme.Terminal.AnsiConsole.Markup("{0}", response.Text);
                    Acme.Terminal.AnsiConsole.Markup(response.Text);
                }
            }
            """;

        // Only the format (Argument[0]) is declared: the second call is reported, the first is not.
        var d = Assert.Single(await RunAsync(source, """{ "sinks": [ { "type": "Acme.Terminal.AnsiConsole", "member": "Markup", "access": "Argument[0]", "description": "Terminal markup" } ] }"""));
        Assert.Equal("AI-generated content from 'IChatClient.GetResponseAsync' reaches 'Terminal markup' without a label", d.GetMessage());
        Assert.Contains("Markup(response.Text)", d.Location.SourceTree!.GetText().Lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString(), StringComparison.Ordinal);

        // Without an access every argument is a sink (Argument[*]).
        Assert.Equal(2, (await RunAsync(source, """{ "sinks": [ { "type": "Acme.Terminal.AnsiConsole", "member": "Markup" } ] }""")).Length);
    }

    [Fact]
    public async Task Sink_access_this_reports_the_receiver()
    {
        var source = Usings + """
            class App
            {
                async Task Run(IChatClient client, System.IO.Stream archive)
                {
                    var response = await client.GetResponseAsync("q");
                    using var answer = new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes(response.Text));
                    using var question = new System.IO.MemoryStream(System.Text.Encoding.UTF8.GetBytes("q"));
                    answer.WriteTo(archive);
                    question.WriteTo(archive);
                }
            }
            """;

        // The receiver (what the stream holds) is the sink: the answer's stream is reported, the question's is not.
        var d = Assert.Single(await RunAsync(source, """{ "sinks": [ { "type": "System.IO.MemoryStream", "member": "WriteTo", "access": "this", "description": "Archive" } ] }"""));
        Assert.Equal("AI-generated content from 'IChatClient.GetResponseAsync' reaches 'Archive' without a label", d.GetMessage());
        Assert.Contains("answer.WriteTo", d.Location.SourceTree!.GetText().Lines[d.Location.GetLineSpan().StartLinePosition.Line].ToString(), StringComparison.Ordinal);
    }

    private const string Disclaimer = """
        namespace Company
        {
            public static class Disclaimer
            {
                public static string Add(string text) => text + "\n(generated)";
            }
        }

        """;

    [Fact]
    public async Task Company_disclaimer_declared_as_a_labeler_labels()
    {
        var source = Usings + Gateway + Disclaimer + """
            class App
            {
                void Run(Company.Gateway.GatewayClient gateway)
                {
                    var answer = gateway.Ask("hi");
                    Console.WriteLine(Company.Disclaimer.Add(answer));
                    var labeled = Company.Disclaimer.Add(gateway.Ask("again"));
                    Console.WriteLine("> " + labeled);
                }
            }
            """;
        const string Model = """
            {
              "sources": [ { "type": "Company.Gateway.GatewayClient", "member": "Ask" } ],
              "sanitizers": [ { "type": "Company.Disclaimer", "member": "Add" } ]
            }
            """;

        // The disclaimer's body passes the text through, so without the sanitizer row both outputs are reported.
        Assert.Equal(2, (await RunAsync(source, GatewaySource)).Length);
        Assert.Empty(await RunAsync(source, Model));
    }

    [Fact]
    public async Task Chat_client_answer_labeled_by_the_disclaimer_reaches_spectre_clean()
    {
        var source = Usings + Terminal + Disclaimer + """
            class App
            {
                async Task Run(IChatClient client)
                {
                    var response = await client.GetResponseAsync("q");
                    Acme.Terminal.AnsiConsole.MarkupLine(Company.Disclaimer.Add(response.Text));
                }
            }
            """;
        const string Model = """
            {
              "sinks": [ { "type": "Acme.Terminal.AnsiConsole", "member": "MarkupLine", "access": "Argument[0]" } ],
              "sanitizers": [ { "type": "Company.Disclaimer", "member": "Add" } ]
            }
            """;
        Assert.Empty(await RunAsync(source, Model));
    }

    [Fact]
    public async Task Entries_for_types_absent_from_the_compilation_cost_nothing()
    {
        const string Model = """
            {
              "sources": [ { "type": "Nowhere.Client", "member": "Ask" } ],
              "sinks": [ { "type": "Nowhere.Screen", "member": "Show", "access": "Argument[0]" } ],
              "sanitizers": [ { "type": "Nowhere.Label", "member": "Add" } ],
              "summaries": [ { "type": "Nowhere.Text", "member": "Pick", "from": "Argument[1]", "to": "ReturnValue" } ],
              "neutral": [ { "type": "Nowhere.Id", "member": "*" } ],
              "content": [ { "type": "Nowhere.Answer", "members": [ "Text" ] } ]
            }
            """;
        Assert.Empty(await RunAsync(GatewayApp, Model));
    }

    // ------------------------------------------------------------------ summaries, neutral, content

    [Fact]
    public async Task Summary_argument_to_return_value_passes_only_that_argument()
    {
        // An interface stands for a library we only know by the model: by default its result carries every input.
        var source = Usings + Gateway + """
            namespace Company.Text { public interface IPicker { string Pick(string first, string second); } }
            class App
            {
                void Run(Company.Gateway.GatewayClient gateway, Company.Text.IPicker picker)
                {
                    var answer = gateway.Ask("hi");
                    Console.WriteLine(picker.Pick(answer, "user text"));
                    Console.WriteLine(picker.Pick("user text", answer));
                }
            }
            """;
        const string Sources = "\"sources\": [ { \"type\": \"Company.Gateway.GatewayClient\", \"member\": \"Ask\" } ]";
        Assert.Equal(2, (await RunAsync(source, "{ " + Sources + " }")).Length);

        var d = Assert.Single(await RunAsync(source, "{ " + Sources + """, "summaries": [ { "type": "Company.Text.IPicker", "member": "Pick", "from": "Argument[1]", "to": "ReturnValue" } ] }"""));
        Assert.Equal("picker.Pick(\"user text\", answer)", At(d));
    }

    [Fact]
    public async Task Summary_argument_to_this_stores_in_the_receiver()
    {
        var source = Usings + Gateway + """
            namespace Company.Text { public interface IOutbox { void Put(string text); string Render(); } }
            class App
            {
                void Run(Company.Gateway.GatewayClient gateway, Company.Text.IOutbox outbox)
                {
                    outbox.Put(gateway.Ask("hi"));
                    Console.WriteLine(outbox.Render());
                }
            }
            """;
        const string Sources = "\"sources\": [ { \"type\": \"Company.Gateway.GatewayClient\", \"member\": \"Ask\" } ]";
        Assert.Empty(await RunAsync(source, "{ " + Sources + " }"));

        var d = Assert.Single(await RunAsync(source, "{ " + Sources + """
            , "summaries": [
                { "type": "Company.Text.IOutbox", "member": "Put", "from": "Argument[0]", "to": "this" },
                { "type": "Company.Text.IOutbox", "member": "Render", "from": "this", "to": "ReturnValue" }
              ] }
            """));
        Assert.Equal("outbox.Render()", At(d));
    }

    [Fact]
    public async Task Neutral_and_content_members_cut_metadata_off()
    {
        var source = Usings + """
            namespace Company.Gateway
            {
                public class Answer { public string Text { get; set; } = ""; public string RequestId { get; set; } = ""; public string Model { get; set; } = ""; }
                public class GatewayClient { public Answer Ask(string question) => new Answer(); }
            }
            class App
            {
                void Run(Company.Gateway.GatewayClient gateway)
                {
                    var answer = gateway.Ask("hi");
                    Console.WriteLine(answer.Text);
                    Console.WriteLine(answer.RequestId);
                    Console.WriteLine(answer.Model);
                }
            }
            """;
        const string Sources = "\"sources\": [ { \"type\": \"Company.Gateway.GatewayClient\", \"member\": \"Ask\" } ]";
        Assert.Equal(3, (await RunAsync(source, "{ " + Sources + " }")).Length);
        Assert.Equal(2, (await RunAsync(source, "{ " + Sources + """, "neutral": [ { "type": "Company.Gateway.Answer", "member": "RequestId" } ] }""")).Length);
        var d = Assert.Single(await RunAsync(source, "{ " + Sources + """, "content": [ { "type": "Company.Gateway.Answer", "members": [ "Text" ] } ] }"""));
        Assert.Equal("answer.Text", At(d));
    }

    // ------------------------------------------------------------------ AIC007

    [Fact]
    public async Task Invalid_json_is_reported_once_at_its_line_in_the_file()
    {
        const string Model = "{\n  \"sinks\": [\n    { \"type\": \"Acme.Terminal.AnsiConsole\",, \"member\": \"MarkupLine\" }\n  ]\n}\n";
        var d = Assert.Single(await RunAsync(GatewayApp, Model));
        Assert.Equal("AIC007", d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.StartsWith("'/0/aicompliance.json' line 3: invalid JSON: expected a property name in double quotes, found ','", d.GetMessage(), StringComparison.Ordinal);
        var span = d.Location.GetLineSpan();
        Assert.Equal(ModelPath, span.Path);
        Assert.Equal(2, span.StartLinePosition.Line);
        Assert.Equal(Model.Split('\n')[2].IndexOf(",,", StringComparison.Ordinal) + 1, span.StartLinePosition.Character);
        Assert.Equal(LocationKind.ExternalFile, d.Location.Kind);
    }

    [Fact]
    public async Task A_bad_entry_is_reported_and_the_good_one_still_applies()
    {
        const string Model = """
            {
              "sources": [
                { "type": "Company.Gateway.GatewayClient" },
                { "type": "Company.Gateway.GatewayClient", "member": "Ask" }
              ]
            }
            """;
        var diagnostics = await RunAsync(GatewayApp, Model);
        Assert.Equal(new[] { "AIC001", "AIC007" }, diagnostics.Select(d => d.Id));
        var problem = diagnostics[1];
        Assert.Equal("'/0/aicompliance.json' line 3: sources[0]: missing \"member\"", problem.GetMessage());
        Assert.Equal(2, problem.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public async Task Entries_before_a_syntax_error_still_apply()
    {
        const string Model = """
            {
              "sources": [
                { "type": "Company.Gateway.GatewayClient", "member": "Ask" },
                { "type": "Company.Other", "member": "Ask"
            """;
        var diagnostics = await RunAsync(GatewayApp, Model);
        Assert.Equal(new[] { "AIC001", "AIC007" }, diagnostics.Select(d => d.Id));
        Assert.Contains("unexpected end of file: '{' opened at line 4 is not closed", diagnostics[1].GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "source": [] }""", "line 1: unknown key \"source\" (did you mean \"sources\"?)")]
    [InlineData("""{ "sinks": [ { "type": "A.B", "member": "C", "acess": "Argument[0]" } ] }""", "line 1: sinks[0]: unknown key \"acess\" (did you mean \"access\"?)")]
    [InlineData("""{ "sinks": [ { "type": "A.B", "member": "C", "access": "Argument[x]" } ] }""", "line 1: sinks[0]: bad \"access\" 'Argument[x]'")]
    [InlineData("""{ "sinks": [ { "type": "A.B", "member": "C", "access": "Arguments[0]" } ] }""", "line 1: sinks[0]: bad \"access\" 'Arguments[0]'")]
    [InlineData("""{ "sources": [ { "member": "Ask" } ] }""", "line 1: sources[0]: missing \"type\"")]
    [InlineData("""{ "sources": [ { "type": "A.B", "member": "Ask", "access": "Argument[0]" } ] }""", "line 1: sources[0]: bad \"access\" 'Argument[0]'")]
    [InlineData("""{ "sources": [ { "type": "List<string>", "member": "Ask" } ] }""", "line 1: sources[0]: \"type\" 'List<string>' is not a metadata type name")]
    [InlineData("""{ "sources": [ { "type": "A.B", "member": "Ask(string)" } ] }""", "line 1: sources[0]: \"member\" 'Ask(string)' is not a member name")]
    [InlineData("""{ "sinks": [ { "type": "A.B", "member": "*" } ] }""", "line 1: sinks[0]: \"member\" '*' (every member) is only meaningful in \"neutral\"")]
    [InlineData("""{ "sources": [ { "type": 42, "member": "Ask" } ] }""", "line 1: sources[0]: \"type\" must be a string, found a number")]
    [InlineData("""{ "sources": { "type": "A.B", "member": "Ask" } }""", "line 1: \"sources\" must be an array of entries, found an object")]
    [InlineData("""{ "sources": [ "A.B.Ask" ] }""", "line 1: sources[0]: an entry must be an object, found a string")]
    [InlineData("""{ "summaries": [ { "type": "A.B", "member": "C", "from": "Argument[0]", "to": "Result" } ] }""", "line 1: summaries[0]: bad \"to\" 'Result'")]
    [InlineData("""{ "summaries": [ { "type": "A.B", "member": "C", "from": "Argument[1..]", "to": "this" } ] }""", "line 1: summaries[0]: bad \"from\" 'Argument[1..]'")]
    [InlineData("""{ "summaries": [ { "type": "A.B", "member": "C", "from": "this", "to": "this" } ] }""", "line 1: summaries[0]: a summary from \"this\" to \"this\" says nothing")]
    [InlineData("""{ "summaries": [ { "type": "A.B", "member": "C", "from": "this" } ] }""", "line 1: summaries[0]: missing \"to\"")]
    [InlineData("""{ "content": [ { "type": "A.B", "members": [] } ] }""", "line 1: content[0]: \"members\" must be a non-empty array of member names")]
    [InlineData("""{ "content": [ { "type": "A.B" } ] }""", "line 1: content[0]: missing \"members\"")]
    [InlineData("""{ "sources": [], "sources": [] }""", "line 1: duplicate key \"sources\"")]
    [InlineData("""[ { "type": "A.B", "member": "C" } ]""", "line 1: the file must be a JSON object")]
    [InlineData("", "line 1: invalid JSON: the file is empty")]
    [InlineData("{ \"sources\": [ 'x' ] }", "line 1: invalid JSON: strings must use double quotes")]
    [InlineData("{ \"sources\": [], }", "line 1: invalid JSON: trailing comma before '}'")]
    public async Task Problems_are_reported_with_the_line_and_what_is_wrong(string model, string expected)
    {
        var diagnostics = await RunAsync(GatewayApp, model);
        var d = Assert.Single(diagnostics);
        Assert.Equal("AIC007", d.Id);
        Assert.StartsWith("'/0/aicompliance.json' " + expected, d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(ModelPath, d.Location.GetLineSpan().Path);
    }

    [Fact]
    public async Task Every_problem_is_reported_and_the_valid_sections_apply()
    {
        const string Model = """
            {
              "sorces": [],
              "sinks": [
                { "type": "System.Console", "member": "WriteLine", "access": "Argument[nope]" }
              ],
              "sources": [
                { "type": "Company.Gateway.GatewayClient", "member": "Ask", "extra": true },
                { "type": "Company.Gateway.GatewayClient", "member": "Ask" }
              ]
            }
            """;
        var diagnostics = await RunAsync(GatewayApp, Model);
        Assert.Equal(new[] { "AIC001", "AIC007", "AIC007", "AIC007" }, diagnostics.Select(d => d.Id));
        Assert.Equal(
            new[] { 2, 4, 7 },
            diagnostics.Skip(1).Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1));
    }

    /// <summary>Both analyzers over a compilation that references only the BCL (no AI SDK, no AiCompliance attributes).</summary>
    private static async Task<Diagnostic[]> RunBclOnlyAsync(string source, string? modelFile)
    {
        var tree = CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions, path: "/0/Test0.cs");
        var compilation = CSharpCompilation.Create("BclOnly", new[] { tree }, TestReferences.Net100, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var files = modelFile is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new FlowVerifier.InMemoryAdditionalText(ModelPath, modelFile));
        var before = UnlabeledAiOutputAnalyzer.InternalErrors;
        var diagnostics = await compilation.WithAnalyzers(
            TestAnalyzers.FlowRules.Add(new RegistrationPresenceAnalyzer()),
            new AnalyzerOptions(files)).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.Equal(before, UnlabeledAiOutputAnalyzer.InternalErrors);
        return diagnostics.OrderBy(d => d.Id, StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public async Task Problems_are_reported_even_without_an_ai_sdk_and_by_one_analyzer_only()
    {
        // Only the BCL: the flow analysis registers nothing else, but the model file is still checked, once.
        var d = Assert.Single(await RunBclOnlyAsync("class Plain { }", """{ "sinks": [ { "type": "A.B" } ] }"""));
        Assert.Equal("'/0/aicompliance.json' line 1: sinks[0]: missing \"member\"", d.GetMessage());
    }

    [Fact]
    public async Task A_user_declared_source_turns_the_analysis_on_without_an_ai_sdk()
    {
        var source = "using System;\n" + Gateway + "class App { void Run(Company.Gateway.GatewayClient gateway) => Console.WriteLine(gateway.Ask(\"hi\")); }";
        Assert.Empty(await RunBclOnlyAsync(source, null));

        // AIC001 at the output and AIC003 (an AI call, no [RegisteredAiService]).
        var diagnostics = await RunBclOnlyAsync(source, GatewaySource);
        Assert.Equal(new[] { "AIC001", "AIC003" }, diagnostics.Select(d => d.Id));
        Assert.Equal("AI-generated content from 'GatewayClient.Ask' reaches 'Console.WriteLine' without a label", diagnostics[0].GetMessage());
        Assert.StartsWith("This project calls 'GatewayClient.Ask' (1 AI call(s) in all)", diagnostics[1].GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u0000\u0001garbage")]
    [InlineData("{\"sources\": [\"\\u12")]
    [InlineData("/* unterminated")]
    [InlineData("{ \"sources\": [ { \"type\": \"A\", \"member\": \"B\" } ] } trailing")]
    [InlineData("{ \"a\": tru }")]
    [InlineData("\"just a string\"")]
    [InlineData("null")]
    public async Task Hostile_files_never_crash(string model)
    {
        var diagnostics = await RunAsync(GatewayApp, model);
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal("AIC007", d.Id));
    }

    [Fact]
    public async Task Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var model = "{ \"sources\": " + new string('[', 100_000) + new string(']', 100_000) + " }";
        var d = Assert.Single(await RunAsync(GatewayApp, model));
        Assert.Contains("nesting deeper than 64 levels", d.GetMessage(), StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ the loader and the shipped schema

    [Fact]
    public void Loader_maps_every_section_to_model_rows()
    {
        var file = UserModelFile.Parse("""
            {
              "$schema": "./aicompliance.schema.json",
              "$comment": "team models",
              "sources": [ { "type": "Company.Gateway.GatewayClient", "member": "Ask", "description": "GatewayClient.Ask" } ],
              "sinks": [ { "type": "Acme.Terminal.AnsiConsole", "member": "MarkupLine", "access": "Argument[0]" }, { "type": "Company.Screen", "member": "Show" } ],
              "sanitizers": [ { "type": "Company.Disclaimer", "member": "Add" } ],
              "summaries": [ { "type": "Company.Text", "member": "Pick", "from": "Argument[1]", "to": "ReturnValue" }, { "type": "Company.Outbox", "member": "Put", "from": "Argument[*]", "to": "this" } ],
              "neutral": [ { "type": "Company.RequestId" }, { "type": "Company.Answer", "member": "Model" } ],
              "content": [ { "type": "Company.Answer", "members": [ "Text", "ToString" ] } ]
            }
            """);
        Assert.Empty(file.Problems);
        Assert.Equal(
            new[]
            {
                "Source Company.Gateway.GatewayClient.Ask ReturnValue",
                "Sink Acme.Terminal.AnsiConsole.MarkupLine Argument[0]",
                "Sink Company.Screen.Show Argument[*]",
                "Sanitizer Company.Disclaimer.Add",
                "Summary Company.Text.Pick Argument[1] -> ReturnValue",
                "Summary Company.Outbox.Put Argument[*] -> this",
                "Neutral Company.RequestId.*",
                "Neutral Company.Answer.Model",
                "Content Company.Answer.Text",
                "Content Company.Answer.ToString",
            },
            file.Entries.Select(e => e.ToString()));
        Assert.Equal("GatewayClient.Ask", file.Entries[0].Description);
    }

    [Theory]
    [InlineData("Argument[0] -> ReturnValue", 0, true)]
    [InlineData("Argument[12] -> this", 12, false)]
    [InlineData("Argument[*] -> ReturnValue", SummaryAccess.AllArguments, true)]
    [InlineData("this -> ReturnValue", SummaryAccess.This, true)]
    public void Summary_access_parses(string text, int from, bool toReturn)
    {
        var access = SummaryAccess.Parse(text);
        Assert.NotNull(access);
        Assert.Equal(from, access.Value.From);
        Assert.Equal(toReturn, access.Value.ToReturn);
        Assert.Equal(text, access.Value.ToString());
    }

    [Theory]
    [InlineData("this -> this")]
    [InlineData("Argument[0]")]
    [InlineData("Argument[1..] -> ReturnValue")]
    [InlineData("Argument[0].ReturnValue -> this")]
    [InlineData("Argument[0] -> Argument[1].ReturnValue")]
    public void Summary_access_rejects(string text) => Assert.Null(SummaryAccess.Parse(text));

    [Fact]
    public void The_shipped_schema_is_valid_json_naming_every_section_and_the_package_ships_it()
    {
        var root = RepoRoot();
        var schema = MiniJson.Parse(File.ReadAllText(Path.Combine(root, "src", "Package", "aicompliance.schema.json")), out var error);
        Assert.Null(error);
        var properties = schema!.Members!.Single(m => m.Name == "properties").Value.Members!.Select(m => m.Name).ToArray();
        Assert.Equal(new[] { "$schema", "$comment", "sources", "sinks", "sanitizers", "summaries", "neutral", "content" }, properties);

        var project = File.ReadAllText(Path.Combine(root, "src", "Package", "AiCompliance.csproj"));
        Assert.Contains("<None Include=\"aicompliance.schema.json\" Pack=\"true\" PackagePath=\"/\" />", project, StringComparison.Ordinal);
        var targets = File.ReadAllText(Path.Combine(root, "src", "Package", "build", "AiCompliance.targets"));
        Assert.Contains("$(MSBuildProjectDirectory)/aicompliance.json", targets, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "docs", "user-models.md")));
        Assert.True(File.Exists(Path.Combine(root, "docs", "rules", "AIC007.md")));
    }

    private static string RepoRoot([CallerFilePath] string path = "")
    {
        var dir = Path.GetDirectoryName(path);
        while (dir is not null && !File.Exists(Path.Combine(dir, "Toolkit.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Toolkit.sln not found above " + path);
    }
}
