using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace AiCompliance.Cli.Tests;

/// <summary>
/// Scans are slow (restore, design-time build, compile): each distinct command runs once and its result is shared
/// by the tests that look at it. The first scan restores the whole Fixtures folder; later ones use --no-restore.
/// </summary>
public sealed class ScanFixture : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<CliResult>>> _runs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public ScanFixture()
    {
        OutputFolder = CliRunner.TempFolder("reports");
    }

    public string OutputFolder { get; }

    /// <summary>The folder scan (with restore): all three fixtures, json.</summary>
    public Task<CliResult> FolderJsonAsync() => RunOnceAsync("scan", CliRunner.Fixtures, "--format", "json");

    /// <summary>A fixture scanned without restore (the folder scan restored it), in the given format, to stdout.</summary>
    public async Task<CliResult> FixtureAsync(string name, string format)
    {
        await FolderJsonAsync().ConfigureAwait(false);
        return await RunOnceAsync("scan", CliRunner.Fixture(name), "--no-restore", "--format", format).ConfigureAwait(false);
    }

    /// <summary>A fixture scanned in the given format into a file; returns the run and the file's text.</summary>
    public async Task<(CliResult Run, string Text)> FixtureToFileAsync(string name, string format)
    {
        await FolderJsonAsync().ConfigureAwait(false);
        var file = Path.Combine(OutputFolder, name, "report." + format);
        var run = await RunOnceAsync("scan", CliRunner.Fixture(name), "--no-restore", "--format", format, "--output", file).ConfigureAwait(false);
        return (run, File.Exists(file) ? await File.ReadAllTextAsync(file).ConfigureAwait(false) : string.Empty);
    }

    public static JsonDocument Json(CliResult run)
    {
        Assert.True(run.Out.TrimStart().StartsWith('{'), run.ToString());
        return JsonDocument.Parse(run.Out);
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

    private Task<CliResult> RunOnceAsync(params string[] args) =>
        _runs.GetOrAdd(string.Join('\u0001', args), _ => new Lazy<Task<CliResult>>(() => RunSerializedAsync(args))).Value;

    private async Task<CliResult> RunSerializedAsync(string[] args)
    {
        // One scan at a time: the machine is small and the scans share the fixtures' obj folders.
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

[CollectionDefinition(Name)]
public sealed class ScanCollection : ICollectionFixture<ScanFixture>
{
    public const string Name = "scans";
}
