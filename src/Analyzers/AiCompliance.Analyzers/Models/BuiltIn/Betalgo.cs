namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Betalgo's community OpenAI SDK (Betalgo.Ranul.OpenAI: <c>openAi.ChatCompletion.CreateCompletion(request)</c> and
        /// <c>CreateCompletionAsStream</c>, answers in <c>Choices[i].Message.Content</c>, streamed chunks the same), and
        /// Foundry Local's native chat client, which answers in Betalgo's types (<c>model.GetChatClientAsync()</c> →
        /// <c>CompleteChatAsync</c> / <c>CompleteChatStreamingAsync</c>; keyed on its public names: not served here). Only
        /// the messages' text is content: not ids, usage, finish reasons or errors.
        /// </summary>
        private static void Betalgo(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Ranul = "Betalgo.Ranul.OpenAI.";
            foreach (var type in new[] { Ranul + "Interfaces.IChatCompletionService", Ranul + "Managers.OpenAIService" })
            {
                Source(m, type, "CreateCompletion", "ChatCompletion.CreateCompletion");
                Source(m, type, "CreateCompletionAsStream", "ChatCompletion.CreateCompletionAsStream");
            }

            Content(m, Ranul + "ObjectModels.ResponseModels.BaseResponse", "ToString"); // Error, Successful, headers: not the answer
            Content(m, Ranul + "ObjectModels.ResponseModels.ChatCompletionCreateResponse", "Choices");
            Content(m, Ranul + "ObjectModels.SharedModels.ChatChoiceResponse", "Message", "Delta");
            Content(m, Ranul + "ObjectModels.RequestModels.ChatMessage", "Content", "ReasoningContent", "Contents", "ContentCalculated");

            Source(m, "Microsoft.AI.Foundry.Local.OpenAIChatClient", "CompleteChatAsync", "OpenAIChatClient.CompleteChatAsync");
            Source(m, "Microsoft.AI.Foundry.Local.OpenAIChatClient", "CompleteChatStreamingAsync", "OpenAIChatClient.CompleteChatStreamingAsync");
        }
    }
}
