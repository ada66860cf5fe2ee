using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace AiCompliance.Cli.Tests;

/// <summary>End to end: the CLI restores, loads and analyzes the fixture apps and reports in every format.</summary>
[Collection(ScanCollection.Name)]
public sealed class ScanTests
{
    private readonly ScanFixture _scans;

    public ScanTests(ScanFixture scans) => _scans = scans;

    [Fact]
    public async Task Compliant_app_exits_0_and_lists_its_service_source_and_labeled_output()
    {
        var run = await _scans.FixtureAsync("Compliant", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = ScanFixture.Json(run);
        var root = json.RootElement;
        Assert.True(root.GetProperty("compliant").GetBoolean());
        Assert.Equal("compliant", root.GetProperty("verdict").GetString());
        Assert.Equal("Compliant.csproj", root.GetProperty("input").GetString());

        var service = Assert.Single(root.GetProperty("services").EnumerateArray());
        Assert.Equal("YunQue", service.GetProperty("name").GetString());
        Assert.Equal("Compliant.Assistant", service.GetProperty("type").GetString());
        Assert.Equal("Beijing-YunQue-20230821", service.GetProperty("number").GetString());
        Assert.True(service.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, service.GetProperty("problem").ValueKind);
        Assert.Equal("Assistant.cs", service.GetProperty("location").GetProperty("file").GetString());

        var programFile = Path.Combine(CliRunner.Fixtures, "Compliant", "Program.cs");
        var source = Assert.Single(root.GetProperty("sources").EnumerateArray());
        Assert.Equal("IChatClient.GetResponseAsync", source.GetProperty("description").GetString());
        Assert.Equal(CliRunner.LineOf(programFile, "GetResponseAsync"), source.GetProperty("location").GetProperty("line").GetInt32());

        var output = Assert.Single(root.GetProperty("outputs").EnumerateArray());
        Assert.True(output.GetProperty("labeled").GetBoolean());
        Assert.Equal("Console.WriteLine", output.GetProperty("sink").GetString());
        Assert.Equal("IChatClient.GetResponseAsync", output.GetProperty("source").GetString());
        Assert.Equal(CliRunner.LineOf(programFile, "Assistant.Label(response.Text)"), output.GetProperty("location").GetProperty("line").GetInt32());

        Assert.Empty(root.GetProperty("findings").EnumerateArray());
        var summary = root.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("services").GetInt32());
        Assert.Equal(1, summary.GetProperty("labeledOutputs").GetInt32());
        Assert.Equal(0, summary.GetProperty("unlabeledOutputs").GetInt32());

        // The generator ran (Assistant.Label and RegistrationNotice exist): no compiler errors, and a clean load.
        Assert.All(root.GetProperty("projects").EnumerateArray(), p => Assert.Equal(0, p.GetProperty("compilerErrors").GetInt32()));
        Assert.Empty(root.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Severity_from_the_projects_editorconfig_is_respected()
    {
        // Configured/.editorconfig makes AIC001 a suggestion: listed as an info finding, not blocking.
        var run = await _scans.FixtureAsync("Configured", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = ScanFixture.Json(run);
        var root = json.RootElement;
        Assert.True(root.GetProperty("compliant").GetBoolean());
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal("AIC001", finding.GetProperty("id").GetString());
        Assert.Equal("info", finding.GetProperty("severity").GetString());
        var output = Assert.Single(root.GetProperty("outputs").EnumerateArray());
        Assert.False(output.GetProperty("labeled").GetBoolean());
    }

    [Fact]
    public async Task A_slnx_solution_is_scanned()
    {
        await _scans.FolderJsonAsync(); // restores the fixtures
        var folder = CliRunner.TempFolder("slnx");
        var project = Path.GetRelativePath(folder, CliRunner.Fixture("Unlabeled")).Replace('\\', '/');
        await File.WriteAllTextAsync(Path.Combine(folder, "App.slnx"), $"<Solution>\n  <Project Path=\"{project}\" />\n</Solution>\n");
        var run = await CliRunner.RunAsync("scan", folder, "--no-restore", "--format", "json");
        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = ScanFixture.Json(run);
        Assert.Equal("App.slnx", json.RootElement.GetProperty("input").GetString());
        Assert.Contains(json.RootElement.GetProperty("projects").EnumerateArray(), p => p.GetProperty("name").GetString() == "Unlabeled");
        Assert.Equal("AIC001", Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Unlabeled_output_exits_1_and_reports_AIC001_at_its_file_and_line()
    {
        var run = await _scans.FixtureAsync("Unlabeled", "json");
        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = ScanFixture.Json(run);
        var root = json.RootElement;
        Assert.False(root.GetProperty("compliant").GetBoolean());
        Assert.Equal(1, root.GetProperty("exitCode").GetInt32());

        var programFile = Path.Combine(CliRunner.Fixtures, "Unlabeled", "Program.cs");
        var line = CliRunner.LineOf(programFile, "Console.WriteLine(response.Text)");
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal("AIC001", finding.GetProperty("id").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("Program.cs", finding.GetProperty("location").GetProperty("file").GetString());
        Assert.Equal(line, finding.GetProperty("location").GetProperty("line").GetInt32());
        Assert.Equal("Console.WriteLine(".Length + 1, finding.GetProperty("location").GetProperty("column").GetInt32());
        Assert.Contains("reaches 'Console.WriteLine' without a label", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("docs/rules/AIC001.md", finding.GetProperty("helpUri").GetString(), StringComparison.Ordinal);

        var outputs = root.GetProperty("outputs").EnumerateArray().ToList();
        Assert.Equal(2, outputs.Count);
        var unlabeled = Assert.Single(outputs, o => !o.GetProperty("labeled").GetBoolean());
        Assert.Equal(line, unlabeled.GetProperty("location").GetProperty("line").GetInt32());
        Assert.Equal(CliRunner.LineOf(programFile, "GetResponseAsync(\"Hello\")"), unlabeled.GetProperty("sourceLocation").GetProperty("line").GetInt32());
        Assert.Single(outputs, o => o.GetProperty("labeled").GetBoolean());
        Assert.Equal(2, root.GetProperty("sources").GetArrayLength());
        Assert.Equal(1, root.GetProperty("summary").GetProperty("findingsById").GetProperty("AIC001").GetInt32());
    }

    [Fact]
    public async Task Malformed_number_is_an_AIC002_finding_and_the_service_is_listed_invalid()
    {
        var run = await _scans.FixtureAsync("BadNumber", "json");
        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = ScanFixture.Json(run);
        var root = json.RootElement;

        var service = Assert.Single(root.GetProperty("services").EnumerateArray());
        Assert.Equal("XueQiu", service.GetProperty("name").GetString());
        Assert.Equal("Beijing-XueQiuHuiJian-2S0033", service.GetProperty("number").GetString());
        Assert.False(service.GetProperty("valid").GetBoolean());
        Assert.Equal("the date part '2' must be 8 digits (yyyyMMdd)", service.GetProperty("problem").GetString());

        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal("AIC002", finding.GetProperty("id").GetString());
        Assert.Equal("Assistant.cs", finding.GetProperty("location").GetProperty("file").GetString());
        Assert.Equal(CliRunner.LineOf(Path.Combine(CliRunner.Fixtures, "BadNumber", "Assistant.cs"), "[RegisteredAiService("), finding.GetProperty("location").GetProperty("line").GetInt32());

        // The output itself is labeled: the number is the only problem.
        Assert.All(root.GetProperty("outputs").EnumerateArray(), o => Assert.True(o.GetProperty("labeled").GetBoolean()));
    }

    [Fact]
    public async Task Scanning_a_folder_finds_every_project_in_it()
    {
        var run = await _scans.FolderJsonAsync();
        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = ScanFixture.Json(run);
        var root = json.RootElement;
        Assert.Equal("Fixtures/", root.GetProperty("input").GetString());
        var projects = root.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.Contains("Compliant/Compliant.csproj", projects);
        Assert.Contains("Unlabeled/Unlabeled.csproj", projects);
        Assert.Contains("BadNumber/BadNumber.csproj", projects);
        Assert.Contains("Configured/Configured.csproj", projects);
        Assert.Equal(4, root.GetProperty("services").GetArrayLength());
        var findings = root.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("id").GetString() + " " + f.GetProperty("severity").GetString() + " " + f.GetProperty("location").GetProperty("file").GetString())
            .OrderBy(i => i, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(new[] { "AIC001 error Unlabeled/Program.cs", "AIC001 info Configured/Program.cs", "AIC002 error BadNumber/Assistant.cs" }, findings);

        // Paths are relative with '/' separators; nothing machine-specific is written.
        Assert.DoesNotContain(CliRunner.RepoRoot, run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\\\\", run.Out, StringComparison.Ordinal);
        Assert.True(run.Error.Contains("restoring", StringComparison.Ordinal) || run.Error.Contains("restore skipped", StringComparison.Ordinal), run.Error);
    }

    [Fact]
    public async Task Table_is_the_default_and_ends_with_the_summary_line()
    {
        var run = await _scans.FixtureAsync("Compliant", "table");
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Out.TrimEnd().Split('\n');
        Assert.Equal("Summary: 2 projects, 1 service (valid), 1 AI source, 1 output (1 labeled, 0 unlabeled), 0 findings — COMPLIANT", lines[^1].TrimEnd());
        Assert.Contains("Beijing-YunQue-20230821", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_written_to_a_file_is_plain_text()
    {
        var (run, text) = await _scans.FixtureToFileAsync("Unlabeled", "table");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Out);
        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
        Assert.Contains("AIC001", text, StringComparison.Ordinal);
        Assert.Contains("Program.cs:" + CliRunner.LineOf(Path.Combine(CliRunner.Fixtures, "Unlabeled", "Program.cs"), "Console.WriteLine(response.Text)"), text, StringComparison.Ordinal);
        Assert.Matches(@"^Summary: 2 projects, 1 service \(valid\), 2 AI sources, 2 outputs \(1 labeled, 1 unlabeled\), 1 finding — NOT COMPLIANT$", text.TrimEnd().Split('\n')[^1].TrimEnd());
        Assert.Contains(run.ErrorLines, l => l.StartsWith("Summary: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Markdown_has_tables_and_ends_with_the_summary_line()
    {
        var run = await _scans.FixtureAsync("Unlabeled", "markdown");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("# AiCompliance report: Unlabeled.csproj", run.Out, StringComparison.Ordinal);
        Assert.Contains("**Verdict: NOT COMPLIANT**", run.Out, StringComparison.Ordinal);
        Assert.Contains("| Id | Severity | Location | Message |", run.Out, StringComparison.Ordinal);
        Assert.Contains("[AIC001](", run.Out, StringComparison.Ordinal);
        Assert.Contains("❌ unlabeled", run.Out, StringComparison.Ordinal);
        Assert.StartsWith("Summary: ", run.Out.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
        Assert.EndsWith("NOT COMPLIANT", run.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sarif_is_2_1_0_with_rules_and_located_results()
    {
        var (run, text) = await _scans.FixtureToFileAsync("Unlabeled", "sarif");
        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var sarifRun = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = sarifRun.GetProperty("tool").GetProperty("driver");
        Assert.Equal("aicompliance", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var rule = Assert.Single(rules, r => r.GetProperty("id").GetString() == "AIC001");
        Assert.EndsWith("docs/rules/AIC001.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "AIC900");
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "AIC901");

        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        var result = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "AIC001");
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Contains("without a label", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        var physical = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        Assert.Equal("Program.cs", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(CliRunner.LineOf(Path.Combine(CliRunner.Fixtures, "Unlabeled", "Program.cs"), "Console.WriteLine(response.Text)"), physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(19, physical.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal(rules.FindIndex(r => r.GetProperty("id").GetString() == "AIC001"), result.GetProperty("ruleIndex").GetInt32());

        // Report-only entries are informational, never problems.
        Assert.All(results.Where(r => r.GetProperty("ruleId").GetString() is "AIC900" or "AIC901"), r => Assert.Equal("none", r.GetProperty("level").GetString()));
        Assert.False(sarifRun.GetProperty("properties").GetProperty("compliant").GetBoolean());
    }

    [Fact]
    public async Task Html_is_one_self_contained_page_with_the_verdict()
    {
        var (run, html) = await _scans.FixtureToFileAsync("Unlabeled", "html");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("NOT COMPLIANT", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        foreach (var section in new[] { "id=\"verdict\"", "id=\"services\"", "id=\"outputs\"", "id=\"findings\"", "id=\"sources\"" })
        {
            Assert.Contains(section, html, StringComparison.Ordinal);
        }

        Assert.Contains("badge bad\">unlabeled", html, StringComparison.Ordinal);
        Assert.Contains("badge ok\">labeled", html, StringComparison.Ordinal);
        Assert.Contains("AIC001", html, StringComparison.Ordinal);

        // Self-contained: nothing is fetched or linked from outside.
        Assert.DoesNotMatch(new Regex(@"(src|href)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
    }
}
