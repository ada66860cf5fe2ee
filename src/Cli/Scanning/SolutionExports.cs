using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.Analyzers.Models;
using AiCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AiCompliance.Cli.Scanning;

/// <summary>
/// Flows across the projects of a solution. A build analyzes each project on its own: a library's public member that
/// returns AI content is a plain string to the app that calls it, unless the library marks it <c>[AiGenerated]</c>
/// (AIC010 asks for that). The scanner sees every project, so after analyzing a project that others reference it finds
/// those members (<see cref="ExportedAiReturns"/>), and each project that references it, directly or not, is analyzed
/// with them as user model source rows: an extra <c>aicompliance.json</c> on the scanner's copy of the project only.
/// </summary>
internal sealed class SolutionExports
{
    private readonly ProjectDependencyGraph _graph;
    private readonly Dictionary<ProjectId, TaskCompletionSource<ImmutableArray<ExportedAiReturn>>> _exports = new();
    private readonly Dictionary<ProjectId, string> _names = new();
    private readonly HashSet<ProjectId> _referenced = new();

    public SolutionExports(Solution solution, IReadOnlyCollection<Project> projects)
    {
        _graph = solution.GetProjectDependencyGraph();
        foreach (var project in projects)
        {
            _exports[project.Id] = new TaskCompletionSource<ImmutableArray<ExportedAiReturn>>(TaskCreationOptions.RunContinuationsAsynchronously);
            _names[project.Id] = project.Name;
        }

        foreach (var project in projects)
        {
            foreach (var reference in project.ProjectReferences)
            {
                if (_exports.ContainsKey(reference.ProjectId))
                {
                    _referenced.Add(reference.ProjectId);
                }
            }
        }
    }

    /// <summary>What the scanned projects this one references (directly or not) return to it, once they are analyzed.</summary>
    public async Task<List<(string Project, ExportedAiReturn Export)>> HandedToAsync(ProjectId project)
    {
        var handed = new List<(string Project, ExportedAiReturn Export)>();
        foreach (var upstream in _graph.GetProjectsThatThisProjectTransitivelyDependsOn(project).OrderBy(id => _names.TryGetValue(id, out var n) ? n : string.Empty, StringComparer.Ordinal))
        {
            if (_exports.TryGetValue(upstream, out var exported))
            {
                foreach (var export in await exported.Task.ConfigureAwait(false))
                {
                    handed.Add((_names[upstream], export));
                }
            }
        }

        return handed;
    }

    /// <summary>The project with the handed members as user model rows (unchanged when there are none).</summary>
    public static Project WithHandedModel(Project project, List<(string Project, ExportedAiReturn Export)> handed)
    {
        if (handed.Count == 0)
        {
            return project;
        }

        var folder = project.FilePath is { } path ? Path.GetDirectoryName(path)! : Directory.GetCurrentDirectory();
        var file = Path.Combine(folder, "obj", "aicompliance-scan", "from-referenced-projects", UserModelFile.FileName);
        return project.AddAdditionalDocument(UserModelFile.FileName, SourceText.From(ExportedAiReturns.ToModelFile(handed)), filePath: file).Project;
    }

    /// <summary>
    /// Finds what the analyzed project hands the projects that reference it (only when some do); returns a problem to
    /// report when that fails (its dependents are then analyzed without it, and the project is INCOMPLETE).
    /// </summary>
    public string? Complete(Project project, Compilation? compilation, CancellationToken cancellationToken)
    {
        if (!_exports.TryGetValue(project.Id, out var exported) || exported.Task.IsCompleted)
        {
            return null;
        }

        if (!_referenced.Contains(project.Id) || compilation is null)
        {
            exported.TrySetResult(ImmutableArray<ExportedAiReturn>.Empty);
            return null;
        }

        try
        {
            exported.TrySetResult(ExportedAiReturns.Find(compilation, project.AnalyzerOptions, cancellationToken));
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            exported.TrySetResult(ImmutableArray<ExportedAiReturn>.Empty);
            return $"what it returns to the projects that reference it could not be worked out ({ex.GetType().Name}: {ex.Message}): AI content they get from it is not followed";
        }
    }

    /// <summary>Lets the dependents of a project that failed or was cancelled go on (no exports).</summary>
    public void Abandon(ProjectId project)
    {
        if (_exports.TryGetValue(project, out var exported))
        {
            exported.TrySetResult(ImmutableArray<ExportedAiReturn>.Empty);
        }
    }
}
