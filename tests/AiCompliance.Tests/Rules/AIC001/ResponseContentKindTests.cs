using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// What of a response's contents is the model's text (Microsoft.Extensions.AI 10.11, the real assembly): text and
/// reasoning are; tool calls and their results, MCP and web-search tool output, call ids, usage and errors are not.
/// </summary>
public class ResponseContentKindTests
{
    [Fact]
    public Task Tool_results_call_ids_and_usage_are_not_model_text_and_reasoning_is() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("what's the weather?");
                foreach (var message in response.Messages)
                {
                    foreach (var content in message.Contents)
                    {
                        if (content is FunctionResultContent result) Console.WriteLine(result.Result);
                        if (content is FunctionCallContent call) Console.WriteLine(call.CallId + " " + call.Name);
                        if (content is McpServerToolResultContent mcp) Console.WriteLine(mcp.CallId);
                        if (content is UsageContent usage) Console.WriteLine(usage.Details.TotalTokenCount);
                        if (content is ErrorContent error) Console.WriteLine(error.Message);
                        if (content is TextReasoningContent reasoning) Console.WriteLine([|reasoning.Text|]);
                        if (content is TextContent text) Console.WriteLine([|text.Text|]);
                    }
                }

                foreach (var result in response.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>())
                {
                    Console.WriteLine(result.Result?.ToString());
                }

                Console.WriteLine([|response.Messages[0].Contents[0]|]);
            }
        }
        """);

    [Fact]
    public Task Structured_output_metadata_is_not_content_and_its_result_text_is() => FlowVerifier.VerifyAsync(Code.Header + """
        public record Forecast(string Summary, int Degrees, List<string> Warnings);
        class App
        {
            async Task Run(IChatClient client)
            {
                ChatResponse<Forecast> response = await client.GetResponseAsync<Forecast>("weather?");
                Console.WriteLine($"tokens: {response.Usage?.InputTokenCount} in, {response.Usage?.OutputTokenCount} out, {response.Usage?.TotalTokenCount} total");
                Console.WriteLine(response.Usage);
                Console.WriteLine(response.FinishReason);
                Console.WriteLine(response.FinishReason?.Value);
                Console.WriteLine(response.ModelId);
                Console.WriteLine(response.ResponseId);
                Console.WriteLine(response.CreatedAt);
                Console.WriteLine(response.Messages.Count);
                Console.WriteLine(response.Result.Degrees);
                Console.WriteLine(response.Result.Warnings.Count);

                Console.WriteLine([|response.Result.Summary|]);
                Console.WriteLine([|string.Join(", ", response.Result.Warnings)|]);
                Console.WriteLine([|response.Text|]);
                Console.WriteLine([|response.Messages[0].Text|]);
                Console.WriteLine(Svc.Label(response.Result.Summary));

                var names = await client.GetResponseAsync<string[]>("names?");
                Console.WriteLine(names.Usage?.TotalTokenCount);
                Console.WriteLine(names.FinishReason == ChatFinishReason.Length ? "truncated" : "complete");
                foreach (var name in names.Result)
                {
                    Console.WriteLine([|name|]);
                }
            }
        }
        """);

    [Fact]
    public Task Mcp_server_tool_output_is_not_model_text() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var options = new ChatOptions { Tools = [new HostedMcpServerTool("docs", "https://example.com/mcp")] };
                var response = await client.GetResponseAsync("search the docs", options);
                foreach (var content in response.Messages.SelectMany(m => m.Contents))
                {
                    switch (content)
                    {
                        case McpServerToolCallContent call:
                            Console.WriteLine($"{call.ServerName}.{call.Name}({JsonSerializer.Serialize(call.Arguments)})");
                            break;
                        case McpServerToolResultContent result:
                            if (result.Outputs is { } outputs)
                            {
                                foreach (var output in outputs)
                                {
                                    if (output is TextContent text) Console.WriteLine(text.Text);
                                    Console.WriteLine(output);
                                }

                                Console.WriteLine(string.Join("\n", outputs.OfType<TextContent>().Select(t => t.Text)));
                            }
                            break;
                        case TextContent answer:
                            Console.WriteLine([|answer.Text|]);
                            break;
                    }
                }

                foreach (var result in response.Messages.SelectMany(m => m.Contents).OfType<McpServerToolResultContent>())
                {
                    Console.WriteLine(result.Outputs?.FirstOrDefault());
                }

                await foreach (var update in client.GetStreamingResponseAsync("again", options))
                {
                    foreach (var content in update.Contents)
                    {
                        if (content is McpServerToolResultContent streamed && streamed.Outputs is { Count: > 0 } first) Console.WriteLine(first[0]);
                    }

                    Console.Write([|update.Text|]);
                }
            }
        }
        """);
}
