using System.ClientModel.Primitives;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenAIConsole;

/// <summary>
/// The OpenAI SDK's HTTP transport with the network cut off: requests go through the SDK's real pipeline and
/// <see cref="HttpClient"/>, and <see cref="CannedChatCompletions"/> answers them in process.
/// </summary>
public sealed class FakeTransport : HttpClientPipelineTransport
{
    public FakeTransport()
        : base(new HttpClient(new CannedChatCompletions()))
    {
    }
}

/// <summary>
/// A deterministic stand-in for <c>POST /v1/chat/completions</c>: picks an answer from a small table by the last
/// user message and returns it as a chat-completion JSON object, or, when the request asks for
/// <c>"stream": true</c>, as server-sent events (one <c>chat.completion.chunk</c> per word, then <c>data: [DONE]</c>).
/// </summary>
public sealed class CannedChatCompletions : HttpMessageHandler
{
    private const long Created = 1735689600; // 2025-01-01T00:00:00Z: fixed, so the output is the same every run

    private static readonly (string Keyword, string Answer)[] Answers =
    {
        ("weather", "I cannot see outside, but a light jacket is rarely a bad idea."),
        ("label", "Generated content is labeled at the start, and its metadata carries an AIGC record."),
    };

    private const string Fallback = "I am a canned OpenAI answer; ask me about the weather or about labels.";

    private int _requests;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || request.RequestUri?.AbsolutePath.EndsWith("/chat/completions", StringComparison.Ordinal) != true)
        {
            return Error(HttpStatusCode.NotFound, "invalid_request_error", "This fake serves POST /v1/chat/completions only, not " + request.Method + " " + request.RequestUri);
        }

        if (request.Headers.Authorization is not { Scheme: "Bearer", Parameter: { Length: > 0 } })
        {
            return Error(HttpStatusCode.Unauthorized, "invalid_api_key", "No API key in the Authorization header.");
        }

        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
        var model = (string?)body["model"] ?? "unknown";
        var stream = body["stream"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True;
        var answer = AnswerFor(LastUserText(body["messages"]));
        var id = "chatcmpl-fake-" + Interlocked.Increment(ref _requests);

        return stream ? StreamOf(id, model, answer) : CompletionOf(id, model, answer);
    }

    private static string AnswerFor(string question)
    {
        foreach (var (keyword, answer) in Answers)
        {
            if (question.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return answer;
            }
        }

        return Fallback;
    }

    /// <summary>The text of the last user message: <c>content</c> is a string or an array of <c>{type, text}</c> parts.</summary>
    private static string LastUserText(JsonNode? messages)
    {
        var user = messages?.AsArray().LastOrDefault(m => (string?)m?["role"] == "user");
        return user?["content"] switch
        {
            JsonValue text => (string?)text ?? string.Empty,
            JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"])),
            _ => string.Empty,
        };
    }

    private static HttpResponseMessage CompletionOf(string id, string model, string answer)
    {
        var completion = new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion",
            ["created"] = Created,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = Usage(answer),
        };
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(completion.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }

    private static HttpResponseMessage StreamOf(string id, string model, string answer)
    {
        var sse = new StringBuilder();
        void Event(JsonObject? delta, string? finishReason, JsonObject? usage = null)
        {
            var chunk = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["created"] = Created,
                ["model"] = model,
                ["choices"] = delta is null
                    ? new JsonArray()
                    : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finishReason }),
            };
            if (usage is not null)
            {
                chunk["usage"] = usage;
            }

            sse.Append("data: ").Append(chunk.ToJsonString()).Append("\n\n");
        }

        Event(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null);
        var words = answer.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            Event(new JsonObject { ["content"] = i == 0 ? words[i] : " " + words[i] }, null);
        }

        Event(new JsonObject(), "stop");
        Event(null, null, Usage(answer)); // what stream_options.include_usage asks for: usage, no choices
        sse.Append("data: [DONE]\n\n");

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(sse.ToString(), Encoding.UTF8, "text/event-stream"),
        };
    }

    private static JsonObject Usage(string answer)
    {
        var completionTokens = answer.Split(' ').Length;
        return new JsonObject { ["prompt_tokens"] = 8, ["completion_tokens"] = completionTokens, ["total_tokens"] = 8 + completionTokens };
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message) =>
        new(status)
        {
            Content = new StringContent(
                new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = code, ["code"] = code } }.ToJsonString(),
                Encoding.UTF8,
                "application/json"),
        };
}
