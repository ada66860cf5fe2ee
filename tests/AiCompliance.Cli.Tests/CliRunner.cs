using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace AiCompliance.Cli.Tests;

/// <summary>What one in-process run of the CLI returned and printed.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs <c>aicompliance</c> in this process (MSBuildLocator registers once per process; the CLI guards it).</summary>
public static class CliRunner
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Fixtures { get; } = Path.Combine(RepoRoot, "tests", "AiCompliance.Cli.Tests", "Fixtures");

    public static string Fixture(string name) => Path.Combine(Fixtures, name, name + ".csproj");

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, new CliConsole(output, error)).ConfigureAwait(false);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The 1-based line of the first line of <paramref name="file"/> that contains <paramref name="text"/>.</summary>
    public static int LineOf(string file, string text)
    {
        var lines = File.ReadAllLines(file);
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new InvalidOperationException($"'{text}' not found in {file}");
        }

        return index + 1;
    }

    public static string TempFolder(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "aic-cli-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string FindRepoRoot([CallerFilePath] string path = "")
    {
        var dir = Path.GetDirectoryName(path);
        while (dir is not null && !File.Exists(Path.Combine(dir, "Toolkit.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Toolkit.sln not found above " + path);
    }
}
