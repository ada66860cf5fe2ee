namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Semantic Kernel before 1.0 (0.1x–0.2x previews, 2023; still in public starters and production apps): the kernel
        /// runs a pipeline of functions (<c>IKernel.RunAsync</c>), a function runs on a context
        /// (<c>ISKFunction.InvokeAsync</c>), and the connectors' chat and text completions answer in strings or results. The
        /// context's <c>Result</c>, its variables and the later <c>KernelResult</c> / <c>FunctionResult</c> values are the
        /// model's text; a context's error state is not. Keyed on the public names: only 0.19's meta package is served here,
        /// without its dependencies.
        /// </summary>
        private static void SemanticKernelLegacy(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Sk = "Microsoft.SemanticKernel.";
            Source(m, Sk + "IKernel", "RunAsync", "IKernel.RunAsync");
            Source(m, Sk + "KernelExtensions", "RunAsync", "IKernel.RunAsync");
            foreach (var function in new[] { Sk + "SkillDefinition.ISKFunction", Sk + "ISKFunction" })
            {
                Source(m, function, "InvokeAsync", "ISKFunction.InvokeAsync");
            }

            Source(m, Sk + "SkillDefinition.SKFunctionExtensions", "InvokeAsync", "ISKFunction.InvokeAsync");
            Source(m, Sk + "SKFunctionExtensions", "InvokeAsync", "ISKFunction.InvokeAsync");

            Content(m, Sk + "Orchestration.SKContext", "Result", "Variables", "ToString");
            Content(m, Sk + "Orchestration.ContextVariables", "Input", "ToString", "TryGetValue", "this[]");
            Content(m, Sk + "Orchestration.KernelResult", "GetValue", "FunctionResults", "ToString");
            Content(m, Sk + "Orchestration.FunctionResult", "GetValue", "ToString");

            // The connectors' chat and text completions of those versions.
            const string Chat = Sk + "AI.ChatCompletion.";
            Source(m, Chat + "IChatCompletion", "GetChatCompletionsAsync", "IChatCompletion.GetChatCompletionsAsync");
            Source(m, Chat + "IChatCompletion", "GetStreamingChatCompletionsAsync", "IChatCompletion.GetStreamingChatCompletionsAsync");
            Source(m, Chat + "ChatCompletionExtensions", "GenerateMessageAsync", "IChatCompletion.GenerateMessageAsync");
            Source(m, Chat + "ChatCompletionExtensions", "GenerateMessageStreamAsync", "IChatCompletion.GenerateMessageStreamAsync");
            Content(m, Chat + "IChatResult", "GetChatMessageAsync");
            Content(m, Chat + "IChatStreamingResult", "GetStreamingChatMessageAsync");
            Content(m, Chat + "ChatMessageBase", "Content");

            const string Text = Sk + "AI.TextCompletion.";
            Source(m, Text + "ITextCompletion", "GetCompletionsAsync", "ITextCompletion.GetCompletionsAsync");
            Source(m, Text + "ITextCompletion", "GetStreamingCompletionsAsync", "ITextCompletion.GetStreamingCompletionsAsync");
            Source(m, Text + "TextCompletionExtensions", "CompleteAsync", "ITextCompletion.CompleteAsync");
            Source(m, Text + "TextCompletionExtensions", "CompleteStreamAsync", "ITextCompletion.CompleteStreamAsync");
            Content(m, Text + "ITextResult", "GetCompletionAsync");
            Content(m, Text + "ITextStreamingResult", "GetCompletionStreamingAsync");
        }
    }
}
