using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Models;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// The framework recognizers as rows (conditional sinks, return sinks, copies, clones) and the argument-to-argument
/// flows of the summary grammar they share with aicompliance.json.
/// </summary>
public class ModelRowTests
{
    private const string ModelPath = "/0/aicompliance.json";

    private const string Gateway = """
        using System;
        using System.Text;
        namespace Company.Gateway
        {
            public class GatewayClient { public string Ask(string question) => "stub"; }
        }
        namespace Company.Text
        {
            public interface IFiller { void Fill(StringBuilder into, string text); void Log(StringBuilder into, string text); }
        }

        """;

    private const string Sources = "\"sources\": [ { \"type\": \"Company.Gateway.GatewayClient\", \"member\": \"Ask\" } ]";

    private const string FillerApp = Gateway + """
        class App
        {
            void Run(Company.Gateway.GatewayClient gateway, Company.Text.IFiller filler)
            {
                var answer = gateway.Ask("hi");
                var shown = new StringBuilder();
                filler.Fill(shown, answer);
                Console.WriteLine(shown.ToString());
                var logged = new StringBuilder();
                filler.Log(logged, answer);
                Console.WriteLine(logged.ToString());
            }
        }
        """;

    [Theory]
    [InlineData("Argument[1] -> Argument[0]", 1, "Argument[0]", true)]
    [InlineData("this -> Argument[*]", SummaryAccess.This, "Argument[*]", false)]
    [InlineData("Argument[0] -> Argument[1..]", 0, "Argument[1..]", false)]
    [InlineData("Argument[*] -> Argument[2]", SummaryAccess.AllArguments, "Argument[2]", true)]
    public void Argument_targets_parse_and_print_back(string text, int from, string to, bool oneArgument)
    {
        var access = SummaryAccess.Parse(text);
        Assert.NotNull(access);
        Assert.Equal(from, access.Value.From);
        Assert.Equal(FlowTarget.Argument, access.Value.Target);
        Assert.Equal(to, access.Value.ToArguments.ToString());
        Assert.Equal(oneArgument, access.Value.ToOneArgument);
        Assert.False(access.Value.ToReturn);
        Assert.Equal(text, access.Value.ToString());
    }

    [Fact]
    public async Task A_user_summary_from_an_argument_into_another_argument_fills_it()
    {
        // Without a summary an interface call passes its inputs to its (void) result only: the builders stay clean.
        Assert.Empty(await RunAsync(FillerApp, "{ " + Sources + " }"));

        var d = Assert.Single(await RunAsync(FillerApp, "{ " + Sources + """
            , "summaries": [ { "type": "Company.Text.IFiller", "member": "Fill", "from": "Argument[1]", "to": "Argument[0]" } ] }
            """));
        Assert.Equal("AIC001", d.Id);
        Assert.Equal("shown.ToString()", At(d));
    }

    [Fact]
    public async Task Any_type_is_kept_for_the_built_in_rows()
    {
        var d = Assert.Single(await RunAsync(FillerApp, "{ " + Sources + """
            , "summaries": [ { "type": "*", "member": "Fill", "from": "Argument[1]", "to": "Argument[0]" } ] }
            """));
        Assert.Equal("AIC007", d.Id);
        Assert.Contains("summaries[0]: \"type\" '*' (a member of any type) is kept for the built-in rows", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_argument_target_names_every_accepted_form()
    {
        var d = Assert.Single(await RunAsync(FillerApp, """{ "summaries": [ { "type": "A.B", "member": "C", "from": "Argument[0]", "to": "Argument[x]" } ] }"""));
        Assert.Equal("AIC007", d.Id);
        Assert.Contains("bad \"to\" 'Argument[x]': expected \"ReturnValue\", \"this\", \"Argument[i]\", \"Argument[i..]\" or \"Argument[*]\"", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_framework_recognizers_are_rows_with_their_conditions()
    {
        var rows = BuiltInModels.All.Select(e => e.ToString()).ToList();
        Assert.Contains("Sink Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder.AddAttribute Argument[2] when the call follows builder.OpenComponent", rows);
        Assert.Contains("Sink *.* Argument[*] when an interface method called on a member of IHubClients<T> or IHubCallerClients<T>", rows);
        Assert.Contains("Sink *.* Argument[*] when a Stream method called on HttpResponse.Body, or a method of HttpResponse.BodyWriter", rows);
        Assert.Contains("Sink *.* ReturnValue when a public instance method of a ControllerBase or [Controller] type, not [NonAction]", rows);
        Assert.Contains("Sink System.IO.TextWriter.WriteLine Argument[*] when the receiver is Console.Out or Console.Error", rows);
        Assert.Contains("Copy *.CopyTo this -> Argument[*]", rows);
        Assert.Contains("Copy System.Array.Copy Argument[0] -> Argument[1..]", rows);
        Assert.Contains("Clone *.<Clone>$", rows);

        // Every access of a built-in row parses in the grammar the user model file uses.
        foreach (var entry in BuiltInModels.All)
        {
            switch (entry.Kind)
            {
                case ModelKind.Sink when entry.Access != "ReturnValue":
                    Assert.True(SinkAccess.Parse(entry.Access) is not null, entry.ToString());
                    break;
                case ModelKind.Copy or ModelKind.Summary:
                    Assert.True(SummaryAccess.Parse(entry.Access) is not null, entry.ToString());
                    break;
            }

            // Rows about every member of any type are only meaningful with a condition that picks the calls.
            if (entry.TypeName == ModelEntry.AnyType && entry.Member == "*")
            {
                Assert.True(entry.Condition is not null, entry.ToString());
            }
        }
    }

    [Fact]
    public void The_engine_names_no_framework_or_SDK()
    {
        // What a framework or an SDK does is a row in Models/BuiltIn; the engine (Flow/Engine) only reads rows.
        var engine = Path.Combine(RepoRoot(), "src", "Analyzers", "AiCompliance.Analyzers", "Flow", "Engine");
        var names = new[] { "AspNetCore", "RenderTreeBuilder", "OpenComponent", "AddAttribute", "HttpResponse", "SignalR", "Hub", "Controller", "<Clone>$", "CopyTo", "BlockCopy", "OpenAI", "SemanticKernel", "Anthropic", "Ollama" };
        foreach (var file in Directory.GetFiles(engine, "*.cs"))
        {
            var code = string.Join("\n", File.ReadAllLines(file).Select(line => Regex.Replace(line, "//.*$", string.Empty)));
            foreach (var name in names)
            {
                Assert.False(code.Contains(name, StringComparison.Ordinal), Path.GetFileName(file) + " names '" + name + "': make it a row in Models/BuiltIn");
            }
        }
    }

    private static async Task<Diagnostic[]> RunAsync(string source, string modelFile)
    {
        var additional = ImmutableArray.Create<AdditionalText>(new FlowVerifier.InMemoryAdditionalText(ModelPath, modelFile));
        var diagnostics = await FlowVerifier.AnalyzeAllAsync(source, false, false, additional);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.Where(d => d.Id is "AIC001" or "AIC007").OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToArray();
    }

    private static string At(Diagnostic d) =>
        d.Location.SourceTree is { } tree ? tree.ToString().Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length) : string.Empty;

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
