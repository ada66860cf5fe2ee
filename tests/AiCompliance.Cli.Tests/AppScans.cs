using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.TestSupport;

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
