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
}
