namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>Anthropic: the Messages API.</summary>
        private static void Anthropic(System.Collections.Generic.List<ModelEntry> m)
        {
            Source(m, "Anthropic.Services.IMessageService", "Create", "Messages.Create");
            Source(m, "Anthropic.Services.IMessageService", "CreateStreaming", "Messages.CreateStreaming");
            Source(m, "Anthropic.Services.MessageServiceExtensions", "Create", "Messages.Create<T>");
            Content(m, "Anthropic.Models.Messages.Message", "Content", "ToString");
            Content(m, "Anthropic.Models.Messages.ContentBlock", "TryPickText", "Value", "ToString", "Json");
            Content(m, "Anthropic.Models.Messages.TextBlock", "Text", "ToString");
            // Create<T> (structured output): the parsed blocks and the message are content; ID, usage, stop reason, model are not.
            Content(m, "Anthropic.Helpers.StructuredMessage`1", "Content", "Message", "ToString");
            Content(m, "Anthropic.Helpers.StructuredContentBlock`1", "Parsed", "ContentBlock", "ToString");
            Neutral(m, "Anthropic.Models.Messages.Usage");
        }
    }
}
