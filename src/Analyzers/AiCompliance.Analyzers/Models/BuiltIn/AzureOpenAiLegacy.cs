namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Azure.AI.OpenAI 1.0.0 betas (still in many samples and production apps): OpenAIClient's chat completions and
        /// completions, plain and streamed, through Azure's <c>Response&lt;T&gt;.Value</c>; both the early shapes (beta.6:
        /// ChatMessage, StreamingChatCompletions.GetChoicesStreaming) and the later ones (beta.9+: ChatResponseMessage,
        /// StreamingChatCompletionsUpdate.ContentUpdate, image RevisedPrompt). Ids, usage, finish reasons and filter
        /// results are not content, nor are images (beta.6's ImageLocation.Url, beta.9+'s ImageGenerationData.Url).
        /// </summary>
        private static void AzureOpenAiLegacy(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Legacy = "Azure.AI.OpenAI.";
            foreach (var call in new[] { "GetChatCompletions", "GetChatCompletionsAsync", "GetChatCompletionsStreaming", "GetChatCompletionsStreamingAsync", "GetCompletions", "GetCompletionsAsync", "GetCompletionsStreaming", "GetCompletionsStreamingAsync", "GetImageGenerations", "GetImageGenerationsAsync" })
            {
                Source(m, Legacy + "OpenAIClient", call, "OpenAIClient." + call);
            }

            Content(m, Legacy + "ChatCompletions", "Choices");
            Content(m, Legacy + "ChatChoice", "Message");
            Content(m, Legacy + "ChatMessage", "Content");
            Content(m, Legacy + "ChatResponseMessage", "Content");
            Content(m, Legacy + "Completions", "Choices");
            Content(m, Legacy + "Choice", "Text");
            Content(m, Legacy + "StreamingChatCompletions", "GetChoicesStreaming");
            Content(m, Legacy + "StreamingChatChoice", "GetMessageStreaming");
            Content(m, Legacy + "StreamingCompletions", "GetChoicesStreaming");
            Content(m, Legacy + "StreamingChoice", "GetTextStreaming");
            Content(m, Legacy + "StreamingChatCompletionsUpdate", "ContentUpdate");
            Content(m, Legacy + "ImageGenerations", "Data");
            Content(m, Legacy + "ImageGenerationData", "RevisedPrompt");
            Neutral(m, Legacy + "CompletionsUsage");
            Neutral(m, Legacy + "CompletionsFinishReason");
            Neutral(m, Legacy + "ChatRole");

            // beta.6 (and earlier): Data holds ImageLocation, a URL and nothing else; these betas' image URLs are not followed
            // (2.x images are: OpenAiMedia).
            Neutral(m, Legacy + "ImageLocation");
        }
    }
}
