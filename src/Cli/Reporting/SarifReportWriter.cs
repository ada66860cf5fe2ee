using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace AiCompliance.Cli.Reporting;

/// <summary>
/// <c>--format sarif</c>: SARIF 2.1.0. Findings are results of kind "fail"; the report-only AIC900 (labeled output)
/// and AIC901 (AI source) entries are results of kind "informational" with level "none", so the file is the full
/// inventory while code-scanning tools still show only the findings as problems. Services and the verdict are in
/// the run's property bag.
/// </summary>
internal static class SarifReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    private const string RootId = "SRCROOT";
    private static readonly char[] WordSeparators = [' ', '-', ',', '[', ']', '.', '\''];

    public static void Write(ScanReport report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonReportWriter.WriterOptions))
        {
            Write(report, json);
        }

        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    private static void Write(ScanReport report, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        var rules = report.Rules.ToList();
        var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        WriteTool(json, rules);
        WriteInvocation(report, json);
        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(RootId);
        json.WriteString("uri", new Uri(report.Root.EndsWith(Path.DirectorySeparatorChar) ? report.Root : report.Root + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        WriteResults(report, json, ruleIndex);
        WriteProperties(report, json);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter json, List<RuleEntry> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteString("semanticVersion", ToolInfo.Version);
        json.WriteString("informationUri", ToolInfo.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", PascalName(rule.Title));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title);
            json.WriteEndObject();
            if (rule.Description.Length > 0)
            {
                json.WriteStartObject("fullDescription");
                json.WriteString("text", rule.Description);
                json.WriteEndObject();
            }

            if (rule.HelpUri is not null)
            {
                json.WriteString("helpUri", rule.HelpUri);
            }

            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", rule.Id is "AIC900" or "AIC901" ? "none" : Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteInvocation(ScanReport report, Utf8JsonWriter json)
    {
        // Whether the run checked everything: a code-scanning upload of an incomplete scan must not read as clean.
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", report.Complete);
        json.WriteNumber("exitCode", report.ExitCode);
        json.WriteStartArray("toolExecutionNotifications");
        foreach (var entry in report.Incomplete)
        {
            json.WriteStartObject();
            json.WriteString("level", "error");
            json.WriteStartObject("message");
            json.WriteString("text", $"{entry.Project}: {entry.Kind}: {entry.Detail}");
            json.WriteEndObject();
            json.WriteStartObject("descriptor");
            json.WriteString("id", "incomplete/" + entry.Kind);
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("project", entry.Project);
            json.WriteString("kind", entry.Kind);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        foreach (var warning in report.Warnings)
        {
            json.WriteStartObject();
            json.WriteString("level", "warning");
            json.WriteStartObject("message");
            json.WriteString("text", warning);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteResults(ScanReport report, Utf8JsonWriter json, Dictionary<string, int> ruleIndex)
    {
        json.WriteStartArray("results");
        foreach (var finding in report.Findings)
        {
            WriteResult(json, finding.Id, ruleIndex, "fail", Level(finding.Severity), finding.Message, finding.Location);
        }

        foreach (var output in report.Outputs.Where(o => o.Labeled))
        {
            var message = $"AI-generated content from '{output.Source}' reaches '{output.Sink}'{(output.Via is null ? string.Empty : " via '" + output.Via + "'")}, labeled";
            WriteResult(json, "AIC900", ruleIndex, "informational", "none", message, output.Location);
        }

        foreach (var source in report.Sources)
        {
            var message = $"'{source.Description}' produces AI-generated content{(source.ThroughLabelingClient ? " (through the labeling client)" : string.Empty)}";
            WriteResult(json, "AIC901", ruleIndex, "informational", "none", message, source.Location);
        }

        json.WriteEndArray();
    }

    private static void WriteProperties(ScanReport report, Utf8JsonWriter json)
    {
        json.WriteStartObject("properties");
        json.WriteBoolean("compliant", report.Compliant);
        json.WriteBoolean("complete", report.Complete);
        json.WriteString("verdict", report.VerdictToken);
        json.WriteString("summary", report.SummaryLine);
        json.WriteStartArray("services");
        foreach (var service in report.Services)
        {
            json.WriteStartObject();
            json.WriteString("name", service.Name);
            json.WriteString("type", service.Type);
            json.WriteString("number", service.Number);
            json.WriteBoolean("valid", service.Valid);
            json.WriteString("problem", service.Problem);
            json.WriteString("location", service.Location.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in report.Warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, string ruleId, Dictionary<string, int> ruleIndex, string kind, string level, string message, SourceLocation location)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", ruleId);
        if (ruleIndex.TryGetValue(ruleId, out var index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("kind", kind);
        json.WriteString("level", level);
        json.WriteStartObject("message");
        json.WriteString("text", message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", RelativeUri(location.File));
        json.WriteString("uriBaseId", RootId); // '../' paths resolve against it too

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, location.Line));
        json.WriteNumber("startColumn", Math.Max(1, location.Column));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A relative URI reference: each path segment escaped, '/' kept.</summary>
    internal static string RelativeUri(string path) =>
        string.Join("/", path.Split('/').Select(segment => segment is ".." or "." ? segment : Uri.EscapeDataString(segment)));

    private static string Level(string severity) => severity switch
    {
        "error" => "error",
        "warning" => "warning",
        "info" => "note",
        _ => "none",
    };

    private static string PascalName(string title)
    {
        var builder = new StringBuilder();
        foreach (var word in title.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.All(char.IsLetterOrDigit))
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
            }
        }

        return builder.Length > 0 ? builder.ToString() : "Rule";
    }
}
