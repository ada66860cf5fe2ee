using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Azure.AI.OpenAI 1.0.0 betas (OpenAIClient.GetChatCompletions…, <c>response.Value.Choices[0].Message.Content</c>). The
/// test project references 2.1, so the legacy surface is a compile-only stand-in with the public names of beta.6
/// (StreamingChatCompletions.GetChoicesStreaming, ChatMessage) and beta.9+ (ChatResponseMessage,
/// StreamingChatCompletionsUpdate, ImageGenerationData.RevisedPrompt) over the real Azure.Core.
/// </summary>
public class AzureOpenAiLegacyTests
{
    private const string StandIn = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        namespace Azure.AI.OpenAI
        {
            public sealed class ChatCompletionsOptions { public string DeploymentName { get; set; } = ""; public IList<ChatRequestMessage> Messages { get; } = new List<ChatRequestMessage>(); }
            public abstract class ChatRequestMessage { }
            public sealed class ChatRequestUserMessage : ChatRequestMessage { public ChatRequestUserMessage(string content) { } }
            public sealed class CompletionsOptions { public IList<string> Prompts { get; } = new List<string>(); }
            public sealed class ImageGenerationOptions { public string Prompt { get; set; } = ""; }
            public sealed class EmbeddingsOptions { public IList<string> Input { get; } = new List<string>(); }
            public class OpenAIClient
            {
                public OpenAIClient(Uri endpoint, Azure.AzureKeyCredential key) { }
                public virtual Azure.Response<ChatCompletions> GetChatCompletions(ChatCompletionsOptions options, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<Azure.Response<ChatCompletions>> GetChatCompletionsAsync(ChatCompletionsOptions options, CancellationToken cancellationToken = default) => throw null!;
                public virtual Azure.Response<StreamingChatCompletions> GetChatCompletionsStreaming(ChatCompletionsOptions options, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<StreamingResponse<StreamingChatCompletionsUpdate>> GetChatCompletionsStreamingAsync(ChatCompletionsOptions options, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<Azure.Response<Completions>> GetCompletionsAsync(CompletionsOptions options, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<Azure.Response<ImageGenerations>> GetImageGenerationsAsync(ImageGenerationOptions options, CancellationToken cancellationToken = default) => throw null!;
                public virtual Task<Azure.Response<Embeddings>> GetEmbeddingsAsync(EmbeddingsOptions options, CancellationToken cancellationToken = default) => throw null!;
            }
            public sealed class ChatCompletions { public string Id => ""; public IReadOnlyList<ChatChoice> Choices => throw null!; public CompletionsUsage Usage => throw null!; }
            public sealed class ChatChoice { public ChatResponseMessage Message => throw null!; public CompletionsFinishReason? FinishReason => null; public int Index => 0; }
            public sealed class ChatResponseMessage { public ChatRole Role => default; public string Content => ""; }
            public readonly struct ChatRole { public override string ToString() => "assistant"; }
            public readonly struct CompletionsFinishReason { public override string ToString() => "stop"; }
            public sealed class CompletionsUsage { public int TotalTokens => 0; public int CompletionTokens => 0; }
            public sealed class StreamingChatCompletionsUpdate { public string Id => ""; public string ContentUpdate => ""; public ChatRole? Role => null; }
            public sealed class StreamingResponse<T> : IDisposable, IAsyncEnumerable<T>
            {
                public void Dispose() { }
                public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => throw null!;
            }
            public sealed class StreamingChatCompletions { public string Id => ""; public IAsyncEnumerable<StreamingChatChoice> GetChoicesStreaming(CancellationToken cancellationToken = default) => throw null!; }
            public sealed class StreamingChatChoice { public int? Index => 0; public IAsyncEnumerable<ChatMessage> GetMessageStreaming(CancellationToken cancellationToken = default) => throw null!; }
            public sealed class ChatMessage { public ChatRole Role => default; public string Content => ""; }
            public sealed class Completions { public string Id => ""; public IReadOnlyList<Choice> Choices => throw null!; public CompletionsUsage Usage => throw null!; }
            public sealed class Choice { public string Text => ""; public int Index => 0; }
            public sealed class ImageGenerations { public IReadOnlyList<ImageGenerationData> Data => throw null!; }
            public sealed class ImageGenerationData { public Uri Url => null!; public string RevisedPrompt => ""; }
            public sealed class Embeddings { public IReadOnlyList<EmbeddingItem> Data => throw null!; }
            public sealed class EmbeddingItem { public ReadOnlyMemory<float> Embedding => default; }
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var azureCore = FlowVerifier.All.Single(r => r.Display is { } d && d.EndsWith("Azure.Core.dll", StringComparison.OrdinalIgnoreCase));
        // The 2.x package out, the legacy stand-in in: an app references one or the other.
        return FlowVerifier.All.Where(r => !(r.Display ?? "").EndsWith("Azure.AI.OpenAI.dll", StringComparison.OrdinalIgnoreCase))
            .ToImmutableArray()
            .Add(EmittedAssembly.Emit("Azure.AI.OpenAI", StandIn, azureCore));
    });

    private const string Usings = "using Azure.AI.OpenAI;\n";

    [Fact]
    public Task Chat_completions_completions_and_streams_report_their_text_and_not_their_metadata() =>
        FlowVerifier.VerifyAsync(Usings + Code.Header + """
            class App
            {
                async Task Run(OpenAIClient client, ChatCompletionsOptions options)
                {
                    var response = await client.GetChatCompletionsAsync(options);
                    Console.WriteLine([|response.Value.Choices[0].Message.Content|]);
                    Console.WriteLine(response.Value.Id);
                    Console.WriteLine(response.Value.Usage.TotalTokens);
                    Console.WriteLine(response.Value.Choices[0].FinishReason);
                    Console.WriteLine(response.Value.Choices[0].Message.Role);
                    Console.WriteLine(Svc.Label(response.Value.Choices[0].Message.Content));

                    ChatCompletions sync = client.GetChatCompletions(options);
                    foreach (var choice in sync.Choices)
                    {
                        Console.WriteLine([|choice.Message.Content|]);
                    }

                    await foreach (var update in await client.GetChatCompletionsStreamingAsync(options))
                    {
                        Console.Write([|update.ContentUpdate|]);
                        Console.Write(update.Id);
                    }

                    var stream = client.GetChatCompletionsStreaming(options).Value;
                    await foreach (var choice in stream.GetChoicesStreaming())
                    {
                        await foreach (var message in choice.GetMessageStreaming())
                        {
                            Console.Write([|message.Content|]);
                        }
                    }

                    var completions = await client.GetCompletionsAsync(new CompletionsOptions());
                    Console.WriteLine([|completions.Value.Choices[0].Text|]);
                    Console.WriteLine(completions.Value.Usage.CompletionTokens);

                    var images = await client.GetImageGenerationsAsync(new Azure.AI.OpenAI.ImageGenerationOptions { Prompt = "a cat" });
                    Console.WriteLine([|images.Value.Data[0].RevisedPrompt|]);

                    var embeddings = await client.GetEmbeddingsAsync(new EmbeddingsOptions());
                    Console.WriteLine(embeddings.Value.Data[0].Embedding.Length);
                }
            }
            """, new FlowRun { References = References.Value });

    [Fact]
    public void The_legacy_package_is_understood_so_AIC009_stays_quiet()
    {
        var compilation = CSharpCompilation.Create("App", references: References.Value);
        var model = FlowModel.Create(compilation);
        Assert.True(model.HasSourceTypes);
        Assert.Empty(model.UnresolvedSdks);

        // The 2.x package alone is still understood through OpenAI's ChatClient.
        var modern = FlowModel.Create(CSharpCompilation.Create("App", references: FlowVerifier.All));
        Assert.Empty(modern.UnresolvedSdks);
    }
}
