using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Cli.Reporting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;

namespace AiCompliance.Cli.Scanning;

/// <summary>
/// Loads the target with MSBuildWorkspace, swaps the projects' AiCompliance analyzer references for this CLI's
/// analyzers and generator, compiles (generators run), analyzes and builds the report. Touches MSBuild: call only
/// after <see cref="MSBuildRegistration.EnsureRegistered"/>.
/// </summary>
internal static partial class WorkspaceScanner
{
    /// <summary>
    /// Reported whenever the referenced project's output path differs from the reference path the compiler got
    /// (e.g. a reference assembly under obj/); the workspace adds the project reference anyway, so it is noise.
    /// </summary>
    private const string BenignReferenceWarning = "Found project reference without a matching metadata reference";

    private static readonly char[] LineBreaks = ['\r', '\n'];

    private const string DuplicateSourceFile = "Duplicate source file '";

    public static async Task<ScanReport> ScanAsync(ScanTarget target, IScanProgress progress, CancellationToken cancellationToken)
    {
        var builder = new ReportBuilder(target.Root, progress);
        using var workspace = MSBuildWorkspace.Create();
        workspace.SkipUnrecognizedProjects = true;
        var loadDiagnostics = new List<WorkspaceDiagnostic>();
        using var failures = workspace.RegisterWorkspaceFailedHandler(e =>
        {
            lock (loadDiagnostics)
            {
                loadDiagnostics.Add(e.Diagnostic);
            }
        });

        var loadProgress = new LoadProgress(target.Root, progress);
        var solution = await LoadAsync(workspace, target, loadProgress, cancellationToken).ConfigureAwait(false);
        var (projects, skipped) = SelectProjects(solution, target, builder);

        // The design-time build lists some files twice (a Razor component is both a RazorComponent and a Content
        // item): csc takes each additional file once, the workspace keeps both, and the Razor generator then fails on
        // a duplicate hint name. Keep each file once, as the compiler does.
        var deduplicated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            var duplicates = project.AdditionalDocuments
                .Where(d => d.FilePath is not null)
                .GroupBy(d => d.FilePath!, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .ToList();
            foreach (var group in duplicates)
            {
                solution = solution.RemoveAdditionalDocuments(group.Skip(1).Select(d => d.Id).ToImmutableArray());
                deduplicated.Add(group.Key);
            }
        }

        WorkspaceDiagnostic[] diagnostics;
        lock (loadDiagnostics)
        {
            diagnostics = loadDiagnostics.ToArray();
        }

        ReportLoadDiagnostics(diagnostics, target, skipped, deduplicated, builder);
        if (projects.Count == 0)
        {
            var firstFailure = diagnostics.FirstOrDefault(d => d.Kind == WorkspaceDiagnosticKind.Failure)?.Message;
            throw new ScanFailedException($"no C# projects could be loaded from '{target.Input}'" + (firstFailure is null ? string.Empty : ": " + OneLine(firstFailure)));
        }

        foreach (var requested in target.Projects)
        {
            if (!solution.Projects.Any(p => p.FilePath is not null && PathEquals(Path.GetFullPath(p.FilePath), Path.GetFullPath(requested))))
            {
                builder.AddIncomplete(Path.GetFileNameWithoutExtension(requested), IncompleteKinds.Load, $"'{ReportBuilder.Relative(target.Root, requested)}' did not load");
            }
        }

        progress.Loaded(projects.Count);

        // Every analyzer assembly is loaded now, before the workspace compiles, so that a generator that cannot load is
        // seen. Then our analyzers and generator replace whatever AiCompliance version each project references.
        var generators = new GeneratorCheck();
        foreach (var project in projects)
        {
            var references = project.AnalyzerReferences.Where(r => !AiComplianceReferences.IsAiComplianceReference(r)).ToList();
            generators.Load(references);
            solution = solution.WithProjectAnalyzerReferences(
                project.Id,
                references.Append(AiComplianceReferences.AnalyzerReference).Append(AiComplianceReferences.GeneratorReference));
        }

        var failuresBefore = UnlabeledAiOutputAnalyzer.InternalErrors;
        var engineReports = await AnalyzeProjectsAsync(solution, projects, generators, builder, progress, cancellationToken).ConfigureAwait(false);

        // Backstop: a failure an analyzer caught without reporting AIC009 for it (one AIC009 can stand for several).
        var caught = UnlabeledAiOutputAnalyzer.InternalErrors - failuresBefore;
        if (caught > engineReports)
        {
            builder.AddIncomplete(target.Input, IncompleteKinds.Analyzer, $"{caught - engineReports} internal failure(s) of the AiCompliance analyzers were caught without an AIC009 (last: {UnlabeledAiOutputAnalyzer.LastInternalError?.GetType().Name}: {UnlabeledAiOutputAnalyzer.LastInternalError?.Message})");
        }

        progress.Analyzed();
        return builder.Build(target.Input);
    }

    /// <summary>
    /// Analyzes the projects side by side (as many as there are cores), a referenced project before those that
    /// reference it. Each one's entries join the report as soon as it is done (the report sorts everything), so its
    /// compilation can go; a project that fails is INCOMPLETE, the others are still reported. Returns the AIC009 count.
    /// </summary>
    private static async Task<int> AnalyzeProjectsAsync(Solution solution, List<Project> projects, GeneratorCheck generators, ReportBuilder builder, IScanProgress progress, CancellationToken cancellationToken)
    {
        var engineReports = 0;
        var started = 0;
        var exports = new SolutionExports(solution, projects);
        using (var gate = new SemaphoreSlim(Math.Max(1, Environment.ProcessorCount)))
        {
            var tasks = projects.Select(async p =>
            {
                // What the projects it references return to it (AI content their members hand out) comes first: a
                // project waits for those before it takes a slot, so the wait never holds one.
                var handed = await exports.HandedToAsync(p.Id).ConfigureAwait(false);
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                var project = SolutionExports.WithHandedModel(solution.GetProject(p.Id)!, handed);
                try
                {
                    progress.Analyzing(project.Name, Interlocked.Increment(ref started), projects.Count);
                    var outcome = await AnalyzeProjectAsync(project, generators, progress, cancellationToken).ConfigureAwait(false);
                    Interlocked.Add(ref engineReports, outcome.Diagnostics.Count(d => d.Id == DiagnosticIds.AnalysisFailed));
                    var problem = exports.Complete(project, outcome.Compilation, cancellationToken);
                    lock (builder)
                    {
                        outcome.AddTo(builder, cancellationToken);
                        if (problem is not null)
                        {
                            builder.AddIncomplete(project.Name, IncompleteKinds.Analyzer, problem);
                        }
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    builder.AddIncomplete(project.Name, IncompleteKinds.Analyzer, $"the scan of this project failed: {ex.GetType().Name}: {ex.Message}");
                }
                finally
                {
                    exports.Abandon(p.Id); // if it failed: its dependents go on without its exports (it is INCOMPLETE)
                    gate.Release();
                }
            }).ToList();
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }

        return engineReports;
    }

    /// <summary>
    /// Load failures make the scan incomplete; warnings are shown, except those that are noise: the design-time
    /// build's duplicate additional files (taken once, see above), projects loaded only as analyzers, and the
    /// reference-path message the workspace gives for every project reference to an output under obj/.
    /// </summary>
    private static void ReportLoadDiagnostics(WorkspaceDiagnostic[] diagnostics, ScanTarget target, List<string> skipped, HashSet<string> deduplicated, ReportBuilder builder)
    {
        foreach (var diagnostic in diagnostics)
        {
            var message = OneLine(diagnostic.Message);
            if (diagnostic.Kind == WorkspaceDiagnosticKind.Failure && IsNonDotnetProject(diagnostic.Message))
            {
                builder.AddWarning(message + " (not a .NET project: nothing to analyze)");
                continue;
            }

            if (diagnostic.Kind == WorkspaceDiagnosticKind.Failure && IsRestoreVersionNotice(diagnostic.Message))
            {
                builder.AddWarning(message); // NU1603: restore took a newer version of a dependency; the project loaded in full
                continue;
            }

            if (diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                var project = ProjectFileIn(diagnostic.Message);
                if (project is not null && skipped.Any(path => PathEquals(Path.GetFullPath(path), Path.GetFullPath(project))))
                {
                    builder.AddWarning(message);
                    continue;
                }

                builder.AddIncomplete(project is null ? target.Input : Path.GetFileNameWithoutExtension(project), IncompleteKinds.Load, message);
                continue;
            }

            if (message.StartsWith(DuplicateSourceFile, StringComparison.Ordinal) &&
                deduplicated.Any(path => message.StartsWith(DuplicateSourceFile + path + "'", StringComparison.Ordinal)))
            {
                continue;
            }

            if (!skipped.Any(path => diagnostic.Message.Contains(path, StringComparison.Ordinal)) &&
                !message.StartsWith(BenignReferenceWarning, StringComparison.Ordinal))
            {
                builder.AddWarning(message);
            }
        }
    }

    /// <summary>
    /// NuGet's NU1603 (a package depends on a version the feed does not have, and restore resolved a newer one): the
    /// design-time build passes it to the workspace as a failure, but the project loads with every document and
    /// reference, and the compiler builds it the same way. Seen on a Razor Pages app on Azure.AI.OpenAI 1.0.0-beta.6.
    /// Only this message: any other failure still makes the project INCOMPLETE.
    /// </summary>
    internal static bool IsRestoreVersionNotice(string message) =>
        Regex.IsMatch(message, @"depends on \S+ \(>= [^)]+\) but \S+ [^ ]+ was not found\. \S+ [^ ]+ was resolved instead\.\s*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// A solution entry that is no .NET code: docker-compose (.dcproj), JavaScript (.esproj), SQL (.sqlproj), shared
    /// (.shproj) or C++ (.vcxproj) projects, which the workspace cannot open. VB and F# projects are not in this list: they
    /// are code the scan does not check.
    /// </summary>
    private static bool IsNonDotnetProject(string message) =>
        ProjectFileIn(message) is { } path &&
        message.Contains("not associated with a language", StringComparison.OrdinalIgnoreCase) &&
        Path.GetExtension(path).ToLowerInvariant() is ".dcproj" or ".esproj" or ".sqlproj" or ".shproj" or ".vcxproj" or ".njsproj" or ".pyproj";

    /// <summary>The first project file path (any <c>*proj</c>) quoted in a workspace message, if any.</summary>
    private static string? ProjectFileIn(string message) =>
        QuotedProjectFile().Match(message) is { Success: true } match ? match.Groups["path"].Value : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"'(?<path>[^']+\.[a-z]+proj)'", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex QuotedProjectFile();

    /// <summary>
    /// The C# projects to analyze: every project of a solution, or the requested projects, and in both cases the
    /// projects they reference for compilation (transitively). Projects the workspace loaded only because they
    /// are referenced as analyzers or generators are not analyzed; their paths are returned as skipped.
    /// </summary>
    private static (List<Project> Projects, List<string> Skipped) SelectProjects(Solution solution, ScanTarget target, ReportBuilder builder)
    {
        var requested = target.Projects.Select(Path.GetFullPath).ToList();
        var pending = new Stack<Project>(solution.Projects.Where(p =>
            target.Solution is not null ||
            (p.FilePath is not null && requested.Any(r => PathEquals(r, Path.GetFullPath(p.FilePath))))));
        var selected = new HashSet<ProjectId>();
        while (pending.Count > 0)
        {
            var project = pending.Pop();
            if (!selected.Add(project.Id))
            {
                continue;
            }

            foreach (var reference in project.ProjectReferences)
            {
                if (solution.GetProject(reference.ProjectId) is { } referenced)
                {
                    pending.Push(referenced);
                }
            }
        }

        var projects = new List<Project>();
        var skipped = new List<string>();
        foreach (var project in solution.Projects.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (!selected.Contains(project.Id))
            {
                if (project.FilePath is not null)
                {
                    skipped.Add(project.FilePath);
                }
            }
            else if (project.Language == LanguageNames.CSharp)
            {
                projects.Add(project);
            }
            else
            {
                builder.AddIncomplete(project.Name, IncompleteKinds.Language, $"not a C# project ({project.Language}): AiCompliance analyzes C# only");
            }
        }

        return (projects, skipped);
    }

    private static async Task<Solution> LoadAsync(MSBuildWorkspace workspace, ScanTarget target, IProgress<ProjectLoadProgress> loadProgress, CancellationToken cancellationToken)
    {
        var current = target.Solution ?? (target.Projects.Count > 0 ? target.Projects[0] : target.Input);
        try
        {
            if (target.Solution is not null)
            {
                return await workspace.OpenSolutionAsync(target.Solution, loadProgress, cancellationToken).ConfigureAwait(false);
            }

            foreach (var file in target.Projects)
            {
                current = file;
                var full = Path.GetFullPath(file);
                if (workspace.CurrentSolution.Projects.Any(p => p.FilePath is not null && PathEquals(Path.GetFullPath(p.FilePath), full)))
                {
                    continue; // already loaded as a reference of an earlier project
                }

                await workspace.OpenProjectAsync(file, loadProgress, cancellationToken).ConfigureAwait(false);
            }

            return workspace.CurrentSolution;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ScanFailedException)
        {
            throw new ScanFailedException($"could not load '{Path.GetFileName(current)}': {OneLine(ex.Message)}", ex);
        }
    }

    private static async Task<ProjectOutcome> AnalyzeProjectAsync(Project project, GeneratorCheck generators, IScanProgress progress, CancellationToken cancellationToken)
    {
        var outcome = new ProjectOutcome(project);
        progress.Phase(project.Name, "compiling and running source generators");
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            outcome.Incomplete.Add((IncompleteKinds.Load, "no compilation (the project could not be compiled)"));
            return outcome;
        }

        var (problems, notes, generatorErrors) = await generators.CheckAsync(project, cancellationToken).ConfigureAwait(false);
        outcome.Incomplete.AddRange(problems.Select(p => (IncompleteKinds.Generator, p)));
        outcome.Warnings.AddRange(notes);

        // The report-only diagnostics are hidden and off by default: the scanner turns them on.
        // AIC009 (and the report-only AIC900/AIC901) always on: a project that silences AIC009 (NoWarn, .editorconfig, a
        // .globalconfig) must not hide from the scan that a method went unchecked; a #pragma or a suppressor is seen
        // through reportSuppressedDiagnostics.
        compilation = ForcedDiagnostics.Apply(compilation);

        progress.Phase(project.Name, "analyzing");
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (ex, analyzer, _) =>
            {
                lock (outcome.Incomplete)
                {
                    outcome.Incomplete.Add((IncompleteKinds.Analyzer, $"analyzer {analyzer.GetType().Name} failed: {ex.GetType().Name}: {ex.Message}"));
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: true);
        var analysis = compilation.WithAnalyzers(AiComplianceReferences.Analyzers, options);
        var diagnostics = await analysis.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        outcome.Compilation = compilation;
        outcome.Diagnostics = diagnostics.AddRange(generatorErrors);
        return outcome;
    }

    /// <summary>What one project's analysis found, joined into the report after all projects ran.</summary>
    private sealed class ProjectOutcome
    {
        public ProjectOutcome(Project project) => Project = project;

        public Project Project { get; }

        public Compilation? Compilation { get; set; }

        public ImmutableArray<Diagnostic> Diagnostics { get; set; } = ImmutableArray<Diagnostic>.Empty;

        public List<(string Kind, string Detail)> Incomplete { get; } = new();

        public List<string> Warnings { get; } = new();

        public void AddTo(ReportBuilder builder, CancellationToken cancellationToken)
        {
            foreach (var warning in Warnings)
            {
                builder.AddWarning(warning);
            }

            foreach (var (kind, detail) in Incomplete)
            {
                builder.AddIncomplete(Project.Name, kind, detail);
            }

            if (Compilation is not null)
            {
                builder.AddProject(Project, Compilation, Diagnostics, cancellationToken);
            }
        }
    }

    internal static bool PathEquals(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    internal static string OneLine(string text) =>
        string.Join(" ", text.Split(LineBreaks, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())).Trim();

    /// <summary>Reports workspace load steps synchronously (Progress&lt;T&gt; would post them later).</summary>
    private sealed class LoadProgress : IProgress<ProjectLoadProgress>
    {
        private readonly string _root;
        private readonly IScanProgress _progress;

        public LoadProgress(string root, IScanProgress progress)
        {
            _root = root;
            _progress = progress;
        }

        public void Report(ProjectLoadProgress value) =>
            _progress.Loading(
                ReportBuilder.Relative(_root, value.FilePath),
                value.TargetFramework,
                value.Operation.ToString(),
                value.ElapsedTime);
    }
}
