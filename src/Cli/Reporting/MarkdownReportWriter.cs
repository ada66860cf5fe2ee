using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace AiCompliance.Cli.Reporting;

/// <summary><c>--format markdown</c>: GitHub-flavored tables (for a pull-request comment or a job summary).</summary>
internal static class MarkdownReportWriter
{
    private static readonly string[] ServiceHeaders = ["Service", "Type", "Number", "Valid", "Location", "Problem"];
    private static readonly string[] SourceHeaders = ["Location", "Source", "Through labeling client"];
    private static readonly string[] OutputHeaders = ["Location", "Sink", "Source", "Labeled"];
    private static readonly string[] FindingHeaders = ["Id", "Severity", "Location", "Message"];
    private static readonly string[] ProjectHeaders = ["Project", "Path", "Compiler errors"];
    private static readonly string[] IncompleteHeaders = ["Project", "What failed", "Detail"];

    public static void Write(ScanReport report, TextWriter output)
    {
        var md = new StringBuilder();
        md.Append("# AiCompliance report: ").AppendLine(Cell(report.Input));
        md.AppendLine();
        md.Append("**Verdict: ").Append(report.Verdict).Append("**");
        if (report.Summary.Findings > 0)
        {
            md.Append(" — ").Append(string.Join(", ", report.Summary.FindingsById.Select(p => p.Key + " × " + p.Value.ToString(CultureInfo.InvariantCulture))));
        }

        md.AppendLine();
        md.AppendLine();
        if (!report.Complete)
        {
            md.Append("> **Not everything was checked** (").Append(report.Incomplete.Count.ToString(CultureInfo.InvariantCulture))
              .AppendLine(report.HasBlockingFindings ? "): the findings below stand, but there may be more." : "): no finding is not the same as compliant.");
            md.AppendLine();
            Section(md, "Not checked", report.Incomplete.Count, IncompleteHeaders, report.Incomplete.Select(i => new[]
            {
                Cell(i.Project), Code(i.Kind), Cell(i.Detail),
            }));
        }

        Section(md, "Registered services", report.Services.Count, ServiceHeaders, report.Services.Select(s => new[]
        {
            Cell(s.Name), Code(s.Type), Code(s.Number ?? "null"), s.Valid ? "✅ valid" : "❌ invalid", Code(s.Location.ToString()), Cell(s.Problem ?? string.Empty),
        }));
        Section(md, "AI sources", report.Sources.Count, SourceHeaders, report.Sources.Select(s => new[]
        {
            Code(s.Location.ToString()), Code(s.Description), s.ThroughLabelingClient ? "yes" : "no",
        }));
        Section(md, "User-facing outputs", report.Outputs.Count, OutputHeaders, report.Outputs.Select(o => new[]
        {
            Code(o.Location.ToString()), Code(o.Sink) + (o.Via is null ? string.Empty : " via " + Code(o.Via)), Code(o.Source), o.Labeled ? "✅ labeled" : "❌ unlabeled",
        }));
        Section(md, "Findings", report.Findings.Count, FindingHeaders, report.Findings.Select(f => new[]
        {
            f.HelpUri is null ? f.Id : "[" + f.Id + "](" + f.HelpUri + ")", f.Severity, Code(f.Location.ToStringWithColumn()), Cell(f.Message),
        }));
        Section(md, "Projects", report.Projects.Count, ProjectHeaders, report.Projects.Select(p => new[]
        {
            Cell(p.Name), Code(p.Path), p.CompilerErrors.ToString(CultureInfo.InvariantCulture),
        }));

        if (report.Warnings.Count > 0)
        {
            md.AppendLine("## Warnings");
            md.AppendLine();
            foreach (var warning in report.Warnings)
            {
                md.Append("- ").AppendLine(Cell(warning));
            }

            md.AppendLine();
        }

        md.AppendLine(report.SummaryLine);
        output.Write(md.ToString());
    }

    private static void Section(StringBuilder md, string title, int count, string[] headers, IEnumerable<string[]> rows)
    {
        md.Append("## ").Append(title).Append(" (").Append(count.ToString(CultureInfo.InvariantCulture)).AppendLine(")");
        md.AppendLine();
        if (count == 0)
        {
            md.AppendLine("_None._");
            md.AppendLine();
            return;
        }

        md.Append("| ").Append(string.Join(" | ", headers)).AppendLine(" |");
        md.Append('|').Append(string.Concat(headers.Select(_ => "---|"))).AppendLine();
        foreach (var row in rows)
        {
            md.Append("| ").Append(string.Join(" | ", row)).AppendLine(" |");
        }

        md.AppendLine();
    }

    /// <summary>Text for a table cell: no line breaks, pipes and HTML escaped.</summary>
    internal static string Cell(string text) => text
        .Replace("\r", " ", System.StringComparison.Ordinal)
        .Replace("\n", " ", System.StringComparison.Ordinal)
        .Replace("&", "&amp;", System.StringComparison.Ordinal)
        .Replace("<", "&lt;", System.StringComparison.Ordinal)
        .Replace(">", "&gt;", System.StringComparison.Ordinal)
        .Replace("|", "\\|", System.StringComparison.Ordinal)
        .Replace("*", "\\*", System.StringComparison.Ordinal)
        .Replace("_", "\\_", System.StringComparison.Ordinal)
        .Replace("`", "\\`", System.StringComparison.Ordinal)
        .Replace("[", "\\[", System.StringComparison.Ordinal);

    /// <summary>A code span that survives backticks and pipes in the text.</summary>
    internal static string Code(string text)
    {
        text = text.Replace("\r", " ", System.StringComparison.Ordinal).Replace("\n", " ", System.StringComparison.Ordinal).Replace("|", "\\|", System.StringComparison.Ordinal);
        var fence = "`";
        while (text.Contains(fence, System.StringComparison.Ordinal))
        {
            fence += "`";
        }

        var pad = text.StartsWith('`') || text.EndsWith('`') ? " " : string.Empty;
        return fence + pad + text + pad + fence;
    }
}
