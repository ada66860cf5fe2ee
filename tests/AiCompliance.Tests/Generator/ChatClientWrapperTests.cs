using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Xunit;

namespace AiCompliance.Tests.Generator;

/// <summary>A scripted chat client: every call builds fresh response objects, so a wrapper's edits never leak between calls.</summary>
internal sealed class FakeChatClient : IChatClient
{
    public const string ResponseId = "resp-42";
    public const string MessageId = "msg-7";

    private readonly Func<ChatResponse> _response;
    private readonly Func<IReadOnlyList<ChatResponseUpdate>> _updates;

    public FakeChatClient(Func<ChatResponse> response, Func<IReadOnlyList<ChatResponseUpdate>> updates)
    {
        _response = response;
        _updates = updates;
    }

    public CancellationToken LastToken { get; private set; }

    public int StreamedCount { get; private set; }

    /// <summary>An assistant answering with <paramref name="chunks"/>: as one message, or streamed chunk by chunk.</summary>
    public static FakeChatClient Text(params string[] chunks) => new(
        () => new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Concat(chunks))) { ResponseId = ResponseId, ModelId = "fake" },
        () =>
        {
            var updates = new List<ChatResponseUpdate>
            {
                // A role-only update first, as many providers send.
                new() { Role = ChatRole.Assistant, ResponseId = ResponseId, MessageId = MessageId },
            };
            updates.AddRange(chunks.Select(c => new ChatResponseUpdate(ChatRole.Assistant, c) { ResponseId = ResponseId, MessageId = MessageId }));

            // A trailing usage-only update, as many providers send.
            updates.Add(new ChatResponseUpdate(null, new List<AIContent> { new UsageContent(new UsageDetails { TotalTokenCount = 12 }) }) { ResponseId = ResponseId });
            return updates;
        });

    /// <summary>An assistant that only calls a tool: no text at all.</summary>
    public static FakeChatClient ToolCallOnly() => new(
        () => new ChatResponse(new ChatMessage(ChatRole.Assistant, new List<AIContent> { new FunctionCallContent("call-1", "get_weather") })) { ResponseId = ResponseId },
        () => new[]
        {
            new ChatResponseUpdate(ChatRole.Assistant, new List<AIContent> { new FunctionCallContent("call-1", "get_weather") }) { ResponseId = ResponseId, MessageId = MessageId },
        });

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        LastToken = cancellationToken;
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_response());
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        LastToken = cancellationToken;
        StreamedCount = 0;
        foreach (var update in _updates())
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            StreamedCount++;
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}

/// <summary>Runs the generated <c>WithLabels</c> / <c>LabeledChatClient</c> against a fake <see cref="IChatClient"/>.</summary>
public class ChatClientWrapperTests
{
    private const string LabelText = "本回答由AI生成";
    private const string Provider = "ExampleCo";
    private static readonly string[] Chunks = { "你好", "，", "world", "!" };
    private static readonly string Content = string.Concat(Chunks);
    private static readonly ChatMessage[] Prompt = { new(ChatRole.User, "hi") };

    private static GeneratedService Service(LabelPosition position) =>
        GeneratedService.Load(ServiceSource.Create(
            "\"" + ServiceSource.NationalNumber + "\", Provider = \"" + Provider + "\", LabelText = \"" + LabelText + "\", LabelPosition = LabelPosition." + position));

    private static async Task<List<ChatResponseUpdate>> StreamAsync(IChatClient client, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Prompt, cancellationToken: cancellationToken))
        {
            updates.Add(update);
        }

        return updates;
    }

    private static IReadOnlyDictionary<string, string> AssertAigc(AdditionalPropertiesDictionary? properties)
    {
        Assert.NotNull(properties);
        Assert.True(properties!.TryGetValue("AIGC", out var value), "AdditionalProperties has no AIGC entry");
        var json = Assert.IsType<string>(value);
        var fields = LabelAssert.AnnexEObject(json);
        Assert.Equal(Provider, fields["ContentProducer"]);
        return fields;
    }

    public static TheoryData<LabelPosition> Positions() => new() { LabelPosition.Start, LabelPosition.End, LabelPosition.Both };

    [Fact]
    public void WithLabels_returns_a_delegating_chat_client_over_the_inner_client()
    {
        var inner = FakeChatClient.Text("x");
        var client = Service(LabelPosition.Start).WithLabels(inner);

        Assert.IsAssignableFrom<DelegatingChatClient>(client);
        Assert.Equal("LabeledChatClient", client.GetType().Name);
        Assert.Same(inner, client.GetService(typeof(FakeChatClient)));
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public async Task GetResponseAsync_labels_the_text_once_and_adds_the_implicit_label(LabelPosition position)
    {
        var client = Service(position).WithLabels(FakeChatClient.Text(Chunks));

        var response = await client.GetResponseAsync(Prompt);

        LabelAssert.Labeled(position, LabelText, Content, response.Text);
        Assert.Equal(FakeChatClient.ResponseId, response.ResponseId);
        Assert.Equal(FakeChatClient.ResponseId, AssertAigc(response.AdditionalProperties)["ProduceID"]);
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public async Task GetResponseAsync_labels_the_first_and_last_text_content_and_leaves_other_content_alone(LabelPosition position)
    {
        var inner = new FakeChatClient(
            () => new ChatResponse(new List<ChatMessage>
            {
                new(ChatRole.Assistant, new List<AIContent> { new TextContent("Let me check. "), new FunctionCallContent("call-1", "lookup") }),
                new(ChatRole.Tool, new List<AIContent> { new FunctionResultContent("call-1", "42") }),
                new(ChatRole.Assistant, new List<AIContent> { new TextContent("The answer is "), new TextContent("42.") }),
            }) { ResponseId = FakeChatClient.ResponseId },
            () => Array.Empty<ChatResponseUpdate>());
        var client = Service(position).WithLabels(inner);

        var response = await client.GetResponseAsync(Prompt);

        var texts = response.Messages.SelectMany(m => m.Contents).OfType<TextContent>().Select(t => t.Text).ToList();
        Assert.Equal(position == LabelPosition.End ? "Let me check. " : LabelText + "\nLet me check. ", texts[0]);
        Assert.Equal("The answer is ", texts[1]);
        Assert.Equal(position == LabelPosition.Start ? "42." : "42.\n" + LabelText, texts[2]);
        Assert.Equal(LabelAssert.ExpectedCount(position), LabelAssert.Count(string.Concat(texts), LabelText));
        Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>());
        AssertAigc(response.AdditionalProperties);
    }

    // Seen on the Blazor chat template: its suggestions come from GetResponseAsync<string[]>. A label in the JSON would
    // break the parse; the wrapper leaves structured output as it is (the implicit label is still added) and AIC001 asks
    // for the values to be labeled where they are shown.
    [Theory]
    [MemberData(nameof(Positions))]
    public async Task Structured_output_passes_through_unlabeled_and_still_parses(LabelPosition position)
    {
        var json = new[] { "{\"data\":[\"How do I reset it?\",", "\"Is it safe?\"]}" }; // arrays come wrapped in an object
        var client = Service(position).WithLabels(FakeChatClient.Text(json));

        var typed = await client.GetResponseAsync<string[]>("suggest questions");

        Assert.Equal(new[] { "How do I reset it?", "Is it safe?" }, typed.Result);
        Assert.Equal(string.Concat(json), typed.Text);
        AssertAigc(typed.AdditionalProperties);

        var streamed = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Prompt, new ChatOptions { ResponseFormat = ChatResponseFormat.Json }))
        {
            streamed.Add(update);
        }

        Assert.Equal(string.Concat(json), string.Concat(streamed.Select(u => u.Text)));

        var plain = await client.GetResponseAsync(Prompt);
        LabelAssert.Labeled(position, LabelText, string.Concat(json), plain.Text);
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public async Task GetStreamingResponseAsync_labels_the_stream_once(LabelPosition position)
    {
        var inner = FakeChatClient.Text(Chunks);
        var client = Service(position).WithLabels(inner);

        var updates = await StreamAsync(client);

        // Streamed text, as a UI would show it.
        var streamedText = string.Concat(updates.Select(u => u.Text));
        LabelAssert.Labeled(position, LabelText, Content, streamedText);

        // Every inner update is passed on, in order; End and Both add exactly one update at the end.
        Assert.Equal(inner.StreamedCount + (position == LabelPosition.Start ? 0 : 1), updates.Count);
        Assert.All(updates, u => Assert.Equal(FakeChatClient.ResponseId, u.ResponseId));

        // Exactly one update carries the implicit label.
        var labeledUpdate = Assert.Single(updates, u => u.AdditionalProperties?.ContainsKey("AIGC") == true);
        Assert.Equal(FakeChatClient.ResponseId, AssertAigc(labeledUpdate.AdditionalProperties)["ProduceID"]);

        // The same updates combined into one response. ToChatResponse copies an update's AdditionalProperties to
        // its message (never to the response), so the implicit label is on the message.
        var response = updates.ToChatResponse();
        LabelAssert.Labeled(position, LabelText, Content, response.Text);
        var message = Assert.Single(response.Messages);
        Assert.Equal(FakeChatClient.MessageId, message.MessageId);
        Assert.Equal(FakeChatClient.ResponseId, AssertAigc(message.AdditionalProperties)["ProduceID"]);
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public async Task Streamed_and_non_streamed_responses_carry_the_same_text(LabelPosition position)
    {
        var client = Service(position).WithLabels(FakeChatClient.Text(Chunks));

        var response = await client.GetResponseAsync(Prompt);
        var streamed = (await StreamAsync(client)).ToChatResponse();

        Assert.Equal(response.Text, streamed.Text);
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public async Task Double_wrapping_still_labels_once(LabelPosition position)
    {
        var service = Service(position);
        var client = service.WithLabels(service.WithLabels(FakeChatClient.Text(Chunks)));

        var response = await client.GetResponseAsync(Prompt);
        LabelAssert.Labeled(position, LabelText, Content, response.Text);
        AssertAigc(response.AdditionalProperties);

        var updates = await StreamAsync(client);
        LabelAssert.Labeled(position, LabelText, Content, string.Concat(updates.Select(u => u.Text)));
        Assert.Single(updates, u => u.AdditionalProperties?.ContainsKey("AIGC") == true);
        var combined = updates.ToChatResponse();
        LabelAssert.Labeled(position, LabelText, Content, combined.Text);
        AssertAigc(Assert.Single(combined.Messages).AdditionalProperties);
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public async Task Triple_wrapping_still_labels_once(LabelPosition position)
    {
        var service = Service(position);
        var client = service.WithLabels(service.WithLabels(service.WithLabels(FakeChatClient.Text(Chunks))));

        LabelAssert.Labeled(position, LabelText, Content, (await client.GetResponseAsync(Prompt)).Text);
        LabelAssert.Labeled(position, LabelText, Content, string.Concat((await StreamAsync(client)).Select(u => u.Text)));
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public async Task A_response_without_text_gets_no_label(LabelPosition position)
    {
        var inner = FakeChatClient.ToolCallOnly();
        var client = Service(position).WithLabels(inner);

        var response = await client.GetResponseAsync(Prompt);
        Assert.Equal(string.Empty, response.Text);
        var content = Assert.Single(Assert.Single(response.Messages).Contents);
        Assert.IsType<FunctionCallContent>(content);
        Assert.False(response.AdditionalProperties?.ContainsKey("AIGC") == true);

        var updates = await StreamAsync(client);
        Assert.Equal(inner.StreamedCount, updates.Count);
        Assert.Equal(string.Empty, string.Concat(updates.Select(u => u.Text)));
        Assert.DoesNotContain(updates, u => u.AdditionalProperties?.ContainsKey("AIGC") == true);
        Assert.DoesNotContain(updates.SelectMany(u => u.Contents), c => c is TextContent);
    }

    [Theory]
    [MemberData(nameof(Positions))]
    public async Task Without_a_ResponseId_the_implicit_label_gets_a_generated_ProduceID(LabelPosition position)
    {
        var inner = new FakeChatClient(
            () => new ChatResponse(new ChatMessage(ChatRole.Assistant, Content)),
            () => new[] { new ChatResponseUpdate(ChatRole.Assistant, Content) });
        var client = Service(position).WithLabels(inner);

        var produceId = AssertAigc((await client.GetResponseAsync(Prompt)).AdditionalProperties)["ProduceID"];
        Assert.True(Guid.TryParseExact(produceId, "N", out _), "ProduceID: " + produceId);

        var updates = await StreamAsync(client);
        var streamedId = AssertAigc(Assert.Single(updates, u => u.AdditionalProperties?.ContainsKey("AIGC") == true).AdditionalProperties)["ProduceID"];
        Assert.True(Guid.TryParseExact(streamedId, "N", out _), "ProduceID: " + streamedId);
        LabelAssert.Labeled(position, LabelText, Content, string.Concat(updates.Select(u => u.Text)));
    }

    [Fact]
    public async Task The_cancellation_token_reaches_the_inner_client()
    {
        var inner = FakeChatClient.Text(Chunks);
        var client = Service(LabelPosition.Both).WithLabels(inner);
        using var cts = new CancellationTokenSource();

        await client.GetResponseAsync(Prompt, cancellationToken: cts.Token);
        Assert.Equal(cts.Token, inner.LastToken);

        await StreamAsync(client, cts.Token);
        Assert.True(inner.LastToken.CanBeCanceled);

        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(Prompt, cancellationToken: cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StreamAsync(client, cts.Token));
    }

    [Fact]
    public async Task A_response_already_carrying_AIGC_is_left_alone()
    {
        var inner = new FakeChatClient(
            () => new ChatResponse(new ChatMessage(ChatRole.Assistant, Content))
            {
                AdditionalProperties = new AdditionalPropertiesDictionary { ["AIGC"] = "{\"Label\":\"1\"}" },
            },
            () => Array.Empty<ChatResponseUpdate>());
        var client = Service(LabelPosition.Start).WithLabels(inner);

        var response = await client.GetResponseAsync(Prompt);

        Assert.Equal(Content, response.Text);
        Assert.Equal("{\"Label\":\"1\"}", response.AdditionalProperties!["AIGC"]);
    }

    [Fact]
    public async Task Works_inside_a_ChatClientBuilder_pipeline()
    {
        var service = Service(LabelPosition.End);
        var client = new ChatClientBuilder(FakeChatClient.Text(Chunks)).Use(inner => service.WithLabels(inner)).Build();

        LabelAssert.Labeled(LabelPosition.End, LabelText, Content, (await client.GetResponseAsync(Prompt)).Text);
        LabelAssert.Labeled(LabelPosition.End, LabelText, Content, string.Concat((await StreamAsync(client)).Select(u => u.Text)));
    }
}
