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
/// Azure.AI.Inference 1.0.0-beta.5 (the real assembly) and Semantic Kernel agents (Microsoft.SemanticKernel.Agents is not
/// served here: a compile-only stand-in with its public names over the real Semantic Kernel abstractions).
/// </summary>
public class MoreSdkSourceTests
{
    [Fact]
    public Task Azure_AI_Inference_completions_report_their_text_and_not_their_metadata() => FlowVerifier.VerifyAsync("using Azure.AI.Inference;\n" + Code.Header + """
        class App
        {
            async Task Run(ChatCompletionsClient client, ChatCompletionsOptions options)
            {
                var response = await client.CompleteAsync(options);
                Console.WriteLine([|response.Value.Content|]);
                Console.WriteLine(response.Value.Id);
                Console.WriteLine(response.Value.Usage.TotalTokens);
                Console.WriteLine(response.Value.Model);
                Console.WriteLine(Svc.Label(response.Value.Content));

                var streaming = await client.CompleteStreamingAsync(options);
                await foreach (var update in streaming)
                {
                    Console.Write([|update.ContentUpdate|]);
                    Console.Write(update.Id);
                }
            }
        }
        """);

    private const string AgentsStandIn = """
        using System.Collections.Generic;
        using System.Threading;
        using Microsoft.SemanticKernel;
        namespace Microsoft.SemanticKernel.Agents
        {
            public abstract class AgentThread { public string? Id => null; }
            public sealed class AgentInvokeOptions { }
            public class AgentResponseItem<TMessage> { public TMessage Message => default!; public AgentThread Thread => null!; }
            public abstract class Agent
            {
                public string? Name { get; init; }
                public abstract IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default);
                public abstract IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default);
            }
            public sealed class ChatCompletionAgent : Agent
            {
                public Kernel Kernel { get; init; } = null!;
                public string? Instructions { get; init; }
                public override IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => null!;
                public override IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => null!;
            }
        }
        namespace Microsoft.SemanticKernel.Agents.Orchestration
        {
            public readonly struct TopicId { }
            public sealed class OrchestrationResult<TValue> : System.IDisposable
            {
                public TopicId Topic => default;
                public System.Threading.Tasks.ValueTask<TValue> GetValueAsync(System.TimeSpan? timeout = null, CancellationToken cancellationToken = default) => default;
                public void Dispose() { }
            }
            public abstract class AgentOrchestration<TInput, TOutput>
            {
                public string Name => "";
                public System.Threading.Tasks.ValueTask<OrchestrationResult<TOutput>> InvokeAsync(TInput input, object runtime, CancellationToken cancellationToken = default) => default;
            }
            public class SequentialOrchestration : AgentOrchestration<string, string> { public SequentialOrchestration(params Microsoft.SemanticKernel.Agents.Agent[] members) { } }
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> AgentsReferences = new(() =>
        FlowVerifier.All.Add(EmittedAssembly.Emit("Microsoft.SemanticKernel.Agents.Core", AgentsStandIn, FlowVerifier.All.ToArray())));

    [Fact]
    public Task Semantic_Kernel_agents_and_orchestrations_report_their_answers_and_not_their_threads() => FlowVerifier.VerifyAsync("using Microsoft.SemanticKernel;\nusing Microsoft.SemanticKernel.Agents;\n" + Code.Header + """
        class App
        {
            async Task Run(ChatCompletionAgent agent, Agent any, List<ChatMessageContent> history)
            {
                await foreach (var item in agent.InvokeAsync(history))
                {
                    Console.WriteLine([|item.Message.Content|]);
                    Console.WriteLine(item.Thread.Id);
                    Console.WriteLine(Svc.Label(item.Message.Content ?? ""));
                }

                await foreach (var chunk in any.InvokeStreamingAsync(history))
                {
                    Console.Write([|chunk.Message.Content|]);
                }

                Console.WriteLine(agent.Name);

                var orchestration = new Microsoft.SemanticKernel.Agents.Orchestration.SequentialOrchestration(agent, any);
                var result = await orchestration.InvokeAsync("write a slogan", new object());
                Console.WriteLine([|await result.GetValueAsync()|]);
                Console.WriteLine(result.Topic);
                Console.WriteLine(orchestration.Name);
            }
        }
        """, new FlowRun { References = AgentsReferences.Value });

    [Fact]
    public void Both_packages_are_understood_so_AIC009_stays_quiet()
    {
        var model = FlowModel.Create(CSharpCompilation.Create("App", references: AgentsReferences.Value));
        Assert.Empty(model.UnresolvedSdks);
        Assert.Contains("CompleteStreamingAsync", model.SourceMemberNames);
        Assert.Contains("InvokeStreamingAsync", model.SourceMemberNames);
    }
}
