using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace AiCompliance.Benchmarks;

/// <summary>
/// <c>--real-build</c>: what a user's build pays. Writes the synthetic code base as a project, builds it once with the
/// installed .NET SDK to get the exact compiler command line (the analyzers and generators every net10.0 build runs,
/// plus AiCompliance), then runs that compiler directly, alternating: once without AiCompliance.Analyzers.dll (the
/// baseline keeps the AiCompliance generator: the code needs <c>Svc.Label</c>) and once with it. It compares the
/// compiler process's CPU time (user + system) and wall time, and reads the per-analyzer execution times the compiler
/// prints with <c>/reportanalyzer</c>. AIC001 is lowered to a warning so the compilation completes; that changes no
/// analysis work. The warnings are counted against the planted list.
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

        // One MSBuild build with the analyzers, to get the exact compiler command line the SDK uses.
        if (Dotnet(dir, "build Bench.csproj -c Release --no-restore --no-incremental -nologo -v:d -p:Aic=true -p:UseSharedCompilation=false", out var buildLog) != 0)
        {
            Console.WriteLine("build failed:\n" + string.Join("\n", buildLog.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).Take(20)));
            return false;
        }

        var commandLine = buildLog.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => Regex.IsMatch(l, @"^\S*/csc(\.dll)?\s") && l.Contains("/analyzer:", StringComparison.Ordinal));
        if (commandLine is null)
        {
            Console.WriteLine("no compiler command line in the build log");
            return false;
        }

        var parts = SplitCommandLine(commandLine);
        var csc = parts[0];
        var arguments = parts.Skip(1).ToList();
        var withAicArgs = arguments.Append("/reportanalyzer").ToList();
        var baselineArgs = arguments.Where(a => !(a.StartsWith("/analyzer:", StringComparison.Ordinal) && a.Contains("AiCompliance.Analyzers.dll", StringComparison.Ordinal))).Append("/reportanalyzer").ToList();
        if (baselineArgs.Count != withAicArgs.Count - 1)
        {
            Console.WriteLine("the AiCompliance analyzer is not on the compiler command line");
            return false;
        }

        File.WriteAllLines(Path.Combine(dir, "aic.rsp"), withAicArgs.Select(Quote));
        File.WriteAllLines(Path.Combine(dir, "baseline.rsp"), baselineArgs.Select(Quote));
        var analyzerCount = arguments.Count(a => a.StartsWith("/analyzer:", StringComparison.Ordinal));
        Console.WriteLine($"  compiler: {csc} ({analyzerCount} analyzer/generator assemblies from the SDK, the packages and AiCompliance; the baseline drops AiCompliance.Analyzers.dll)");

        var baseCpu = new List<double>();
        var aicCpu = new List<double>();
        var baseWall = new List<double>();
        var aicWall = new List<double>();
        var ours = new List<double>();
        var allAnalyzers = new List<double>();
        var warnings = -1;
        for (var rep = 0; rep <= options.Repetitions; rep++)
        {
            // Alternate which run of a pair comes first: a run right after another one is faster (caches), and a fixed
            // order would credit that to whichever comes second.
            foreach (var aic in rep % 2 == 1 ? new[] { false, true } : new[] { true, false })
            {
                var (cpu, wall, output) = TimeCompiler(dir, csc, aic ? "aic.rsp" : "baseline.rsp");
                var line = $"  {(rep == 0 ? "warm-up" : "rep " + rep)}, {(aic ? "with AIC analyzers" : "baseline       ")}: CPU {cpu:N0} ms, wall {wall:N0} ms";
                if (aic)
                {
                    warnings = Regex.Matches(output, @"warning AIC001").Count;
                    var total = Seconds(output, @"Total analyzer execution time: ([0-9.]+) seconds");
                    var mine = Seconds(output, @"^\s*([0-9.]+)\s+\d+\s+AiCompliance\.Analyzers,");
                    line += $"; analyzer execution time (/reportanalyzer): all {total * 1000:N0} ms, AiCompliance.Analyzers {mine * 1000:N0} ms";
                    if (rep > 0)
                    {
                        ours.Add(mine * 1000);
                        allAnalyzers.Add(total * 1000);
                    }
                }

                Console.WriteLine(line);
                if (rep > 0)
                {
                    (aic ? aicCpu : baseCpu).Add(cpu);
                    (aic ? aicWall : baseWall).Add(wall);
                }
            }
        }

        double Added(List<double> a, List<double> b) => 100 * (Median(a) - Median(b)) / Median(b);
        Console.WriteLine($"  AIC001 warnings: {warnings} (planted: {codeBase.Planted.Count})");
        Console.WriteLine("| N files | lines | methods (AI) | compiler CPU ms, baseline | with AIC | added (CPU) | wall ms, baseline | with AIC | added (wall) | AiCompliance.Analyzers execution ms (share of all analyzers) | AIC001 / planted |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        Console.WriteLine($"| {files:N0} | {codeBase.Lines:N0} | {codeBase.Methods:N0} ({codeBase.AiMethods:N0}) | {Median(baseCpu):N0} | {Median(aicCpu):N0} | {Added(aicCpu, baseCpu):F1}% | {Median(baseWall):N0} | {Median(aicWall):N0} | {Added(aicWall, baseWall):F1}% | {Median(ours):N0} ({100 * Median(ours) / Median(allAnalyzers):F0}%) | {warnings} / {codeBase.Planted.Count} |");
        // Each pair ran back to back, so it saw the same machine load: the median of the pairs' differences is the
        // steadier figure when other work shares the machine.
        var paired = Median(baseCpu.Zip(aicCpu, (b, a) => 100 * (a - b) / b).ToList());
        var pairs = string.Join(", ", baseCpu.Zip(aicCpu, (b, a) => (100 * (a - b) / b).ToString("F1", CultureInfo.InvariantCulture) + "%"));
        Console.WriteLine($"  added CPU per pair: {pairs}; median of the pairs {paired:F1}%");
        Console.WriteLine($"Target (real compiler, CPU): AIC analyzers add <= 5% to compile time: {(Added(aicCpu, baseCpu) <= 5 ? "MET" : "NOT MET")} ({Added(aicCpu, baseCpu):F1}% between medians, {paired:F1}% median of pairs, {baseCpu.Count} pairs)");
        return warnings == codeBase.Planted.Count;
    }

    private static double Seconds(string output, string pattern)
    {
        var match = Regex.Match(output, pattern, RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
    }

    /// <summary>Runs the compiler under bash and reads its CPU time (user + system of the child) from <c>times</c>.</summary>
    private static (double CpuMs, double WallMs, string Output) TimeCompiler(string dir, string csc, string rsp)
    {
        var outFile = Path.Combine(dir, rsp + ".out");
        var script = $"'{csc}' @{rsp} > '{outFile}' 2>&1; times";
        var watch = Stopwatch.StartNew();
        var start = new ProcessStartInfo("bash", new[] { "-c", script })
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var times = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        watch.Stop();

        // "times" prints the shell's own times, then its children's: "0m12.345s 0m1.234s".
        var lines = times.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var children = Regex.Matches(lines[lines.Length - 1], @"(\d+)m([0-9.]+)s");
        var cpu = children.Sum(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 60 + double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) * 1000);
        return (cpu, watch.Elapsed.TotalMilliseconds, File.ReadAllText(outFile));
    }

    private static List<string> SplitCommandLine(string line)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ' ' && !quoted)
            {
                if (current.Length > 0)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }

    private static string Quote(string argument) => argument.Contains(' ', StringComparison.Ordinal) ? "\"" + argument + "\"" : argument;

    private static double Median(List<double> values) => Stats.Median(values);

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
