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
/// SDKs found unmodeled in public samples (microsoft/Generative-AI-for-beginners-dotnet): Betalgo's OpenAI SDK (real) with Foundry
/// Local's native client over it (a stand-in), LLM Tornado (a stand-in), OpenAI Realtime on the real
/// OpenAI 2.15 assembly and, keyed on public names, its 2.2–2.8 beta shape; Azure AI Foundry agents
/// (Azure.AI.Agents.Persistent is not served here: a compile-only stand-in with the names of its API listing over the real
/// Azure.Core and System.ClientModel).
/// </summary>
public class RealtimeAndFoundryAgentsTests
{
    [Fact]
    public Task Realtime_updates_report_the_model_text_and_transcript_not_the_user_speech() => FlowVerifier.VerifyAsync("#pragma warning disable OPENAI002\nusing OpenAI.Realtime;\n" + Code.Header + """
        class App
        {
            async Task Run(RealtimeSessionClient session)
            {
                await foreach (var update in session.ReceiveUpdatesAsync())
                {
                    if (update is RealtimeServerUpdateResponseOutputTextDelta text)
                    {
                        Console.Write([|text.Delta|]);
                        Console.Write(text.ItemId);
                    }

                    if (update is RealtimeServerUpdateResponseOutputAudioTranscriptDelta spoken) Console.Write([|spoken.Delta|]);
                    if (update is RealtimeServerUpdateResponseOutputAudioTranscriptDone said) Console.WriteLine(Svc.Label(said.Transcript));
                    if (update is RealtimeServerUpdateResponseOutputTextDone done) Console.WriteLine([|done.Text|]);
                    if (update is RealtimeServerUpdateConversationItemInputAudioTranscriptionCompleted user) Console.WriteLine(user.Transcript);
                    if (update is RealtimeServerUpdateResponseDone finished)
                    {
                        Console.WriteLine(finished.Response.Status);
                        foreach (var call in finished.Response.OutputItems.OfType<RealtimeFunctionCallItem>()) Console.WriteLine(call.FunctionName);
                    }

                    if (update is RealtimeServerUpdateConversationItemDone itemDone && itemDone.Item is RealtimeMessageItem message)
                    {
                        foreach (var part in message.Content)
                        {
                            switch (part)
                            {
                                case RealtimeInputTextMessageContentPart typed: Console.WriteLine(message.Role + ": " + typed.Text); break;
                                case RealtimeOutputTextMessageContentPart written: Console.WriteLine([|written.Text|]); break;
                            }
                        }
                    }

                    Console.WriteLine(update.Kind);
                }
            }
        }
        """);

    private const string RealtimeBetaStandIn = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        namespace OpenAI.Realtime
        {
            public enum RealtimeUpdateKind { Unknown, ItemStreamingPartDelta }
            public class RealtimeUpdate { public string EventId => ""; public RealtimeUpdateKind Kind => default; }
            public class OutputDeltaUpdate : RealtimeUpdate { public string Text => ""; public string AudioTranscript => ""; public byte[] AudioBytes => null!; public string FunctionArguments => ""; public string ItemId => ""; }
            public class OutputTextFinishedUpdate : RealtimeUpdate { public string Text => ""; }
            public class InputAudioTranscriptionFinishedUpdate : RealtimeUpdate { public string Transcript => ""; }
            public class RealtimeSession : IDisposable
            {
                public virtual IAsyncEnumerable<RealtimeUpdate> ReceiveUpdatesAsync(CancellationToken cancellationToken = default) => null!;
                public virtual IEnumerable<RealtimeUpdate> ReceiveUpdates(CancellationToken cancellationToken = default) => null!;
                public void Dispose() { }
            }
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> RealtimeBetaReferences = new(() =>
        // The 2.15 assembly out, the beta shape in: an app references one OpenAI.
        FlowVerifier.All.Where(r => !(r.Display ?? "").EndsWith("OpenAI.dll", StringComparison.OrdinalIgnoreCase))
            .ToImmutableArray()
            .Add(EmittedAssembly.Emit("OpenAI", RealtimeBetaStandIn)));

    [Fact]
    public Task Realtime_beta_updates_as_Azure_OpenAI_betas_bring_them() => FlowVerifier.VerifyAsync("using OpenAI.Realtime;\n" + Code.Header + """
        class App
        {
            async Task Run(RealtimeSession session)
            {
                await foreach (RealtimeUpdate update in session.ReceiveUpdatesAsync())
                {
                    if (update is InputAudioTranscriptionFinishedUpdate heard) Console.WriteLine($" >>> USER: {heard.Transcript}");
                    if (update is OutputDeltaUpdate delta)
                    {
                        Console.Write([|delta.AudioTranscript|]);
                        Console.Write([|delta.Text|]);
                        Console.Write(delta.FunctionArguments);
                    }
                }

                foreach (var update in session.ReceiveUpdates())
                {
                    if (update is OutputTextFinishedUpdate finished) Console.WriteLine([|finished.Text|]);
                }
            }
        }
        """, new FlowRun { References = RealtimeBetaReferences.Value });

    private const string AgentsStandIn = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        namespace Azure.AI.Agents.Persistent
        {
            public enum ListSortOrder { Ascending, Descending }
            public readonly struct MessageRole
            {
                public static MessageRole User => default;
                public static MessageRole Agent => default;
                public override string ToString() => "";
            }
            public abstract class MessageContent { }
            public class MessageTextContent : MessageContent { public string Text => ""; }
            public class MessageImageFileContent : MessageContent { public string FileId => ""; }
            public class PersistentThreadMessage
            {
                public string Id => "";
                public MessageRole Role => default;
                public DateTimeOffset CreatedAt => default;
                public IReadOnlyList<MessageContent> ContentItems => null!;
            }
            public abstract class StreamingUpdate { }
            public class MessageContentUpdate : StreamingUpdate { public string Text => ""; public string MessageId => ""; }
            public class RequiredActionUpdate : StreamingUpdate { public string FunctionArguments => ""; public string FunctionName => ""; }
            public class ThreadMessages
            {
                public virtual Azure.AsyncPageable<PersistentThreadMessage> GetMessagesAsync(string threadId, string runId = null!, int? limit = null, ListSortOrder? order = null, string after = null!, string before = null!, CancellationToken cancellationToken = default) => null!;
                public virtual Azure.Pageable<PersistentThreadMessage> GetMessages(string threadId, string runId = null!, int? limit = null, ListSortOrder? order = null, string after = null!, string before = null!, CancellationToken cancellationToken = default) => null!;
            }
            public class ThreadRuns
            {
                public virtual System.ClientModel.AsyncCollectionResult<StreamingUpdate> CreateRunStreamingAsync(string threadId, string agentId, string overrideModelName = null!, CancellationToken cancellationToken = default) => null!;
            }
            public class PersistentAgentsClient
            {
                public ThreadMessages Messages => null!;
                public ThreadRuns Runs => null!;
            }
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> AgentsReferences = new(() =>
    {
        var azureCore = FlowVerifier.All.Single(r => r.Display is { } d && d.EndsWith("Azure.Core.dll", StringComparison.OrdinalIgnoreCase));
        var clientModel = FlowVerifier.All.Single(r => r.Display is { } d && d.EndsWith("System.ClientModel.dll", StringComparison.OrdinalIgnoreCase));
        return FlowVerifier.All.Add(EmittedAssembly.Emit("Azure.AI.Agents.Persistent", AgentsStandIn, azureCore, clientModel));
    });

    // The shape of the beginners' AgentLabs samples: the thread listed after the run, every message printed with its
    // role (the user's question is in the thread too; the list counts as the agent's answer as a whole), and a stream.
    [Fact]
    public Task Foundry_agent_threads_and_streams_report_their_text_not_their_metadata() => FlowVerifier.VerifyAsync("using Azure.AI.Agents.Persistent;\n" + Code.Header + """
        class App
        {
            async Task Run(PersistentAgentsClient client, string threadId, string agentId)
            {
                await foreach (PersistentThreadMessage threadMessage in client.Messages.GetMessagesAsync(threadId, order: ListSortOrder.Ascending))
                {
                    Console.Write($"{threadMessage.CreatedAt:yyyy-MM-dd HH:mm:ss} - {threadMessage.Role,10}: ");
                    foreach (MessageContent contentItem in threadMessage.ContentItems)
                    {
                        if (contentItem is MessageTextContent textItem) Console.Write([|textItem.Text|]);
                        else if (contentItem is MessageImageFileContent imageFileItem) Console.Write($"<image from ID: {imageFileItem.FileId}>");
                    }
                }

                foreach (var message in client.Messages.GetMessages(threadId))
                {
                    Console.WriteLine(Svc.Label(string.Concat(message.ContentItems.OfType<MessageTextContent>().Select(t => t.Text))));
                }

                await foreach (StreamingUpdate update in client.Runs.CreateRunStreamingAsync(threadId, agentId))
                {
                    if (update is MessageContentUpdate content) Console.Write([|content.Text|]);
                    else if (update is RequiredActionUpdate action) Console.WriteLine(action.FunctionName + action.FunctionArguments);
                }
            }
        }
        """, new FlowRun { References = AgentsReferences.Value });

    private const string TornadoStandIn = """
        using System.Threading.Tasks;
        namespace LlmTornado.Chat
        {
            public sealed class ChatRichResponse { public string? Text => null; }
            public sealed class Conversation
            {
                public Conversation AppendSystemMessage(string text) => this;
                public Conversation AppendUserInput(string text) => this;
                public Task<string?> GetResponse() => null!;
                public Task<ChatRichResponse> GetResponseRich() => null!;
            }
        }
        namespace LlmTornado
        {
            public sealed class ChatEndpoint { public LlmTornado.Chat.Conversation CreateConversation(object model) => null!; }
            public sealed class TornadoApi { public TornadoApi(string key) { } public ChatEndpoint Chat => null!; }
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> TornadoReferences = new(() =>
        FlowVerifier.All.Add(EmittedAssembly.Emit("LlmTornado", TornadoStandIn)));

    // The beginners' LLM Tornado samples: the conversation's answer printed as it comes back.
    [Fact]
    public Task LlmTornado_conversations_report_their_answers() => FlowVerifier.VerifyAsync("using LlmTornado;\nusing LlmTornado.Chat;\n" + Code.Header + """
        class App
        {
            async Task Run(TornadoApi api, string prompt)
            {
                var chat = api.Chat.CreateConversation("gpt").AppendSystemMessage("You are helpful.");
                chat.AppendUserInput(prompt);
                string? response = await chat.GetResponse();
                Console.WriteLine([|response|]);
                Console.WriteLine(Svc.Label(response ?? ""));
                var rich = await chat.GetResponseRich();
                Console.WriteLine([|rich.Text|]);
                Console.WriteLine(prompt);
            }
        }
        """, new FlowRun { References = TornadoReferences.Value });

    private static readonly Lazy<ImmutableArray<MetadataReference>> BetalgoReferences = new(() =>
    {
        var betalgo = MetadataReference.CreateFromFile(typeof(Betalgo.Ranul.OpenAI.Managers.OpenAIService).Assembly.Location);
        var contracts = MetadataReference.CreateFromFile(typeof(Betalgo.Ranul.OpenAI.Contracts.Enums.ChatCompletionRole).Assembly.Location);
        var withBetalgo = FlowVerifier.All.Add(betalgo).Add(contracts);
        return withBetalgo.Add(EmittedAssembly.Emit("Microsoft.AI.Foundry.Local", FoundryLocalStandIn, withBetalgo.ToArray()));
    });

    private const string FoundryLocalStandIn = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;
        using Betalgo.Ranul.OpenAI.ObjectModels.ResponseModels;
        namespace Microsoft.AI.Foundry.Local
        {
            public sealed class OpenAIChatClient
            {
                public Task<ChatCompletionCreateResponse> CompleteChatAsync(IEnumerable<ChatMessage> messages, CancellationToken ct = default) => null!;
                public IAsyncEnumerable<ChatCompletionCreateResponse> CompleteChatStreamingAsync(IEnumerable<ChatMessage> messages, CancellationToken ct = default) => null!;
            }
            public sealed class Model { public Task<OpenAIChatClient> GetChatClientAsync(CancellationToken ct = default) => null!; }
        }
        """;

    // Betalgo's SDK on its real assembly, and Foundry Local's native client (the beginners' samples 04 and 06) over it.
    [Fact]
    public Task Betalgo_completions_and_Foundry_Local_native_chat_report_their_text_not_their_metadata() => FlowVerifier.VerifyAsync("using Betalgo.Ranul.OpenAI.Interfaces;\nusing Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;\nusing Microsoft.AI.Foundry.Local;\nusing ChatMessage = Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatMessage;\n" + Code.Header + """
        class App
        {
            async Task Run(IOpenAIService openAi, Model model, string question)
            {
                var request = new ChatCompletionCreateRequest { Messages = new List<ChatMessage> { ChatMessage.FromUser(question) }, Model = "gpt-4o-mini" };
                var completion = await openAi.ChatCompletion.CreateCompletion(request);
                Console.WriteLine([|completion.Choices[0].Message.Content|]);
                Console.WriteLine(completion.Usage.TotalTokens);
                Console.WriteLine(completion.Id);
                Console.WriteLine(completion.Error?.Message);
                Console.WriteLine(request.Messages[0].Content);

                await foreach (var chunk in openAi.ChatCompletion.CreateCompletionAsStream(request))
                {
                    Console.Write([|chunk.Choices[0].Delta?.Content|]);
                }

                var chatClient = await model.GetChatClientAsync();
                var messages = new List<ChatMessage> { new() { Role = "user", Content = question } };
                await foreach (var part in chatClient.CompleteChatStreamingAsync(messages, CancellationToken.None))
                {
                    var content = part.Choices[0].Message?.Content;
                    if (!string.IsNullOrEmpty(content)) Console.Write([|content|]);
                    Console.Write(part.Choices[0].FinishReason);
                }

                var whole = await chatClient.CompleteChatAsync(messages);
                Console.WriteLine(Svc.Label(whole.Choices[0].Message.Content ?? ""));
            }
        }
        """, new FlowRun { References = BetalgoReferences.Value });

    [Fact]
    public void The_stand_in_agents_package_is_understood_so_AIC009_stays_quiet()
    {
        var model = FlowModel.Create(CSharpCompilation.Create("App", references: AgentsReferences.Value));
        Assert.Empty(model.UnresolvedSdks);
        Assert.Contains("GetMessagesAsync", model.SourceMemberNames);
        Assert.Contains("CreateRunStreamingAsync", model.SourceMemberNames);
    }
}
