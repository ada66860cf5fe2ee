using AiCompliance;
using Microsoft.Extensions.AI;

// The answer is labeled, so nothing is found; but the project does not compile (the last line names nothing), so
// the scanner cannot vouch for it: INCOMPLETE, never COMPLIANT.
IChatClient client = new ChatClientStub();
var answer = await client.GetResponseAsync("hello");
Console.WriteLine(Assistant.Label(answer.Text));
Console.WriteLine(undefinedVariable);
Console.WriteLine(Assistant.RegistrationNotice);

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
