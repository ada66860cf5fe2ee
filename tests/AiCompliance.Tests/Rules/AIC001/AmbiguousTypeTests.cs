using System;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static AiCompliance.Tests.Infrastructure.EmittedAssembly;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Types of the same full name in two referenced assemblies (Compilation.GetTypeByMetadataName returns null): model
/// rows apply to each, single well-known types are picked deterministically (<see cref="WellKnownTypes"/>). An SDK whose
/// source types cannot be resolved at all is AIC009 (Rules/AIC009/AmbiguousTypeTests.cs).
/// </summary>
public class AmbiguousTypeTests
{
    private const string ChatClientExtensions = "Microsoft.Extensions.AI.ChatClientExtensions";

    [Fact]
    public void The_agent_framework_makes_the_MEAI_ChatClientExtensions_ambiguous()
    {
        // The premise of the tests below: with Microsoft.Agents.AI referenced, GetTypeByMetadataName cannot resolve them.
        var compilation = CSharpCompilation.Create("Premise", references: FlowVerifier.WithAgentFramework);
        Assert.Null(compilation.GetTypeByMetadataName(ChatClientExtensions));
        var all = WellKnownTypes.For(compilation).GetAll(ChatClientExtensions);
        Assert.Equal(new[] { "Microsoft.Agents.AI", "Microsoft.Extensions.AI.Abstractions" }, all.Select(t => t.ContainingAssembly.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal("Microsoft.Extensions.AI.Abstractions", WellKnownTypes.For(compilation).Get(ChatClientExtensions)?.ContainingAssembly.Name);
    }

    [Fact]
    public async Task MEAI_sources_still_report_with_the_agent_framework_referenced()
    {
        var diagnostics = await FlowVerifier.VerifyAsync(Code.Header + """
            public record Forecast(string Summary, int Degrees);
            class App
            {
                async Task Run(IChatClient client)
                {
                    Console.WriteLine([|(await client.GetResponseAsync("a")).Text|]);
                    await foreach (var update in client.GetStreamingResponseAsync("b"))
                    {
                        Console.Write([|update.Text|]);
                    }

                    var forecast = await client.GetResponseAsync<Forecast>("weather?");
                    Console.WriteLine([|forecast.Result.Summary|]);
                    Console.WriteLine(forecast.Result.Degrees);
                    Console.WriteLine(Svc.Label((await client.GetResponseAsync("c")).Text));

                    // The Agent Framework's own ChatClientExtensions, in the same compilation.
                    var agent = client.AsAIAgent(instructions: "be brief");
                    Console.WriteLine(agent.Name);
                }
            }
            """, new FlowRun { References = FlowVerifier.WithAgentFramework });
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.AnalysisFailed);
        Assert.All(diagnostics.Where(d => d.Id == DiagnosticIds.UnlabeledAiOutput), d => Assert.Contains("IChatClient.", d.GetMessage(), StringComparison.Ordinal));
    }

    [Fact]
    public void Resolver_applies_model_rows_to_every_type_of_the_name_and_prefers_the_owner_assembly()
    {
        var meai = Emit("Microsoft.Extensions.AI.Abstractions", """
            namespace Microsoft.Extensions.AI
            {
                public interface IChatClient { }
                public class ChatResponse { public string Text => ""; }
                public static class ChatClientExtensions
                {
                    public static System.Threading.Tasks.Task<ChatResponse> GetResponseAsync(this IChatClient client, string prompt) => null!;
                }
            }
            """);
        var agents = Emit("Agents", """
            namespace Microsoft.Extensions.AI
            {
                public static class ChatClientExtensions
                {
                    public static object AsAgent(this IChatClient client) => client;
                }
            }
            """, meai);

        // The other SDK first in reference order: the owner of the namespace still wins.
        var compilation = CSharpCompilation.Create("App", references: TestReferences.Net100.Add(agents).Add(meai));
        Assert.Null(compilation.GetTypeByMetadataName(ChatClientExtensions));

        var types = WellKnownTypes.For(compilation);
        Assert.Same(types, WellKnownTypes.For(compilation));
        Assert.Equal(2, types.GetAll(ChatClientExtensions).Length);
        Assert.Equal("Microsoft.Extensions.AI.Abstractions", types.Get(ChatClientExtensions)?.ContainingAssembly.Name);
        Assert.Null(types.Get("Microsoft.Extensions.AI.NoSuchType"));

        var model = FlowModel.Create(compilation);
        Assert.True(model.HasSourceTypes);
        Assert.Empty(model.UnresolvedSdks);
        var getResponse = types.GetAll(ChatClientExtensions).SelectMany(t => t.GetMembers("GetResponseAsync")).OfType<IMethodSymbol>().Single();
        Assert.Equal("IChatClient.GetResponseAsync", model.Find(getResponse)?.SourceDescription);
        var asAgent = types.GetAll(ChatClientExtensions).SelectMany(t => t.GetMembers("AsAgent")).Single();
        Assert.Null(model.Find(asAgent)?.SourceDescription);
    }

    [Fact]
    public void Without_an_owner_the_first_public_type_in_reference_order_wins()
    {
        var first = Emit("First", "namespace Vendor { internal class Shared { } }");
        var second = Emit("Second", "namespace Vendor { public class Shared { } }");
        var third = Emit("Third", "namespace Vendor { public class Shared { } }");

        var compilation = CSharpCompilation.Create("App", references: TestReferences.Net100.Add(first).Add(second).Add(third));
        Assert.Equal("Second", WellKnownTypes.For(compilation).Get("Vendor.Shared")?.ContainingAssembly.Name);

        var reversed = CSharpCompilation.Create("App", references: TestReferences.Net100.Add(third).Add(second).Add(first));
        Assert.Equal("Third", WellKnownTypes.For(reversed).Get("Vendor.Shared")?.ContainingAssembly.Name);
    }
}
