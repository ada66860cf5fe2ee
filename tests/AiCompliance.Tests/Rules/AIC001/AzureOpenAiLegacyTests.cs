using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Azure.AI.OpenAI 1.0.0 betas (OpenAIClient.GetChatCompletions…, <c>response.Value.Choices[0].Message.Content</c>).
/// The test project references 2.1, so the served beta (1.0.0-beta.6) is a restore-time download whose DLL replaces
/// 2.1's in these compilations (<see cref="DownloadedSdks"/>), as in an app that references the beta. The later betas
/// (beta.9 on: ChatResponseMessage, StreamingChatCompletionsUpdate, ImageGenerationData.RevisedPrompt) are not served:
/// only their names are tested, on a compile-only stand-in (<see cref="LaterBetas"/>).
/// </summary>
public class AzureOpenAiLegacyTests
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Beta6 = new(() => DownloadedSdks.Over(FlowVerifier.All, "Azure.AI.OpenAI.Beta", "Microsoft.Bcl.AsyncInterfaces"));

    /// <summary>Usings and the registered service, without Microsoft.Extensions.AI (its ChatMessage and ChatRole would clash).</summary>
    private const string Header = """
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using AiCompliance;
        using Azure;
        using Azure.AI.OpenAI;

        [RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", Provider = "Co")]
        public static partial class Svc { }

        """;

    [Fact]
    public Task Beta6_chat_completions_report_their_text_and_not_their_metadata_nor_the_request() =>
        FlowVerifier.VerifyAsync(Header + """
            class Chat
            {
                private readonly OpenAIClient _client = new(new Uri("https://example.openai.azure.com/"), new AzureKeyCredential("key"));

                async Task Ask(string question)
                {
                    var options = new ChatCompletionsOptions
                    {
                        Messages = { new ChatMessage(ChatRole.System, "You are a helpful assistant."), new ChatMessage(ChatRole.User, question) },
                        MaxTokens = 400,
                    };
                    Response<ChatCompletions> response = await _client.GetChatCompletionsAsync("gpt-35-turbo", options);
                    Console.WriteLine([|response.Value.Choices[0].Message.Content|]);
                    ChatMessage answer = response.Value.Choices.First().Message;
                    Console.WriteLine([|answer.Content|]);
                    Console.WriteLine(Svc.Label(response.Value.Choices[0].Message.Content));

                    Console.WriteLine(response.Value.Id);
                    Console.WriteLine(response.Value.Created);
                    Console.WriteLine(response.Value.Usage.TotalTokens);
                    Console.WriteLine(response.Value.Choices[0].FinishReason);
                    Console.WriteLine(response.Value.Choices[0].Index);
                    Console.WriteLine(response.Value.Choices[0].Message.Role);
                    Console.WriteLine(response.Value.Choices[0].ContentFilterResults.Hate.Severity);
                    Console.WriteLine(response.GetRawResponse().Status);

                    // What the user asked is not the model's text.
                    Console.WriteLine(options.Messages[1].Content);

                    ChatCompletions sync = _client.GetChatCompletions("gpt-35-turbo", options);
                    foreach (var choice in sync.Choices)
                    {
                        Console.WriteLine([|choice.Message.Content|]);
                    }
                }
            }
            """, new FlowRun { References = Beta6.Value });

    [Fact]
    public Task Beta6_streams_and_completions_report_their_text() =>
        FlowVerifier.VerifyAsync(Header + """
            class Stream
            {
                async Task Run(OpenAIClient client, ChatCompletionsOptions options)
                {
                    using StreamingChatCompletions streaming = (await client.GetChatCompletionsStreamingAsync("gpt-35-turbo", options)).Value;
                    await foreach (StreamingChatChoice choice in streaming.GetChoicesStreaming())
                    {
                        await foreach (ChatMessage message in choice.GetMessageStreaming())
                        {
                            Console.Write([|message.Content|]);
                            Console.Write(message.Role);
                        }

                        Console.WriteLine(choice.FinishReason);
                    }

                    Console.WriteLine(streaming.Id);

                    var sync = client.GetChatCompletionsStreaming("gpt-35-turbo", options);
                    await foreach (var choice in sync.Value.GetChoicesStreaming())
                    {
                        await foreach (var message in choice.GetMessageStreaming())
                        {
                            Console.Write(Svc.Label(message.Content));
                        }
                    }

                    Response<Completions> completions = await client.GetCompletionsAsync("text-davinci-003", "Write a haiku");
                    Console.WriteLine([|completions.Value.Choices[0].Text|]);
                    Console.WriteLine(completions.Value.Usage.CompletionTokens);
                    Console.WriteLine(completions.Value.Choices[0].FinishReason);
                    Console.WriteLine([|client.GetCompletions("text-davinci-003", new CompletionsOptions { Prompts = { "Write a haiku" } }).Value.Choices[0].Text|]);

                    using StreamingCompletions textStream = (await client.GetCompletionsStreamingAsync("text-davinci-003", new CompletionsOptions { Prompts = { "Tell a story" } })).Value;
                    await foreach (StreamingChoice choice in textStream.GetChoicesStreaming())
                    {
                        await foreach (string text in choice.GetTextStreaming())
                        {
                            Console.Write([|text|]);
                        }
                    }

                    var embeddings = await client.GetEmbeddingsAsync("text-embedding-ada-002", new EmbeddingsOptions("hello"));
                    Console.WriteLine(embeddings.Value.Data[0].Embedding.Count);
                    Console.WriteLine(embeddings.Value.Usage.TotalTokens);
                }
            }
            """, new FlowRun { References = Beta6.Value });

    [Fact]
    public Task Beta6_image_generations_are_not_text() =>
        // beta.6's ImageGenerations.Data holds ImageLocation (only a Url); an image is not modeled content in any SDK.
        FlowVerifier.VerifyAsync(Header + """
            class Images
            {
                async Task Run(OpenAIClient client)
                {
                    Response<ImageGenerations> images = await client.GetImageGenerationsAsync(new ImageGenerationOptions { Prompt = "a cat", Size = ImageSize.Size256x256 });
                    Console.WriteLine(images.Value.Created);
                    Console.WriteLine(images.Value.Data[0].Url);
                }
            }
            """, new FlowRun { References = Beta6.Value });

    [Fact]
    public void The_served_beta_is_understood_so_AIC009_stays_quiet()
    {
        // An app on the beta references Azure.AI.OpenAI (and Azure.Core), not OpenAI 2.x: its own rows must resolve.
        var beta = DownloadedSdks.Reference("Azure.AI.OpenAI.Beta");
        var azureCore = FlowVerifier.All.Single(r => r.Display is { } d && d.EndsWith("Azure.Core.dll", StringComparison.OrdinalIgnoreCase));
        var model = FlowModel.Create(CSharpCompilation.Create("App", references: TestReferences.Net100.Add(azureCore).Add(beta)));
        Assert.Empty(model.UnresolvedSdks);
        Assert.Contains("GetChatCompletionsAsync", model.SourceMemberNames);
        Assert.Contains("GetCompletionsStreaming", model.SourceMemberNames);

        // The check can fail: an Azure.AI.OpenAI without any modeled type is reported.
        var empty = EmittedAssembly.Emit("Azure.AI.OpenAI", "namespace Azure.AI.OpenAI { public class Other { } }");
        var unknown = FlowModel.Create(CSharpCompilation.Create("App", references: TestReferences.Net100.Add(empty)));
        Assert.Contains(unknown.UnresolvedSdks, s => s.StartsWith("Azure.AI.OpenAI is referenced", StringComparison.Ordinal));

        // The 2.x package alone is still understood through OpenAI's ChatClient.
        var modern = FlowModel.Create(CSharpCompilation.Create("App", references: FlowVerifier.All));
        Assert.Empty(modern.UnresolvedSdks);
    }

    /// <summary>
    /// NOT SERVED: Azure.AI.OpenAI 1.0.0-beta.9 to beta.17. A compile-only stand-in with the public names of those betas
    /// that beta.6 does not have (ChatResponseMessage, StreamingResponse of StreamingChatCompletionsUpdate,
    /// ImageGenerationData.RevisedPrompt), and the members of beta.6 types that lead to them there (the deployment in
    /// the options, ChatChoice.Message typed ChatResponseMessage). Replace it with a download when a later beta is served.
    /// </summary>
    public static class LaterBetas
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
                public sealed class ImageGenerationOptions { public string DeploymentName { get; set; } = ""; public string Prompt { get; set; } = ""; }
                public class OpenAIClient
                {
                    public OpenAIClient(Uri endpoint, Azure.AzureKeyCredential key) { }
                    public virtual Task<Azure.Response<ChatCompletions>> GetChatCompletionsAsync(ChatCompletionsOptions options, CancellationToken cancellationToken = default) => throw null!;
                    public virtual Task<StreamingResponse<StreamingChatCompletionsUpdate>> GetChatCompletionsStreamingAsync(ChatCompletionsOptions options, CancellationToken cancellationToken = default) => throw null!;
                    public virtual Task<Azure.Response<ImageGenerations>> GetImageGenerationsAsync(ImageGenerationOptions options, CancellationToken cancellationToken = default) => throw null!;
                }
                public sealed class ChatCompletions { public string Id => ""; public IReadOnlyList<ChatChoice> Choices => throw null!; }
                public sealed class ChatChoice { public ChatResponseMessage Message => throw null!; }
                public sealed class ChatResponseMessage { public ChatRole Role => default; public string Content => ""; }
                public readonly struct ChatRole { public override string ToString() => "assistant"; }
                public sealed class StreamingChatCompletionsUpdate { public string Id => ""; public string ContentUpdate => ""; public ChatRole? Role => null; }
                public sealed class StreamingResponse<T> : IDisposable, IAsyncEnumerable<T>
                {
                    public void Dispose() { }
                    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => throw null!;
                }
                public sealed class ImageGenerations { public IReadOnlyList<ImageGenerationData> Data => throw null!; }
                public sealed class ImageGenerationData { public Uri Url => null!; public string RevisedPrompt => ""; }
            }
            """;

        public static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        {
            var azureCore = FlowVerifier.All.Single(r => r.Display is { } d && d.EndsWith("Azure.Core.dll", StringComparison.OrdinalIgnoreCase));
            return FlowVerifier.All.Where(r => !(r.Display ?? "").EndsWith("Azure.AI.OpenAI.dll", StringComparison.OrdinalIgnoreCase))
                .ToImmutableArray()
                .Add(EmittedAssembly.Emit("Azure.AI.OpenAI", StandIn, azureCore));
        });
    }

    [Fact]
    public Task Later_betas_names_not_served_response_messages_updates_and_revised_prompts_report() =>
        FlowVerifier.VerifyAsync(Header + """
            class App
            {
                async Task Run(OpenAIClient client)
                {
                    var options = new ChatCompletionsOptions { DeploymentName = "gpt-4", Messages = { new ChatRequestUserMessage("hi") } };
                    var response = await client.GetChatCompletionsAsync(options);
                    Console.WriteLine([|response.Value.Choices[0].Message.Content|]);
                    Console.WriteLine(response.Value.Choices[0].Message.Role);

                    await foreach (var update in await client.GetChatCompletionsStreamingAsync(options))
                    {
                        Console.Write([|update.ContentUpdate|]);
                        Console.Write(update.Id);
                    }

                    var images = await client.GetImageGenerationsAsync(new ImageGenerationOptions { DeploymentName = "dall-e-3", Prompt = "a cat" });
                    Console.WriteLine([|images.Value.Data[0].RevisedPrompt|]);
                    Console.WriteLine(images.Value.Data[0].Url);
                }
            }
            """, new FlowRun { References = LaterBetas.References.Value });
}
