using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

public class SdkSourceTests
{
    [Fact]
    public Task OpenAI_chat_completions() => FlowVerifier.VerifyAsync("using OpenAI.Chat;\n" + Code.Header + """
        class App
        {
            async Task Run(ChatClient chat)
            {
                ChatCompletion completion = await chat.CompleteChatAsync(new UserChatMessage("hi"));
                Console.WriteLine([|completion.Content[0].Text|]);
                Console.WriteLine(completion.Usage.TotalTokenCount);
                Console.WriteLine(completion.Id);
                Console.WriteLine(completion.FinishReason);

                var result = chat.CompleteChat(new UserChatMessage("hi"));
                Console.WriteLine([|result.Value.Content[0].Text|]);
                Console.WriteLine(Svc.Label(result.Value.Content[0].Text));

                foreach (var update in chat.CompleteChatStreaming(new UserChatMessage("hi")))
                {
                    foreach (var part in update.ContentUpdate) { Console.Write([|part.Text|]); }
                }

                await foreach (var update in chat.CompleteChatStreamingAsync(new UserChatMessage("hi")))
                {
                    if (update.ContentUpdate.Count > 0) { Console.Write([|update.ContentUpdate[0].Text|]); }
                    Console.Write(update.CompletionId);
                }
            }
        }
        """);

    [Fact]
    public Task Azure_OpenAI_chat_client() => FlowVerifier.VerifyAsync("using Azure.AI.OpenAI;\nusing OpenAI.Chat;\n" + Code.Header + """
        class App
        {
            async Task Run(AzureOpenAIClient azure)
            {
                var chat = azure.GetChatClient("deployment");
                var completion = (await chat.CompleteChatAsync(new UserChatMessage("hi"))).Value;
                Console.WriteLine([|completion.Content[0].Text|]);
            }
        }
        """);

    [Fact]
    public Task OpenAI_responses_api() => FlowVerifier.VerifyAsync("#pragma warning disable OPENAI001\n" + "using OpenAI.Responses;\n" + Code.Header + """
        class App
        {
            async Task Run(ResponsesClient responses, CreateResponseOptions options)
            {
                ResponseResult result = await responses.CreateResponseAsync(options);
                Console.WriteLine([|result.GetOutputText()|]);
                Console.WriteLine(result.Id);
            }
        }
        """);

    [Fact]
    public Task Semantic_kernel() => FlowVerifier.VerifyAsync("using Microsoft.SemanticKernel;\nusing Microsoft.SemanticKernel.ChatCompletion;\n" + Code.Header + """
        class App
        {
            async Task Run(Kernel kernel, IChatCompletionService chat, KernelFunction function, string user)
            {
                var result = await kernel.InvokePromptAsync("Tell me a joke");
                Console.WriteLine([|result.GetValue<string>()|]);
                Console.WriteLine([|result.ToString()|]);
                Console.WriteLine(result.RenderedPrompt);

                var history = new ChatHistory();
                history.AddUserMessage(user);
                var reply = await chat.GetChatMessageContentAsync(history);
                Console.WriteLine([|reply.Content|]);
                Console.WriteLine(reply.Role);
                Console.WriteLine(history[0].Content);
                history.AddAssistantMessage(reply.Content ?? "");
                Console.WriteLine([|history[1].Content|]);

                await foreach (var chunk in chat.GetStreamingChatMessageContentsAsync(history))
                {
                    Console.Write([|chunk.Content|]);
                }

                var invoked = await kernel.InvokeAsync(function);
                Console.WriteLine([|invoked|]);
                Console.WriteLine(Svc.Label(invoked.ToString()));
            }
        }
        """);

    [Fact]
    public Task Anthropic_messages() => FlowVerifier.VerifyAsync("using Anthropic;\nusing Anthropic.Models.Messages;\n" + Code.Header + """
        class App
        {
            async Task Run(AnthropicClient client, MessageCreateParams parameters)
            {
                var message = await client.Messages.Create(parameters);
                foreach (var block in message.Content)
                {
                    if (block.TryPickText(out var text)) { Console.WriteLine([|text.Text|]); }
                }

                Console.WriteLine(message.ID);
                Console.WriteLine(message.Usage.OutputTokens);

                await foreach (var evt in client.Messages.CreateStreaming(parameters))
                {
                    if (evt.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var textDelta))
                    {
                        Console.Write([|textDelta.Text|]);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Anthropic_structured_output_reports_the_parsed_content_and_not_its_metadata() => FlowVerifier.VerifyAsync("using Anthropic;\nusing Anthropic.Models.Messages;\nusing Anthropic.Services;\n" + Code.Header + """
        public class Forecast { public string Summary { get; set; } = ""; public int Degrees { get; set; } }
        class App
        {
            async Task Run(AnthropicClient client, MessageCreateParams parameters)
            {
                var structured = await client.Messages.Create<Forecast>(parameters);
                Console.WriteLine(structured.ID);
                Console.WriteLine(structured.Usage.OutputTokens);
                Console.WriteLine(structured.StopReason);
                Console.WriteLine(structured.Model);
                foreach (var block in structured.Content)
                {
                    Console.WriteLine([|block.Parsed()|]);
                }
            }
        }
        """);

    [Fact]
    public Task OllamaSharp() => FlowVerifier.VerifyAsync("using OllamaSharp;\nusing OllamaSharp.Models;\nusing OllamaSharp.Models.Chat;\n" + Code.Header + """
        class App
        {
            async Task Run(OllamaApiClient ollama, IOllamaApiClient api, ChatRequest request, GenerateRequest generate)
            {
                await foreach (var chunk in ollama.ChatAsync(request))
                {
                    Console.Write([|chunk?.Message.Content|]);
                }

                await foreach (var g in api.GenerateAsync(generate))
                {
                    Console.Write([|g?.Response|]);
                }

                var chat = new Chat(ollama);
                await foreach (var token in chat.SendAsync("hi"))
                {
                    Console.Write([|token|]);
                }

                IChatClient asClient = ollama;
                var r = await asClient.GetResponseAsync("hi");
                Console.WriteLine([|r.Text|]);
            }
        }
        """);
}
