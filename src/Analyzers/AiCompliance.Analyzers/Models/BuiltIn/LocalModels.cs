namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Models run in process: LLamaSharp executors (<c>InferAsync</c> of any executor) and <c>ChatSession</c>, whose
        /// streams yield the model's text; ONNX Runtime GenAI, whose generated tokens become text through the tokenizer's
        /// <c>Decode</c> (of a whole sequence, or token by token through a <c>TokenizerStream</c>).
        /// </summary>
        private static void LocalModels(System.Collections.Generic.List<ModelEntry> m)
        {
            Source(m, "LLama.Abstractions.ILLamaExecutor", "InferAsync", "ILLamaExecutor.InferAsync");
            Source(m, "LLama.StatefulExecutorBase", "InferAsync", "LLama executor InferAsync");
            Source(m, "LLama.StatelessExecutor", "InferAsync", "StatelessExecutor.InferAsync");
            Source(m, "LLama.ChatSession", "ChatAsync", "ChatSession.ChatAsync");
            Source(m, "LLama.ChatSession", "RegenerateAssistantMessageAsync", "ChatSession.RegenerateAssistantMessageAsync");
            Source(m, "Microsoft.ML.OnnxRuntimeGenAI.Tokenizer", "Decode", "Tokenizer.Decode");
            Source(m, "Microsoft.ML.OnnxRuntimeGenAI.TokenizerStream", "Decode", "TokenizerStream.Decode");
        }
    }
}
