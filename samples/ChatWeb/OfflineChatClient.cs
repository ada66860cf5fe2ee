using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ChatWeb;

/// <summary>
/// A deterministic, offline stand-in for an LLM (no network, no keys): answers from a small table and streams the
/// answer word by word (character by character for Chinese) with a small delay, like a real model would.
/// </summary>
public sealed class OfflineChatClient : IChatClient
{
    private static readonly (string Keyword, string Answer)[] Answers =
    {
        ("weather", "I cannot see outside, but a light jacket is rarely a bad idea."),
        ("label", "Generated content is labeled at the start, and its metadata carries an AIGC record."),
        ("image", "Here is a picture of a sunny day, painted by the offline image model."),
        ("画", "给你画了一幅晴天的风景。"),
        ("天气", "我看不到窗外，不过带一件薄外套总不会错。"),
        ("你好", "你好！我是一个离线示例模型，可以问我天气或者标识。"),
    };

    private readonly TimeSpan _delay;

    /// <summary>Creates the client.</summary>
    /// <param name="delay">Pause between streamed chunks (default 40 ms); <see cref="TimeSpan.Zero"/> for none.</param>
    public OfflineChatClient(TimeSpan? delay = null) => _delay = delay ?? TimeSpan.FromMilliseconds(40);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var message = new ChatMessage(ChatRole.Assistant, Answer(messages)) { MessageId = NewId("msg") };
        return Task.FromResult(new ChatResponse(message) { ResponseId = NewId("resp"), ModelId = "offline-sample" });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var responseId = NewId("resp");
        var messageId = NewId("msg");
        foreach (var chunk in Chunks(Answer(messages)))
        {
            if (_delay > TimeSpan.Zero)
            {
                await Task.Delay(_delay, cancellationToken);
            }
            else
            {
                await Task.Yield();
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield return new ChatResponseUpdate(ChatRole.Assistant, chunk) { MessageId = messageId, ResponseId = responseId, ModelId = "offline-sample" };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N");

    /// <summary>Words with their trailing space; text without spaces (Chinese) one character at a time.</summary>
    private static IEnumerable<string> Chunks(string answer)
    {
        if (answer.Contains(' '))
        {
            var words = answer.Split(' ');
            for (var i = 0; i < words.Length; i++)
            {
                yield return i < words.Length - 1 ? words[i] + " " : words[i];
            }
        }
        else
        {
            var elements = StringInfo.GetTextElementEnumerator(answer);
            while (elements.MoveNext())
            {
                yield return elements.GetTextElement();
            }
        }
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
