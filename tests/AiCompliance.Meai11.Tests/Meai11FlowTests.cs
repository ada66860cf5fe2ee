using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AiCompliance.Meai11.Tests;

/// <summary>AIC001 on Microsoft.Extensions.AI 11.0: sources, content members and metadata as on 10.11.</summary>
public class Meai11FlowTests
{
    private const string Code = """
        using System;
        using System.Threading.Tasks;
        using AiCompliance;
        using Microsoft.Extensions.AI;

        [RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", Provider = "Co")]
        public static partial class Svc { }

        public record Forecast(string Summary, int Degrees);

        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                Console.WriteLine(response.Text);                          // 1: reported
                Console.WriteLine(response.Usage?.TotalTokenCount);        // metadata
                Console.WriteLine(response.ModelId);                       // metadata
                Console.WriteLine(Svc.Label(response.Text));               // labeled
                await foreach (var update in client.GetStreamingResponseAsync("more"))
                {
                    Console.Write(update.Text);                            // 2: reported
                }

                var forecast = await client.GetResponseAsync<Forecast>("weather?");
                Console.WriteLine(forecast.Result.Summary);                // 3: reported
                Console.WriteLine(forecast.Result.Degrees);                // a number
                foreach (var content in response.Messages[0].Contents)
                {
                    if (content is FunctionResultContent result) Console.WriteLine(result.Result); // a tool's output
                }

                IChatClient labeled = Svc.WithLabels(client);
                Console.WriteLine((await labeled.GetResponseAsync("x")).Text); // labeled client
            }
        }
        """;

    [Fact]
    public void The_test_compiles_against_the_11_0_abstractions()
    {
        Assert.Equal(11, typeof(Microsoft.Extensions.AI.IChatClient).Assembly.GetName().Version!.Major);
        Assert.Equal(11, typeof(Microsoft.Extensions.AI.ChatClientBuilder).Assembly.GetName().Version!.Major);
    }

    [Fact]
    public async Task Unlabeled_outputs_report_and_metadata_labeled_outputs_and_tool_results_do_not() =>
        Assert.Equal(new[]
        {
            "Console.Write(update.Text);                            // 2: reported",
            "Console.WriteLine(forecast.Result.Summary);                // 3: reported",
            "Console.WriteLine(response.Text);                          // 1: reported",
        }, await ReportedLinesAsync(Code));

    /// <summary>The shapes read in public apps (RealAppShapeTests on 10.11), on the 11.0 assemblies.</summary>
    [Fact]
    public async Task Real_app_shapes_report_as_on_10_11() =>
        Assert.Equal(new[]
        {
            "else Console.WriteLine(\"ai: \" + message.Text);                // history, the assistant's turn",
            "foreach (var m in state.Messages) Console.WriteLine(m);                                     // state filled by its own method",
            "Console.WriteLine(state.Last);                            // state filled by its own method",
            "Action<string> print = s => Console.WriteLine(s);         // lambda in a local",
        }.OrderBy(l => l, StringComparer.Ordinal).ToArray(), await ReportedLinesAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using AiCompliance;
        using Microsoft.Extensions.AI;

        [RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", Provider = "Co")]
        public static partial class Svc { }

        class ChatState
        {
            public List<string> Messages { get; } = new();
            public string Last { get; private set; } = "";
            public async Task AskAsync(IChatClient client, string question)
            {
                var r = await client.GetResponseAsync(question);
                Last = r.Text;
                Messages.Add(r.Text);
            }
        }

        class App
        {
            private readonly ChatState state = new();

            async Task Run(IChatClient client)
            {
                List<ChatMessage> history = [new(ChatRole.User, "hi")];
                history.AddMessages(await client.GetResponseAsync(history));
                foreach (var message in history)
                {
                    if (message.Role == ChatRole.User) Console.WriteLine("you: " + message.Text);
                    else Console.WriteLine("ai: " + message.Text);                // history, the assistant's turn
                }

                Action<string> print = s => Console.WriteLine(s);         // lambda in a local
                print((await client.GetResponseAsync("q")).Text);
            }

            void Render()
            {
                Console.WriteLine(state.Last);                            // state filled by its own method
                foreach (var m in state.Messages) Console.WriteLine(m);                                     // state filled by its own method
            }
        }
        """));

    /// <summary>AIC001 lines of <paramref name="code"/> compiled on the 11.0 abstractions with the generator, in order.</summary>
    private static async Task<string[]> ReportedLinesAsync(string code)
    {
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.IChatClient).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.ChatClientBuilder).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(RegisteredAiServiceAttribute).Assembly.Location))
            .ToImmutableArray();
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var compilation = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText(code, parse, path: "/0/App.cs") }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new RegisteredAiServiceGenerator()).WithUpdatedParseOptions(parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.Empty(generated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await generated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnlabeledAiOutputAnalyzer(), new AnalysisFailedAnalyzer()))
            .GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.AnalysisFailed);
        return diagnostics.Where(d => d.Id == DiagnosticIds.UnlabeledAiOutput)
            .Select(d => code.Split('\n')[d.Location.GetLineSpan().StartLinePosition.Line].Trim())
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToArray();
    }
}
