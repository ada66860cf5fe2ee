using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using AiCompliance.Cli.Reporting;
using AiCompliance.Cli.Scanning;
using Xunit;

namespace AiCompliance.Cli.Tests;

/// <summary>The report writers and the summary line on hand-made reports (no scan).</summary>
public sealed class ReportWriterTests
{
    private const string Hostile = "<script>alert('x')</script> | `tick` & \"quote\"\nnext line 内容由人工智能生成";

    private static ScanReport Report(
        int services = 1,
        int invalid = 0,
        int labeled = 1,
        int unlabeled = 0,
        string severity = "error",
        string message = "AI-generated content from 'IChatClient.GetResponseAsync' reaches 'Console.WriteLine' without a label")
    {
        var location = new SourceLocation("src/Program.cs", 12, 19);
        var serviceList = Enumerable.Range(0, services)
            .Select(i => new ServiceEntry("YunQue" + i, "App.YunQue" + i, "Beijing-YunQue-20230821", i >= invalid, i < invalid ? "the date part '2' must be 8 digits (yyyyMMdd)" : null, "App", location))
            .ToList();
        var outputs = Enumerable.Range(0, labeled).Select(_ => new OutputEntry("Console.WriteLine", "IChatClient.GetResponseAsync", null, true, "App", location, null))
            .Concat(Enumerable.Range(0, unlabeled).Select(_ => new OutputEntry("Console.WriteLine", "IChatClient.GetResponseAsync", "Helper.Print", false, "App", location, location)))
            .ToList();
        var findings = Enumerable.Range(0, unlabeled).Select(_ => new FindingEntry("AIC001", severity, "AI-generated content reaches a user without a label", message, "https://example.invalid/docs/rules/AIC001.md", "App", location)).ToList();
        return new ScanReport(
            "App.csproj",
            Path.GetTempPath(),
            new[] { new ProjectEntry("App", "App.csproj", 0), new ProjectEntry("Lib", "../Lib/Lib.csproj", 0) },
            serviceList,
            new[] { new SourceEntry("IChatClient.GetResponseAsync", false, "App", location) },
            outputs,
            findings,
            new[] { new RuleEntry("AIC001", "AI-generated content reaches a user without a label", "desc", "AiCompliance.Labeling", "error", "https://example.invalid/docs/rules/AIC001.md") },
            new List<string>());
    }

    /// <summary>A report with one unchecked part per kind that matters, with or without an AIC001 finding.</summary>
    internal static ScanReport IncompleteReport(bool withFindings)
    {
        var complete = Report(unlabeled: withFindings ? 1 : 0);
        return new ScanReport(
            complete.Input,
            complete.Root,
            complete.Projects,
            complete.Services,
            complete.Sources,
            complete.Outputs,
            complete.Findings,
            complete.Rules,
            new List<string> { "Lib: analyzer assembly 'X.dll' could not be loaded; it declares no source generator" },
            new[]
            {
                new IncompleteEntry("App", IncompleteKinds.Compile, "1 compiler error (first: src/Program.cs:3: CS0103: " + Hostile + ")"),
                new IncompleteEntry("Lib", IncompleteKinds.Generator, "source generator 'RazorSourceGenerator' failed (ArgumentException: duplicate hint name)"),
            });
    }

    [Fact]
    public void An_incomplete_scan_without_findings_is_never_compliant_and_exits_3()
    {
        var report = IncompleteReport(withFindings: false);
        Assert.False(report.Compliant);
        Assert.False(report.Complete);
        Assert.Equal(3, report.ExitCode);
        Assert.Equal("INCOMPLETE", report.Verdict);
        Assert.Equal("incomplete", report.VerdictToken);
        Assert.EndsWith("0 findings, 2 unchecked parts — INCOMPLETE", report.SummaryLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_win_over_an_incomplete_scan_and_both_are_told()
    {
        var report = IncompleteReport(withFindings: true);
        Assert.Equal(1, report.ExitCode);
        Assert.Equal("NOT COMPLIANT", report.Verdict);
        Assert.EndsWith("1 finding, 2 unchecked parts — NOT COMPLIANT", report.SummaryLine, StringComparison.Ordinal);

        var json = new StringWriter();
        JsonReportWriter.Write(report, json);
        using var doc = JsonDocument.Parse(json.ToString());
        Assert.Equal("not-compliant", doc.RootElement.GetProperty("verdict").GetString());
        Assert.False(doc.RootElement.GetProperty("complete").GetBoolean());
        Assert.Equal(2, doc.RootElement.GetProperty("incomplete").GetArrayLength());

        var markdown = new StringWriter();
        MarkdownReportWriter.Write(report, markdown);
        Assert.Contains("the findings below stand, but there may be more", markdown.ToString(), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", markdown.ToString(), StringComparison.Ordinal); // reasons are escaped like everything else

        var html = new StringWriter();
        HtmlReportWriter.Write(report, html, DateTimeOffset.UnixEpoch);
        Assert.DoesNotContain("<script", html.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<section class=\"banner bad\" id=\"verdict\">", html.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_line_counts_and_verdict()
    {
        Assert.Equal(
            "Summary: 2 projects, 1 service (valid), 1 AI source, 1 output (1 labeled, 0 unlabeled), 0 findings — COMPLIANT",
            Report().SummaryLine);
        Assert.Equal(
            "Summary: 2 projects, 2 services (1 valid, 1 invalid), 1 AI source, 7 outputs (5 labeled, 2 unlabeled), 2 findings — NOT COMPLIANT",
            Report(services: 2, invalid: 1, labeled: 5, unlabeled: 2).SummaryLine);
        Assert.Equal(
            "Summary: 2 projects, 0 services, 1 AI source, 0 outputs, 0 findings — COMPLIANT",
            Report(services: 0, labeled: 0).SummaryLine);
    }

    [Theory]
    [InlineData("error", 1)]
    [InlineData("warning", 1)]
    [InlineData("info", 0)]
    public void Exit_code_is_1_for_warning_and_error_findings_only(string severity, int exitCode)
    {
        var report = Report(unlabeled: 1, severity: severity);
        Assert.Equal(exitCode, report.ExitCode);
        Assert.Equal(exitCode == 0, report.Compliant);
    }

    [Fact]
    public void Html_encodes_every_value()
    {
        var writer = new StringWriter();
        HtmlReportWriter.Write(Report(unlabeled: 1, message: Hostile), writer, DateTimeOffset.UnixEpoch);
        var html = writer.ToString();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;quote&quot;", html, StringComparison.Ordinal);
        Assert.Contains("内容由人工智能生成", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_keeps_table_rows_intact()
    {
        var writer = new StringWriter();
        MarkdownReportWriter.Write(Report(unlabeled: 1, message: Hostile), writer);
        var row = writer.ToString().Split('\n').Single(l => l.StartsWith("| [AIC001]", StringComparison.Ordinal));
        Assert.Contains("\\|", row, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", row, StringComparison.Ordinal);
        Assert.Contains("next line", row, StringComparison.Ordinal); // the line break became a space, the row stayed one line
    }

    [Fact]
    public void Json_round_trips_hostile_text_and_nulls()
    {
        var writer = new StringWriter();
        JsonReportWriter.Write(Report(unlabeled: 1, message: Hostile), writer);
        using var json = JsonDocument.Parse(writer.ToString());
        var finding = json.RootElement.GetProperty("findings")[0];
        Assert.Equal(Hostile, finding.GetProperty("message").GetString());
        Assert.Equal("src/Program.cs", finding.GetProperty("location").GetProperty("file").GetString());
        var labeled = json.RootElement.GetProperty("outputs").EnumerateArray().First(o => o.GetProperty("labeled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, labeled.GetProperty("via").ValueKind);
        Assert.Equal(JsonValueKind.Null, labeled.GetProperty("sourceLocation").ValueKind);
        Assert.Equal(JsonReportWriter.SchemaVersion, json.RootElement.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public void Sarif_uris_are_escaped_relative_references()
    {
        Assert.Equal("src/My%20App/Program.cs", SarifReportWriter.RelativeUri("src/My App/Program.cs"));
        Assert.Equal("../Lib/%E5%86%85.cs", SarifReportWriter.RelativeUri("../Lib/内.cs"));
    }

    [Fact]
    public void Table_to_a_plain_writer_has_no_escape_codes()
    {
        var writer = new StringWriter();
        TableReportWriter.Write(Report(unlabeled: 1, message: Hostile + " [red]not markup[/]"), TableReportWriter.CreateConsole(writer, terminal: false));
        var text = writer.ToString();
        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
        Assert.Contains("[red]not markup[/]", text, StringComparison.Ordinal);
        Assert.StartsWith("Summary: ", text.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_failure_reason_is_the_first_error_line_without_the_project_suffix()
    {
        var lines = new[]
        {
            "Determining projects to restore...",
            "/tmp/x/Broken.csproj : error NU1101: Unable to find package Foo. No packages exist with this id in source(s): local [/tmp/x/Broken.csproj]",
            "/tmp/x/Broken.csproj : error NU1101: again",
        };
        Assert.Equal("/tmp/x/Broken.csproj : error NU1101: Unable to find package Foo. No packages exist with this id in source(s): local", Restorer.Reason(lines, 1));
        Assert.Equal("'dotnet restore' exited with code 3", Restorer.Reason(new[] { "something" }, 3));
    }
}
