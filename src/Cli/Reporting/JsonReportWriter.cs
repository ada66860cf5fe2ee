using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AiCompliance.Cli.Reporting;

/// <summary>
/// <c>--format json</c>: the whole report with stable, camelCase property names; paths relative to the scanned
/// folder with '/' separators; no machine-specific data (no absolute paths, no timestamps).
/// </summary>
internal static class JsonReportWriter
{
    public const int SchemaVersion = 1;

    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(ScanReport report, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(report, json);
        }

        output.Write(Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    private static void Write(ScanReport report, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteEndObject();
        json.WriteString("input", report.Input);
        json.WriteString("verdict", report.VerdictToken);
        json.WriteBoolean("compliant", report.Compliant);
        json.WriteBoolean("complete", report.Complete);
        json.WriteNumber("exitCode", report.ExitCode);

        WriteSummary(report, json);
        WriteInventory(report, json);
        WriteScanProblems(report, json);
        json.WriteEndObject();
    }


    private static void WriteSummary(ScanReport report, Utf8JsonWriter json)
    {
        var s = report.Summary;
        json.WriteStartObject("summary");
        json.WriteNumber("projects", s.Projects);
        json.WriteNumber("services", s.Services);
        json.WriteNumber("validServices", s.ValidServices);
        json.WriteNumber("invalidServices", s.InvalidServices);
        json.WriteNumber("sources", s.Sources);
        json.WriteNumber("outputs", s.Outputs);
        json.WriteNumber("labeledOutputs", s.LabeledOutputs);
        json.WriteNumber("unlabeledOutputs", s.UnlabeledOutputs);
        json.WriteNumber("findings", s.Findings);
        json.WriteStartObject("findingsById");
        foreach (var pair in s.FindingsById)
        {
            json.WriteNumber(pair.Key, pair.Value);
        }

        json.WriteEndObject();
        json.WriteString("line", report.SummaryLine);
        json.WriteEndObject();
    }

    private static void WriteInventory(ScanReport report, Utf8JsonWriter json)
    {
        json.WriteStartArray("projects");
        foreach (var project in report.Projects)
        {
            json.WriteStartObject();
            json.WriteString("name", project.Name);
            json.WriteString("path", project.Path);
            json.WriteNumber("compilerErrors", project.CompilerErrors);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("services");
        foreach (var service in report.Services)
        {
            json.WriteStartObject();
            json.WriteString("name", service.Name);
            json.WriteString("type", service.Type);
            json.WriteString("number", service.Number);
            json.WriteBoolean("valid", service.Valid);
            json.WriteString("problem", service.Problem);
            json.WriteString("project", service.Project);
            WriteLocation(json, "location", service.Location);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("sources");
        foreach (var source in report.Sources)
        {
            json.WriteStartObject();
            json.WriteString("description", source.Description);
            json.WriteBoolean("throughLabelingClient", source.ThroughLabelingClient);
            json.WriteString("project", source.Project);
            WriteLocation(json, "location", source.Location);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("outputs");
        foreach (var output in report.Outputs)
        {
            json.WriteStartObject();
            json.WriteString("sink", output.Sink);
            json.WriteString("source", output.Source);
            json.WriteString("via", output.Via);
            json.WriteBoolean("labeled", output.Labeled);
            json.WriteString("project", output.Project);
            WriteLocation(json, "location", output.Location);
            WriteLocation(json, "sourceLocation", output.SourceLocation);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("id", finding.Id);
            json.WriteString("severity", finding.Severity);
            json.WriteString("title", finding.Title);
            json.WriteString("message", finding.Message);
            json.WriteString("helpUri", finding.HelpUri);
            json.WriteString("project", finding.Project);
            WriteLocation(json, "location", finding.Location);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteScanProblems(ScanReport report, Utf8JsonWriter json)
    {
        json.WriteStartArray("incomplete");
        foreach (var entry in report.Incomplete)
        {
            json.WriteStartObject();
            json.WriteString("project", entry.Project);
            json.WriteString("kind", entry.Kind);
            json.WriteString("detail", entry.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("warnings");
        foreach (var warning in report.Warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
    }

    private static void WriteLocation(Utf8JsonWriter json, string name, SourceLocation? location)
    {
        if (location is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("file", location.File);
        json.WriteNumber("line", location.Line);
        json.WriteNumber("column", location.Column);
        json.WriteEndObject();
    }
}
