namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Microsoft Agent Framework (Microsoft.Agents.AI 1.x): an agent's run and streamed run, its response and updates
        /// (the text and the messages; ids, usage and finish reason are not content), and workflow runs' events.
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

            // Workflows (Microsoft.Agents.AI.Workflows): a run's events carry what its agents and executors produced (the
            // output event's data, an agent's streamed update). A workflow of plain executors alone counts too.
            const string Workflows = Agents + "Workflows.";
            foreach (var runner in new[] { "InProcessExecution", "IWorkflowExecutionEnvironment", "InProc.InProcessExecutionEnvironment" })
            {
                foreach (var member in new[] { "RunAsync", "RunStreamingAsync", "OpenStreamingAsync" })
                {
                    Source(m, Workflows + runner, member, "Workflow." + member);
                }
            }

            Content(m, Workflows + "WorkflowEvent", "Data", "ToString");
            Content(m, Workflows + "WorkflowOutputEvent", "Data", "As", "AsType", "ToString");
            Content(m, Workflows + "AgentResponseUpdateEvent", "Data", "Update", "AsResponse", "ToString");
        }
    }
}
