using AiCompliance;
using Microsoft.Extensions.AI;

namespace CrossProjectLib;

public class Summarizer(IChatClient client)
{
    // AIC010 here: returns AI content to other projects and does not say so.
    public async Task<string> SummarizeAsync(string text) => (await client.GetResponseAsync("Summarize: " + text)).Text;

    // Says so: every build of a caller sees it.
    [AiGenerated]
    public async Task<string> TitleAsync(string text) => (await client.GetResponseAsync("Title: " + text)).Text;

    // Derived from AI content, not content: nothing to follow.
    public async Task<int> CountWordsAsync(string text) => (await SummarizeAsync(text)).Split(' ').Length;

    public string Model { get; } = "local";

    public class Nested
    {
        public static async Task<string> AskAsync(IChatClient client, string question) => (await client.GetResponseAsync(question)).Text;
    }
}
