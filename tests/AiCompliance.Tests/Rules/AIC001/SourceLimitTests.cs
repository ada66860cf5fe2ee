using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Values keep a bounded number of sources for the message (16 of each kind); whether an unlabeled source reaches a
/// sink must not depend on which were kept.
/// </summary>
public class SourceLimitTests
{
    /// <summary>A list filled with <paramref name="labeled"/> labeled answers, then one unlabeled answer last (it sorts after them).</summary>
    private static string Program(int labeled, bool lastLabeled)
    {
        var adds = string.Join("\n", Enumerable.Range(1, labeled).Select(i => $"            parts.Add(Svc.Label((await client.GetResponseAsync(\"q{i}\")).Text));"));
        var last = lastLabeled ? "Svc.Label((await client.GetResponseAsync(\"last\")).Text)" : "(await client.GetResponseAsync(\"last\")).Text";
        return Code.Header + $$"""
            class App
            {
                async Task Run(IChatClient client)
                {
                    var parts = new List<string>();
            {{adds}}
                    parts.Add({{last}});
                    Console.WriteLine({{(lastLabeled ? "string.Join(\"\\n\", parts)" : "[|string.Join(\"\\n\", parts)|]")}});
                }
            }
            """;
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(20)]
    [InlineData(40)]
    public async Task An_unlabeled_source_after_many_labeled_ones_still_reports(int labeled)
    {
        var diagnostics = await FlowVerifier.VerifyAsync(Program(labeled, lastLabeled: false));
        var d = Assert.Single(diagnostics, x => x.Id == DiagnosticIds.UnlabeledAiOutput);

        // The message names the unlabeled source: the labeled ones are not what is wrong.
        Assert.StartsWith("AI-generated content from 'IChatClient.GetResponseAsync' reaches 'Console.WriteLine' without a label", d.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public Task Twenty_labeled_sources_stay_silent() => FlowVerifier.VerifyAsync(Program(20, lastLabeled: true));
}
