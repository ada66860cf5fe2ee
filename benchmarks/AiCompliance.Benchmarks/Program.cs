using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace AiCompliance.Benchmarks;

/// <summary>
/// Command line: <c>--files N</c> (repeatable), <c>--quick</c>, <c>--reps R</c>, <c>--seed S</c>, <c>--ai-percent P</c>,
/// <c>--concurrent</c>, <c>--dump DIR</c>, <c>--phases</c>. See benchmarks/README.md.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(BenchmarkOptions.Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(BenchmarkOptions.Usage);
            return 0;
        }

        if (options.Apps.Count > 0)
        {
            return await RealApps.RunAsync(options).ConfigureAwait(false);
        }

        Console.WriteLine($"AiCompliance analyzer benchmark: files {string.Join(", ", options.Files)}; reps {options.Repetitions} (+1 warm-up); seed {options.Seed}; AI share {options.AiPercent}% of module methods; " +
                          (options.Concurrent ? "concurrent build and analysis" : "single-threaded build and analysis"));
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical processors, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}");
        Console.WriteLine();

        if (options.RealBuild)
        {
            var ok = true;
            foreach (var files in options.Files)
            {
                ok &= RealBuild.Run(files, options);
                Console.WriteLine();
            }

            return ok ? 0 : 1;
        }

        if (options.EngineOnly)
        {
            foreach (var files in options.Files)
            {
                EngineBench.Run(files, options);
            }

            return 0;
        }

        if (options.PhasesOnly)
        {
            foreach (var files in options.Files)
            {
                Harness.RunPhasesOnly(files, options);
            }

            return 0;
        }

        var results = new List<BenchmarkResult>();
        var failed = false;
        foreach (var files in options.Files)
        {
            var result = await Harness.RunAsync(files, options).ConfigureAwait(false);
            results.Add(result);
            failed |= !result.Sane;
            Console.WriteLine();
        }

        Report.PrintSummary(results, options);
        return failed ? 1 : 0;
    }
}

public sealed class BenchmarkOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project benchmarks/AiCompliance.Benchmarks -- [options]
          --files N        synthetic files to generate (repeatable; default: 500 and 5000)
          --quick          smoke test: --files 50 --reps 1
          --reps R         measured repetitions after one warm-up (default 3); medians are reported
          --seed S         generator seed (default 42)
          --ai-percent P   share of module methods that touch AI, percent (default 12)
          --concurrent     concurrent build and concurrent analysis (default: both single-threaded)
          --phases         also time the analyzer's building blocks over all method bodies (hot-spot hints)
          --phases-only    only those building-block timings (no repetitions)
          --engine-only    AIC001's engine alone on bodies bound beforehand: flow graphs and analysis of every method the
                           prefilter lets through, repeated (--reps) with results forgotten in between
          --only NAME      run only this analyzer type (repeatable), e.g. --only UnlabeledAiOutputAnalyzer
          --dump DIR       write the generated sources to DIR (for inspection)
          --sdk-baseline   measure 'whole step' against an analysis pass with a stand-in for the SDK's operation
                           analyzers (every net10.0 build runs some), instead of against binding alone
          --apps DIR       real code instead of the synthetic code base: each app folder (or each subfolder of a folder
                           of apps) compiled as one compilation; compile, AIC analyzers, the SDK's taint rules, the floor
                           and the IDE case per document (repeatable)
          --apps-linear    with --apps: also the apps concatenated x1, x2, x4 (renamed copies), cost per line
          --apps-linear-only   only the concatenated runs (with --apps-phases: the fixed costs of each)
          --apps-phases    with --apps: also the rules' fixed costs per compilation (model, index, walk), one by one
          --apps-no-ide    with --apps: skip the per-document IDE measurement (a quick look; the table leaves it empty)
          --apps-ide-index N   with --apps: only the prefilter index, rebuilt on N keystrokes after a warm pass over every
                           document; median, worst and mean steps (what each edit pays before any flow is analyzed)
          --apps-findings  with --apps: no timing; list every AIC finding per app (AI source calls and labeled outputs
                           turned on) as path:line: id message, for reading against the code
          --real-build     build the code base as a project with the .NET SDK, with and without the AIC analyzers
                           (generator in both): runs the SDK's csc directly, a fresh process per build, alternating
                           the two command lines, and compares the compiler process's CPU time
          --real-build-dir DIR  where the project is written (default: $TMPDIR/aic-realbuild)
          --server         with --real-build (implied): send both command lines to one compiler server (VBCSCompiler),
                           as dotnet build and Visual Studio do, after 3 warm-up pairs; compares the server's CPU per build
        """;

    public List<int> Files { get; } = new();

    public int Repetitions { get; set; } = 3;

    public int Seed { get; set; } = 42;

    public int AiPercent { get; set; } = 12;

    public bool Concurrent { get; set; }

    public bool Phases { get; set; }

    public bool PhasesOnly { get; set; }

    public bool EngineOnly { get; set; }

    /// <summary>Analyzer type names to run (default: every analyzer of AiCompliance.Analyzers).</summary>
    public List<string> OnlyAnalyzers { get; } = new();

    public string? DumpDirectory { get; set; }

    /// <summary>'whole step' over a pass with a stand-in for the SDK's operation analyzers instead of over binding alone.</summary>
    public bool SdkBaseline { get; set; }

    /// <summary>Measure with real SDK builds of the code base (baseline: generator only) instead of in process.</summary>
    public bool RealBuild { get; set; }

    public string? RealBuildDirectory { get; set; }

    /// <summary>With <see cref="RealBuild"/>: send the builds to one long-lived compiler server, as dotnet build does.</summary>
    public bool CompilerServer { get; set; }

    public bool Help { get; set; }

    /// <summary>Folders of real apps to measure (<c>--apps</c>), instead of the synthetic code base.</summary>
    public List<string> Apps { get; } = new();

    /// <summary>With <see cref="Apps"/>: also measure the apps concatenated x1, x2, x4.</summary>
    public bool AppsLinear { get; set; }

    /// <summary>Only the linearity runs (no per-app table).</summary>
    public bool AppsLinearOnly { get; set; }

    /// <summary>With <see cref="Apps"/>: also time the rules' fixed costs per compilation, one by one.</summary>
    public bool AppsPhases { get; set; }

    /// <summary>With <c>--apps</c>: no timing, every AIC finding listed per app (for reading).</summary>
    public bool AppsFindings { get; set; }

    /// <summary>With <c>--apps</c>: skip the per-document IDE measurement (the slow part) for a quick look.</summary>
    public bool AppsNoIde { get; set; }

    /// <summary>With --apps: only the prefilter index, rebuilt for this many keystrokes (profiling the IDE's per-edit cost).</summary>
    public int AppsIdeIndex { get; set; }

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        var quick = false;
        var reps = (int?)null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException("missing value after " + args[i]);
            int NextInt(int min)
            {
                var text = Next();
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
                {
                    throw new ArgumentException($"'{text}' is not an integer >= {min}");
                }

                return value;
            }

            switch (args[i])
            {
                case "--files": options.Files.Add(NextInt(1)); break;
                case "--quick": quick = true; break;
                case "--reps": reps = NextInt(1); break;
                case "--seed": options.Seed = NextInt(0); break;
                case "--ai-percent": options.AiPercent = Math.Min(100, NextInt(0)); break;
                case "--concurrent": options.Concurrent = true; break;
                case "--phases": options.Phases = true; break;
                case "--phases-only": options.PhasesOnly = true; break;
                case "--engine-only": options.EngineOnly = true; break;
                case "--only": options.OnlyAnalyzers.Add(Next()); break;
                case "--dump": options.DumpDirectory = Path.GetFullPath(Next()); break;
                case "--real-build": options.RealBuild = true; break;
                case "--server": options.RealBuild = true; options.CompilerServer = true; break;
                case "--sdk-baseline": options.SdkBaseline = true; break;
                case "--real-build-dir": options.RealBuildDirectory = Path.GetFullPath(Next()); break;
                case "--apps": options.Apps.Add(Path.GetFullPath(Next())); break;
                case "--apps-linear": options.AppsLinear = true; break;
                case "--apps-linear-only": options.AppsLinear = options.AppsLinearOnly = true; break;
                case "--apps-phases": options.AppsPhases = true; break;
                case "--apps-no-ide": options.AppsNoIde = true; break;
                case "--apps-ide-index": options.AppsIdeIndex = NextInt(1); break;
                case "--apps-findings": options.AppsFindings = true; break;
                case "-h" or "--help": options.Help = true; break;
                default: throw new ArgumentException("unknown argument " + args[i]);
            }
        }

        if (quick)
        {
            if (options.Files.Count == 0)
            {
                options.Files.Add(50);
            }

            options.Repetitions = 1;
        }

        if (options.Files.Count == 0)
        {
            options.Files.Add(500);
            options.Files.Add(5000);
        }

        if (reps is not null)
        {
            options.Repetitions = reps.Value;
        }

        return options;
    }
}
