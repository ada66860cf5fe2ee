using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AiCompliance.Cli.Scanning;
using Xunit;

namespace AiCompliance.Cli.Tests;

/// <summary>
/// The scanner on whole apps of real shapes: a Blazor chat whose content flows only in .razor files (the scanner
/// must run the SDK's Razor generator as the build does), an MVC app whose views and Razor Page render the answer, and apps it must call INCOMPLETE, never COMPLIANT: one
/// that does not compile, one whose generator cannot load, one where the flow engine fails.
/// </summary>
[Collection(ScanCollection.Name)] // the apps and the fixtures share src/Attributes: their restores and loads never overlap
public sealed partial class AppScanTests : IClassFixture<AppScans>
{
    private readonly AppScans _apps;

    public AppScanTests(AppScans apps) => _apps = apps;

    [Fact]
    public async Task Blazor_chat_scan_reports_the_same_AIC001s_as_dotnet_build()
    {
        var scan = await _apps.ScanAsync("BlazorChat", "json");
        Assert.True(scan.ExitCode == 1, scan.ToString());
        using var json = JsonDocument.Parse(scan.Out);
        var root = json.RootElement;
        Assert.Equal("not-compliant", root.GetProperty("verdict").GetString());
        Assert.True(root.GetProperty("complete").GetBoolean(), scan.ToString());
        Assert.Empty(root.GetProperty("incomplete").EnumerateArray());
        var scanned = root.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("id").GetString() == "AIC001")
            .Select(f => f.GetProperty("location"))
            .Select(l => $"{l.GetProperty("file").GetString()}({l.GetProperty("line").GetInt32()},{l.GetProperty("column").GetInt32()})")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        // What `dotnet build` with the analyzers reports on the same project (it fails on AIC001, as it should).
        var folder = Path.Combine(AppScans.Apps, "BlazorChat");
        // Its own artifacts folder: the build compiles src/Analyzers and src/Generators too, and must not touch the
        // outputs the tests themselves run from.
        var artifacts = CliRunner.TempFolder("blazor-build");
        var build = await _apps.BuildAsync(folder, "-c", "Release", "-p:AicWithAnalyzers=true", "--artifacts-path", artifacts, "-nologo");
        Assert.True(build.ExitCode != 0, build.Output);
        var built = BuildAic001().Matches(build.Output)
            .Select(m => Path.GetRelativePath(folder, m.Groups["file"].Value).Replace('\\', '/') + "(" + m.Groups["line"].Value + "," + m.Groups["column"].Value + ")")
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(built, scanned);
        Assert.Contains(scanned, s => s.StartsWith("Components/Pages/Chat.razor(", StringComparison.Ordinal));
        Assert.Contains(scanned, s => s.StartsWith("Components/Pages/Suggestions.razor(", StringComparison.Ordinal));

        // The inventory sees the source calls in the components' @code blocks, on their .razor lines.
        var sources = root.GetProperty("sources").EnumerateArray().Select(x => x.GetProperty("location").GetProperty("file").GetString()).ToList();
        Assert.Contains("Components/Pages/Chat.razor", sources);
        Assert.Contains("Components/Pages/Suggestions.razor", sources);

        // Each .razor file is compiled once: no duplicate-file noise from the design-time build.
        Assert.DoesNotContain(root.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("Duplicate source file", StringComparison.Ordinal));
    }

    // MVC views and a Razor Page (issue 14, sinks): the controller hands the answer to its view as the model, in ViewData
    // and in ViewBag, the page model fills its properties and ViewData; the real Razor compiler generates the views, and
    // both `dotnet build` and the scanner report where the .cshtml renders the answer, not where it was handed over.
    [Fact]
    public async Task Mvc_views_report_on_the_cshtml_lines_in_the_build_and_the_scanner()
    {
        var scan = await _apps.ScanAsync("MvcChat", "json");
        Assert.True(scan.ExitCode == 1, scan.ToString());
        using var json = JsonDocument.Parse(scan.Out);
        var root = json.RootElement;
        Assert.True(root.GetProperty("complete").GetBoolean(), scan.ToString());
        var scanned = root.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("id").GetString() == "AIC001")
            .Select(f => f.GetProperty("location"))
            .Select(l => $"{l.GetProperty("file").GetString()}:{l.GetProperty("line").GetInt32()}")
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        // Index.cshtml: 6 @Model.Answer, 7 @Html.Raw(Model.Answer), 8 @ViewData["Answer"], 9 @ViewBag.Summary (not 5, the
        // question; not 10, labeled; not 11, labeled in the view). Ask.cshtml: 4 @Model.Answer, 5 @ViewData["Note"].
        // Nothing in the controller or the page model: ViewData["Unused"] is rendered by no view.
        string[] expected =
        [
            "Pages/Ask.cshtml:4", "Pages/Ask.cshtml:5",
            "Views/Home/Index.cshtml:6", "Views/Home/Index.cshtml:7", "Views/Home/Index.cshtml:8", "Views/Home/Index.cshtml:9",
        ];
        Assert.Equal(expected, scanned);

        var folder = Path.Combine(AppScans.Apps, "MvcChat");
        var artifacts = CliRunner.TempFolder("mvc-build");
        var build = await _apps.BuildAsync(folder, "-c", "Release", "-p:AicWithAnalyzers=true", "--artifacts-path", artifacts, "-nologo");
        Assert.True(build.ExitCode != 0, build.Output);
        var built = BuildAic001().Matches(build.Output)
            .Select(m => Path.GetRelativePath(folder, m.Groups["file"].Value).Replace('\\', '/') + ":" + m.Groups["line"].Value)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, built);
    }

    // A library's public member returns AI content without [AiGenerated] (AIC010 in the library): a build of the app
    // that prints it cannot know, the scanner sees both projects and follows it (issue 14, across projects).
    [Fact]
    public async Task The_scanner_follows_AI_content_a_library_of_the_solution_returns_into_the_app()
    {
        var scan = await _apps.ScanAsync("CrossProject", "json");
        Assert.True(scan.ExitCode == 1, scan.ToString());
        using var json = JsonDocument.Parse(scan.Out);
        var root = json.RootElement;
        Assert.True(root.GetProperty("complete").GetBoolean(), scan.ToString());
        var projects = root.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("CrossProject", projects);
        Assert.Contains("CrossProjectLib", projects); // referenced by the app: analyzed first
        var found = root.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("id").GetString() == "AIC001" && f.GetProperty("location").GetProperty("file").GetString() == "Program.cs")
            .ToDictionary(f => f.GetProperty("location").GetProperty("line").GetInt32(), f => f.GetProperty("message").GetString()!);

        // Lines 5 and 7: undeclared, found only because the scanner handed the library's returns to the app (a nested
        // type's static method too); 6: [AiGenerated], seen by any build; 8 is labeled; 9 and 10 are no AI content.
        Assert.Equal(new[] { 5, 6, 7 }, found.Keys.OrderBy(l => l));
        Assert.Contains("Summarizer.SummarizeAsync (project CrossProjectLib, from IChatClient.GetResponseAsync)", found[5], StringComparison.Ordinal);
        Assert.Contains("Summarizer.Nested.AskAsync (project CrossProjectLib, from IChatClient.GetResponseAsync)", found[7], StringComparison.Ordinal);

        // `dotnet build` of the app with the analyzers sees only the declared member: what the scanner adds is the flow
        // across the projects (the library's own build suggests the attribute on the other two: AIC010, info).
        var folder = Path.Combine(AppScans.Apps, "CrossProject");
        var artifacts = CliRunner.TempFolder("cross-project-build");
        var build = await _apps.BuildAsync(folder, "-c", "Release", "-p:AicWithAnalyzers=true", "--artifacts-path", artifacts, "-nologo");
        var built = BuildAic001().Matches(build.Output)
            .Where(m => m.Groups["file"].Value.EndsWith("Program.cs", StringComparison.Ordinal))
            .Select(m => int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Distinct()
            .ToList();
        Assert.True(build.ExitCode != 0, build.Output); // AIC001 is an error
        Assert.Equal(new[] { 6 }, built);
    }

    [Fact]
    public async Task A_project_that_does_not_compile_is_incomplete_with_its_first_error()
    {
        var scan = await _apps.ScanAsync("CompileError", "json");
        Assert.True(scan.ExitCode == 3, scan.ToString());
        using var json = JsonDocument.Parse(scan.Out);
        var root = json.RootElement;
        Assert.Equal("incomplete", root.GetProperty("verdict").GetString());
        Assert.False(root.GetProperty("compliant").GetBoolean());
        Assert.False(root.GetProperty("complete").GetBoolean());
        Assert.Equal(3, root.GetProperty("exitCode").GetInt32());
        var reason = Assert.Single(root.GetProperty("incomplete").EnumerateArray());
        Assert.Equal("CompileError", reason.GetProperty("project").GetString());
        Assert.Equal("compile", reason.GetProperty("kind").GetString());
        Assert.Contains("Program.cs:9: CS0103", reason.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // What was found is still reported: the labeled output.
        Assert.Contains(root.GetProperty("outputs").EnumerateArray(), o => o.GetProperty("labeled").GetBoolean());
        Assert.EndsWith("1 unchecked part — INCOMPLETE", root.GetProperty("summary").GetProperty("line").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_failure_is_AIC009_at_the_method_and_makes_the_scan_incomplete()
    {
        var scan = await _apps.ScanAsync("EngineFailure", "json");
        Assert.True(scan.ExitCode == 3, scan.ToString());
        using var json = JsonDocument.Parse(scan.Out);
        var root = json.RootElement;
        var reason = Assert.Single(root.GetProperty("incomplete").EnumerateArray());
        Assert.Equal("engine", reason.GetProperty("kind").GetString());
        var detail = reason.GetProperty("detail").GetString()!;
        Assert.Contains("AIC009", detail, StringComparison.Ordinal);
        Assert.Contains("Program.cs:" + CliRunner.LineOf(Path.Combine(AppScans.Apps, "EngineFailure", "Program.cs"), "static async Task<string> Answer"), detail, StringComparison.Ordinal);
        Assert.Contains("'Answer'", detail, StringComparison.Ordinal);
        Assert.Contains("injected failure", detail, StringComparison.Ordinal);

        // AIC009 is an unchecked part, not a finding of non-compliance.
        Assert.DoesNotContain(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "AIC009");
    }

    [Fact]
    public async Task A_generator_that_cannot_load_makes_the_scan_incomplete()
    {
        // Built as the design-time build expects it (Debug): a real assembly that references Roslyn 5.12.
        var generator = Path.Combine(AppScans.Apps, "NewerCompilerGenerator");
        var build = await _apps.BuildAsync(generator, "-c", "Debug", "-nologo");
        Assert.True(build.ExitCode == 0, build.Output);

        var scan = await _apps.ScanAsync("NewerGenerator", "json");
        Assert.True(scan.ExitCode == 3, scan.ToString());
        using var json = JsonDocument.Parse(scan.Out);
        var reason = Assert.Single(json.RootElement.GetProperty("incomplete").EnumerateArray());
        Assert.Equal("NewerGenerator", reason.GetProperty("project").GetString());
        Assert.Equal("generator", reason.GetProperty("kind").GetString());
        var detail = reason.GetProperty("detail").GetString()!;
        Assert.Contains("'NewerCompilerGenerator.dll' could not be loaded", detail, StringComparison.Ordinal);
        Assert.Contains("5.12.0.0", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generator_that_was_never_built_makes_the_scan_incomplete()
    {
        var folder = CliRunner.TempFolder("missing-analyzer");
        await File.WriteAllTextAsync(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        await File.WriteAllTextAsync(Path.Combine(folder, "Directory.Packages.props"), "<Project />");
        await File.WriteAllTextAsync(Path.Combine(folder, "Missing.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="generators/NotBuiltYet.dll" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "Program.cs"), "System.Console.WriteLine(\"hi\");\n");
        var run = await CliRunner.RunAsync("scan", Path.Combine(folder, "Missing.csproj"), "--format", "json", "--quiet");
        Assert.True(run.ExitCode == 3, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var reason = Assert.Single(json.RootElement.GetProperty("incomplete").EnumerateArray());
        Assert.Equal("generator", reason.GetProperty("kind").GetString());
        Assert.Contains("'NotBuiltYet.dll' was not found", reason.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_that_does_not_load_makes_the_scan_incomplete()
    {
        await _apps.ScanAsync("CompileError", "json"); // restored
        var folder = CliRunner.TempFolder("notload");
        await File.WriteAllTextAsync(Path.Combine(folder, "Broken.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0\n</Project>\n");
        var good = Path.GetRelativePath(folder, AppScans.App("CompileError")).Replace('\\', '/');
        await File.WriteAllTextAsync(Path.Combine(folder, "App.slnx"), $"<Solution>\n  <Project Path=\"{good}\" />\n  <Project Path=\"Broken.csproj\" />\n</Solution>\n");
        var run = await CliRunner.RunAsync("scan", Path.Combine(folder, "App.slnx"), "--no-restore", "--format", "json", "--quiet");
        Assert.True(run.ExitCode == 3, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("App.slnx", root.GetProperty("input").GetString());
        var reasons = root.GetProperty("incomplete").EnumerateArray().ToList();
        Assert.Contains(reasons, r => r.GetProperty("kind").GetString() == "load" &&
                                      r.GetProperty("project").GetString() == "Broken" &&
                                      r.GetProperty("detail").GetString()!.Contains("Broken.csproj", StringComparison.Ordinal));

        // The project that loaded was still analyzed and reported.
        Assert.Contains(root.GetProperty("projects").EnumerateArray(), p => p.GetProperty("name").GetString() == "CompileError");
    }

    [Fact]
    public async Task Without_the_generator_run_result_a_Razor_app_is_incomplete_not_compliant()
    {
        // A future Roslyn without the (internal) run result: the scan cannot know the Razor generator ran.
        await _apps.ScanAsync("BlazorChat", "json"); // restored (and the shared scan made before the switch is on)
        GeneratorCheck.SimulateMissingRunResult = true;
        try
        {
            var run = await CliRunner.RunAsync("scan", AppScans.App("BlazorChat"), "--no-restore", "--format", "json", "--quiet");
            using var json = JsonDocument.Parse(run.Out);
            var reason = Assert.Single(json.RootElement.GetProperty("incomplete").EnumerateArray());
            Assert.Equal("generator", reason.GetProperty("kind").GetString());
            Assert.Contains("could not verify that its source generators ran", reason.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.False(json.RootElement.GetProperty("complete").GetBoolean());
        }
        finally
        {
            GeneratorCheck.SimulateMissingRunResult = false;
        }
    }

    [Fact]
    public async Task A_docker_compose_project_in_the_solution_is_a_note_not_an_unchecked_part()
    {
        var folder = CliRunner.TempFolder("dcproj");
        await File.WriteAllTextAsync(Path.Combine(folder, "docker-compose.dcproj"), "<Project Sdk=\"Microsoft.Docker.Sdk\" />\n");
        var app = Path.GetRelativePath(folder, Path.Combine(CliRunner.Fixtures, "Compliant", "Compliant.csproj")).Replace('\\', '/');
        await File.WriteAllTextAsync(Path.Combine(folder, "App.slnx"), $"<Solution>\n  <Project Path=\"{app}\" />\n  <Project Path=\"docker-compose.dcproj\" />\n</Solution>\n");
        await CliRunner.RunAsync("scan", CliRunner.Fixture("Compliant"), "--format", "json", "--quiet"); // restored
        var run = await CliRunner.RunAsync("scan", Path.Combine(folder, "App.slnx"), "--no-restore", "--format", "json", "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Out);
        Assert.Empty(json.RootElement.GetProperty("incomplete").EnumerateArray());
        Assert.Contains(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("docker-compose.dcproj", StringComparison.Ordinal) && w.GetString()!.Contains("not a .NET project", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("json")]
    [InlineData("sarif")]
    public async Task Every_format_says_incomplete_with_the_reason(string format)
    {
        var (run, text) = await _apps.ScanToFileAsync("CompileError", format);
        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("— INCOMPLETE", run.Error, StringComparison.Ordinal); // the summary line after "report written"
        Assert.Contains("CS0103", text, StringComparison.Ordinal);
        switch (format)
        {
            case "table":
                Assert.Contains("? INCOMPLETE", text, StringComparison.Ordinal);
                Assert.Contains("Not checked (1)", text, StringComparison.Ordinal);
                break;
            case "markdown":
                Assert.Contains("**Verdict: INCOMPLETE**", text, StringComparison.Ordinal);
                Assert.Contains("## Not checked (1)", text, StringComparison.Ordinal);
                break;
            case "html":
                Assert.Contains("<title>AiCompliance report: CompileError.csproj — INCOMPLETE</title>", text, StringComparison.Ordinal);
                Assert.Contains("<section class=\"banner warn\" id=\"verdict\">", text, StringComparison.Ordinal);
                Assert.Contains("id=\"incomplete\"", text, StringComparison.Ordinal);
                break;
            case "json":
                using (var json = JsonDocument.Parse(text))
                {
                    Assert.Equal("incomplete", json.RootElement.GetProperty("verdict").GetString());
                    Assert.Equal("compile", json.RootElement.GetProperty("incomplete")[0].GetProperty("kind").GetString());
                }

                break;
            case "sarif":
                using (var sarif = JsonDocument.Parse(text))
                {
                    var invocation = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations").EnumerateArray());
                    Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
                    Assert.Equal(3, invocation.GetProperty("exitCode").GetInt32());
                    var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray(), n => n.GetProperty("level").GetString() == "error");
                    Assert.Contains("CompileError: compile: 1 compiler error", notification.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
                    Assert.Equal("incomplete", sarif.RootElement.GetProperty("runs")[0].GetProperty("properties").GetProperty("verdict").GetString());
                }

                SarifSchema.AssertValid(text);
                break;
        }
    }

    [Fact]
    public async Task An_unchanged_restored_app_is_not_restored_again()
    {
        await _apps.ScanAsync("CompileError", "json"); // restored now, if it was not
        var project = AppScans.App("CompileError");
        var again = await CliRunner.RunAsync("scan", project, "--format", "json");
        Assert.True(again.ExitCode == 3, again.ToString());
        Assert.Contains("restore skipped", again.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("restoring", again.Error, StringComparison.Ordinal);

        // A project file newer than its restore: restore runs again, and after it the app is current again.
        var written = File.GetLastWriteTimeUtc(project);
        try
        {
            File.SetLastWriteTimeUtc(project, DateTime.UtcNow.AddSeconds(1));
            var changed = await CliRunner.RunAsync("scan", project, "--format", "json");
            Assert.True(changed.ExitCode == 3, changed.ToString());
            Assert.Contains("restoring CompileError.csproj", changed.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.SetLastWriteTimeUtc(project, written);
        }

        var third = await CliRunner.RunAsync("scan", project, "--format", "json");
        Assert.Contains("restore skipped", third.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[ \t]*(?<file>[^\s(][^(\r\n]*)\((?<line>\d+),(?<column>\d+)\): error AIC001:", RegexOptions.Multiline)]
    private static partial Regex BuildAic001();
}
