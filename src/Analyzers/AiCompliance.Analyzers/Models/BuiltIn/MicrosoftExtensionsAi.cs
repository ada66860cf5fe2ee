namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>Microsoft.Extensions.AI: IChatClient and its responses.</summary>
        private static void MicrosoftExtensionsAi(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Meai = "Microsoft.Extensions.AI.";
            Source(m, Meai + "IChatClient", "GetResponseAsync", "IChatClient.GetResponseAsync");
            Source(m, Meai + "IChatClient", "GetStreamingResponseAsync", "IChatClient.GetStreamingResponseAsync");
            Source(m, Meai + "ChatClientExtensions", "GetResponseAsync", "IChatClient.GetResponseAsync");
            Source(m, Meai + "ChatClientExtensions", "GetStreamingResponseAsync", "IChatClient.GetStreamingResponseAsync");
            Source(m, Meai + "ChatClientStructuredOutputExtensions", "GetResponseAsync", "IChatClient.GetResponseAsync<T>");
            Content(m, Meai + "ChatResponse", "Text", "Messages", "ToString", "ToChatResponseUpdates");
            Content(m, Meai + "ChatResponse`1", "Result", "TryGetResult", "Text", "Messages", "ToString", "ToChatResponseUpdates");
            Content(m, Meai + "ChatMessage", "Text", "Contents", "ToString");
            Content(m, Meai + "ChatResponseUpdate", "Text", "Contents", "ToString");
            Content(m, Meai + "TextContent", "Text", "ToString");
            Content(m, Meai + "TextReasoningContent", "Text", "ToString");
            Neutral(m, Meai + "ChatRole");
            Neutral(m, Meai + "ChatFinishReason");
            Neutral(m, Meai + "UsageDetails");
            Neutral(m, Meai + "ChatOptions");

            // Contents of a response that are not the model's text: tool calls and their results (a tool's output, an MCP
            // server's, a web search's), call ids, usage, errors, hosted ids, approvals. Reasoning text is model text (above).
            foreach (var notText in new[]
            {
                "FunctionCallContent", "FunctionResultContent", "ToolCallContent", "ToolResultContent", "McpServerToolCallContent",
                "McpServerToolResultContent", "WebSearchToolCallContent", "WebSearchToolResultContent", "UsageContent", "ErrorContent",
                "HostedFileContent", "HostedVectorStoreContent", "ToolApprovalRequestContent", "ToolApprovalResponseContent",
                "InputRequestContent", "InputResponseContent",
            })
            {
                Neutral(m, Meai + notText);
            }
            Stores(m, Meai + "ChatResponseExtensions", "AddMessages");
        }
    }
}
