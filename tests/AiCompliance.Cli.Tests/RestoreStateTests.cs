using System;
using System.IO;
using System.Linq;
using AiCompliance.Cli.Scanning;
using Xunit;

namespace AiCompliance.Cli.Tests;

/// <summary>When the scanner runs <c>dotnet restore</c>, and on what: only what changed since it was restored.</summary>
public sealed class RestoreStateTests
{
    private static readonly DateTime Restored = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

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
}
