namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Azure.AI.Inference (1.0 betas): ChatCompletionsClient's completions, plain and streamed, through Azure's
        /// <c>Response&lt;T&gt;.Value</c>; the text (<c>Content</c>, the choices' messages, <c>ContentUpdate</c>) is content,
        /// ids, usage, model, finish reason and tool calls are not.
        /// </summary>
        private static void AzureAiInference(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Inference = "Azure.AI.Inference.";
            foreach (var call in new[] { "Complete", "CompleteAsync", "CompleteStreaming", "CompleteStreamingAsync" })
            {
                Source(m, Inference + "ChatCompletionsClient", call, "ChatCompletionsClient." + call);
            }

            Content(m, Inference + "ChatCompletions", "Content", "Choices", "ToString");
            Content(m, Inference + "ChatChoice", "Message");
            Content(m, Inference + "ChatResponseMessage", "Content");
            Content(m, Inference + "StreamingChatCompletionsUpdate", "ContentUpdate");
        }
    }
}
