using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AiCompliance.Cli.Tests;

/// <summary>
/// Scans and builds of the apps under Apps/ (real project shapes), each run once and shared by the tests that read
/// it; one at a time, since they share obj folders and the machine is small.
/// </summary>
public sealed class AppScans : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<CliResult>>> _runs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public AppScans()
    {
        OutputFolder = CliRunner.TempFolder("app-reports");
    }

    public string OutputFolder { get; }

    public static string Apps { get; } = Path.Combine(CliRunner.RepoRoot, "tests", "AiCompliance.Cli.Tests", "Apps");

    public static string App(string name) => Path.Combine(Apps, name, name + ".csproj");

    /// <summary>The app scanned (restoring it when needed) in <paramref name="format"/>, to standard output.</summary>
    public Task<CliResult> ScanAsync(string app, string format) => Once("scan", App(app), "--format", format);

    /// <summary>The app scanned in <paramref name="format"/> into a file; returns the run and the file's text.</summary>
    public async Task<(CliResult Run, string Text)> ScanToFileAsync(string app, string format)
    {
        var file = Path.Combine(OutputFolder, app, "report." + format);
        var run = await Once("scan", App(app), "--format", format, "--output", file).ConfigureAwait(false);
        return (run, File.Exists(file) ? await File.ReadAllTextAsync(file).ConfigureAwait(false) : string.Empty);
    }

    /// <summary><c>dotnet build</c> of an app (serialized with the scans).</summary>
    public async Task<(int ExitCode, string Output)> BuildAsync(string folder, params string[] args)
    {
        await _oneAtATime.WaitAsync().ConfigureAwait(false);
        try
        {
            return await Dotnet.RunAsync(folder, ["build", .. args]).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose()
    {
        _oneAtATime.Dispose();
        try
        {
            Directory.Delete(OutputFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task<CliResult> Once(params string[] args) =>
        _runs.GetOrAdd(string.Join('\u0001', args), _ => new Lazy<Task<CliResult>>(() => SerializedAsync(args))).Value;

    private async Task<CliResult> SerializedAsync(string[] args)
    {
        await _oneAtATime.WaitAsync().ConfigureAwait(false);
        try
        {
            return await CliRunner.RunAsync(args).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}

/// <summary>Runs the dotnet CLI as a child process, without the test host's MSBuild state.</summary>
public static class Dotnet
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var variable in new[] { "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            psi.Environment.Remove(variable);
        }

        psi.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(psi)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet " + string.Join(" ", args) + " timed out\n" + output);
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
