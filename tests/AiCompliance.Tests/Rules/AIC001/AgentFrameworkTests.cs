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

    [Fact]
    public Task An_agent_over_the_generated_labeled_client_or_a_builder_pipeline_with_its_labels_answers_labeled() =>
        FlowVerifier.VerifyAsync(Usings + Code.Header + """
            class App
            {
                async Task Run(IChatClient inner)
                {
                    var generated = new Svc.LabeledChatClient(inner);
                    AIAgent overGenerated = generated.AsAIAgent(instructions: "be brief");
                    Console.WriteLine((await overGenerated.RunAsync("a")).Text);
                    AIAgent constructed = new ChatClientAgent(new Svc.LabeledChatClient(inner), instructions: "be brief");
                    await foreach (var update in constructed.RunStreamingAsync("b"))
                    {
                        Console.Write(update.Text);
                    }

                    IChatClient pipeline = new ChatClientBuilder(inner).UseFunctionInvocation().UseSvcLabels().Build();
                    AIAgent overPipeline = pipeline.AsAIAgent(instructions: "be brief");
                    Console.WriteLine((await overPipeline.RunAsync("c")).Text);
                    AIAgent inline = new ChatClientAgent(inner.AsBuilder().UseSvcLabels().Build(), name: "helper", instructions: "be brief");
                    Console.WriteLine((await inline.RunAsync("d")).Messages[0].Text);

                    IChatClient unlabeledPipeline = new ChatClientBuilder(inner).UseFunctionInvocation().Build();
                    AIAgent plain = unlabeledPipeline.AsAIAgent(instructions: "be brief");
                    Console.WriteLine([|(await plain.RunAsync("e")).Text|]);
                    AIAgent plainConstructed = new ChatClientAgent(inner, name: "helper", instructions: "be brief");
                    await foreach (var update in plainConstructed.RunStreamingAsync("f"))
                    {
                        Console.Write([|update.Text|]);
                    }
                }
            }
            """, new FlowRun { References = FlowVerifier.WithAgentFramework });

    [Fact]
    public Task Workflow_events_that_are_not_outputs_do_not_report() => FlowVerifier.VerifyAsync(
        "using Microsoft.Agents.AI.Workflows;\n" + Code.Header + """
        class App
        {
            async Task Run(Workflow workflow, string question)
            {
                StreamingRun run = await InProcessExecution.RunStreamingAsync(workflow, question);
                await foreach (WorkflowEvent evt in run.WatchStreamAsync())
                {
                    switch (evt)
                    {
                        case WorkflowStartedEvent started:
                            Console.WriteLine($"started: {started.Data}");
                            break;
                        case SuperStepStartedEvent step:
                            Console.WriteLine($"step {step.StepNumber}");
                            break;
                        case SuperStepCompletedEvent done:
                            Console.WriteLine($"step {done.StepNumber} done");
                            break;
                        case ExecutorInvokedEvent invoked:
                            Console.WriteLine($"{invoked.ExecutorId} invoked");
                            break;
                        case ExecutorFailedEvent failed:
                            Console.WriteLine($"{failed.ExecutorId} failed: {failed.Data?.Message}");
                            break;
                        case WorkflowErrorEvent error:
                            Console.WriteLine(error.Exception?.Message);
                            break;
                        case WorkflowWarningEvent warning:
                            Console.WriteLine(warning.Data);
                            break;
                        case WorkflowOutputEvent output:
                            Console.WriteLine([|output.Data|]);
                            break;
                    }
                }
            }
        }
        """, new FlowRun { References = FlowVerifier.WithAgentFramework });
}
