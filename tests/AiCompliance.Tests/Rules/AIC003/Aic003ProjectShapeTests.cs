using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic003;

/// <summary>
/// AIC003 on the shapes real projects have (issue 16): the question "does this project call an LLM SDK?" does not depend
/// on where the answer goes, so calls the AIC001 prefilter would skip count, and so do calls in Razor components.
/// </summary>
public partial class Aic003Tests
{
    private static async Task<ImmutableArray<Diagnostic>> RunFilesAsync(ImmutableArray<MetadataReference> references, params (string Path, string Source)[] files)
    {
        var compilation = CSharpCompilation.Create("Aic003",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Source, TestReferences.ParseOptions, path: f.Path)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RegistrationPresenceAnalyzer())).GetAnalyzerDiagnosticsAsync();
    }

    private static string At(Diagnostic d) => d.Location.SourceTree!.ToString().Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length);

    [Fact]
    public async Task A_worker_service_that_stores_the_answer_is_asked_to_register()
    {
        var d = Assert.Single(await RunAsync("""
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.Hosting;
            using System.Collections.Concurrent;
            using System.Threading;
            using System.Threading.Tasks;
            sealed class Summarizer(IChatClient client, ConcurrentQueue<int> lengths) : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    var answer = await client.GetResponseAsync("summarize the night's logs", cancellationToken: stoppingToken);
                    lengths.Enqueue(answer.Text.Length);
                }
            }
            """));
        Assert.Equal("AIC003", d.Id);
        Assert.StartsWith("client.GetResponseAsync(\"summarize", At(d), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Agent_Framework_agent_run_is_an_LLM_call_from_the_same_model_rows()
    {
        var diagnostics = await RunFilesAsync(FlowVerifier.WithAgentFramework, ("Triage.cs", """
            using Microsoft.Agents.AI;
            using System.Threading.Tasks;
            sealed class Triage(AIAgent agent)
            {
                public int Priority(string ticket) => ticket.Length;

                public async Task<int> RunAsync(string ticket)
                {
                    var response = await agent.RunAsync(ticket);
                    await foreach (var update in agent.RunStreamingAsync(ticket)) { _ = update; }
                    return response.Text.Length + Priority(ticket);
                }
            }
            """));
        var d = Assert.Single(diagnostics);
        Assert.Equal("AIC003", d.Id);
        Assert.Equal("agent.RunAsync(ticket)", At(d));
        Assert.Contains("AIAgent.RunAsync", d.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_class_whose_handler_returns_something_else_is_asked_to_register()
    {
        var d = Assert.Single(await RunAsync("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.AI;
            static class AskEndpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapPost("/ask", async (IChatClient client, string question) =>
                    {
                        await client.GetResponseAsync(question);
                        return Results.Accepted();
                    });
            }
            """));
        Assert.StartsWith("client.GetResponseAsync(question)", At(d), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_only_inside_a_helper_class_nobody_calls_counts()
    {
        var d = Assert.Single(await RunAsync(
            "class App { static void Main() => System.Console.WriteLine(\"hello\"); }",
            """
            using Microsoft.Extensions.AI;
            using System.Threading.Tasks;
            static class AiHelpers
            {
                public static async Task<int> CountWordsAsync(this IChatClient client, string text) =>
                    (await client.GetResponseAsync("count: " + text)).Text.Split(' ').Length;
            }
            """));
        Assert.Equal("/0/File1.cs", d.Location.SourceTree!.FilePath);
    }

    [Fact]
    public async Task A_call_in_a_razor_component_is_reported_on_the_razor_line()
    {
        var d = Assert.Single(await RunFilesAsync(FlowVerifier.All, ("/0/Components/Ask.razor.g.cs", RazorComponent("/0/Components/Ask.razor"))));
        var mapped = d.Location.GetMappedLineSpan();
        Assert.Equal("/0/Components/Ask.razor", mapped.Path);
        Assert.Equal(8, mapped.StartLinePosition.Line); // the sixth line after #line (4,8): line 9, 1-based
        Assert.StartsWith("Client.GetResponseAsync(_question)", At(d), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generated_code_other_than_razor_output_does_not_count()
    {
        Assert.Empty(await RunFilesAsync(FlowVerifier.All, ("/0/obj/Client.g.cs", "// <auto-generated/>\n" + Calls)));
    }

    [Fact]
    public async Task The_first_call_is_chosen_by_the_path_the_user_sees_then_by_position()
    {
        // Compilation order is b, razor, a; the razor output's own path sorts last, but it maps to /0/A.razor, which
        // sorts before /0/B.cs; within a file the earlier call wins.
        var diagnostics = await RunFilesAsync(
            FlowVerifier.All,
            ("/0/B.cs", Calls),
            ("/0/zz/A.razor.g.cs", RazorComponent("/0/A.razor")),
            ("/0/C.cs", MoreCalls));
        var d = Assert.Single(diagnostics);
        Assert.Equal("/0/A.razor", d.Location.GetMappedLineSpan().Path);
        Assert.StartsWith("This project calls 'IChatClient.GetResponseAsync' (4 AI call(s) in all)", d.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(new[] { "/0/B.cs", "/0/B.cs", "/0/C.cs" }, d.AdditionalLocations.Select(l => l.SourceTree!.FilePath));
        Assert.True(d.AdditionalLocations[0].SourceSpan.Start < d.AdditionalLocations[1].SourceSpan.Start);
    }

    [Fact]
    public async Task Silent_when_registered_in_another_file_of_the_project()
    {
        Assert.Empty(await RunFilesAsync(
            FlowVerifier.All,
            ("/0/Components/Ask.razor.g.cs", RazorComponent("/0/Components/Ask.razor")),
            ("/0/Workers/Summarizer.cs", Calls),
            ("/0/Compliance/Svc.cs", "[AiCompliance.RegisteredAiService(\"Beijing-YunQue-20230821\")] public static partial class Svc { }")));
    }

    [Fact]
    public async Task Embeddings_alone_are_not_an_llm_call()
    {
        Assert.Empty(await RunAsync("""
            using Microsoft.Extensions.AI;
            using System.Threading.Tasks;
            class Search(IEmbeddingGenerator<string, Embedding<float>> embeddings)
            {
                Task<Embedding<float>> Vector(string text) => embeddings.GenerateAsync(text);
            }
            """));
    }

    [Fact]
    public async Task An_in_house_method_named_like_an_sdk_method_is_not_an_llm_call()
    {
        Assert.Empty(await RunAsync("""
            using System.Threading.Tasks;
            class FaqBot
            {
                public Task<string> GetResponseAsync(string question) => Task.FromResult("See the FAQ.");
                public Task<string> CompleteChatAsync(string question) => Task.FromResult("See the FAQ.");
                async Task Run() { await GetResponseAsync("hours?"); await this.CompleteChatAsync("hours?"); }
            }
            """));
    }

    [Fact]
    public async Task Calls_of_a_fake_chat_client_of_the_project_are_not_llm_calls()
    {
        Assert.Empty(await RunAsync(FakeChatClient, """
            using Microsoft.Extensions.AI;
            using System.Threading.Tasks;
            class FakeUse
            {
                async Task Run() { var fake = new FakeChatClient(); _ = await fake.GetResponseAsync(new[] { new ChatMessage(ChatRole.User, "ping") }); }
            }
            """));
    }

    [Fact]
    public async Task A_test_project_is_not_asked_to_register_even_through_the_interface()
    {
        const string Test = """
            using Microsoft.Extensions.AI;
            using System.Threading.Tasks;
            public class ChatTests
            {
                [Xunit.Fact]
                public async Task Answers() { IChatClient client = new FakeChatClient(); _ = await client.GetResponseAsync("ping"); }
            }
            """;
        Assert.Empty(await RunFilesAsync(FlowVerifier.All.Add(MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location)), ("/0/Fake.cs", FakeChatClient), ("/0/ChatTests.cs", Test)));

        // The same code in a project without a test framework: the call through the interface may reach any client.
        var d = Assert.Single(await RunFilesAsync(FlowVerifier.All, ("/0/Fake.cs", FakeChatClient), ("/0/ChatTests.cs", Test.Replace("[Xunit.Fact]", string.Empty))));
        Assert.Equal("/0/ChatTests.cs", d.Location.SourceTree!.FilePath);
    }

    private const string FakeChatClient = """
        using Microsoft.Extensions.AI;
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        public sealed class FakeChatClient : IChatClient
        {
            public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "pong")));
            public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
                throw new NotSupportedException();
            public object? GetService(Type serviceType, object? serviceKey = null) => null;
            public void Dispose() { }
        }
        """;

    /// <summary>Razor compiler output (the shape of .NET 10's) of a component whose @code calls the model.</summary>
    private static string RazorComponent(string razorPath) => $$"""
        #pragma checksum "{{razorPath}}" "{8829d00f-11b8-4213-878b-770e8597ac16}" "fb683d55fe84373276e1f50c9312ec51d076458b0d6dc74ff3d081d6fdf95d1b"
        // <auto-generated/>
        #pragma warning disable 1591
        namespace Demo.Components
        {
            #line default
            using global::System.Threading.Tasks;
            using global::Microsoft.AspNetCore.Components;
            using global::Microsoft.Extensions.AI;
            #line default
            #line hidden
            public partial class Ask : global::Microsoft.AspNetCore.Components.ComponentBase
            {
                protected override void BuildRenderTree(global::Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder __builder)
                {
                    __builder.AddMarkupContent(0, "<button>Ask</button>");
                }
                #line hidden
        #nullable restore
        #line (4,8)-(9,1) "{{razorPath}}"
                [Inject] public IChatClient Client { get; set; } = default!;
                private string _question = "";
                private int _length;
                private async Task Send()
                {
                    _length = (await Client.GetResponseAsync(_question)).Text.Length;
                }

        #line default
        #line hidden
        #nullable disable
            }
        }
        """;
}
