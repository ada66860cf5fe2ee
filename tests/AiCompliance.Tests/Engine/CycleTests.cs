using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static AiCompliance.Tests.Rules.Aic001.PrefilterCompilations;

namespace AiCompliance.Tests.Engine;

/// <summary>
/// Types whose methods read each other's fields ask for each other's field summaries, and methods that call each other
/// ask for each other's results. A cycle is cut with a conservative answer, and what leaned on it is not cached for good;
/// but within one outermost request each body is analyzed once. Recomputing at every level was exponential in the
/// number of types: Microsoft.Extensions.AI's own source took over two minutes instead of a fraction of a second.
/// </summary>
public class CycleTests
{
    private const int Types = 7;

    /// <summary>Seven types, each filling its Text from the model and from every other type's Text.</summary>
    private static string Mesh()
    {
        var code = new StringBuilder(Code.Header);
        for (var i = 0; i < Types; i++)
        {
            code.Append("class T").Append(i).Append(" {\n    public string Text = \"\";\n");
            for (var j = 0; j < Types; j++)
            {
                if (j != i)
                {
                    code.Append("    public T").Append(j).Append(" P").Append(j).Append(" = null!;\n");
                }
            }

            code.Append("    public async Task Ask(IChatClient c) { Text = (await c.GetResponseAsync(\"q\")).Text");
            for (var j = 0; j < Types; j++)
            {
                if (j != i)
                {
                    code.Append(" + P").Append(j).Append(".Text");
                }
            }

            code.Append("; }\n}\n");
        }

        code.Append("class Page { public void Show(T0 t) => Console.WriteLine(t.Text); }\n");
        return code.ToString();
    }

    [Fact]
    public void Mutually_reading_types_are_each_summarized_a_bounded_number_of_times()
    {
        var compilation = Library("Mesh", Mesh());
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));

        var summary = context.GetFieldSummary(compilation.GetTypeByMetadataName("T0")!, CancellationToken.None);
        Assert.Contains(summary, w => w.Key.Name == "Text" && w.Value.IsTainted);

        // One outermost request: each of the seven types' bodies is analyzed a few times at most (7! = 5,040 paths
        // through the mesh when provisional summaries were recomputed at each level).
        Assert.InRange(context.Analyses, 1, Types * Types);
    }

    [Fact]
    public async Task The_reader_of_a_mesh_field_is_still_reported() => await FlowVerifier.VerifyAsync(Mesh().Replace("Console.WriteLine(t.Text)", "Console.WriteLine([|t.Text|])"));

    /// <summary>Seven methods that call each other (recursion through every pair), each returning the model's text joined with the others'.</summary>
    private static string CallMesh()
    {
        var code = new StringBuilder(Code.Header).Append("static class Calls {\n");
        for (var i = 0; i < Types; i++)
        {
            code.Append("    public static async Task<string> M").Append(i).Append("(IChatClient c, int n) => n <= 0 ? (await c.GetResponseAsync(\"q\")).Text : \"\"");
            for (var j = 0; j < Types; j++)
            {
                if (j != i)
                {
                    code.Append(" + await M").Append(j).Append("(c, n - 1)");
                }
            }

            code.Append(";\n");
        }

        return code.Append("}\n").ToString();
    }

    [Fact]
    public void Mutually_calling_methods_are_each_analyzed_a_bounded_number_of_times()
    {
        var compilation = Library("CallMesh", CallMesh());
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));

        var result = context.GetResult((IMethodSymbol)compilation.GetTypeByMetadataName("Calls")!.GetMembers("M0").Single(), 0, CancellationToken.None);
        Assert.NotNull(result);
        Assert.True(result!.Summary.Return.IsTainted);
        Assert.InRange(context.Analyses, 1, Types * Types);
    }

    /// <summary>
    /// Answers.Get reads a Holder's Text; Holder's summary runs Fill, which calls Get (in progress: a cut). That summary is
    /// right only inside Get's cycle. Show asks for Get first and then reads Text itself: it must see Fill's write of
    /// Get's answer, not the summary computed while Get was cut short.
    /// </summary>
    internal const string SiblingAfterCycle = Code.Header + """
        class Holder
        {
            public string Text = "";
            public void Fill(Answers s) { Text = s.Get(); }
        }

        class Answers
        {
            private readonly IChatClient _client;
            private readonly Holder _holder;
            public Answers(IChatClient client, Holder holder) { _client = client; _holder = holder; }

            public string Get()
            {
                var seen = _holder.Text.Length;
                return _client.GetResponseAsync("q").Result.Text;
            }
        }

        class Page
        {
            public void Show(Answers s, Holder h)
            {
                var answer = s.Get();
                Console.WriteLine(h.Text);
            }
        }
        """;

    [Fact]
    public void What_leaned_on_a_cycle_is_computed_again_once_the_cycle_has_ended()
    {
        var compilation = Library("SiblingAfterCycle", SiblingAfterCycle);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));

        // Show is the outermost request (as when the driver reaches its code block first): Get, and Holder's summary
        // inside Get's cycle, are computed within it.
        var show = (IMethodSymbol)compilation.GetTypeByMetadataName("Page")!.GetMembers("Show").Single();
        var result = context.GetResult(show, 0, CancellationToken.None);

        Assert.NotNull(result);
        var finding = Assert.Single(result!.Findings);
        Assert.Equal("h.Text", finding.Node.ToString());
        Assert.Contains(context.GetFieldSummary(compilation.GetTypeByMetadataName("Holder")!, CancellationToken.None), w => w.Key.Name == "Text" && w.Value.IsTainted);
    }

    [Fact]
    public async Task The_reader_of_a_field_written_inside_a_cycle_is_reported() =>
        await FlowVerifier.VerifyAsync(SiblingAfterCycle.Replace("Console.WriteLine(h.Text)", "Console.WriteLine([|h.Text|])"));
}
