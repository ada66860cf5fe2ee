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
}
