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

        if (options.CompilerServer)
        {
            return RunServer(files, dir, csc, codeBase, options);
        }

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
        var (pairDiffs, paired, low, high, pairs) = Paired(baseCpu, aicCpu);
        Console.WriteLine($"  added CPU per pair: {pairs}; median of the pairs {paired:F1}% (90% bootstrap interval {low:F1}%..{high:F1}%)");
        Console.WriteLine($"Target (real compiler, CPU): AIC analyzers add <= 5% to compile time: {(Added(aicCpu, baseCpu) <= 5 ? "MET" : "NOT MET")} ({Added(aicCpu, baseCpu):F1}% between medians, {paired:F1}% median of pairs, {baseCpu.Count} pairs)");
        return warnings == codeBase.Planted.Count;
    }

    /// <summary>
    /// <c>--real-build --server</c>: the same two command lines sent to one long-lived compiler server (VBCSCompiler),
    /// which is what <c>dotnet build</c> and Visual Studio use unless <c>UseSharedCompilation</c> is off. The server
    /// keeps the compiler and the analyzers loaded and jitted between builds, so after a few warm-up builds each build
    /// costs what its work costs. The measure is the server process's CPU time (user + system) across each build; the
    /// client process (the same for both) is left out.
    /// </summary>
    private static bool RunServer(int files, string dir, string csc, SyntheticCodeBase codeBase, BenchmarkOptions options)
    {
        var pipe = "aic-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        Process? server = null;
        try
        {
            var baseCpu = new List<double>();
            var aicCpu = new List<double>();
            var ours = new List<double>();
            var warnings = -1;
            const int WarmUpPairs = 3;
            for (var rep = 1 - WarmUpPairs; rep <= options.Repetitions; rep++)
            {
                foreach (var aic in rep % 2 == 0 ? new[] { false, true } : new[] { true, false })
                {
                    var before = server is null ? 0 : CpuMs(server);
                    var watch = Stopwatch.StartNew();
                    var output = RunClient(dir, csc, pipe, aic ? "aic.rsp" : "baseline.rsp");
                    watch.Stop();
                    server ??= FindServer(pipe);
                    if (server is null)
                    {
                        Console.WriteLine("  no compiler server process found for pipe " + pipe + ":\n" + output);
                        return false;
                    }

                    var cpu = CpuMs(server) - before;
                    var line = $"  {(rep <= 0 ? "warm-up" : "rep " + rep)}, {(aic ? "with AIC analyzers" : "baseline       ")}: server CPU {cpu:N0} ms, wall {watch.Elapsed.TotalMilliseconds:N0} ms";
                    if (aic)
                    {
                        warnings = Regex.Matches(output, @"warning AIC001").Count;
                        var mine = Seconds(output, @"^\s*([0-9.]+)\s+\d+\s+AiCompliance\.Analyzers,");
                        line += $"; AiCompliance.Analyzers (/reportanalyzer) {mine * 1000:N0} ms; AIC001 warnings {warnings}";
                        if (rep > 0)
                        {
                            ours.Add(mine * 1000);
                        }
                    }

                    Console.WriteLine(line);
                    if (rep > 0 && before > 0)
                    {
                        (aic ? aicCpu : baseCpu).Add(cpu);
                    }
                }
            }

            var (pairDiffs, paired, low, high, pairs) = Paired(baseCpu, aicCpu);
            var between = 100 * (Median(aicCpu) - Median(baseCpu)) / Median(baseCpu);
            Console.WriteLine($"  AIC001 warnings: {warnings} (planted: {codeBase.Planted.Count})");
            Console.WriteLine("| N files | lines | methods (AI) | pairs | server CPU ms, baseline | with AIC | added (between medians) | added (median of pairs) | 90% interval of that median | AiCompliance.Analyzers `/reportanalyzer` ms | AIC001 / planted |");
            Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
            Console.WriteLine($"| {files:N0} | {codeBase.Lines:N0} | {codeBase.Methods:N0} ({codeBase.AiMethods:N0}) | {pairDiffs.Count} | {Median(baseCpu):N0} | {Median(aicCpu):N0} | {between:F1}% | {paired:F1}% | {low:F1}%..{high:F1}% | {Median(ours):N0} | {warnings} / {codeBase.Planted.Count} |");
            Console.WriteLine("  added CPU per pair: " + pairs);
            var verdict = paired > 5 ? "NOT MET" : double.IsNaN(high) ? "MET by the median (too few pairs for an interval)" : high <= 5 ? "MET" : "MET by the median, NOT MET by the 90% interval";
            Console.WriteLine($"Target (compiler server, CPU): AIC analyzers add <= 5% to compile time: {verdict} ({paired:F1}% median of {pairDiffs.Count} pairs, 90% interval {low:F1}%..{high:F1}%)");
            return warnings == codeBase.Planted.Count;
        }
        finally
        {
            if (server is not null)
            {
                try
                {
                    server.Kill();
                    server.WaitForExit(10_000);
                }
                catch (InvalidOperationException)
                {
                    // already gone
                }

                server.Dispose();
            }
        }
    }

    /// <summary>
    /// What each pair added, in percent of its baseline, the median of that with its 90% bootstrap interval, and the
    /// list printed.
    /// </summary>
    private static (List<double> Differences, double Median, double Low, double High, string Printed) Paired(List<double> baseline, List<double> withAic)
    {
        var differences = baseline.Zip(withAic, (b, a) => 100 * (a - b) / b).ToList();
        var (low, high) = Stats.BootstrapMedianInterval(differences);
        return (differences, Median(differences), low, high, string.Join(", ", differences.Select(d => d.ToString("F1", CultureInfo.InvariantCulture) + "%")));
    }

    private static double CpuMs(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static string RunClient(string dir, string csc, string pipe, string rsp)
    {
        RunProcess(dir, csc, new[] { "/shared:" + pipe, "@" + rsp }, out var output);
        return output;
    }

    /// <summary>The VBCSCompiler process listening on <paramref name="pipe"/> (its command line names the pipe).</summary>
    private static Process? FindServer(string pipe)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.Contains("VBCSCompiler", StringComparison.Ordinal) && commandLine.Contains("-pipename:" + pipe, StringComparison.Ordinal))
            {
                try
                {
                    return Process.GetProcessById(pid);
                }
                catch (ArgumentException)
                {
                    return null;
                }
            }
        }

        return null;
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

    private static int Dotnet(string directory, string arguments, out string output) =>
        RunProcess(directory, "dotnet", arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), out output);

    /// <summary>Runs a program to its end; <paramref name="output"/> gets its standard output, then its standard error.</summary>
    private static int RunProcess(string directory, string fileName, IEnumerable<string> arguments, out string output)
    {
        var start = new ProcessStartInfo(fileName, arguments)
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
