using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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
internal static class WorkspaceScanner
{
    /// <summary>
    /// Reported whenever the referenced project's output path differs from the reference path the compiler got
    /// (e.g. a reference assembly under obj/); the workspace adds the project reference anyway, so it is noise.
    /// </summary>
    private const string BenignReferenceWarning = "Found project reference without a matching metadata reference";

    private static readonly char[] LineBreaks = ['\r', '\n'];

    public static async Task<ScanReport> ScanAsync(ScanTarget target, IScanProgress progress, CancellationToken cancellationToken)
    {
        var builder = new ReportBuilder(target.Root, progress);
        using var workspace = MSBuildWorkspace.Create();
        workspace.SkipUnrecognizedProjects = true;
        var loadDiagnostics = new List<WorkspaceDiagnostic>();
        workspace.WorkspaceFailed += (_, e) =>
        {
            lock (loadDiagnostics)
            {
                loadDiagnostics.Add(e.Diagnostic);
            }
        };

        var loadProgress = new LoadProgress(target.Root, progress);
        var solution = await LoadAsync(workspace, target, loadProgress, cancellationToken).ConfigureAwait(false);
        var (projects, skipped) = SelectProjects(solution, target, builder);

        // Load problems are warnings, except those about projects that are not analyzed (such as an analyzer
        // project referenced with OutputItemType="Analyzer", which the workspace loads but nothing compiles against).
        WorkspaceDiagnostic[] diagnostics;
        lock (loadDiagnostics)
        {
            diagnostics = loadDiagnostics.ToArray();
        }

        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Kind == WorkspaceDiagnosticKind.Failure ||
                (!skipped.Any(path => diagnostic.Message.Contains(path, StringComparison.Ordinal)) &&
                 !diagnostic.Message.StartsWith(BenignReferenceWarning, StringComparison.Ordinal)))
            {
                builder.AddWarning(OneLine(diagnostic.Message));
            }
        }

        if (projects.Count == 0)
        {
            var firstFailure = diagnostics.FirstOrDefault(d => d.Kind == WorkspaceDiagnosticKind.Failure)?.Message;
            throw new ScanFailedException($"no C# projects could be loaded from '{target.Input}'" + (firstFailure is null ? string.Empty : ": " + OneLine(firstFailure)));
        }

        progress.Loaded(projects.Count);

        // Our analyzers and generator replace whatever AiCompliance version each project references.
        foreach (var project in projects)
        {
            var references = project.AnalyzerReferences
                .Where(r => !AiComplianceReferences.IsAiComplianceReference(r))
                .Append(AiComplianceReferences.AnalyzerReference)
                .Append(AiComplianceReferences.GeneratorReference);
            solution = solution.WithProjectAnalyzerReferences(project.Id, references);
        }

        var internalErrorsBefore = UnlabeledAiOutputAnalyzer.InternalErrors;
        for (var i = 0; i < projects.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var project = solution.GetProject(projects[i].Id)!;
            progress.Analyzing(project.Name, i + 1, projects.Count);
            await AnalyzeProjectAsync(project, builder, cancellationToken).ConfigureAwait(false);
        }

        progress.Analyzed();
        var internalErrors = UnlabeledAiOutputAnalyzer.InternalErrors - internalErrorsBefore;
        if (internalErrors > 0)
        {
            builder.AddWarning($"the AIC001 flow analysis failed on {internalErrors} code block(s) and skipped them (last error: {OneLine(UnlabeledAiOutputAnalyzer.LastInternalError?.Message ?? "unknown")})");
        }

        return builder.Build(target.Input);
    }

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
                builder.AddWarning($"{project.Name}: skipped, not a C# project ({project.Language})");
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

    private static async Task AnalyzeProjectAsync(Project project, ReportBuilder builder, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            builder.AddWarning($"{project.Name}: no compilation (the project could not be compiled); skipped");
            return;
        }

        // The report-only diagnostics are hidden and off by default: the scanner turns them on.
        var specific = compilation.Options.SpecificDiagnosticOptions
            .SetItem(DiagnosticIds.LabeledAiOutput, ReportDiagnostic.Warn)
            .SetItem(DiagnosticIds.AiSourceCall, ReportDiagnostic.Warn);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(specific));

        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (ex, analyzer, _) => builder.AddWarning($"{project.Name}: analyzer {analyzer.GetType().Name} failed: {OneLine(ex.Message)}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var analysis = compilation.WithAnalyzers(AiComplianceReferences.Analyzers, options);
        var diagnostics = await analysis.GetAllDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        builder.AddProject(project, compilation, diagnostics, cancellationToken);
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
