namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Microsoft Agent Framework (Microsoft.Agents.AI 1.x): an agent's run and streamed run, its response and updates
        /// (the text and the messages; ids, usage and finish reason are not content), and workflow runs' events (outputs and
        /// agents' updates; not the start, step, error and warning events).
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

            // Events that are not what the workflow produced: its start (the data is the caller's input), super-step
            // bookkeeping, errors and warnings (an exception, the framework's message). A branch on one of them
            // (case WorkflowErrorEvent e:) holds no model text. An executor's invocation and completion stay content:
            // their data is what one executor (an agent) hands the next.
            foreach (var notOutput in new[]
            {
                "WorkflowStartedEvent", "SuperStepStartedEvent", "SuperStepCompletedEvent", "WorkflowErrorEvent", "WorkflowWarningEvent",
                "ExecutorFailedEvent", "SubworkflowErrorEvent", "SubworkflowWarningEvent",
            })
            {
                Neutral(m, Workflows + notOutput);
            }
        }
    }
}
