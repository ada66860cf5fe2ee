namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Microsoft Agent Framework (Microsoft.Agents.AI 1.x): an agent's run and streamed run, its response and updates
        /// (the text and the messages; ids, usage and finish reason are not content).
        /// </summary>
        private static void AgentFramework(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Agents = "Microsoft.Agents.AI.";
            Source(m, Agents + "AIAgent", "RunAsync", "AIAgent.RunAsync");
            Source(m, Agents + "AIAgent", "RunStreamingAsync", "AIAgent.RunStreamingAsync");
            Content(m, Agents + "AgentResponse", "Text", "Messages", "ToString", "ToAgentResponseUpdates");
            Content(m, Agents + "AgentResponse`1", "Result", "Text", "Messages", "ToString", "ToAgentResponseUpdates");
            Content(m, Agents + "AgentResponseUpdate", "Text", "Contents", "ToString");
            Neutral(m, Agents + "AgentRunOptions");
        }
    }
}
