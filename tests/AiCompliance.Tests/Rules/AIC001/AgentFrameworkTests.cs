using System;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Microsoft Agent Framework 1.28 (the real assemblies): an agent's run and streamed run are sources, their text and
/// messages carry content, ids and usage do not; an agent built over a labeling client answers labeled.
/// </summary>
public class AgentFrameworkTests
{
    private const string Usings = "using Microsoft.Agents.AI;\n";

    [Fact]
    public async Task Agent_runs_report_their_text_and_not_their_metadata()
    {
        var diagnostics = await FlowVerifier.VerifyAsync(Usings + Code.Header + """
            class App
            {
                async Task Run(AIAgent agent)
                {
                    var response = await agent.RunAsync("hi");
                    Console.WriteLine([|response.Text|]);
                    Console.WriteLine([|response.Messages[0].Text|]);
                    Console.WriteLine(response.AgentId);
                    Console.WriteLine(response.ResponseId);
                    Console.WriteLine(response.Usage?.TotalTokenCount);
                    Console.WriteLine(response.FinishReason?.Value);
                    Console.WriteLine(Svc.Label(response.Text));
                    await foreach (var update in agent.RunStreamingAsync("more"))
                    {
                        Console.Write([|update.Text|]);
                        Console.Write(update.MessageId);
                    }
                }
            }
            """, new FlowRun { References = FlowVerifier.WithAgentFramework });
        var unlabeled = diagnostics.Where(d => d.Id == DiagnosticIds.UnlabeledAiOutput).Select(d => d.GetMessage()).ToArray();
        Assert.Equal(2, unlabeled.Count(m => m.Contains("AIAgent.RunAsync", StringComparison.Ordinal)));
        Assert.Equal(1, unlabeled.Count(m => m.Contains("AIAgent.RunStreamingAsync", StringComparison.Ordinal)));
    }

    [Fact]
    public Task An_agent_over_a_labeling_client_answers_labeled_and_one_over_the_plain_client_does_not() =>
        FlowVerifier.VerifyAsync(Usings + Code.Header + """
            class App
            {
                async Task Run(IChatClient inner)
                {
                    AIAgent fromExtension = Svc.WithLabels(inner).AsAIAgent(instructions: "be brief");
                    Console.WriteLine((await fromExtension.RunAsync("a")).Text);

                    AIAgent constructed = new ChatClientAgent(Svc.WithLabels(inner), instructions: "be brief");
                    Console.WriteLine((await constructed.RunAsync("b")).Text);

                    var plain = inner.AsAIAgent(instructions: "be brief");
                    Console.WriteLine([|(await plain.RunAsync("c")).Text|]);
                    var plainConstructed = new ChatClientAgent(inner, instructions: "be brief");
                    await foreach (var update in plainConstructed.RunStreamingAsync("d"))
                    {
                        Console.Write([|update|]);
                    }
                }
            }
            """, new FlowRun { References = FlowVerifier.WithAgentFramework });

    [Fact]
    public Task Workflow_runs_report_their_output_events_and_streamed_agent_updates() => FlowVerifier.VerifyAsync(
        "using Microsoft.Agents.AI.Workflows;\n" + Code.Header + """
        class App
        {
            async Task Run(Workflow workflow)
            {
                Run run = await InProcessExecution.RunAsync(workflow, "hi");
                foreach (WorkflowEvent evt in run.NewEvents)
                {
                    if (evt is WorkflowOutputEvent output) { Console.WriteLine([|output.Data|]); }
                    Console.WriteLine(Svc.Label(evt.Data?.ToString() ?? ""));
                }

                StreamingRun stream = await InProcessExecution.RunStreamingAsync(workflow, "hi");
                await foreach (WorkflowEvent evt in stream.WatchStreamAsync())
                {
                    if (evt is AgentResponseUpdateEvent update) { Console.Write([|update.Update.Text|]); }
                }
            }
        }
        """, new FlowRun { References = FlowVerifier.WithAgentFramework });
}
