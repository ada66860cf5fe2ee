namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>OllamaSharp: chat and generate.</summary>
        private static void OllamaSharp(System.Collections.Generic.List<ModelEntry> m)
        {
            Source(m, "OllamaSharp.IOllamaApiClient", "ChatAsync", "OllamaApiClient.ChatAsync");
            Source(m, "OllamaSharp.IOllamaApiClient", "GenerateAsync", "OllamaApiClient.GenerateAsync");
            Source(m, "OllamaSharp.OllamaApiClientExtensions", "GenerateAsync", "OllamaApiClient.GenerateAsync");
            Source(m, "OllamaSharp.Chat", "SendAsync", "Chat.SendAsync");
            Source(m, "OllamaSharp.Chat", "SendAsAsync", "Chat.SendAsAsync");
            Content(m, "OllamaSharp.Models.Chat.ChatResponseStream", "Message", "ToString");
            Content(m, "OllamaSharp.Models.Chat.Message", "Content", "ToString");
            Content(m, "OllamaSharp.Models.GenerateResponseStream", "Response", "ToString");
        }
    }
}
