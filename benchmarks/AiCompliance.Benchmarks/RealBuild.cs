using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AiCompliance.Benchmarks;

/// <summary>
/// <c>--real-build</c>: what a user's build pays. Writes the synthetic code base as a project, builds it with the
/// installed .NET SDK (its compiler server and the analyzers every net10.0 build runs), once with the AiCompliance
/// generator only (the baseline: the code needs <c>Svc.Label</c>) and once with the generator plus every AIC analyzer,
/// alternating, and compares the time of the compiler task (MSBuild's performance summary). AIC001 is lowered to a
/// warning in the project so the build completes; that changes no analysis work. The warnings are counted against the
/// planted list.
/// </summary>
internal static class RealBuild
{
    public static bool Run(int files, BenchmarkOptions options)
    {
        Console.WriteLine($"== real build, N = {files} files ==");
        var codeBase = SyntheticCodeBaseGenerator.Generate(files, options.Seed, options.AiPercent);
        var dir = Path.Combine(options.RealBuildDirectory ?? Path.Combine(Path.GetTempPath(), "aic-realbuild"), "N" + files);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        foreach (var file in codeBase.Files)
        {
            File.WriteAllText(Path.Combine(dir, Path.GetFileName(file.Path)), file.Text);
        }

        var bin = AppContext.BaseDirectory;
        string Dll(string name) => Path.Combine(bin, name + ".dll");
        var meai = typeof(Microsoft.Extensions.AI.ChatClientBuilder).Assembly.GetName().Version!;
        File.WriteAllText(Path.Combine(dir, "Bench.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>disable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);CS1591;CS8019;CS0168;CS0219</NoWarn>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
                <FrameworkReference Include="Microsoft.AspNetCore.App" />
                <PackageReference Include="Microsoft.Extensions.AI" Version="{meai.Major}.{meai.Minor}.{meai.Build}" />
                <Reference Include="{Dll("AiCompliance.Attributes")}" />
                <Analyzer Include="{Dll("AiCompliance.Generators")}" />
                <Analyzer Include="{Dll("AiCompliance.Analyzers")}" Condition="'$(Aic)' == 'true'" />
                <GlobalAnalyzerConfigFiles Include="aic.globalconfig" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "aic.globalconfig"), "is_global = true\ndotnet_diagnostic.AIC001.severity = warning\n");
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Packages.props"), "<Project />");

        if (Dotnet(dir, "restore Bench.csproj -v:q", out var restoreLog) != 0)
        {
            Console.WriteLine("restore failed:\n" + restoreLog);
            return false;
        }

        var baseline = new List<double>();
        var withAic = new List<double>();
        var warnings = -1;
        for (var rep = 0; rep <= options.Repetitions; rep++)
        {
            foreach (var aic in new[] { false, true })
            {
                var args = $"build Bench.csproj -c Release --no-restore --no-incremental -nologo -clp:PerformanceSummary -p:Aic={(aic ? "true" : "false")}";
                if (Dotnet(dir, args, out var log) != 0)
                {
                    Console.WriteLine("build failed:\n" + string.Join("\n", log.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).Take(20)));
                    return false;
                }

                var csc = CscMilliseconds(log);
                if (aic)
                {
                    warnings = Regex.Matches(log, @"warning AIC001").Count;
                }

                Console.WriteLine($"  {(rep == 0 ? "warm-up" : "rep " + rep)}, {(aic ? "generator + AIC analyzers" : "generator only (baseline)")}: Csc {csc:F0} ms");
                if (rep > 0)
                {
                    (aic ? withAic : baseline).Add(csc);
                }
            }
        }

        var b = Median(baseline);
        var a = Median(withAic);
        // MSBuild prints each warning twice (as it happens and in the summary).
        Console.WriteLine($"  AIC001 warnings in the build log: {warnings} (planted: {codeBase.Planted.Count}; the log lists each warning twice)");
        Console.WriteLine($"| N files | lines | methods (AI) | Csc baseline ms | Csc with AIC ms | added | AIC001 (log lines / planted) |");
        Console.WriteLine($"|--:|--:|--:|--:|--:|--:|--:|");
        Console.WriteLine($"| {files:N0} | {codeBase.Lines:N0} | {codeBase.Methods:N0} ({codeBase.AiMethods:N0}) | {b:N0} | {a:N0} | {100 * (a - b) / b:F1}% | {warnings} / {codeBase.Planted.Count} |");
        Console.WriteLine($"Target (real build): AIC analyzers add <= 5% to compile time: {((a - b) / b <= 0.05 ? "MET" : "NOT MET")} ({100 * (a - b) / b:F1}%, medians of {baseline.Count})");
        return true;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The Csc line of MSBuild's task performance summary, e.g. "     8123 ms  Csc    1 calls".</summary>
    private static double CscMilliseconds(string log)
    {
        foreach (Match match in Regex.Matches(log, @"^\s*(\d+)\s+ms\s+Csc\s+\d+\s+calls", RegexOptions.Multiline))
        {
            return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        throw new InvalidOperationException("no Csc line in the build's performance summary");
    }

    private static int Dotnet(string directory, string arguments, out string output)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        output += stderr.Result;
        return process.ExitCode;
    }
}
