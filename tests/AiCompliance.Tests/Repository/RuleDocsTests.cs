using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using AiCompliance.Analyzers;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Repository;

/// <summary>
/// Every rule can be found by its id: one page in docs/rules, whose "Implementation" section names the one analyzer
/// that reports it, its code fix (or none) and its test files, all of which exist and say what the page says.
/// </summary>
public sealed partial class RuleDocsTests
{
    private static readonly string Root = RepositoryRoot.Find();

    private static readonly Type[] Analyzers = typeof(UnlabeledAiOutputAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .ToArray();

    private static readonly Type[] Fixers = typeof(AiCompliance.CodeFixes.WrapWithLabelCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .ToArray();

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).Distinct().OrderBy(i => i, StringComparer.Ordinal))
        {
            data.Add(id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_rule_page_names_its_only_analyzer_its_fix_and_its_tests(string id)
    {
        var page = Path.Combine(Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), "no docs page for " + id);
        var text = File.ReadAllText(page);
        var section = text.IndexOf("\n## Implementation", StringComparison.Ordinal);
        Assert.True(section >= 0, id + ".md has no '## Implementation' section");
        var rows = text[section..].Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToDictionary(l => l.Split('|')[1].Trim(), l => l, StringComparer.Ordinal);

        // The analyzer: the only analyzer type that reports the id, in the file named.
        var reporting = Analyzers.Where(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics.Any(d => d.Id == id)).ToList();
        var analyzer = Assert.Single(reporting);
        var (analyzerFile, analyzerType) = Single(rows["analyzer"]);
        Assert.Equal(analyzer.Name, analyzerType);
        AssertDeclares(analyzerFile, analyzer.Name);

        // The code fix: every provider that fixes the id is named, or "none" when there is none.
        var fixers = Fixers.Where(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds.Contains(id)).ToList();
        if (fixers.Count == 0)
        {
            Assert.Contains("| none |", rows["code fix"], StringComparison.Ordinal);
        }
        else
        {
            var (fixFile, fixType) = Single(rows["code fix"]);
            Assert.Equal(Assert.Single(fixers).Name, fixType);
            AssertDeclares(fixFile, fixType);
        }

        // The tests: each file exists and is about this rule (names the id or its constant, or marks AIC001 spans).
        var constant = typeof(DiagnosticIds).GetFields().First(f => (string)f.GetValue(null)! == id).Name;
        var tests = Links().Matches(rows["tests"]).Select(m => m.Groups["path"].Value).ToList();
        Assert.NotEmpty(tests);
        foreach (var test in tests)
        {
            var path = Path.Combine(Root, test);
            Assert.True(File.Exists(path), $"{id}.md names {test}, which does not exist");
            var source = File.ReadAllText(path);
            Assert.True(
                source.Contains(id, StringComparison.Ordinal) || source.Contains("DiagnosticIds." + constant, StringComparison.Ordinal) ||
                (id == DiagnosticIds.UnlabeledAiOutput && source.Contains("FlowVerifier.VerifyAsync", StringComparison.Ordinal)),
                $"{test} does not test {id}");
        }
    }

    [Fact]
    public void Every_analyzer_reports_one_id_and_lives_in_its_own_file()
    {
        foreach (var type in Analyzers)
        {
            var ids = ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics.Select(d => d.Id).Distinct().ToList();
            Assert.True(ids.Count == 1, type.Name + " reports " + string.Join(", ", ids) + ": one analyzer per id");
            AssertDeclares(Path.Combine("src", "Analyzers", "AiCompliance.Analyzers", type.Name + ".cs"), type.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_rule_page_names_every_test_file_of_its_folder(string id)
    {
        // Tests are grouped per rule: tests/AiCompliance.Tests/Rules/<id>/ holds the rule's tests and its fix's tests.
        var folder = Path.Combine(Root, "tests", "AiCompliance.Tests", "Rules", id);
        Assert.True(Directory.Exists(folder), "no test folder for " + id);
        var text = File.ReadAllText(Path.Combine(Root, "docs", "rules", id + ".md"));
        foreach (var file in Directory.GetFiles(folder, "*.cs"))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            Assert.True(text.Contains("(../../" + relative + ")", StringComparison.Ordinal), id + ".md does not name " + relative);
        }
    }

    private static (string File, string Type) Single(string row)
    {
        var link = Assert.Single(Links().Matches(row));
        var type = Regex.Match(row, @"\(`(?<type>\w+)`\)");
        Assert.True(type.Success, "no (`Type`) in: " + row);
        return (link.Groups["path"].Value, type.Groups["type"].Value);
    }

    private static void AssertDeclares(string file, string type)
    {
        var path = Path.Combine(Root, file);
        Assert.True(File.Exists(path), file + " does not exist");
        Assert.Matches(new Regex(@"\bclass " + type + @"\b"), File.ReadAllText(path));
    }

    [GeneratedRegex(@"\]\(\.\./\.\./(?<path>[^)]+)\)")]
    private static partial Regex Links();
}
