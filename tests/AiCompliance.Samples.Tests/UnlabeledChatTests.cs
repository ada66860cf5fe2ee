using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AiCompliance.Samples.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace AiCompliance.Samples.Tests;

/// <summary>samples/UnlabeledChat: ChatWeb without labels must not build, and must fail for AIC001 only.</summary>
[Collection(SamplesCollection.Name)]
public class UnlabeledChatTests(SamplesFixture samples, ITestOutputHelper output)
{
    private const string Project = "samples/UnlabeledChat/UnlabeledChat.csproj";

    // Program.cs(36,23): error AIC001: AI-generated content from '…' reaches 'Results.Ok' without a label (…) [….csproj]
    private static readonly Regex Diagnostic = new(
        @"^[ \t]*(?<file>[^\s(][^(\r\n]*)\((?<line>\d+),(?<col>\d+)\): (?<severity>error|warning) (?<id>[A-Z]+\d+): (?<message>[^\r\n]*?)(?: \[[^\]\r\n]+\])?\r?$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    // return Results.Ok(new ChatAnswer(response.Text)); // AIC001 expected at "new ChatAnswer(response.Text)" (Results.Ok)
    private static readonly Regex Marker = new(@"// AIC001 expected at ""(?<at>[^""]+)"" \((?<sink>.+)\)\s*$", RegexOptions.CultureInvariant);

    [Fact]
    public void Build_fails_with_AIC001_exactly_at_the_marked_expressions_and_nothing_else()
    {
        var projectDir = Path.Combine(samples.RepoRoot, "samples", "UnlabeledChat");
        var expected = ExpectedFindings(projectDir);
        Assert.True(expected.Count >= 3, "the markers in samples/UnlabeledChat are gone: " + expected.Count);

        var build = samples.Build(Project);
        output.WriteLine(build.Output);
        Assert.NotEqual(0, build.ExitCode);

        var reported = Diagnostic.Matches(build.Output)
            .Select(m => new Finding(
                Path.GetFullPath(m.Groups["file"].Value.Trim()),
                int.Parse(m.Groups["line"].Value),
                int.Parse(m.Groups["col"].Value),
                m.Groups["severity"].Value + " " + m.Groups["id"].Value,
                m.Groups["message"].Value))
            .Distinct() // MSBuild repeats errors in its summary
            .ToList();

        // Nothing but AIC001 fails: the sample compiles, it is only unlabeled.
        var others = reported.Where(f => f.Id != "error AIC001").ToList();
        Assert.True(others.Count == 0, "unexpected diagnostics:\n" + string.Join("\n", others));
        Assert.DoesNotContain("error CS", build.Output);
        Assert.DoesNotContain("error MSB", build.Output);
        Assert.DoesNotContain("error NU", build.Output);

        var actual = reported.Select(f => (f.File, f.Line, f.Column)).ToHashSet();
        var wanted = expected.Select(e => (e.File, e.Line, e.Column)).ToHashSet();
        Assert.True(wanted.SetEquals(actual),
            "AIC001 locations differ.\nexpected:\n" + string.Join("\n", wanted.Order()) + "\nreported:\n" + string.Join("\n", actual.Order()));

        foreach (var e in expected)
        {
            var finding = reported.Single(f => f.File == e.File && f.Line == e.Line && f.Column == e.Column);
            Assert.Contains("reaches '" + e.Sink + "' without a label", finding.Message);
            Assert.Contains("AI-generated content from 'IChatClient.", finding.Message);
        }
    }

    [Fact]
    public void Unlabeled_sample_stays_out_of_the_solution_and_ChatWeb_is_in_it()
    {
        var solution = File.ReadAllText(Path.Combine(samples.RepoRoot, "Toolkit.sln"));
        Assert.DoesNotContain("UnlabeledChat", solution);
        Assert.Contains(@"samples\ChatWeb\ChatWeb.csproj", solution);
    }

    /// <summary>Every marker comment names the expression the error starts at; its column is where that text stands.</summary>
    private static List<Expected> ExpectedFindings(string projectDir)
    {
        var expected = new List<Expected>();
        foreach (var file in Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var marker = Marker.Match(lines[i]);
                if (!marker.Success)
                {
                    continue;
                }

                var at = lines[i].IndexOf(marker.Groups["at"].Value, StringComparison.Ordinal);
                Assert.True(at >= 0 && at < marker.Index, $"{file}({i + 1}): marker text '{marker.Groups["at"].Value}' is not in the code of its line");
                expected.Add(new Expected(Path.GetFullPath(file), i + 1, at + 1, marker.Groups["sink"].Value));
            }
        }

        return expected;
    }

    private sealed record Expected(string File, int Line, int Column, string Sink);

    private sealed record Finding(string File, int Line, int Column, string Id, string Message);
}
