using System.ClientModel;
using OpenAI;
using OpenAI.Chat;
using OpenAIConsole;

// The registration must be shown prominently: print it first.
Console.WriteLine(ExampleAssistant.RegistrationNotice);
Console.WriteLine(ExampleAssistant.RegistrationNoticeEnglish);
Console.WriteLine();

// The real OpenAI SDK, end to end (request serialization, pipeline, response parsing, SSE), except that the
// transport answers from a table instead of api.openai.com.
var client = new ChatClient(
    model: "gpt-4o-mini",
    credential: new ApiKeyCredential("fake"),
    options: new OpenAIClientOptions { Transport = new FakeTransport() });

// 1. One answer. Its text is AI-generated content: it reaches the console only through Label(...) (AIC001).
var question = args.Length > 0 ? string.Join(' ', args) : "What about the weather?";
Console.WriteLine("> " + question);
ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage(question)]);
var answer = string.Concat(completion.Content.Select(part => part.Text));
Console.WriteLine(ExampleAssistant.Label(answer));
// Metadata is not content: ids, model, finish reason and token counts need no label.
Console.WriteLine($"({completion.Model}, finish: {completion.FinishReason}, tokens: {completion.Usage.TotalTokenCount})");
Console.WriteLine("implicit label: " + ExampleAssistant.ImplicitLabel(completion.Id));
Console.WriteLine();

// 2. A streamed answer: the stream overload of Label puts the label once, before the first chunk.
Console.WriteLine("> Tell me about labels (streamed)");
var updates = client.CompleteChatStreamingAsync([new UserChatMessage("Tell me about labels")]);
await foreach (var chunk in ExampleAssistant.Label(TextOf(updates)))
{
    Console.Write(chunk);
}

Console.WriteLine();

// The text chunks of a streamed completion, in order.
static async IAsyncEnumerable<string> TextOf(AsyncCollectionResult<StreamingChatCompletionUpdate> updates)
{
    await foreach (var update in updates)
    {
        foreach (var part in update.ContentUpdate)
        {
            yield return part.Text;
        }
    }
}
