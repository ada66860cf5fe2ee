namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>Semantic Kernel: chat completion and text generation services, kernel and function invocation.</summary>
        private static void SemanticKernel(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Sk = "Microsoft.SemanticKernel.";
            Source(m, Sk + "ChatCompletion.IChatCompletionService", "GetChatMessageContentsAsync", "IChatCompletionService.GetChatMessageContentsAsync");
            Source(m, Sk + "ChatCompletion.IChatCompletionService", "GetStreamingChatMessageContentsAsync", "IChatCompletionService.GetStreamingChatMessageContentsAsync");
            Source(m, Sk + "ChatCompletion.ChatCompletionServiceExtensions", "GetChatMessageContentAsync", "IChatCompletionService.GetChatMessageContentAsync");
            Source(m, Sk + "ChatCompletion.ChatCompletionServiceExtensions", "GetChatMessageContentsAsync", "IChatCompletionService.GetChatMessageContentsAsync");
            Source(m, Sk + "ChatCompletion.ChatCompletionServiceExtensions", "GetStreamingChatMessageContentsAsync", "IChatCompletionService.GetStreamingChatMessageContentsAsync");
            Source(m, Sk + "TextGeneration.ITextGenerationService", "GetTextContentsAsync", "ITextGenerationService.GetTextContentsAsync");
            Source(m, Sk + "TextGeneration.ITextGenerationService", "GetStreamingTextContentsAsync", "ITextGenerationService.GetStreamingTextContentsAsync");
            Source(m, Sk + "TextGeneration.TextGenerationExtensions", "GetTextContentAsync", "ITextGenerationService.GetTextContentAsync");
            Source(m, Sk + "TextGeneration.TextGenerationExtensions", "GetTextContentsAsync", "ITextGenerationService.GetTextContentsAsync");
            Source(m, Sk + "TextGeneration.TextGenerationExtensions", "GetStreamingTextContentsAsync", "ITextGenerationService.GetStreamingTextContentsAsync");
            Source(m, Sk + "Kernel", "InvokeAsync", "Kernel.InvokeAsync");
            Source(m, Sk + "Kernel", "InvokeStreamingAsync", "Kernel.InvokeStreamingAsync");
            Source(m, Sk + "KernelExtensions", "InvokePromptAsync", "Kernel.InvokePromptAsync");
            Source(m, Sk + "KernelExtensions", "InvokePromptStreamingAsync", "Kernel.InvokePromptStreamingAsync");
            Source(m, Sk + "KernelFunction", "InvokeAsync", "KernelFunction.InvokeAsync");
            Source(m, Sk + "KernelFunction", "InvokeStreamingAsync", "KernelFunction.InvokeStreamingAsync");
            // A function filter sees every function's result after next(context): a prompt function's is the model's text.
            Source(m, Sk + "FunctionInvocationContext", "Result", "FunctionInvocationContext.Result");
            Content(m, Sk + "FunctionResult", "GetValue", "ToString", "Value");
            Content(m, Sk + "ChatMessageContent", "Content", "Items", "ToString");
            Content(m, Sk + "StreamingChatMessageContent", "Content", "Items", "ToString");
            Content(m, Sk + "TextContent", "Text", "ToString");
            Content(m, Sk + "StreamingTextContent", "Text", "ToString");
            Neutral(m, Sk + "ChatCompletion.AuthorRole");
        }
    }
}
