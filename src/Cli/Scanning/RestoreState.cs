using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AiCompliance.Cli.Scanning;

/// <summary>
/// Whether a target is restored already, so that a re-scan of an unchanged solution does not run <c>dotnet restore</c>
/// again (a no-op restore still costs a process and an MSBuild evaluation per file). A project is current when its
/// <c>obj/project.assets.json</c> exists and is newer than the project file and every file beside it or above it that
/// can change what restore does (Directory.Build.props/.targets, Directory.Packages.props, NuGet.config,
/// global.json); its project references are checked the same way. Anything unusual (a custom obj folder, a project
/// that cannot be read) counts as not current, and restore runs as before. A restore that changed nothing leaves the
/// assets file as it was, so the scanner stamps each project it restored (<c>obj/aicompliance.restored</c>).
/// </summary>
internal static partial class RestoreState
{
    private static readonly string[] RestoreInputs =
    [
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "NuGet.config", "global.json",
    ];

    private const string StampFile = "aicompliance.restored";

    /// <summary>Whether every project of <paramref name="target"/> (and what they reference) is restored and unchanged since.</summary>
    public static bool IsCurrent(ScanTarget target) => Walk(target, stamp: false);

    /// <summary>
    /// The files <c>dotnet restore</c> must run on: none when everything is current; the solution when it is one and
    /// anything is stale; else only the listed projects that are stale (with what they reference).
    /// </summary>
    public static IReadOnlyList<string> FilesToRestore(ScanTarget target)
    {
        if (target.Solution is not null)
        {
            return IsCurrent(target) ? Array.Empty<string>() : new[] { target.Solution };
        }

        return target.Projects
            .Where(p => !IsCurrent(ScanTarget.ForProject(target, p)))
            .ToList();
    }

    /// <summary>After a successful restore: stamps every project of <paramref name="target"/> that has an obj folder.</summary>
    public static void Stamp(ScanTarget target) => Walk(target, stamp: true);

    private static bool Walk(ScanTarget target, bool stamp)
    {
        var projects = target.Solution is not null ? ProjectsOfSolution(target.Solution) : target.Projects.ToList();
        if (projects is null || projects.Count == 0)
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(projects.Select(Path.GetFullPath));
        while (pending.Count > 0)
        {
            var project = pending.Pop();
            if (!seen.Add(project))
            {
                continue;
            }

            if (stamp)
            {
                TryStamp(project);
            }

            if (!IsProjectCurrent(project, out var references) && !stamp)
            {
                return false;
            }

            foreach (var reference in references)
            {
                pending.Push(reference);
            }
        }

        return true;
    }

    private static bool IsProjectCurrent(string project, out List<string> references)
    {
        references = new List<string>();
        var folder = Path.GetDirectoryName(project)!;
        var assets = new FileInfo(Path.Combine(folder, "obj", "project.assets.json"));
        if (!File.Exists(project) || !assets.Exists)
        {
            return false;
        }

        var stamp = new FileInfo(Path.Combine(folder, "obj", StampFile));
        var restoredAt = stamp.Exists && stamp.LastWriteTimeUtc > assets.LastWriteTimeUtc ? stamp.LastWriteTimeUtc : assets.LastWriteTimeUtc;

        // What restore reads: the project, the Directory.* files and configs above it, its lock file, and every file
        // these import by a path that can be resolved here; ProjectReferences from any of them are followed.
        var inputs = new List<string> { project };
        var lockFile = Path.Combine(folder, "packages.lock.json");
        if (File.Exists(lockFile))
        {
            inputs.Add(lockFile);
        }

        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            FileInfo[] files;
            try
            {
                files = dir.GetFiles();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }

            inputs.AddRange(files.Where(f => RestoreInputs.Contains(f.Name, StringComparer.OrdinalIgnoreCase)).Select(f => f.FullName));
        }

        var read = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (!read.Add(input) || read.Count > 64)
            {
                continue;
            }

            if (File.GetLastWriteTimeUtc(input) > restoredAt)
            {
                return false;
            }

            if (!input.EndsWith("proj", StringComparison.OrdinalIgnoreCase) && !input.EndsWith(".props", StringComparison.OrdinalIgnoreCase) && !input.EndsWith(".targets", StringComparison.OrdinalIgnoreCase))
            {
                continue; // NuGet.config, global.json, a lock file: their time is all that counts
            }

            if (!ReadMSBuildFile(input, folder, inputs, references))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Adds the files <paramref name="file"/> imports and the projects it references, with
    /// <c>$(MSBuildThisFileDirectory)</c> and <c>$(MSBuildProjectDirectory)</c> resolved; false when it cannot be read
    /// or names a path through any other property or a wildcard (then restore decides).
    /// </summary>
    private static bool ReadMSBuildFile(string file, string projectFolder, List<string> imports, List<string> references)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return false;
        }

        var thisFolder = Path.GetDirectoryName(file)! + Path.DirectorySeparatorChar;
        foreach (var element in document.Descendants())
        {
            var (target, attribute) = element.Name.LocalName switch
            {
                "Import" => (imports, "Project"),
                "ProjectReference" => (references, "Include"),
                _ => (null, null),
            };
            var value = attribute is null ? null : element.Attribute(attribute)?.Value;
            if (target is null || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (element.Name.LocalName == "Import" && element.Attribute("Sdk") is not null)
            {
                continue; // an SDK's own files
            }

            // The usual chaining of Directory.Build.* files: the nearest file of that name above this one.
            var above = FileAbove().Match(value);
            if (above.Success && element.Name.LocalName == "Import")
            {
                for (var dir = Directory.GetParent(Path.GetDirectoryName(file)!); dir is not null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, above.Groups["name"].Value);
                    if (File.Exists(candidate))
                    {
                        imports.Add(candidate);
                        break;
                    }
                }

                continue;
            }

            var path = value
                .Replace("$(MSBuildThisFileDirectory)", thisFolder, StringComparison.OrdinalIgnoreCase)
                .Replace("$(MSBuildProjectDirectory)", projectFolder, StringComparison.OrdinalIgnoreCase);
            if (path.Contains("$(", StringComparison.Ordinal) || path.Contains('*', StringComparison.Ordinal) || path.Contains(';', StringComparison.Ordinal))
            {
                if (element.Name.LocalName == "Import" && value.Contains("$(MSBuildExtensionsPath", StringComparison.Ordinal))
                {
                    continue; // MSBuild's own extension points
                }

                return false;
            }

            // Relative paths: an import is relative to the file that has it, a project reference to the project.
            var baseFolder = element.Name.LocalName == "Import" ? thisFolder : projectFolder;
            var full = Path.GetFullPath(Path.Combine(baseFolder, path.Replace('\\', Path.DirectorySeparatorChar)));
            if (element.Name.LocalName == "Import" && !File.Exists(full))
            {
                continue; // a conditional import of a file that is not there
            }

            target.Add(full);
        }

        return true;
    }

    private static void TryStamp(string project)
    {
        var obj = Path.Combine(Path.GetDirectoryName(project)!, "obj");
        try
        {
            if (File.Exists(Path.Combine(obj, "project.assets.json")))
            {
                File.WriteAllText(Path.Combine(obj, StampFile), "restored by aicompliance scan\n");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No stamp: the next scan restores again, as it would without one.
        }
    }

    /// <summary>The project files a .sln or .slnx lists; null when it cannot be read.</summary>
    internal static List<string>? ProjectsOfSolution(string solution)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(solution))!;
            IEnumerable<string> paths;
            if (solution.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase))
            {
                paths = XDocument.Load(solution).Descendants()
                    .Where(e => e.Name.LocalName == "Project")
                    .Select(e => e.Attribute("Path")?.Value)
                    .OfType<string>();
            }
            else
            {
                paths = SolutionProjectLine().Matches(File.ReadAllText(solution)).Select(m => m.Groups["path"].Value);
            }

            return paths
                .Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".vbproj", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".fsproj", StringComparison.OrdinalIgnoreCase))
                .Select(p => Path.GetFullPath(Path.Combine(folder, p.Replace('\\', Path.DirectorySeparatorChar))))
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\$\(\[MSBuild\]::GetPathOfFileAbove\(\s*'(?<name>[^'$]+)'")]
    private static partial Regex FileAbove();

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*""\s*,\s*""(?<path>[^""]+)""", RegexOptions.Multiline)]
    private static partial Regex SolutionProjectLine();
}
