using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace BlazorChat;

/// <summary>An offline model: answers with canned text, streamed word by word.</summary>
public sealed class CannedChatClient : IChatClient
{
    private const string Answer = "The kit holds water, a torch and a map.";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "[\"What else?\",\"Where is it?\"]")));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var word in Answer.Split(' '))
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ");
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
