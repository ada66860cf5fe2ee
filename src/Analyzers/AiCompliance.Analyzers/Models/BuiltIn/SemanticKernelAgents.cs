namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Semantic Kernel agents (Microsoft.SemanticKernel.Agents.*, keyed on its public names: the package is not served
        /// here): an agent's InvokeAsync / InvokeStreamingAsync yield response items whose message is the model's; an orchestration's
        /// InvokeAsync gives a result whose GetValueAsync is the agents' answer.
        /// </summary>
        private static void SemanticKernelAgents(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Agents = "Microsoft.SemanticKernel.Agents.";
            foreach (var agent in new[] { "Agent", "ChatCompletionAgent" })
            {
                Source(m, Agents + agent, "InvokeAsync", agent + ".InvokeAsync");
                Source(m, Agents + agent, "InvokeStreamingAsync", agent + ".InvokeStreamingAsync");
            }

            Content(m, Agents + "AgentResponseItem`1", "Message", "ToString");

            // Orchestrations (sequential, concurrent, group chat, handoff, Magentic): the result's value is the agents' answer.
            Source(m, Agents + "Orchestration.AgentOrchestration`2", "InvokeAsync", "AgentOrchestration.InvokeAsync");
            Content(m, Agents + "Orchestration.OrchestrationResult`1", "GetValueAsync");
        }
    }
}
