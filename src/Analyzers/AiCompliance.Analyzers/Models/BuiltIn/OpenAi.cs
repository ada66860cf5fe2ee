namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>OpenAI and Azure OpenAI 2.x (Azure's GetChatClient returns OpenAI.Chat.ChatClient), chat completions, the Responses API and Assistants.</summary>
        private static void OpenAi(System.Collections.Generic.List<ModelEntry> m)
        {
            Source(m, "OpenAI.Chat.ChatClient", "CompleteChat", "ChatClient.CompleteChat");
            Source(m, "OpenAI.Chat.ChatClient", "CompleteChatAsync", "ChatClient.CompleteChatAsync");
            Source(m, "OpenAI.Chat.ChatClient", "CompleteChatStreaming", "ChatClient.CompleteChatStreaming");
            Source(m, "OpenAI.Chat.ChatClient", "CompleteChatStreamingAsync", "ChatClient.CompleteChatStreamingAsync");
            Content(m, "OpenAI.Chat.ChatCompletion", "Content", "Refusal", "ToString");
            Content(m, "OpenAI.Chat.ChatMessageContentPart", "Text", "Refusal", "ToString");
            Content(m, "OpenAI.Chat.StreamingChatCompletionUpdate", "ContentUpdate", "RefusalUpdate");
            Neutral(m, "OpenAI.Chat.ChatTokenUsage");
            Neutral(m, "OpenAI.Chat.ChatFinishReason");
            Neutral(m, "OpenAI.Chat.ChatMessageRole");

            // A history holds the user's messages next to the model's: narrowed to a message the app or the user wrote
            // (case UserChatMessage u:, OfType<SystemChatMessage>()) or a tool's result, it is not the model's text.
            Neutral(m, "OpenAI.Chat.UserChatMessage");
            Neutral(m, "OpenAI.Chat.SystemChatMessage");
            Neutral(m, "OpenAI.Chat.DeveloperChatMessage");
            Neutral(m, "OpenAI.Chat.ToolChatMessage");
            // Responses API (2.15: ResponsesClient / ResponseResult; streaming only as CreateResponseStreamingAsync).
            Source(m, "OpenAI.Responses.ResponsesClient", "CreateResponse", "ResponsesClient.CreateResponse");
            Source(m, "OpenAI.Responses.ResponsesClient", "CreateResponseAsync", "ResponsesClient.CreateResponseAsync");
            Source(m, "OpenAI.Responses.ResponsesClient", "CreateResponseStreamingAsync", "ResponsesClient.CreateResponseStreamingAsync");
            Content(m, "OpenAI.Responses.ResponseResult", "GetOutputText", "OutputItems", "ToString");
            Neutral(m, "OpenAI.Responses.ResponseTokenUsage");

            // Assistants (threads and runs): a run's answer is read back from the thread's messages, or streamed.
            Source(m, "OpenAI.Assistants.AssistantClient", "GetMessages", "AssistantClient.GetMessages");
            Source(m, "OpenAI.Assistants.AssistantClient", "GetMessagesAsync", "AssistantClient.GetMessagesAsync");
            Source(m, "OpenAI.Assistants.AssistantClient", "CreateRunStreamingAsync", "AssistantClient.CreateRunStreamingAsync");
            Source(m, "OpenAI.Assistants.AssistantClient", "CreateThreadAndRunStreamingAsync", "AssistantClient.CreateThreadAndRunStreamingAsync");
            Content(m, "OpenAI.Assistants.ThreadMessage", "Content");
            Content(m, "OpenAI.Assistants.MessageContent", "Text");
            Content(m, "OpenAI.Assistants.MessageContentUpdate", "Text");
        }
    }
}
