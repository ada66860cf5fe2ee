using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using AiCompliance.TestSupport;

namespace AiCompliance.PackageTests;

[Collection(PackageCollection.Name)]
public class PackageTests(PackageFixture package)
{
    [Fact]
    public void Package_has_attributes_in_lib_and_components_in_analyzers()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("lib/netstandard2.0/AiCompliance.Attributes.dll", entries);
        Assert.Contains("lib/netstandard2.0/AiCompliance.Attributes.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/AiCompliance.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/AiCompliance.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/AiCompliance.CodeFixes.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal) && e.Contains("CodeAnalysis", System.StringComparison.Ordinal));

        // No dependencies: the package must not drag Roslyn into users' projects.
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", System.StringComparison.Ordinal));
        using var reader = new StreamReader(nuspec.Open());
        var text = reader.ReadToEnd();
        Assert.DoesNotContain("<dependency ", text);
        Assert.Contains("<id>AiCompliance</id>", text);
    }

    [Fact]
    public void Consumer_generates_the_api_and_runs()
    {
        var dir = package.CreateConsumer("GoodConsumer", """
            using AiCompliance;
            using Microsoft.Extensions.AI;

            Console.WriteLine("NOTICE=" + Chat.RegistrationNotice);
            Console.WriteLine("NUMBER=" + Chat.RegistrationNumber);
            Console.WriteLine("LABEL=" + Chat.Label("hello").Replace("\n", "|"));
            Console.WriteLine("IMPLICIT=" + Chat.ImplicitLabel("c-1"));
            IChatClient client = Chat.WithLabels(new EchoClient());
            var response = await client.GetResponseAsync("hi");
            Console.WriteLine("WRAPPED=" + response.Text.Replace("\n", "|"));
            var streamed = await client.GetStreamingResponseAsync("hi").ToChatResponseAsync();
            Console.WriteLine("STREAMED=" + streamed.Text.Replace("\n", "|"));

            [RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", Provider = "ExampleCo")]
            public static partial class Chat { }

            sealed class EchoClient : IChatClient
            {
                public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                    => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "answer")));

                public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var part in new[] { "ans", "wer" })
                    {
                        await Task.Yield();
                        yield return new ChatResponseUpdate(ChatRole.Assistant, part) { MessageId = "m1" };
                    }
                }

                public object? GetService(Type serviceType, object? serviceKey = null) => null;

                public void Dispose()
                {
                }
            }
            """, withMeai: true);

        var run = Dotnet.Run(dir, "run", "-c", "Release");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("NOTICE=生成式人工智能服务 YunQue 已备案，编号：Beijing-YunQue-20230821", run.Output);
        Assert.Contains("NUMBER=Beijing-YunQue-20230821", run.Output);
        Assert.Contains("LABEL=内容由人工智能生成|hello", run.Output);
        Assert.Contains("IMPLICIT={\"AIGC\":{\"Label\":\"1\",\"ContentProducer\":\"ExampleCo\",\"ProduceID\":\"c-1\"", run.Output);
        Assert.Contains("WRAPPED=内容由人工智能生成|answer", run.Output);
        Assert.Contains("STREAMED=内容由人工智能生成|answer", run.Output);
    }

    [Fact]
    public void Consumer_without_meai_still_builds_and_gets_no_wrapper()
    {
        var dir = package.CreateConsumer("PlainConsumer", """
            using AiCompliance;
            Console.WriteLine(Plain.RegistrationNotice);
            Console.WriteLine(Plain.Label("x").Replace("\n", "|"));
            Console.WriteLine(typeof(Plain).GetNestedTypes().Length);

            [RegisteredAiService("Guangdong-Plaud-20251229S0027", LabelPosition = LabelPosition.End)]
            public static partial class Plain { }
            """, withMeai: false);

        var run = Dotnet.Run(dir, "run", "-c", "Release");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("x|内容由人工智能生成", run.Output);
        Assert.Matches(new Regex(@"^0\r?$", RegexOptions.Multiline), run.Output);
    }

    [Fact]
    public void Consumer_build_fails_with_AIC002_and_AIC006_at_the_attribute_arguments()
    {
        var dir = package.CreateConsumer("BadConsumer", """
            using AiCompliance;

            [RegisteredAiService("Beijing-XueQiuHuiJian-2S0033", LabelText = "AI")]
            public static partial class Bad { }

            [RegisteredAiService("Beijing-YunQue-20230821")]
            public static class NotPartial { }
            """, withMeai: false);

        var build = Dotnet.Run(dir, "build", "-c", "Release");
        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"Program\.cs\(3,22\): error AIC002: Registration number 'Beijing-XueQiuHuiJian-2S0033' is malformed: the date part '2' must be 8 digits", build.Output);
        Assert.Matches(@"Program\.cs\(3,66\): error AIC006: Label text 'AI' does not meet GB 45438-2025 §5\.1", build.Output);
        Assert.Matches(@"Program\.cs\(7,21\): error AIC008: \[RegisteredAiService\] on 'NotPartial' generates nothing", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);
        Assert.DoesNotContain("CS8785", build.Output); // generator failure
    }

    [Fact]
    public void Severity_is_configurable_in_editorconfig()
    {
        var dir = package.CreateConsumer("ConfiguredConsumer", """
            using AiCompliance;
            Console.WriteLine(Configured.RegistrationNumber);

            [RegisteredAiService("Beijing-XueQiuHuiJian-2S0033")]
            public static partial class Configured { }
            """, withMeai: false);
        File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.AIC002.severity = suggestion\n");

        var run = Dotnet.Run(dir, "run", "-c", "Release");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Beijing-XueQiuHuiJian-2S0033", run.Output);
        Assert.DoesNotContain("error AIC002", run.Output);
    }

    private const string ChatProgram = """
        using AiCompliance;
        using Microsoft.Extensions.AI;

        Console.WriteLine(Chat.RegistrationNotice);
        IChatClient client = new EchoClient();
        var response = await client.GetResponseAsync("hi");
        Console.WriteLine(ANSWER);

        [RegisteredAiService("Beijing-YunQue-20230821")]
        public static partial class Chat { }

        sealed class EchoClient : IChatClient
        {
            public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "answer")));

            public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                => throw new NotSupportedException();

            public object? GetService(Type serviceType, object? serviceKey = null) => null;

            public void Dispose()
            {
            }
        }
        """;

    [Fact]
    public void Unlabeled_output_fails_the_build_with_AIC001_and_labeling_fixes_it()
    {
        var unlabeled = package.CreateConsumer("UnlabeledConsumer", ChatProgram.Replace("ANSWER", "response.Text"), withMeai: true);
        var build = Dotnet.Run(unlabeled, "build", "-c", "Release");
        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"Program\.cs\(7,19\): error AIC001: AI-generated content from 'IChatClient\.GetResponseAsync' reaches 'Console\.WriteLine' without a label", build.Output);

        var labeled = package.CreateConsumer("LabeledConsumer", ChatProgram.Replace("ANSWER", "Chat.Label(response.Text)"), withMeai: true);
        var run = Dotnet.Run(labeled, "run", "-c", "Release");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("内容由人工智能生成", run.Output);
        Assert.DoesNotContain("AIC001", run.Output);
    }

    [Fact]
    public void AIC001_severity_can_be_lowered_in_editorconfig()
    {
        var dir = package.CreateConsumer("WarnConsumer", ChatProgram.Replace("ANSWER", "response.Text"), withMeai: true);
        File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.AIC001.severity = suggestion\n");
        var run = Dotnet.Run(dir, "run", "-c", "Release");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain("error AIC001", run.Output);
    }

    [Fact]
    public void An_engine_failure_is_a_warning_AIC009_at_the_method_in_dotnet_build()
    {
        // The engine's test switch (docs/rules/AIC009.md) makes the analysis of 'Answer' fail; the build must say so
        // at the method, not go quiet, and the rest of the program must still be checked (AIC001 on Main's output).
        var source = ChatProgram.Replace("ANSWER", "response.Text") + """

            static partial class Program
            {
                internal static async Task<string> Answer(IChatClient client) => (await client.GetResponseAsync("again")).Text;
            }
            """;
        var dir = package.CreateConsumer("EngineFailureConsumer", source, withMeai: true);
        File.WriteAllText(Path.Combine(dir, ".globalconfig"), "is_global = true\naicompliance_test_fail_method = Answer\n");
        File.WriteAllText(Path.Combine(dir, "Directory.Build.targets"), "<Project><PropertyGroup><WarningsNotAsErrors>$(WarningsNotAsErrors);AIC009</WarningsNotAsErrors></PropertyGroup></Project>\n");

        var build = Dotnet.Run(dir, "build", "-c", "Release");
        var lines = source.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("internal static async Task<string> Answer", StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf("Answer", StringComparison.Ordinal) + 1;
        Assert.Matches(
            $@"Program\.cs\({line},{column}\): warning AIC009: AiCompliance could not analyze '[^']*Answer[^']*': its outputs are not checked \(InvalidOperationException: injected failure",
            build.Output);
        Assert.Matches(@"Program\.cs\(7,19\): error AIC001: AI-generated content from 'IChatClient\.GetResponseAsync' reaches 'Console\.WriteLine' without a label", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);
    }
}
