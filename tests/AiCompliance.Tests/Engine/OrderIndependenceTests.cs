using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Tests.Infrastructure;
using AiCompliance.Tests.Rules.Aic001;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace AiCompliance.Tests.Engine;

/// <summary>
/// The analyzer driver hands code blocks over in any order, on any thread: `dotnet build` and the scanner reached the
/// Blazor chat template's components in different orders and disagreed on two reports (the citation component's lines),
/// because an answer computed inside one cycle was reused after that cycle had ended. Here each method of a compilation
/// is made the first request of a fresh context, then every method is asked for; the findings must not depend on which
/// came first.
/// </summary>
public class OrderIndependenceTests
{
    [Fact]
    public void The_chat_templates_findings_do_not_depend_on_which_component_is_analyzed_first()
    {
        var compilation = Compile(
            ("/0/Test0.cs", Code.Header),
            (BlazorChatTemplateTests.ChatPath + ".g.cs", BlazorChatTemplateTests.HistoryChat(BlazorChatTemplateTests.AnsweredHistory.Replace("CLIENT", "ChatClient", StringComparison.Ordinal))),
            (BlazorChatTemplateTests.ItemPath + ".g.cs", BlazorChatTemplateTests.MessageItem(withCitations: true)),
            (BlazorChatTemplateTests.CitationPath + ".g.cs", BlazorChatTemplateTests.CitationOutput));

        var byFirst = FindingsByFirstRequest(compilation);

        // What the citation component renders is among them, whichever render tree came first.
        Assert.All(byFirst, run => Assert.Contains(run.Findings, f => f.StartsWith("ChatCitation.razor:2 ", StringComparison.Ordinal)));
        AssertSameFindings(byFirst);
    }

    [Fact]
    public void Findings_around_a_cycle_do_not_depend_on_which_method_is_analyzed_first()
    {
        var compilation = Compile(("/0/Test0.cs", CycleTests.SiblingAfterCycle));
        var byFirst = FindingsByFirstRequest(compilation);

        Assert.All(byFirst, run => Assert.Contains(run.Findings, f => f.EndsWith(" h.Text", StringComparison.Ordinal)));
        AssertSameFindings(byFirst);
    }

    private static void AssertSameFindings(List<(string First, string[] Findings)> byFirst)
    {
        Assert.True(byFirst.Count > 2, "too few methods to order");
        var expected = byFirst[0].Findings;
        foreach (var (first, findings) in byFirst)
        {
            Assert.True(expected.SequenceEqual(findings), $"first request {first}:\n  {string.Join("\n  ", findings)}\nexpected:\n  {string.Join("\n  ", expected)}");
        }
    }

    /// <summary>For each method with a body: a fresh context asked for it first, then for every method; its findings, described and sorted.</summary>
    private static List<(string First, string[] Findings)> FindingsByFirstRequest(Compilation compilation)
    {
        var methods = compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>()
                .Where(m => m.Body is not null || m.ExpressionBody is not null)
                .Select(m => compilation.GetSemanticModel(tree).GetDeclaredSymbol(m)))
            .OfType<IMethodSymbol>()
            .ToList();

        var runs = new List<(string, string[])>();
        foreach (var first in methods)
        {
            var context = new FlowContext(FlowModel.Create(compilation));
            var findings = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var method in new[] { first }.Concat(methods))
            {
                foreach (var finding in context.GetResult(method, 0, CancellationToken.None)?.Findings ?? Array.Empty<Finding>())
                {
                    var span = finding.Node.GetLocation().GetMappedLineSpan();
                    findings.Add($"{System.IO.Path.GetFileName(span.Path)}:{span.StartLinePosition.Line + 1} {finding.Sink} {finding.Node}");
                }
            }

            runs.Add((first.ContainingType.Name + "." + first.Name, findings.ToArray()));
        }

        return runs;
    }

    private static Compilation Compile(params (string Path, string Text)[] files)
    {
        var compilation = CSharpCompilation.Create(
            "Order",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, TestReferences.ParseOptions, path: f.Path)),
            FlowVerifier.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return compilation;
    }
}
