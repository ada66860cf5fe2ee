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

/// <summary>
/// Why the scan cannot vouch for a project: it did not load, did not compile, a source generator did not load or
/// failed, an analyzer failed, or the flow engine could not analyze a method (AIC009). <see cref="Kind"/> is one of
/// <see cref="IncompleteKinds"/>.
/// </summary>
internal sealed record IncompleteEntry(string Project, string Kind, string Detail)
{
    /// <summary><c>project: kind: detail</c>.</summary>
    public override string ToString() => Project + ": " + Kind + ": " + Detail;
}

/// <summary>The kinds of <see cref="IncompleteEntry"/>.</summary>
internal static class IncompleteKinds
{
    /// <summary>The project (or the solution) could not be loaded, or yielded no compilation.</summary>
    public const string Load = "load";

    /// <summary>The project has compiler errors (including errors a source generator reported).</summary>
    public const string Compile = "compile";

    /// <summary>A source generator or analyzer assembly of the project could not be loaded, or a generator failed.</summary>
    public const string Generator = "generator";

    /// <summary>An AiCompliance analyzer threw (AD0001).</summary>
    public const string Analyzer = "analyzer";

    /// <summary>The flow engine could not analyze a method (AIC009): its outputs are not checked.</summary>
    public const string Engine = "engine";

    /// <summary>A project in another language, which AiCompliance does not analyze.</summary>
    public const string Language = "language";
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

/// <summary>The process exit codes of <c>aicompliance</c>.</summary>
internal static class ExitCodes
{
    public const int Compliant = 0;
    public const int Findings = 1;
    public const int CouldNotScan = 2;
    public const int Incomplete = 3;
}

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
        IReadOnlyList<string> warnings,
        IReadOnlyList<IncompleteEntry>? incomplete = null)
    {
        Incomplete = incomplete ?? System.Array.Empty<IncompleteEntry>();
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

    /// <summary>What was scanned, by name: the solution or project file, or the folder (<c>samples/</c>).</summary>
    public string Input { get; }

    /// <summary>The absolute folder every location is relative to (not written to the json report).</summary>
    public string Root { get; }

    public IReadOnlyList<ProjectEntry> Projects { get; }

    public IReadOnlyList<ServiceEntry> Services { get; }

    public IReadOnlyList<SourceEntry> Sources { get; }

    public IReadOnlyList<OutputEntry> Outputs { get; }

    public IReadOnlyList<FindingEntry> Findings { get; }

    public IReadOnlyList<RuleEntry> Rules { get; }

    /// <summary>Notes about the scan that do not affect the verdict (benign load messages, skipped helper projects).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Everything the scan could not check; any entry makes a finding-free scan INCOMPLETE, never COMPLIANT.</summary>
    public IReadOnlyList<IncompleteEntry> Incomplete { get; }

    public ReportSummary Summary { get; }

    /// <summary>Whether some AIC finding has severity warning or error.</summary>
    public bool HasBlockingFindings => Findings.Any(f => f.IsBlocking);

    /// <summary>Whether every project loaded, compiled, had its generators run and was analyzed without failure.</summary>
    public bool Complete => Incomplete.Count == 0;

    /// <summary>Compliant only when the scan is complete and no AIC finding has severity warning or error.</summary>
    public bool Compliant => Complete && !HasBlockingFindings;

    /// <summary>
    /// 0 compliant, 1 findings (a known violation wins over an incomplete scan: what was found is certain), 3 incomplete
    /// (no finding, but something was not checked). 2 (could not scan at all) is decided before a report exists.
    /// </summary>
    public int ExitCode => HasBlockingFindings ? ExitCodes.Findings : Complete ? ExitCodes.Compliant : ExitCodes.Incomplete;

    /// <summary>COMPLIANT, NOT COMPLIANT or INCOMPLETE.</summary>
    public string Verdict => HasBlockingFindings ? "NOT COMPLIANT" : Complete ? "COMPLIANT" : "INCOMPLETE";

    /// <summary>The verdict as a json/sarif token: compliant, not-compliant, incomplete.</summary>
    public string VerdictToken => HasBlockingFindings ? "not-compliant" : Complete ? "compliant" : "incomplete";

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
                $"Summary: {Count(s.Projects, "project")}, {services}, {Count(s.Sources, "AI source")}, {outputs}, {Count(s.Findings, "finding")}{(Complete ? string.Empty : ", " + Count(Incomplete.Count, "unchecked part"))} — {Verdict}");
        }
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
