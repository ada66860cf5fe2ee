using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using AiCompliance.TestSupport;

namespace AiCompliance.Samples.Tests.Infrastructure;

/// <summary>
/// Shared by every test of the samples (one collection, so they run one after another): a private artifacts folder
/// for the builds, and the ChatWeb app, built and started on first use and stopped at the end.
/// </summary>
public sealed class SamplesFixture : IDisposable
{
    /// <summary>Generous: the machine may be busy with the other test assemblies.</summary>
    public static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (int ExitCode, string Output)> _builds = new(StringComparer.Ordinal);
    private RunningApp? _chatWeb;

    public SamplesFixture()
    {
        RepoRoot = FindRepoRoot();
        WorkDir = Path.Combine(Path.GetTempPath(), "aic-samples-" + Guid.NewGuid().ToString("N")[..8]);
        ArtifactsPath = Path.Combine(WorkDir, "artifacts");
        Directory.CreateDirectory(ArtifactsPath);
    }

    public string RepoRoot { get; }

    public string WorkDir { get; }

    /// <summary>The <c>--artifacts-path</c> of every build here: independent of the solution build's outputs.</summary>
    public string ArtifactsPath { get; }

    /// <summary>Where test outputs meant for people go (the browser screenshot): <c>artifacts/e2e</c> in the repository.</summary>
    public string E2eOutputDir => Path.Combine(RepoRoot, "artifacts", "e2e");

    /// <summary>Builds a sample (Release, private artifacts path) once per test run; returns exit code and log.</summary>
    public (int ExitCode, string Output) Build(string project)
    {
        _gate.Wait();
        try
        {
            if (!_builds.TryGetValue(project, out var result))
            {
                result = Dotnet.Run(RepoRoot, BuildTimeout,
                    "build", project, "-c", "Release", "--artifacts-path", ArtifactsPath, "--disable-build-servers");
                _builds[project] = result;
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>ChatWeb, built and listening on a free loopback port.</summary>
    public async Task<RunningApp> ChatWebAsync()
    {
        var build = Build("samples/ChatWeb/ChatWeb.csproj");
        Assert.True(build.ExitCode == 0, "samples/ChatWeb does not build:\n" + build.Output);
        await _gate.WaitAsync();
        try
        {
            if (_chatWeb is null || _chatWeb.HasExited)
            {
                _chatWeb?.Dispose();
                var dll = Path.Combine(ArtifactsPath, "bin", "ChatWeb", "release", "ChatWeb.dll");
                Assert.True(File.Exists(dll), "built app not found at " + dll);
                _chatWeb = await RunningApp.StartAsync(dll, WorkDir, TimeSpan.FromMinutes(1));
            }

            return _chatWeb;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _chatWeb?.Dispose();
        try
        {
            Directory.Delete(WorkDir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
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

[CollectionDefinition(Name)]
public sealed class SamplesCollection : ICollectionFixture<SamplesFixture>
{
    public const string Name = "samples";
}
