// Shared by the small console apps (AicSharedAssistant=true): their registered service and an offline chat client.
using AiCompliance;
using Microsoft.Extensions.AI;

[RegisteredAiService("Beijing-Assistant-20240101")]
public static partial class Assistant { }

internal sealed class ChatClientStub : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "hi")));

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
