using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Xunit;
using AiCompliance.TestSupport;

namespace AiCompliance.PackageTests;

/// <summary>Packs AiCompliance once (unique pre-release version, so no stale copy in the NuGet cache is used).</summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        RepoRoot = FindRepoRoot();
        WorkDir = Path.Combine(Path.GetTempPath(), "aic-pkgtest-" + Guid.NewGuid().ToString("N")[..8]);
        FeedDir = Path.Combine(WorkDir, "feed");
        Directory.CreateDirectory(FeedDir);
        Version = "0.1.0-pkgtest." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N")[..6];
        var pack = Dotnet.Run(RepoRoot,
            "pack", "src/Package/AiCompliance.csproj", "-c", "Release",
            "--artifacts-path", Path.Combine(WorkDir, "artifacts"),
            "-p:PackageOutputPath=" + FeedDir, "-p:Version=" + Version);
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);
        PackagePath = Directory.GetFiles(FeedDir, "*.nupkg").Single();
    }

    public string RepoRoot { get; }

    public string WorkDir { get; }

    public string FeedDir { get; }

    public string Version { get; }

    public string PackagePath { get; }

    /// <summary>Creates a consumer project in its own folder with a nuget.config naming the local feed first.</summary>
    public string CreateConsumer(string name, string programSource, bool withMeai)
    {
        var dir = Path.Combine(WorkDir, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{FeedDir}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        var meai = withMeai ? """<PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="10.11.0" />""" : string.Empty;
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AiCompliance" Version="{Version}" />
                {meai}
              </ItemGroup>
            </Project>
            """);
        // Keep the consumer independent of the repository's Directory.*.props and global.json.
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Program.cs"), programSource);
        return dir;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(WorkDir, recursive: true);
            var cached = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES") ??
                Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"), "aicompliance", Version.ToLowerInvariant());
            if (Directory.Exists(cached))
            {
                Directory.Delete(cached, recursive: true);
            }
        }
        catch (IOException)
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
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}
