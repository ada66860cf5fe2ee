using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ConsoleChat;

/// <summary>A deterministic, offline stand-in for an LLM: answers from a small table, streams word by word.</summary>
public sealed class OfflineChatClient : IChatClient
{
    private static readonly (string Keyword, string Answer)[] Answers =
    {
        ("weather", "I cannot see outside, but a light jacket is rarely a bad idea."),
        ("label", "Generated content is labeled at the start, and its metadata carries an AIGC record."),
    };

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, Answer(messages))) { ResponseId = "resp-" + Answer(messages).Length });

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var word in Answer(messages).Split(' '))
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ") { MessageId = "m1", ResponseId = "stream-1" };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static string Answer(IEnumerable<ChatMessage> messages)
    {
        var question = messages.LastOrDefault()?.Text ?? string.Empty;
        foreach (var (keyword, answer) in Answers)
        {
            if (question.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return answer;
            }
        }

        return "I am an offline sample model; ask me about the weather or about labels.";
    }
}
