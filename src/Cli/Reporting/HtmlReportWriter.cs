using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace AiCompliance.Cli.Reporting;

/// <summary>
/// <c>--format html</c>: one self-contained page for a compliance reviewer: inline CSS, no script, no external
/// resource or link, every value HTML-encoded. Sections: verdict banner, services, outputs, findings, sources.
/// </summary>
internal static class HtmlReportWriter
{
    private static readonly string[] ServiceHeaders = ["Service", "Type", "Registration number", "Status", "Location"];
    private static readonly string[] OutputHeaders = ["Status", "Sink", "Source", "Location"];
    private static readonly string[] FindingHeaders = ["Id", "Severity", "Message", "Location"];
    private static readonly string[] SourceHeaders = ["Source", "Through labeling client", "Location"];
    private static readonly string[] ProjectHeaders = ["Project", "Path", "Compiler errors"];

    private const string Css = """
        :root { --ok: #1a7f37; --ok-bg: #dafbe1; --bad: #cf222e; --bad-bg: #ffebe9; --warn: #9a6700; --warn-bg: #fff8c5; --muted: #57606a; --line: #d0d7de; }
        * { box-sizing: border-box; }
        body { font-family: -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", Helvetica, Arial, sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
        main { max-width: 1200px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 17px; margin: 28px 0 8px; }
        .meta { color: var(--muted); font-size: 13px; margin-bottom: 16px; }
        .banner { border-radius: 8px; padding: 16px 20px; margin: 16px 0; border: 1px solid; }
        .banner.ok { background: var(--ok-bg); border-color: var(--ok); color: var(--ok); }
        .banner.bad { background: var(--bad-bg); border-color: var(--bad); color: var(--bad); }
        .banner.warn { background: var(--warn-bg); border-color: var(--warn); color: var(--warn); }
        .banner .verdict { font-size: 24px; font-weight: 700; }
        .banner .line { color: #1f2328; margin-top: 6px; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 130px; }
        .card .n { font-size: 22px; font-weight: 700; }
        .card .l { color: var(--muted); font-size: 12px; }
        table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); font-size: 13px; }
        th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #f0f3f6; font-weight: 600; }
        td.loc, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
        td.loc { white-space: nowrap; }
        .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
        .badge.ok { background: var(--ok-bg); color: var(--ok); }
        .badge.bad { background: var(--bad-bg); color: var(--bad); }
        .badge.warn { background: var(--warn-bg); color: var(--warn); }
        .badge.info { background: #ddf4ff; color: #0969da; }
        .none { color: var(--muted); font-style: italic; }
        ul.warnings { background: var(--warn-bg); border: 1px solid #d4a72c; border-radius: 8px; padding: 10px 10px 10px 30px; }
        footer { color: var(--muted); font-size: 12px; margin-top: 32px; }
        """;

    public static void Write(ScanReport report, TextWriter output, DateTimeOffset generatedAt)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\">");
        html.AppendLine("<head>");
        html.AppendLine("<meta charset=\"utf-8\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>AiCompliance report: ").Append(E(report.Input)).Append(" — ").Append(E(report.Verdict)).AppendLine("</title>");
        html.Append("<style>").Append(Css).AppendLine("</style>");
        html.AppendLine("</head>");
        html.AppendLine("<body>");
        html.AppendLine("<main>");
        html.Append("<h1>AiCompliance report: ").Append(E(report.Input)).AppendLine("</h1>");
        html.Append("<div class=\"meta\">Generated ").Append(E(generatedAt.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)))
            .Append(" by ").Append(E(ToolInfo.Name)).Append(' ').Append(E(ToolInfo.Version))
            .Append(". Rules: GB 45438-2025 (explicit labels), Measures for Labeling AI-Generated Synthetic Content.</div>").AppendLine();

        // Verdict banner
        var banner = report.Compliant ? "ok" : report.HasBlockingFindings ? "bad" : "warn";
        html.Append("<section class=\"banner ").Append(banner).AppendLine("\" id=\"verdict\">");
        html.Append("<div class=\"verdict\">").Append(report.Compliant ? "✔ " : report.HasBlockingFindings ? "✘ " : "? ").Append(E(report.Verdict)).AppendLine("</div>");
        html.Append("<div class=\"line\">").Append(E(report.SummaryLine)).AppendLine("</div>");
        html.AppendLine("</section>");

        if (!report.Complete)
        {
            html.Append("<h2 id=\"incomplete\">Not checked (").Append(report.Incomplete.Count.ToString(CultureInfo.InvariantCulture)).AppendLine(")</h2>");
            html.Append("<p>").Append(report.HasBlockingFindings
                ? "The findings below stand, but parts of the app were not checked and may hide more."
                : "Nothing unlabeled was found, but parts of the app were not checked: this is not a compliant verdict.").AppendLine("</p>");
            html.AppendLine("<ul class=\"incomplete\">");
            foreach (var entry in report.Incomplete)
            {
                html.Append("<li><strong>").Append(E(entry.Project)).Append("</strong> — <code>").Append(E(entry.Kind)).Append("</code>: ").Append(E(entry.Detail)).AppendLine("</li>");
            }

            html.AppendLine("</ul>");
        }

        var s = report.Summary;
        html.AppendLine("<div class=\"cards\">");
        Card(html, s.Projects, "projects");
        Card(html, s.Services, s.InvalidServices == 0 ? "services (all valid)" : $"services ({s.InvalidServices} invalid)");
        Card(html, s.Sources, "AI sources");
        Card(html, s.LabeledOutputs, "labeled outputs");
        Card(html, s.UnlabeledOutputs, "unlabeled outputs");
        Card(html, s.Findings, "findings");
        html.AppendLine("</div>");

        if (report.Warnings.Count > 0)
        {
            html.AppendLine("<h2 id=\"warnings\">Scan warnings</h2>");
            html.AppendLine("<ul class=\"warnings\">");
            foreach (var warning in report.Warnings)
            {
                html.Append("<li>").Append(E(warning)).AppendLine("</li>");
            }

            html.AppendLine("</ul>");
        }

        Table(html, "services", "Registered services", report.Services.Count, ServiceHeaders, report.Services.Select(v => new[]
        {
            E(v.Name),
            "<code>" + E(v.Type) + "</code>",
            "<code>" + E(v.Number ?? "null") + "</code>",
            v.Valid ? Badge("ok", "valid") : Badge("bad", "invalid") + "<br>" + E(v.Problem ?? string.Empty),
            Loc(v.Location),
        }));

        Table(html, "outputs", "User-facing outputs", report.Outputs.Count, OutputHeaders, report.Outputs.Select(o => new[]
        {
            o.Labeled ? Badge("ok", "labeled") : Badge("bad", "unlabeled"),
            "<code>" + E(o.Sink) + "</code>" + (o.Via is null ? string.Empty : " via <code>" + E(o.Via) + "</code>"),
            "<code>" + E(o.Source) + "</code>" + (o.SourceLocation is null ? string.Empty : "<br><span class=\"meta\">" + E(o.SourceLocation.ToString()) + "</span>"),
            Loc(o.Location),
        }));

        Table(html, "findings", "Findings", report.Findings.Count, FindingHeaders, report.Findings.Select(f => new[]
        {
            "<strong>" + E(f.Id) + "</strong><br><span class=\"meta\">" + E(f.Title) + "</span>",
            SeverityBadge(f.Severity),
            E(f.Message),
            "<span title=\"column " + f.Location.Column.ToString(CultureInfo.InvariantCulture) + "\">" + E(f.Location.ToStringWithColumn()) + "</span>",
        }), locationColumn: 3);

        Table(html, "sources", "AI sources", report.Sources.Count, SourceHeaders, report.Sources.Select(src => new[]
        {
            "<code>" + E(src.Description) + "</code>",
            src.ThroughLabelingClient ? Badge("ok", "yes") : "no",
            Loc(src.Location),
        }));

        Table(html, "projects", "Projects", report.Projects.Count, ProjectHeaders, report.Projects.Select(p => new[]
        {
            E(p.Name),
            "<code>" + E(p.Path) + "</code>",
            p.CompilerErrors == 0 ? "0" : Badge("warn", p.CompilerErrors.ToString(CultureInfo.InvariantCulture)),
        }));

        if (report.Rules.Count > 0)
        {
            html.AppendLine("<h2 id=\"rules\">Rules</h2>");
            html.AppendLine("<table><thead><tr><th>Id</th><th>Title</th><th>Documentation</th></tr></thead><tbody>");
            foreach (var rule in report.Rules)
            {
                html.Append("<tr><td>").Append(E(rule.Id)).Append("</td><td>").Append(E(rule.Title)).Append("</td><td><code>docs/rules/")
                    .Append(E(rule.Id)).AppendLine(".md</code></td></tr>");
            }

            html.AppendLine("</tbody></table>");
        }

        html.Append("<footer>").Append(E(report.SummaryLine)).AppendLine("</footer>");
        html.AppendLine("</main>");
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        output.Write(html.ToString());
    }

    private static void Card(StringBuilder html, int n, string label) =>
        html.Append("<div class=\"card\"><div class=\"n\">").Append(n.ToString(CultureInfo.InvariantCulture)).Append("</div><div class=\"l\">").Append(E(label)).AppendLine("</div></div>");

    private static void Table(StringBuilder html, string id, string title, int count, string[] headers, IEnumerable<string[]> rows, int locationColumn = -1)
    {
        html.Append("<h2 id=\"").Append(id).Append("\">").Append(E(title)).Append(" (").Append(count.ToString(CultureInfo.InvariantCulture)).AppendLine(")</h2>");
        if (count == 0)
        {
            html.AppendLine("<p class=\"none\">None.</p>");
            return;
        }

        html.Append("<table><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(E(header)).Append("</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        var last = locationColumn >= 0 ? locationColumn : headers.Length - 1;
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                html.Append(i == last ? "<td class=\"loc\">" : "<td>").Append(row[i]).Append("</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table>");
    }

    private static string Loc(SourceLocation location) => E(location.ToString());

    private static string Badge(string kind, string text) => "<span class=\"badge " + kind + "\">" + E(text) + "</span>";

    private static string SeverityBadge(string severity) => severity switch
    {
        "error" => Badge("bad", "error"),
        "warning" => Badge("warn", "warning"),
        _ => Badge("info", severity),
    };

    /// <summary>HTML-encodes text (element content and attribute values).</summary>
    private static string E(string text) => WebUtility.HtmlEncode(text);
}
