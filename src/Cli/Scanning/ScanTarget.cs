using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AiCompliance.Cli.Scanning;

/// <summary>What to open: one solution, or a list of projects.</summary>
internal sealed class ScanTarget
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules", "artifacts", "TestResults" };

    private ScanTarget(string root, string input, string? solution, IReadOnlyList<string> projects)
    {
        Root = root;
        Input = input;
        Solution = solution;
        Projects = projects;
    }

    /// <summary>The absolute folder locations are reported relative to.</summary>
    public string Root { get; }

    /// <summary>What was scanned, by name: the solution or project file, or the folder (<c>samples/</c>).</summary>
    public string Input { get; }

    /// <summary>The solution to open, when the input is (or the folder holds exactly) one solution.</summary>
    public string? Solution { get; }

    /// <summary>The projects to open when there is no solution.</summary>
    public IReadOnlyList<string> Projects { get; }

    /// <summary>The same root, narrowed to one of its projects (for a per-project restore check).</summary>
    public static ScanTarget ForProject(ScanTarget target, string project) =>
        new(target.Root, System.IO.Path.GetFileName(project), null, new[] { project });

    /// <summary>Resolves the path given on the command line; throws <see cref="ScanFailedException"/> with a one-line reason.</summary>
    public static ScanTarget Resolve(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ScanFailedException($"invalid path '{path}': {ex.Message}", ex);
        }

        if (File.Exists(full))
        {
            var root = Path.GetDirectoryName(full)!;
            var name = Path.GetFileName(full);
            switch (Path.GetExtension(full).ToUpperInvariant())
            {
                case ".SLN":
                case ".SLNX":
                    return new ScanTarget(root, name, full, Array.Empty<string>());
                case ".CSPROJ":
                    return new ScanTarget(root, name, null, new[] { full });
                case ".VBPROJ":
                case ".FSPROJ":
                    throw new ScanFailedException($"'{path}' is not a C# project; AiCompliance analyzes C# only");
                default:
                    throw new ScanFailedException($"'{path}' is not a .sln, .slnx or .csproj file, nor a folder");
            }
        }

        if (!Directory.Exists(full))
        {
            throw new ScanFailedException($"path not found: '{path}'");
        }

        full = Path.TrimEndingDirectorySeparator(full);
        var solutions = Directory.EnumerateFiles(full, "*.sln")
            .Concat(Directory.EnumerateFiles(full, "*.slnx"))
            .Where(f => Path.GetExtension(f) is ".sln" or ".slnx")
            .Distinct(StringComparer.Ordinal)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        // What was scanned, by name (the report's title): the folder's solution, else the folder itself.
        if (solutions.Count == 1)
        {
            return new ScanTarget(full, Path.GetFileName(solutions[0]), solutions[0], Array.Empty<string>());
        }

        var projects = FindProjects(full).OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (projects.Count == 0)
        {
            throw new ScanFailedException($"no C# projects found in '{path}' (no .sln, .slnx or .csproj)");
        }

        return new ScanTarget(full, Path.GetFileName(full) + "/", null, projects);
    }

    private static IEnumerable<string> FindProjects(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            IEnumerable<string> files;
            IEnumerable<string> folders;
            try
            {
                files = Directory.EnumerateFiles(current, "*.csproj").ToList();
                folders = Directory.EnumerateDirectories(current).ToList();
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                continue;
            }

            foreach (var file in files)
            {
                if (string.Equals(Path.GetExtension(file), ".csproj", StringComparison.OrdinalIgnoreCase))
                {
                    yield return file;
                }
            }

            foreach (var sub in folders)
            {
                var name = Path.GetFileName(sub);
                if (!name.StartsWith('.') && !SkippedFolders.Contains(name))
                {
                    pending.Push(sub);
                }
            }
        }
    }
}
