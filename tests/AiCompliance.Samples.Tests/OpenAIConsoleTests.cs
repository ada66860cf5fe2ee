using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using AiCompliance.Samples.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using AiCompliance.TestSupport;

namespace AiCompliance.Samples.Tests;

/// <summary>samples/OpenAIConsole: the OpenAI SDK over a fake transport, every answer labeled.</summary>
[Collection(SamplesCollection.Name)]
public class OpenAIConsoleTests(SamplesFixture samples, ITestOutputHelper output)
{
    private const string Project = "samples/OpenAIConsole/OpenAIConsole.csproj";

    // samples/OpenAIConsole/ExampleAssistant.cs and the canned answers of its FakeTransport.cs.
    private const string Notice = "生成式人工智能服务 YunQue 已备案，编号：Beijing-YunQue-20230821";
    private const string WeatherAnswer = "I cannot see outside, but a light jacket is rarely a bad idea.";
    private const string LabelsAnswer = "Generated content is labeled at the start, and its metadata carries an AIGC record.";

    [Fact]
    public void Runs_offline_and_prints_labeled_answers()
    {
        var build = samples.Build(Project);
        output.WriteLine(build.Output);
        Assert.True(build.ExitCode == 0, "samples/OpenAIConsole does not build:\n" + build.Output);
        Assert.DoesNotContain("AIC001", build.Output);

        var dll = Path.Combine(samples.ArtifactsPath, "bin", "OpenAIConsole", "release", "OpenAIConsole.dll");
        Assert.True(File.Exists(dll), "built app not found at " + dll);
        var run = Dotnet.Run(samples.WorkDir, TimeSpan.FromMinutes(2), dll);
        output.WriteLine(run.Output);
        Assert.True(run.ExitCode == 0, "samples/OpenAIConsole failed:\n" + run.Output);

        var text = run.Output.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Split('\n');

        // The registration notice comes first, before any answer.
        Assert.Equal(Notice, lines[0]);

        // Each answer (the plain one, then the streamed one) has the label on the line before it, and only there.
        Assert.Contains("> What about the weather?\n" + Labels.ExplicitLabel + "\n" + WeatherAnswer + "\n", text, StringComparison.Ordinal);
        Assert.Contains("> Tell me about labels (streamed)\n" + Labels.ExplicitLabel + "\n" + LabelsAnswer + "\n", text, StringComparison.Ordinal);
        Assert.Equal(2, Labels.Count(text, Labels.ExplicitLabel));
        Assert.True(
            text.IndexOf(Notice, StringComparison.Ordinal) < text.IndexOf(Labels.ExplicitLabel, StringComparison.Ordinal),
            "the notice must come before the first answer");

        // The implicit label names the completion the fake transport returned.
        const string Prefix = "implicit label: ";
        var implicitLine = Assert.Single(lines, l => l.StartsWith(Prefix, StringComparison.Ordinal));
        using var json = JsonDocument.Parse(implicitLine[Prefix.Length..]);
        Assert.Equal("chatcmpl-fake-1", Labels.AssertAigcValue(json.RootElement.GetProperty("AIGC")));
    }
}
