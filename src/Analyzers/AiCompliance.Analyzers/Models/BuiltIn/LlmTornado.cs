namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// LLM Tornado (keyed on its public names: the package is not served here), seen in public samples:
        /// <c>api.Chat.CreateConversation(model).AppendUserInput(q).GetResponse()</c> returns the answer's text and
        /// <c>GetResponseRich()</c> the answer with its blocks. Its streaming handlers (token callbacks set on a handler
        /// object) are not followed.
        /// </summary>
        private static void LlmTornado(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Chat = "LlmTornado.Chat.";
            Source(m, Chat + "Conversation", "GetResponse", "Conversation.GetResponse");
            Source(m, Chat + "Conversation", "GetResponseRich", "Conversation.GetResponseRich");
        }
    }
}
