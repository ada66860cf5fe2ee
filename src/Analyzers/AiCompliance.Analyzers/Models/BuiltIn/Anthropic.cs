namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>Anthropic: the Messages API, its beta service and tool runner.</summary>
        private static void Anthropic(System.Collections.Generic.List<ModelEntry> m)
        {
            Source(m, "Anthropic.Services.IMessageService", "Create", "Messages.Create");
            Source(m, "Anthropic.Services.IMessageService", "CreateStreaming", "Messages.CreateStreaming");
            Source(m, "Anthropic.Services.MessageServiceExtensions", "Create", "Messages.Create<T>");
            Content(m, "Anthropic.Models.Messages.Message", "Content", "ToString");
            Content(m, "Anthropic.Models.Messages.ContentBlock", "TryPickText", "TryPickThinking", "Value", "ToString", "Json");
            Content(m, "Anthropic.Models.Messages.TextBlock", "Text", "ToString");
            Content(m, "Anthropic.Models.Messages.ThinkingBlock", "Thinking"); // extended thinking is the model's text too
            // Create<T> (structured output): the parsed blocks and the message are content; ID, usage, stop reason, model are not.
            Content(m, "Anthropic.Helpers.StructuredMessage`1", "Content", "Message", "ToString");
            Content(m, "Anthropic.Helpers.StructuredContentBlock`1", "Parsed", "ContentBlock", "ToString");
            Neutral(m, "Anthropic.Models.Messages.Usage");

            // The beta Messages service (client.Beta.Messages) and its tool runner, which calls it until the tools are done.
            Source(m, "Anthropic.Services.Beta.IMessageService", "Create", "Beta.Messages.Create");
            Source(m, "Anthropic.Services.Beta.IMessageService", "CreateStreaming", "Beta.Messages.CreateStreaming");
            Source(m, "Anthropic.Helpers.Beta.BetaToolRunnerExtensions", "ToolRunner", "Beta.Messages.ToolRunner");
            Content(m, "Anthropic.Models.Beta.Messages.BetaMessage", "Content", "ToString");
            Content(m, "Anthropic.Models.Beta.Messages.BetaContentBlock", "TryPickText", "TryPickThinking", "Value", "ToString", "Json");
            Content(m, "Anthropic.Models.Beta.Messages.BetaTextBlock", "Text", "ToString");
            Content(m, "Anthropic.Models.Beta.Messages.BetaThinkingBlock", "Thinking");
            Neutral(m, "Anthropic.Models.Beta.Messages.BetaUsage");
        }
    }
}
