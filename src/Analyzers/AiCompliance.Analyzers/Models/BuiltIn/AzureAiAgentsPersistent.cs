namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Azure AI Foundry agents (Azure.AI.Agents.Persistent, keyed on its public names: the package is not served here).
        /// A run's answer is read back from the thread's messages (<c>client.Messages.GetMessages(threadId)</c> →
        /// <c>ContentItems</c> → <c>MessageTextContent.Text</c>) or streamed (<c>client.Runs.CreateRunStreamingAsync</c> →
        /// <c>MessageContentUpdate.Text</c>). Other updates (run status, tool calls and their arguments) are not model text.
        /// <c>AsIChatClient(agentId)</c> returns an <c>IChatClient</c>, modeled as such.
        /// </summary>
        private static void AzureAiAgentsPersistent(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Agents = "Azure.AI.Agents.Persistent.";
            foreach (var member in new[] { "GetMessages", "GetMessagesAsync", "GetMessage", "GetMessageAsync" })
            {
                Source(m, Agents + "ThreadMessages", member, "ThreadMessages." + member);
            }

            foreach (var member in new[] { "CreateRunStreaming", "CreateRunStreamingAsync", "SubmitToolOutputsToStream", "SubmitToolOutputsToStreamAsync" })
            {
                Source(m, Agents + "ThreadRuns", member, "ThreadRuns." + member);
            }

            Content(m, Agents + "PersistentThreadMessage", "ContentItems");
            Content(m, Agents + "MessageContent", "ToString");
            Content(m, Agents + "MessageTextContent", "Text");
            Content(m, Agents + "StreamingUpdate", "ToString");
            Content(m, Agents + "MessageContentUpdate", "Text");
            Neutral(m, Agents + "MessageRole");
        }
    }
}
