using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using AiCompliance.Analyzers;
using AiCompliance.Cli.Reporting;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Cli.Scanning;

/// <summary>
/// Turns each project's diagnostics into report entries: AIC901 sources, AIC900/AIC001 outputs, AIC findings,
/// and the <c>[RegisteredAiService]</c> types. Entries seen twice (a project loaded once per target framework)
/// are kept once. Thread-safe for warnings.
/// </summary>
internal sealed partial class ReportBuilder
{
    private const string AttributeMetadataName = "AiCompliance.RegisteredAiServiceAttribute";

    private readonly string _root;
    private readonly IScanProgress _progress;
    private readonly List<ProjectEntry> _projects = new();
    private readonly List<ServiceEntry> _services = new();
    private readonly List<SourceEntry> _sources = new();
    private readonly List<OutputEntry> _outputs = new();
    private readonly List<FindingEntry> _findings = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = new();
    private readonly List<IncompleteEntry> _incomplete = new();
    private readonly HashSet<string> _ruleIds = new(StringComparer.Ordinal);

    public ReportBuilder(string root, IScanProgress progress)
    {
        _root = root;
        _progress = progress;
    }

    public void AddWarning(string message)
    {
        lock (_warnings)
        {
            if (_warnings.Contains(message))
            {
                return;
            }

            _warnings.Add(message);
        }

        _progress.Warning(message);
    }

    /// <summary>Something the scan could not check: the verdict can no longer be COMPLIANT. Thread-safe.</summary>
    public void AddIncomplete(string project, string kind, string detail)
    {
        var entry = new IncompleteEntry(project, kind, WorkspaceScanner.OneLine(detail));
        lock (_incomplete)
        {
            if (_incomplete.Contains(entry))
            {
                return;
            }

            _incomplete.Add(entry);
        }

        _progress.Warning("not checked: " + entry);
    }

    public void AddProject(Project project, Compilation compilation, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var name = project.Name;
        var compilerErrors = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && !d.IsWarningAsError && !IsAic(d.Id) && d.Id != "AD0001")
            .ToList();
        _projects.Add(new ProjectEntry(name, Relative(_root, project.FilePath), compilerErrors.Count));
        if (compilerErrors.Count > 0)
        {
            var first = compilerErrors[0];
            AddIncomplete(name, IncompleteKinds.Compile, string.Create(
                CultureInfo.InvariantCulture,
                $"{compilerErrors.Count} compiler error{(compilerErrors.Count == 1 ? string.Empty : "s")} (first: {Locate(first.Location)}: {first.Id}: {first.GetMessage(CultureInfo.InvariantCulture)})"));
        }

        // Counted even when the project suppresses them: an unchecked method is never hidden from the verdict.
        var engineFailures = diagnostics.Where(d => d.Id == DiagnosticIds.AnalysisFailed).ToList();
        if (engineFailures.Count > 0)
        {
            var first = engineFailures[0];
            var where = first.Location.IsInSource ? Locate(first.Location).ToString() : "the compilation";
            AddIncomplete(name, IncompleteKinds.Engine, string.Create(
                CultureInfo.InvariantCulture,
                $"{engineFailures.Count} part{(engineFailures.Count == 1 ? string.Empty : "s")} not analyzed ({DiagnosticIds.AnalysisFailed}; first: {where}: {first.GetMessage(CultureInfo.InvariantCulture)})"));
        }

        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                AddIncomplete(name, IncompleteKinds.Analyzer, diagnostic.GetMessage(CultureInfo.InvariantCulture));
                continue;
            }

            if (diagnostic.Id == DiagnosticIds.AnalysisFailed)
            {
                continue; // counted above: an unchecked part, not a finding
            }

            if (!IsAic(diagnostic.Id) || diagnostic.IsSuppressed)
            {
                continue;
            }

            var location = Locate(diagnostic.Location);
            var message = WorkspaceScanner.OneLine(diagnostic.GetMessage(CultureInfo.InvariantCulture));
            if (!_seen.Add(diagnostic.Id + "|" + location.ToStringWithColumn() + "|" + message))
            {
                continue;
            }

            switch (diagnostic.Id)
            {
                case DiagnosticIds.AiSourceCall:
                    _ruleIds.Add(diagnostic.Id);
                    var source = SourceMessage().Match(message);
                    _sources.Add(new SourceEntry(
                        source.Success ? source.Groups["source"].Value : message,
                        source.Success && source.Groups["labeled"].Success,
                        name,
                        location));
                    continue;
                case DiagnosticIds.LabeledAiOutput:
                case DiagnosticIds.UnlabeledAiOutput:
                    _ruleIds.Add(diagnostic.Id);
                    var output = OutputMessage().Match(message);
                    var sourceLocation = diagnostic.AdditionalLocations.Count > 0 ? Locate(diagnostic.AdditionalLocations[0]) : null;
                    _outputs.Add(new OutputEntry(
                        output.Success ? output.Groups["sink"].Value : "?",
                        output.Success ? output.Groups["source"].Value : message,
                        output.Success && output.Groups["via"].Success ? output.Groups["via"].Value : null,
                        diagnostic.Id == DiagnosticIds.LabeledAiOutput,
                        name,
                        location,
                        sourceLocation));
                    if (diagnostic.Id == DiagnosticIds.LabeledAiOutput)
                    {
                        continue;
                    }

                    break;
            }

            if (diagnostic.Severity < DiagnosticSeverity.Info)
            {
                continue;
            }

            _ruleIds.Add(diagnostic.Id);
            _findings.Add(new FindingEntry(
                diagnostic.Id,
                SeverityName(diagnostic.Severity),
                diagnostic.Descriptor.Title.ToString(CultureInfo.InvariantCulture),
                message,
                string.IsNullOrEmpty(diagnostic.Descriptor.HelpLinkUri) ? null : diagnostic.Descriptor.HelpLinkUri,
                name,
                location));
        }

        AddServices(compilation, diagnostics, name, cancellationToken);
    }

    public ScanReport Build(string input)
    {
        var rules = _ruleIds
            .OrderBy(id => id, StringComparer.Ordinal)
            .Select(id => AiComplianceReferences.Descriptors.TryGetValue(id, out var d)
                ? new RuleEntry(
                    id,
                    d.Title.ToString(CultureInfo.InvariantCulture),
                    d.Description.ToString(CultureInfo.InvariantCulture),
                    d.Category,
                    SeverityName(d.DefaultSeverity),
                    string.IsNullOrEmpty(d.HelpLinkUri) ? null : d.HelpLinkUri)
                : new RuleEntry(id, id, string.Empty, string.Empty, "warning", null))
            .ToList();
        string[] warnings;
        lock (_warnings)
        {
            warnings = _warnings.OrderBy(w => w, StringComparer.Ordinal).ToArray(); // projects finish in any order
        }

        IncompleteEntry[] incomplete;
        lock (_incomplete)
        {
            incomplete = _incomplete
                .OrderBy(i => i.Project, StringComparer.Ordinal)
                .ThenBy(i => i.Kind, StringComparer.Ordinal)
                .ThenBy(i => i.Detail, StringComparer.Ordinal)
                .ToArray();
        }

        return new ScanReport(
            input,
            _root,
            _projects.OrderBy(p => p.Name, StringComparer.Ordinal).ToList(),
            _services.OrderBy(s => s.Location, LocationComparer.Instance).ToList(),
            _sources.OrderBy(s => s.Location, LocationComparer.Instance).ToList(),
            _outputs.OrderBy(o => o.Location, LocationComparer.Instance).ToList(),
            _findings.OrderBy(f => f.Location, LocationComparer.Instance).ThenBy(f => f.Id, StringComparer.Ordinal).ToList(),
            rules,
            warnings,
            incomplete);
    }

    private void AddServices(Compilation compilation, ImmutableArray<Diagnostic> diagnostics, string project, CancellationToken cancellationToken)
    {
        var attributeType = compilation.GetTypeByMetadataName(AttributeMetadataName);
        if (attributeType is null)
        {
            return;
        }

        foreach (var type in compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type, cancellationToken).OfType<INamedTypeSymbol>())
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType) || attribute.ApplicationSyntaxReference is not { } syntax)
                {
                    continue;
                }

                var location = Locate(Location.Create(syntax.SyntaxTree, syntax.Span));
                var typeName = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
                if (!_seen.Add("service|" + typeName + "|" + location.ToStringWithColumn()))
                {
                    continue;
                }

                var number = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
                var serviceName = attribute.NamedArguments.FirstOrDefault(a => a.Key == "ServiceName").Value.Value as string;
                var parts = number?.Split('-');
                if (string.IsNullOrWhiteSpace(serviceName))
                {
                    serviceName = parts is { Length: >= 3 } && parts[1].Length > 0 ? parts[1] : type.Name;
                }

                var malformed = diagnostics.FirstOrDefault(d =>
                    d.Id == DiagnosticIds.MalformedRegistrationNumber &&
                    d.Location.SourceTree == syntax.SyntaxTree &&
                    syntax.Span.Contains(d.Location.SourceSpan));
                string? problem = null;
                if (malformed is not null)
                {
                    var message = WorkspaceScanner.OneLine(malformed.GetMessage(CultureInfo.InvariantCulture));
                    var match = NumberProblem().Match(message);
                    problem = match.Success ? match.Groups["problem"].Value : message;
                }

                _services.Add(new ServiceEntry(serviceName!, typeName, number, malformed is null, problem, project, location));
            }
        }
    }

    private SourceLocation Locate(Location location)
    {
        if (location.Kind != LocationKind.SourceFile && location.Kind != LocationKind.ExternalFile)
        {
            return new SourceLocation("(no file)", 0, 0);
        }

        var span = location.GetMappedLineSpan();
        if (!span.IsValid)
        {
            span = location.GetLineSpan();
        }

        return new SourceLocation(Relative(_root, span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    /// <summary>The path relative to <paramref name="root"/>, with '/' separators.</summary>
    public static string Relative(string root, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return "(no file)";
        }

        var relative = Path.IsPathRooted(path) ? Path.GetRelativePath(root, path) : path;
        return relative.Replace('\\', '/');
    }

    private static bool IsAic(string id) => id.StartsWith("AIC", StringComparison.Ordinal);

    internal static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };

    [GeneratedRegex(@"^AI-generated content from '(?<source>.+?)' reaches '(?<sink>.+?)'(?: via '(?<via>.+)')?(?:, labeled| without a label)$")]
    private static partial Regex OutputMessage();

    [GeneratedRegex(@"^'(?<source>.+)' produces AI-generated content(?<labeled> \(through the labeling client\))?$")]
    private static partial Regex SourceMessage();

    [GeneratedRegex(@" is malformed: (?<problem>.+?); expected 'Province-Name")]
    private static partial Regex NumberProblem();

    private sealed class LocationComparer : IComparer<SourceLocation>
    {
        public static readonly LocationComparer Instance = new();

        public int Compare(SourceLocation? x, SourceLocation? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            var c = string.CompareOrdinal(x.File, y.File);
            if (c == 0)
            {
                c = x.Line.CompareTo(y.Line);
            }

            return c != 0 ? c : x.Column.CompareTo(y.Column);
        }
    }
}
