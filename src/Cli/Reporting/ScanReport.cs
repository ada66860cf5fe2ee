using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AiCompliance.Cli.Reporting;

/// <summary>A place in a source file; <see cref="File"/> is relative to the scan root, with '/' separators.</summary>
internal sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary><c>file:line</c>.</summary>
    public override string ToString() => File + ":" + Line.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>file:line:column</c>.</summary>
    public string ToStringWithColumn() => ToString() + ":" + Column.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A C# project that was analyzed.</summary>
internal sealed record ProjectEntry(string Name, string Path, int CompilerErrors);

/// <summary>A type marked <c>[RegisteredAiService]</c>.</summary>
internal sealed record ServiceEntry(string Name, string Type, string? Number, bool Valid, string? Problem, string Project, SourceLocation Location);

/// <summary>A call whose result is AI-generated content (AIC901).</summary>
internal sealed record SourceEntry(string Description, bool ThroughLabelingClient, string Project, SourceLocation Location);

/// <summary>AI-generated content reaching a user-facing output: labeled (AIC900) or not (AIC001).</summary>
internal sealed record OutputEntry(string Sink, string Source, string? Via, bool Labeled, string Project, SourceLocation Location, SourceLocation? SourceLocation);

/// <summary>An AIC diagnostic of severity info or higher (AIC900/AIC901 excluded).</summary>
internal sealed record FindingEntry(string Id, string Severity, string Title, string Message, string? HelpUri, string Project, SourceLocation Location)
{
    /// <summary>Warnings and errors make the scan non-compliant.</summary>
    public bool IsBlocking => Severity is "error" or "warning";
}

/// <summary>The descriptor of a reported diagnostic id.</summary>
internal sealed record RuleEntry(string Id, string Title, string Description, string Category, string DefaultSeverity, string? HelpUri);

/// <summary>Counts for the summary line.</summary>
internal sealed record ReportSummary(
    int Projects,
    int Services,
    int ValidServices,
    int InvalidServices,
    int Sources,
    int Outputs,
    int LabeledOutputs,
    int UnlabeledOutputs,
    int Findings,
    IReadOnlyDictionary<string, int> FindingsById);

/// <summary>The result of a scan: everything every report format shows.</summary>
internal sealed class ScanReport
{
    public ScanReport(
        string input,
        string root,
        IReadOnlyList<ProjectEntry> projects,
        IReadOnlyList<ServiceEntry> services,
        IReadOnlyList<SourceEntry> sources,
        IReadOnlyList<OutputEntry> outputs,
        IReadOnlyList<FindingEntry> findings,
        IReadOnlyList<RuleEntry> rules,
        IReadOnlyList<string> warnings)
    {
        Input = input;
        Root = root;
        Projects = projects;
        Services = services;
        Sources = sources;
        Outputs = outputs;
        Findings = findings;
        Rules = rules;
        Warnings = warnings;
        Summary = new ReportSummary(
            projects.Count,
            services.Count,
            services.Count(s => s.Valid),
            services.Count(s => !s.Valid),
            sources.Count,
            outputs.Count,
            outputs.Count(o => o.Labeled),
            outputs.Count(o => !o.Labeled),
            findings.Count,
            findings.GroupBy(f => f.Id).OrderBy(g => g.Key, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>What was scanned, relative to <see cref="Root"/> ('.' for a folder).</summary>
    public string Input { get; }

    /// <summary>The absolute folder every location is relative to (not written to the json report).</summary>
    public string Root { get; }

    public IReadOnlyList<ProjectEntry> Projects { get; }

    public IReadOnlyList<ServiceEntry> Services { get; }

    public IReadOnlyList<SourceEntry> Sources { get; }

    public IReadOnlyList<OutputEntry> Outputs { get; }

    public IReadOnlyList<FindingEntry> Findings { get; }

    public IReadOnlyList<RuleEntry> Rules { get; }

    /// <summary>Problems of the scan itself (project load failures, compiler errors): shown, never fatal.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public ReportSummary Summary { get; }

    /// <summary>Compliant when no AIC finding has severity warning or error.</summary>
    public bool Compliant => !Findings.Any(f => f.IsBlocking);

    /// <summary>0 compliant, 1 findings.</summary>
    public int ExitCode => Compliant ? 0 : 1;

    public string Verdict => Compliant ? "COMPLIANT" : "NOT COMPLIANT";

    /// <summary>
    /// The one-line summary, e.g. <c>Summary: 2 projects, 1 service (valid), 5 AI sources, 7 outputs (5 labeled,
    /// 2 unlabeled), 2 findings — NOT COMPLIANT</c>.
    /// </summary>
    public string SummaryLine
    {
        get
        {
            var s = Summary;
            var services = s.Services switch
            {
                0 => "0 services",
                _ when s.InvalidServices == 0 => Count(s.Services, "service") + (s.Services == 1 ? " (valid)" : " (all valid)"),
                _ when s.ValidServices == 0 => Count(s.Services, "service") + (s.Services == 1 ? " (invalid)" : " (all invalid)"),
                _ => Count(s.Services, "service") + $" ({s.ValidServices} valid, {s.InvalidServices} invalid)",
            };
            var outputs = Count(s.Outputs, "output") + (s.Outputs == 0 ? string.Empty : $" ({s.LabeledOutputs} labeled, {s.UnlabeledOutputs} unlabeled)");
            return string.Create(
                CultureInfo.InvariantCulture,
                $"Summary: {Count(s.Projects, "project")}, {services}, {Count(s.Sources, "AI source")}, {outputs}, {Count(s.Findings, "finding")} — {Verdict}");
        }
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
