using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>Broken code must never make the analyzer throw (AD0001) or swallow an exception.</summary>
public class RobustnessTests
{
    private const string Complete = """
        class App
        {
            private string _field = "";
            async Task Run(IChatClient client, bool flag)
            {
                var response = await client.GetResponseAsync("hi");
                var text = flag ? response.Text : "x";
                _field = text + response.Messages[0].Text;
                foreach (var m in response.Messages.Select(m => m.Text)) { Console.WriteLine(m); }
                Console.WriteLine($"{text} {_field}");
                Helper(text);
                void Local(string s) => Console.WriteLine(s);
                Local(text);
            }
            static void Helper(string s) => Console.WriteLine(s.Trim());
        }
        """;

    public static TheoryData<int> Cuts()
    {
        var data = new TheoryData<int>();
        var length = (Code.Header + Complete).Length;
        for (var cut = Code.Header.Length; cut < length; cut += 23)
        {
            data.Add(cut);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cuts))]
    public async Task Truncated_files_do_not_throw(int cut)
    {
        var source = (Code.Header + Complete).Substring(0, cut);
        await FlowVerifier.AnalyzeAsync(source, allowCompilerErrors: true);
    }

    [Fact]
    public async Task Complete_file_reports_so_the_truncation_test_is_meaningful()
    {
        var diagnostics = await FlowVerifier.AnalyzeAsync(Code.Header + Complete);
        Assert.True(diagnostics.Length >= 4, string.Join("\n", diagnostics));
    }

    [Fact]
    public async Task Error_types_and_unresolved_members_do_not_throw()
    {
        var diagnostics = await FlowVerifier.AnalyzeAsync(Code.Header + """
            class App
            {
                async Task Run(IChatClient client, UnknownType unknown)
                {
                    var response = await client.GetResponseAsync("hi");
                    var x = response.DoesNotExist.Deeper;
                    unknown.Show(response.Text);
                    Console.WriteLine(Missing(response.Text));
                    Console.WriteLine(response.Text +);
                    var lambda = (string s) => s.;
                    int n = response.Text;
                    Console.WriteLine([|response.Text|]);
                }
            }
            """.Replace("[|", string.Empty).Replace("|]", string.Empty), allowCompilerErrors: true);
        Assert.Contains(diagnostics, d => d.Id == "AIC001");
    }

    [Fact]
    public async Task Missing_sdk_reference_means_no_work_and_no_crash()
    {
        // IChatClient cannot bind: no source type exists, so the analyzer registers nothing.
        var compilation = CSharpCompilation.Create("NoSdk",
            new[] { CSharpSyntaxTree.ParseText("using Microsoft.Extensions.AI; class App { async System.Threading.Tasks.Task Run(IChatClient c) { System.Console.WriteLine((await c.GetResponseAsync(\"x\")).Text); } }") },
            TestReferences.Net100,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var before = UnlabeledAiOutputAnalyzer.InternalErrors;
        var diagnostics = await compilation.WithAnalyzers(TestAnalyzers.FlowRules).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(diagnostics);
        Assert.Equal(before, UnlabeledAiOutputAnalyzer.InternalErrors);
    }

    [Fact]
    public async Task Deep_recursion_and_huge_methods_terminate()
    {
        var body = string.Join("\n", Enumerable.Range(0, 400).Select(i => $"        s = i{i % 7} > 3 ? s + \"{i}\" : s.Trim(); var i{i} = s.Length;"));
        var chain = string.Join("\n", Enumerable.Range(0, 30).Select(i => $"    static string H{i}(string x) => H{i + 1}(x);"));
        var diagnostics = await FlowVerifier.AnalyzeAsync(Code.Header + $$"""
            class App
            {
                async Task Run(IChatClient client)
                {
                    var s = (await client.GetResponseAsync("hi")).Text;
                    int i0 = 0, i1 = 0, i2 = 0, i3 = 0, i4 = 0, i5 = 0, i6 = 0;
            {{body.Replace("var i0 =", "i0 =").Replace("var i1 =", "i1 =").Replace("var i2 =", "i2 =").Replace("var i3 =", "i3 =").Replace("var i4 =", "i4 =").Replace("var i5 =", "i5 =").Replace("var i6 =", "i6 =")}}
                    Console.WriteLine(s);
                    Console.WriteLine(H0(s));
                }
            {{chain}}
                static string H30(string x) => x;
            }
            """, allowCompilerErrors: true);
        Assert.NotEmpty(diagnostics);
    }
}
