using System;
using System.IO;
using System.Linq;
using AiCompliance.Cli.Scanning;
using Xunit;

namespace AiCompliance.Cli.Tests;

/// <summary>When the scanner runs <c>dotnet restore</c>, and on what: only what changed since it was restored.</summary>
public sealed class RestoreStateTests
{
    // In the future: no real file above the temp folder (a Directory.Build.props, a NuGet.config) can be newer.
    private static readonly DateTime Restored = DateTime.UtcNow.AddDays(2);

    private static string Project(string root, string name, string body = "")
    {
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(Path.Combine(folder, "obj"));
        var project = Path.Combine(folder, name + ".csproj");
        File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\">" + body + "</Project>");
        File.SetLastWriteTimeUtc(project, Restored.AddMinutes(-1));
        var assets = Path.Combine(folder, "obj", "project.assets.json");
        File.WriteAllText(assets, "{}");
        File.SetLastWriteTimeUtc(assets, Restored);
        return project;
    }

    private static string[] Names(ScanTarget target) => RestoreState.FilesToRestore(target).Select(Path.GetFileName).ToArray()!;

    [Fact]
    public void Only_the_projects_changed_since_their_restore_are_restored()
    {
        var root = CliRunner.TempFolder("restorestate");
        Project(root, "A");
        var b = Project(root, "B");
        var target = ScanTarget.Resolve(root);
        Assert.Empty(Names(target));

        File.SetLastWriteTimeUtc(b, Restored.AddMinutes(1));
        Assert.Equal(new[] { "B.csproj" }, Names(target));

        // A stamp written after a restore that changed nothing makes B current again.
        File.WriteAllText(Path.Combine(root, "B", "obj", "aicompliance.restored"), "x");
        File.SetLastWriteTimeUtc(Path.Combine(root, "B", "obj", "aicompliance.restored"), Restored.AddMinutes(2));
        Assert.Empty(Names(target));

        // Central package versions above both: both are stale.
        var props = Path.Combine(root, "Directory.Packages.props");
        File.WriteAllText(props, "<Project />");
        File.SetLastWriteTimeUtc(props, Restored.AddMinutes(3));
        Assert.Equal(new[] { "A.csproj", "B.csproj" }, Names(target).OrderBy(n => n, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void A_project_is_stale_when_a_project_it_references_is_and_unrestored_projects_are_stale()
    {
        var root = CliRunner.TempFolder("restorestate-ref");
        Project(root, "App", "<ItemGroup><ProjectReference Include=\"../Lib/Lib.csproj\" /></ItemGroup>");
        var lib = Project(root, "Lib");
        var target = ScanTarget.ForProject(ScanTarget.Resolve(root), Path.Combine(root, "App", "App.csproj"));
        Assert.Empty(Names(target));

        File.Delete(Path.Combine(Path.GetDirectoryName(lib)!, "obj", "project.assets.json"));
        Assert.Equal(new[] { "App.csproj" }, Names(target));
    }

    [Fact]
    public void A_stale_solution_is_restored_whole()
    {
        var root = CliRunner.TempFolder("restorestate-sln");
        Project(root, "A");
        var b = Project(root, "B");
        File.WriteAllText(Path.Combine(root, "App.slnx"), "<Solution>\n  <Project Path=\"A/A.csproj\" />\n  <Project Path=\"B/B.csproj\" />\n</Solution>\n");
        var target = ScanTarget.Resolve(root);
        Assert.Empty(Names(target));
        File.SetLastWriteTimeUtc(b, Restored.AddMinutes(1));
        Assert.Equal(new[] { "App.slnx" }, Names(target));
    }

    [Fact]
    public void Imports_and_references_from_directory_files_count_and_unresolvable_paths_restore()
    {
        var root = CliRunner.TempFolder("restorestate-imports");
        var eng = Path.Combine(root, "eng");
        Directory.CreateDirectory(eng);
        var versions = Path.Combine(eng, "Versions.props");
        File.WriteAllText(versions, "<Project />");
        File.SetLastWriteTimeUtc(versions, Restored.AddMinutes(-5));
        var props = Path.Combine(root, "Directory.Build.props");
        File.WriteAllText(props, "<Project><Import Project=\"$(MSBuildThisFileDirectory)eng/Versions.props\" /><ItemGroup><ProjectReference Include=\"$(MSBuildThisFileDirectory)Lib/Lib.csproj\" /></ItemGroup></Project>");
        File.SetLastWriteTimeUtc(props, Restored.AddMinutes(-5));
        Project(root, "App");
        var lib = Project(root, "Lib");
        var target = ScanTarget.ForProject(ScanTarget.Resolve(root), Path.Combine(root, "App", "App.csproj"));
        Assert.Empty(Names(target));

        // An imported file changed after the restore.
        File.SetLastWriteTimeUtc(versions, Restored.AddMinutes(5));
        Assert.Equal(new[] { "App.csproj" }, Names(target));
        File.SetLastWriteTimeUtc(versions, Restored.AddMinutes(-5));

        // The project that Directory.Build.props references is not restored.
        File.Delete(Path.Combine(Path.GetDirectoryName(lib)!, "obj", "project.assets.json"));
        Assert.Equal(new[] { "App.csproj" }, Names(target));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(lib)!, "obj", "project.assets.json"), "{}");
        File.SetLastWriteTimeUtc(Path.Combine(Path.GetDirectoryName(lib)!, "obj", "project.assets.json"), Restored);
        Assert.Empty(Names(target));

        // A path through a property the check cannot resolve: restore decides.
        File.WriteAllText(props, "<Project><Import Project=\"$(RepoRoot)eng/Versions.props\" /></Project>");
        File.SetLastWriteTimeUtc(props, Restored.AddMinutes(-5));
        Assert.Equal(new[] { "App.csproj" }, Names(target));
    }

    [Fact]
    public void A_chained_directory_file_is_followed_through_GetPathOfFileAbove()
    {
        var root = CliRunner.TempFolder("restorestate-chain");
        var outer = Path.Combine(root, "Directory.Build.props");
        File.WriteAllText(outer, "<Project />");
        File.SetLastWriteTimeUtc(outer, Restored.AddMinutes(-5));
        var sub = Path.Combine(root, "src");
        Directory.CreateDirectory(sub);
        var inner = Path.Combine(sub, "Directory.Build.props");
        File.WriteAllText(inner, "<Project><Import Project=\"$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))\" /></Project>");
        File.SetLastWriteTimeUtc(inner, Restored.AddMinutes(-5));
        var project = Project(sub, "App");
        var target = ScanTarget.ForProject(ScanTarget.Resolve(sub), project);
        Assert.Empty(Names(target)); // the chaining import does not force a restore

        File.SetLastWriteTimeUtc(outer, Restored.AddMinutes(5));
        Assert.Equal(new[] { "App.csproj" }, Names(target));
    }
}
