using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// A label written as a literal counts when it passes the wording check of a profile the compilation's services are
/// registered under: "AI-generated" labels for an EU (or California) service, not for a China-only one (GB 45438 §5.1
/// asks for 生成 or 合成); 内容由人工智能生成 labels under every profile.
/// </summary>
public class ProfileLabelTests
{
    private const string App = """
        static class Chat
        {
            public static async Task Ask(IChatClient client)
            {
                var response = await client.GetResponseAsync("q");
                Console.WriteLine("AI-generated: " + response.Text);
                Console.WriteLine("内容由人工智能生成：" + response.Text);
            }
        }
        """;

    [Fact]
    public Task An_english_label_literal_labels_for_an_EU_service() => FlowVerifier.VerifyAsync(Code.EuHeader + App);

    [Fact]
    public Task An_english_label_literal_does_not_label_for_a_China_only_service() =>
        FlowVerifier.VerifyAsync(Code.Header + App.Replace("Console.WriteLine(\"AI-generated: \" + response.Text);", "Console.WriteLine([|\"AI-generated: \" + response.Text|]);", System.StringComparison.Ordinal));
}
