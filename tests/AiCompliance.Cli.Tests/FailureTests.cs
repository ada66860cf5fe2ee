using System;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace AiCompliance.Cli.Tests;

/// <summary>Exit code 2 with a one-line reason when the scan cannot run.</summary>
public sealed class FailureTests
{
    [Fact]
    public async Task A_path_that_does_not_exist_exits_2_with_one_line()
    {
        var missing = Path.Combine(Path.GetTempPath(), "aic-no-such-" + Guid.NewGuid().ToString("N"), "App.csproj");
        var run = await CliRunner.RunAsync("scan", missing);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("aicompliance: error: path not found: ", line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task A_folder_without_CSharp_projects_exits_2_with_one_line()
    {
        var folder = CliRunner.TempFolder("empty");
        await File.WriteAllTextAsync(Path.Combine(folder, "README.md"), "# not a project\n");
        Directory.CreateDirectory(Path.Combine(folder, "obj"));
        await File.WriteAllTextAsync(Path.Combine(folder, "obj", "Ignored.csproj"), "<Project />");
        var run = await CliRunner.RunAsync("scan", folder);
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("no C# projects found", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_solution_without_CSharp_projects_exits_2_with_one_line()
    {
        var folder = CliRunner.TempFolder("emptysln");
        var solution = Path.Combine(folder, "Empty.sln");
        await File.WriteAllTextAsync(solution, "\nMicrosoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\nGlobal\nEndGlobal\n");
        var run = await CliRunner.RunAsync("scan", solution, "--no-restore", "--quiet");
        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("aicompliance: error: no C# projects could be loaded from 'Empty.sln'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_solution_or_project_exits_2()
    {
        var folder = CliRunner.TempFolder("notaproject");
        var file = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(file, "hello");
        var run = await CliRunner.RunAsync("scan", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not a .sln, .slnx or .csproj file", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restore_failure_exits_2_with_the_restore_error()
    {
        var folder = CliRunner.TempFolder("restorefail");
        Directory.CreateDirectory(Path.Combine(folder, "feed"));
        await File.WriteAllTextAsync(Path.Combine(folder, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="feed" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        await File.WriteAllTextAsync(Path.Combine(folder, "Directory.Packages.props"), "<Project />");
        await File.WriteAllTextAsync(Path.Combine(folder, "Broken.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AiCompliance.Tests.No.Such.Package" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """);
        var run = await CliRunner.RunAsync("scan", Path.Combine(folder, "Broken.csproj"), "--quiet");
        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("aicompliance: error: restore failed: ", line, StringComparison.Ordinal);
        Assert.Contains("NU1101", line, StringComparison.Ordinal);
        Assert.Contains("AiCompliance.Tests.No.Such.Package", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan")]
    [InlineData("scan", "a.csproj", "--format", "pdf")]
    [InlineData("scan", "a.csproj", "--frobnicate")]
    [InlineData("scan", "a.csproj", "--output")]
    [InlineData("analyze", "a.csproj")]
    public async Task Bad_usage_exits_2_with_one_line(params string[] args)
    {
        var run = await CliRunner.RunAsync(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("aicompliance: error: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_0()
    {
        var run = await CliRunner.RunAsync("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("aicompliance scan <path>", run.Out, StringComparison.Ordinal);
        Assert.Contains("--format", run.Out, StringComparison.Ordinal);
    }
}
