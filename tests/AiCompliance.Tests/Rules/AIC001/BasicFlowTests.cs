using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

public class BasicFlowTests
{
    [Fact]
    public async Task Direct_response_text_to_console_reports_with_source_and_sink_in_message()
    {
        var diagnostics = await FlowVerifier.VerifyAsync(Code.Header + """
            class App
            {
                async Task Run(IChatClient client)
                {
                    var response = await client.GetResponseAsync("hi");
                    Console.WriteLine([|response.Text|]);
                }
            }
            """);
        var d = Assert.Single(diagnostics);
        Assert.Equal("AI-generated content from 'IChatClient.GetResponseAsync' reaches 'Console.WriteLine' without a label", d.GetMessage());
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, d.Severity);
        var source = Assert.Single(d.AdditionalLocations);
        Assert.Contains("client.GetResponseAsync(\"hi\")", source.SourceTree!.ToString().Substring(source.SourceSpan.Start, source.SourceSpan.Length));
        Assert.EndsWith("docs/rules/AIC001.md", d.Descriptor.HelpLinkUri);
    }

    [Fact]
    public Task Labeled_text_is_silent() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                Console.WriteLine(Svc.Label(response.Text));
            }
        }
        """);

    [Fact]
    public Task Overwrite_clears_and_reassignment_taints() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var text = (await client.GetResponseAsync("hi")).Text;
                text = "plain";
                Console.WriteLine(text);
                text = (await client.GetResponseAsync("again")).Text;
                Console.WriteLine([|text|]);
            }
        }
        """);

    [Fact]
    public Task Metadata_is_not_content() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                Console.WriteLine(response.Usage?.TotalTokenCount);
                Console.WriteLine(response.ModelId);
                Console.WriteLine(response.FinishReason);
                Console.WriteLine(response.ResponseId);
                Console.WriteLine(response.CreatedAt);
                Console.WriteLine(response.Messages[0].Role);
                Console.WriteLine(response.Text.Length);
                Console.WriteLine(response.Text.Contains("yes"));
                if (response.Text.StartsWith("A")) { Console.WriteLine("branch taken"); }
            }
        }
        """);

    [Fact]
    public Task Conditional_and_null_coalescing_join_both_branches() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client, bool flag, string? user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine([|flag ? ai : "fallback"|]);
                Console.WriteLine(flag ? "a" : "b");
                Console.WriteLine([|user ?? ai|]);
                string chosen;
                if (flag) { chosen = ai; } else { chosen = "x"; }
                Console.WriteLine([|chosen|]);
                var s = flag switch { true => ai, false => "no" };
                Console.WriteLine([|s|]);
            }
        }
        """);

    [Fact]
    public Task String_operations_carry_content() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine([|"Answer: " + ai|]);
                Console.WriteLine([|$"Answer: {ai}!"|]);
                Console.WriteLine([|string.Format("{0}", ai)|]);
                Console.WriteLine([|string.Join(",", ai, "x")|]);
                Console.WriteLine([|string.Concat("a", ai)|]);
                Console.WriteLine([|ai.Trim()|]);
                Console.WriteLine([|ai.Substring(1, 2)|]);
                Console.WriteLine([|ai.Replace("a", "b")|]);
                Console.WriteLine([|ai.ToUpperInvariant()|]);
                var sb = new StringBuilder();
                sb.Append("prefix ");
                sb.Append(ai);
                Console.WriteLine([|sb.ToString()|]);
                var clean = new StringBuilder().Append("only user text").ToString();
                Console.WriteLine(clean);
            }
        }
        """);

    [Fact]
    public Task Labels_applied_by_composition_are_recognized() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine(Svc.LabelText + "\n" + ai);
                Console.WriteLine($"{ai}\n{Svc.LabelText}");
                Console.WriteLine($"【内容由人工智能生成】{ai}");
                Console.WriteLine([|$"Note: {ai}"|]);
            }
        }
        """);

    [Fact]
    public Task Console_out_is_a_sink_and_logging_is_not() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client, System.IO.TextWriter log)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.Out.WriteLine([|ai|]);
                await Console.Out.WriteLineAsync([|ai|]);
                Console.Write([|ai|]);
                log.WriteLine(ai);
                System.Diagnostics.Debug.WriteLine(ai);
            }
        }
        """);

    [Fact]
    public Task Streaming_await_foreach_reports_update_text() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client, CancellationToken ct)
            {
                await foreach (var update in client.GetStreamingResponseAsync("hi").WithCancellation(ct).ConfigureAwait(false))
                {
                    Console.Write([|update.Text|]);
                    Console.Write(update.MessageId);
                }

                await foreach (var chunk in Svc.Label(Chunks(client)))
                {
                    Console.Write(chunk);
                }
            }

            static async IAsyncEnumerable<string> Chunks(IChatClient client)
            {
                await foreach (var update in client.GetStreamingResponseAsync("hi"))
                {
                    yield return update.Text;
                }
            }
        }
        """);

    [Fact]
    public Task Aggregated_stream_keeps_content() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetStreamingResponseAsync("hi").ToChatResponseAsync();
                Console.WriteLine([|response.Text|]);
                Console.WriteLine(response.Usage?.InputTokenCount);
            }
        }
        """);

    [Fact]
    public Task A_labeler_held_in_a_delegate_labels_and_another_delegate_does_not() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client, Func<string, string> unknown)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Func<string, string> label = Svc.Label;
                Console.WriteLine(label(ai));
                Func<string, string> wrap = t => Svc.Label(t);
                Console.WriteLine(wrap(ai));

                Func<string, string> upper = t => t.ToUpperInvariant();
                Console.WriteLine([|upper(ai)|]);
                Console.WriteLine([|unknown(ai)|]);
                Func<string, string> reassigned = Svc.Label;
                reassigned = t => t;
                Console.WriteLine([|reassigned(ai)|]);
            }
        }
        """);

    [Fact]
    public Task Labeled_client_from_WithLabels_is_silent_plain_client_reports() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient inner)
            {
                IChatClient client = Svc.WithLabels(inner);
                var response = await client.GetResponseAsync("hi");
                Console.WriteLine(response.Text);
                await foreach (var u in client.GetStreamingResponseAsync("hi")) { Console.Write(u.Text); }

                var labeled = new Svc.LabeledChatClient(inner);
                Console.WriteLine((await labeled.GetResponseAsync("x")).Text);

                var plain = await inner.GetResponseAsync("hi");
                Console.WriteLine([|plain.Text|]);
            }

            async Task Typed(Svc.LabeledChatClient injected)
            {
                Console.WriteLine((await injected.GetResponseAsync("x")).Text);
            }
        }
        """);
}
