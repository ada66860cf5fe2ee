using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Benchmarks;

/// <summary>Timings of one repetition, in milliseconds.</summary>
public sealed record Repetition(
    double GeneratorMs,
    double CompileMs,
    double CompileCpuMs,
    double DiagnosticsMs,
    double DiagnosticsCpuMs,
    double AnalyzerPassMs,
    double CompileProcessCpuMs,
    double DiagnosticsProcessCpuMs,
    double AnalyzerPassProcessCpuMs,
    IReadOnlyDictionary<string, AnalyzerTelemetryInfo> Telemetry,
    IReadOnlyDictionary<string, double> AnalyzerCpuMs,
    double CompileAllocatedMb,
    double AnalyzerAllocatedMb,
    double CalleeBindingMs,
    double OwnBlockBindingMs,
    double GcPauseMs,
    long GcCount,
    double InstrumentMs)
{
    /// <summary>AnalyzerTelemetryInfo.ExecutionTime (wall clock) summed over the AIC analyzers.</summary>
    public double AnalyzerMs => Telemetry.Values.Sum(t => t.ExecutionTime.TotalMilliseconds);

    /// <summary>Thread CPU time of the AIC analyzers' callbacks.</summary>
    public double AnalyzerCpuTotalMs => AnalyzerCpuMs.Values.Sum();

    /// <summary>Process CPU of the analyzer pass minus that of binding alone: callbacks plus the driver work they cause.</summary>
    public double OverheadProcessCpuMs => AnalyzerPassProcessCpuMs - DiagnosticsProcessCpuMs;
}

/// <summary>The outcome for one N.</summary>
public sealed class BenchmarkResult
{
    public required int Files { get; init; }

    public required SyntheticCodeBase CodeBase { get; init; }

    public required double ParseMs { get; init; }

    public required IReadOnlyList<Repetition> Repetitions { get; init; }

    public required int Found { get; init; }

    public required int Missing { get; init; }

    public required int Extra { get; init; }

    public required int AnalyzerExceptions { get; init; }

    public required int InternalErrors { get; init; }

    public required double CachedDiagnosticsMs { get; init; }

    public required IReadOnlyList<KindProfile> Kinds { get; init; }

    public PhaseTimes? Phases { get; init; }

    public int Planted => CodeBase.Planted.Count;

    public required bool Aic001Ran { get; init; }

    public bool Sane => (Found > 0 || !Aic001Ran) && AnalyzerExceptions == 0 && InternalErrors == 0;

    public double Median(Func<Repetition, double> pick) => Stats.Median(Repetitions.Select(pick));

    public double CompileMs => Median(r => r.CompileMs);

    public double CompileCpuMs => Median(r => r.CompileCpuMs);

    public double AnalyzerMs => Median(r => r.AnalyzerMs);

    public double AnalyzerCpuMs => Median(r => r.AnalyzerCpuTotalMs);

    public double AnalyzerMsOf(string name) => Median(r => r.Telemetry[name].ExecutionTime.TotalMilliseconds);

    public double AnalyzerCpuMsOf(string name) => Median(r => r.AnalyzerCpuMs[name]);

    public double WallDeltaMs => Median(r => r.AnalyzerPassMs - r.DiagnosticsMs);

    /// <summary>Telemetry (wall clock) over compile (wall clock): the issue's ratio.</summary>
    public double RatioPercent => 100 * AnalyzerMs / CompileMs;

    /// <summary>Analyzer callback CPU over compile CPU: the same ratio, insensitive to other load on the machine.</summary>
    public double CpuRatioPercent => 100 * AnalyzerCpuMs / CompileCpuMs;

    /// <summary>Everything the analysis step adds (callbacks, driver, operation trees), over compile, both in process CPU.</summary>
    public double OverheadPercent => 100 * Median(r => r.OverheadProcessCpuMs) / Median(r => r.CompileProcessCpuMs);

    public double MicrosecondsPerMethod => 1000 * AnalyzerMs / CodeBase.Methods;

    public double CpuMicrosecondsPerMethod => 1000 * AnalyzerCpuMs / CodeBase.Methods;

    /// <summary>Callback CPU minus what timing each callback costs (calibrated with an empty analyzer).</summary>
    public double NetCpuMs => Median(r => r.AnalyzerCpuTotalMs - r.InstrumentMs);

    public double NetCpuRatioPercent => 100 * NetCpuMs / CompileCpuMs;

    /// <summary>
    /// Net callback CPU minus the binding of callee bodies inside it (which the driver does anyway when an operation
    /// analyzer runs).
    /// </summary>
    public double OwnCpuMs => Median(r => r.AnalyzerCpuTotalMs - r.InstrumentMs - r.CalleeBindingMs);

    public double OwnCpuRatioPercent => 100 * OwnCpuMs / CompileCpuMs;

    /// <summary>
    /// <see cref="OwnCpuMs"/> minus GetOperation on the analyzed blocks themselves (binding and operation tree when
    /// nobody built them before; a lookup in the semantic model's cache when the driver did, for an operation analyzer).
    /// </summary>
    public double EngineCpuMs => Median(r => r.AnalyzerCpuTotalMs - r.InstrumentMs - r.CalleeBindingMs - r.OwnBlockBindingMs);

    public double EngineCpuRatioPercent => 100 * EngineCpuMs / CompileCpuMs;
}

/// <summary>Thread CPU times of the building blocks the AIC001 engine uses, applied to every method body once.</summary>
public sealed record PhaseTimes(int Bodies, double NameWalkMs, double OperationMs, double FlowGraphMs, double GetSymbolsWithNameUs, double ContainsSymbolsWithNameUs, int DistinctNames, double IndexMs, int IndexedMembers, int ProducingMembers);

/// <summary>AIC001 code-block callbacks of one kind of generated method (thread CPU time).</summary>
public sealed record KindProfile(string Kind, int Blocks, double TotalMs, double MeanUs, double MedianUs, double P90Us, int Over250Us);

public static class Harness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(BuildReferences);

    /// <summary>One warm-up repetition per process (JIT, metadata of the references); later sizes start measuring at once.</summary>
    private static bool s_warmedUp;

    internal sealed record Prepared(SyntheticCodeBase CodeBase, double ParseMs, CSharpParseOptions ParseOptions, Compilation UserCompilation, Compilation Compilation);

    /// <summary>Generates and parses the code base, creates the compilation and runs the AiCompliance generator once.</summary>
    internal static Prepared Prepare(int files, BenchmarkOptions options)
    {
        Console.WriteLine($"== N = {files} files ==");

        // 1. Generate (deterministic) and parse once.
        var sw = Stopwatch.StartNew();
        var codeBase = SyntheticCodeBaseGenerator.Generate(files, options.Seed, options.AiPercent);
        Console.WriteLine($"generated {codeBase.Files.Count - 1} files + Svc.cs: {codeBase.Lines:N0} lines ({(double)codeBase.Lines / files:F0} per file), {codeBase.Methods:N0} methods ({codeBase.AiMethods:N0} touch AI, {100.0 * codeBase.AiMethods / codeBase.Methods:F1}%), {codeBase.Planted.Count:N0} planted unlabeled sinks, in {sw.Elapsed.TotalMilliseconds:F0} ms");
        if (options.DumpDirectory is not null)
        {
            var dir = Path.Combine(options.DumpDirectory, "N" + files);
            Directory.CreateDirectory(dir);
            foreach (var file in codeBase.Files)
            {
                File.WriteAllText(Path.Combine(dir, Path.GetFileName(file.Path)), file.Text);
            }

            Console.WriteLine($"sources written to {dir}");
        }

        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse);
        sw.Restart();
        var trees = codeBase.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, path: f.Path)).ToArray();
        var parseMs = sw.Elapsed.TotalMilliseconds;

        var compilationOptions = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: options.Concurrent)
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                // Reference assemblies next to ASP.NET Core implementation assemblies: version unification notes.
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
                ["CS1705"] = ReportDiagnostic.Suppress,
            });
        var userCompilation = CSharpCompilation.Create("Bench" + files, trees, References.Value, compilationOptions);

        // The registered service class is filled by the AiCompliance generator, as in a real build.
        var compilation = RunGenerator(userCompilation, parseOptions, out _);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The synthetic code base does not compile:\n" + string.Join("\n", errors.Take(20)));
        }

        return new Prepared(codeBase, parseMs, parseOptions, userCompilation, compilation);
    }

    /// <summary><c>--phases-only</c>: the building-block timings, without the repetitions.</summary>
    public static void RunPhasesOnly(int files, BenchmarkOptions options)
    {
        var prepared = Prepare(files, options);
        Report.PrintPhases(TimePhases(prepared.Compilation));
        Console.WriteLine();
    }

    public static async Task<BenchmarkResult> RunAsync(int files, BenchmarkOptions options)
    {
        var (codeBase, parseMs, parseOptions, userCompilation, compilation) = Prepare(files, options);
        var sw = Stopwatch.StartNew();

        // Clone() gives new symbols and no bound state; show that a repeated call on the same compilation is cached.
        sw.Restart();
        _ = compilation.GetDiagnostics();
        var cachedMs = sw.Elapsed.TotalMilliseconds;

        var reps = new List<Repetition>();
        ImmutableArray<Diagnostic> analyzerDiagnostics = default;
        IReadOnlyList<CodeBlockTiming> blocks = Array.Empty<CodeBlockTiming>();
        var exceptions = 0;
        var internalErrorsBefore = UnlabeledAiOutputAnalyzer.InternalErrors;
        for (var rep = s_warmedUp ? 1 : 0; rep <= options.Repetitions; rep++)
        {
            var measured = await MeasureOnceAsync(userCompilation, compilation, parseOptions, options).ConfigureAwait(false);
            s_warmedUp = true;
            exceptions += measured.Exceptions;
            analyzerDiagnostics = measured.Diagnostics;
            blocks = measured.Blocks;
            var r = measured.Repetition;
            var label = (rep == 0 ? "warm-up" : "rep " + rep) + " " + DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            Console.WriteLine($"  {label,-16} compile {r.CompileMs,7:F0} ms (cpu {r.CompileCpuMs,7:F0}) | GetDiagnostics {r.DiagnosticsMs,7:F0} ms (cpu {r.DiagnosticsCpuMs,7:F0}) | analyzer pass {r.AnalyzerPassMs,7:F0} ms (process cpu {r.AnalyzerPassProcessCpuMs,7:F0}, minus binding {r.OverheadProcessCpuMs,7:F0}) | " +
                              string.Join(" | ", r.Telemetry.Select(t => $"{t.Key} {t.Value.ExecutionTime.TotalMilliseconds:F0} ms (cpu {r.AnalyzerCpuMs[t.Key]:F0})")) + $" | generator {r.GeneratorMs:F0} ms | alloc MB compile {r.CompileAllocatedMb:F0}, AIC {r.AnalyzerAllocatedMb:F0} | AIC binding callees {r.CalleeBindingMs:F0} ms, own blocks {r.OwnBlockBindingMs:F0} ms | GC in AIC {r.GcPauseMs:F0} ms ({r.GcCount}) | timing error {r.InstrumentMs:F0} ms");
            if (rep > 0)
            {
                reps.Add(r);
            }
        }

        Console.WriteLine($"  cache check: GetDiagnostics() again on the same compilation {cachedMs:F0} ms (each repetition uses a fresh Clone())");

        var internalErrors = UnlabeledAiOutputAnalyzer.InternalErrors - internalErrorsBefore;
        var (found, missing, extra) = Compare(codeBase, analyzerDiagnostics);
        var kinds = blocks
            .GroupBy(t => codeBase.MethodKinds.TryGetValue((t.Path, t.Method), out var kind) ? kind
                : t.Method.StartsWith('(') ? t.Method
                : t.Path == SyntheticCodeBaseGenerator.ServicePath ? "Svc.cs (notice shown)"
                : t.Path.EndsWith(".g.cs", StringComparison.Ordinal) ? "generated Svc members"
                : "(unknown) " + t.Path)
            .Select(g =>
            {
                var us = g.Select(t => t.CpuMicroseconds).OrderBy(v => v).ToArray();
                return new KindProfile(g.Key, us.Length, us.Sum() / 1000, us.Average(), us[us.Length / 2], us[Math.Min(us.Length - 1, (int)(us.Length * 0.9))], us.Count(v => v > 250));
            })
            .OrderByDescending(k => k.TotalMs)
            .ToList();

        var result = new BenchmarkResult
        {
            Files = files,
            CodeBase = codeBase,
            ParseMs = parseMs,
            Repetitions = reps,
            Found = found,
            Missing = missing,
            Extra = extra,
            AnalyzerExceptions = exceptions,
            InternalErrors = internalErrors,
            CachedDiagnosticsMs = cachedMs,
            Kinds = kinds,
            Aic001Ran = options.OnlyAnalyzers.Count == 0 || options.OnlyAnalyzers.Contains(nameof(UnlabeledAiOutputAnalyzer), StringComparer.Ordinal),
            Phases = options.Phases ? TimePhases(compilation) : null,
        };
        Report.PrintDetails(result);
        return result;
    }

    private static Compilation RunGenerator(Compilation compilation, CSharpParseOptions parseOptions, out double milliseconds)
    {
        var sw = Stopwatch.StartNew();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new RegisteredAiServiceGenerator().AsSourceGenerator() }, parseOptions: parseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        milliseconds = sw.Elapsed.TotalMilliseconds;
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException("Generator errors:\n" + string.Join("\n", diagnostics));
        }

        return output;
    }

    private sealed record Measured(Repetition Repetition, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<CodeBlockTiming> Blocks, int Exceptions);

    private static async Task<Measured> MeasureOnceAsync(Compilation userCompilation, Compilation compilation, CSharpParseOptions parseOptions, BenchmarkOptions options)
    {
        // CPU time of a synchronous step: the calling thread's when single-threaded, the process's otherwise.
        Func<double> cpuClock = options.Concurrent || !ThreadCpu.IsCpuTime ? ProcessCpuMs : () => ThreadCpu.NowNs() / 1e6;

        // (0) The generator on a fresh compilation (reported, not part of the ratio).
        Settle();
        RunGenerator(userCompilation.Clone(), parseOptions, out var generatorMs);

        // (a) Compile: what csc does after parsing (declaration diagnostics, binding, lowering, emit), on a fresh clone.
        Settle();
        var toEmit = compilation.Clone();
        var processCpu = ProcessCpuMs();
        var compileAllocated = GC.GetTotalAllocatedBytes(precise: false);
        var cpu = cpuClock();
        var sw = Stopwatch.StartNew();
        using (var pe = new MemoryStream())
        {
            var emit = toEmit.Emit(pe);
            if (!emit.Success)
            {
                throw new InvalidOperationException("Emit failed:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
            }
        }

        var compileMs = sw.Elapsed.TotalMilliseconds;
        var compileCpuMs = cpuClock() - cpu;
        var compileProcessCpuMs = ProcessCpuMs() - processCpu;
        var compileAllocatedMb = (GC.GetTotalAllocatedBytes(precise: false) - compileAllocated) / 1e6;
        toEmit = null;

        // Binding alone (GetDiagnostics): the part of the analyzer pass that is the compiler's work, not the analyzers'.
        Settle();
        var toDiagnose = compilation.Clone();
        processCpu = ProcessCpuMs();
        cpu = cpuClock();
        sw.Restart();
        if (options.SdkBaseline)
        {
            // --sdk-baseline: the reference is an analysis pass with a stand-in for the SDK's operation analyzers
            // (CA1416 and others run in every net10.0 build and make the driver build every operation tree).
            _ = await toDiagnose.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new OperationTreeAnalyzer()), new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, options.Concurrent, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            _ = toDiagnose.GetDiagnostics();
        }

        var diagnosticsMs = sw.Elapsed.TotalMilliseconds;
        var diagnosticsCpuMs = cpuClock() - cpu;
        var diagnosticsProcessCpuMs = ProcessCpuMs() - processCpu;
        toDiagnose = null;

        SdkBaselineUsed = options.SdkBaseline;

        // (b) Analyzers on a fresh clone: driver telemetry (wall clock) and thread CPU time of every callback.
        Settle();
        var wrapped = AllAicAnalyzers()
            .Where(a => options.OnlyAnalyzers.Count == 0 || options.OnlyAnalyzers.Contains(a.GetType().Name, StringComparer.Ordinal))
            .Select(a => new ProfilingAnalyzer(a))
            .ToList();
        if (wrapped.Count == 0)
        {
            throw new InvalidOperationException("no analyzer matches --only " + string.Join(", ", options.OnlyAnalyzers));
        }

        var aic001 = wrapped.SingleOrDefault(w => w.Name == nameof(UnlabeledAiOutputAnalyzer));
        // Calibration: an analyzer whose code-block action does nothing, timed by the same wrapper. Its CPU per callback
        // is what the timing itself costs inside each measured callback (clock reads, allocation counter).
        var calibration = new ProfilingAnalyzer(new EmptyCodeBlockAnalyzer());
        var analyzers = (options.SdkBaseline
            ? wrapped.Cast<DiagnosticAnalyzer>().Append(new OperationTreeAnalyzer())
            : wrapped.Cast<DiagnosticAnalyzer>()).Append(calibration).ToImmutableArray();
        var exceptions = 0;
        var withAnalyzers = compilation.Clone().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (_, _, _) => Interlocked.Increment(ref exceptions),
            concurrentAnalysis: options.Concurrent,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false));
        processCpu = ProcessCpuMs();
        AiCompliance.Analyzers.Flow.FlowTelemetry.MeasureBinding = true;
        _ = AiCompliance.Analyzers.Flow.FlowTelemetry.TakeBindingMs();
        _ = AiCompliance.Analyzers.Flow.FlowTelemetry.TakeOwnBindingMs();
        sw.Restart();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).ConfigureAwait(false);
        var calleeBindingMs = AiCompliance.Analyzers.Flow.FlowTelemetry.TakeBindingMs();
        var ownBlockBindingMs = AiCompliance.Analyzers.Flow.FlowTelemetry.TakeOwnBindingMs();
        AiCompliance.Analyzers.Flow.FlowTelemetry.MeasureBinding = false;
        var passMs = sw.Elapsed.TotalMilliseconds;
        var passCpuMs = ProcessCpuMs() - processCpu;
        var telemetry = new Dictionary<string, AnalyzerTelemetryInfo>(StringComparer.Ordinal);
        var analyzerCpu = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var analyzer in wrapped)
        {
            telemetry[analyzer.Name] = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
            analyzerCpu[analyzer.Name] = analyzer.CpuMs;
        }

        exceptions += diagnostics.Count(d => d.Id == "AD0001");
        var repetition = new Repetition(generatorMs, compileMs, compileCpuMs, diagnosticsMs, diagnosticsCpuMs, passMs, compileProcessCpuMs, diagnosticsProcessCpuMs, passCpuMs, telemetry, analyzerCpu,
            compileAllocatedMb, wrapped.Sum(w => w.AllocatedMb), calleeBindingMs, ownBlockBindingMs, wrapped.Sum(w => w.GcPauseMs), wrapped.Sum(w => w.GcCount),
            calibration.Callbacks == 0 ? 0 : calibration.CpuMs / calibration.Callbacks * wrapped.Sum(w => w.Callbacks));
        s_untimed = wrapped.Where(w => w.HasUntimedNestedActions).Select(w => w.Name).ToArray();
        return new Measured(repetition, diagnostics, aic001?.CodeBlocks.ToArray() ?? Array.Empty<CodeBlockTiming>(), exceptions);
    }

    private static string[] s_untimed = Array.Empty<string>();

    /// <summary>Whether the last measurement used <c>--sdk-baseline</c>.</summary>
    public static bool SdkBaselineUsed { get; private set; }

    /// <summary>Analyzers whose nested (start-action) callbacks the CPU figure does not cover.</summary>
    public static IReadOnlyList<string> UntimedAnalyzers => s_untimed;

    /// <summary>Every analyzer the AiCompliance.Analyzers assembly ships (as a build would load them).</summary>
    public static IReadOnlyList<DiagnosticAnalyzer> AllAicAnalyzers() =>
        typeof(UnlabeledAiOutputAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();

    /// <summary>CPU time of the whole process (all threads, including GC and JIT), in milliseconds.</summary>
    private static double ProcessCpuMs()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    internal static void Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>AIC001 reports versus planted sinks, matched by file and line.</summary>
    private static (int Found, int Missing, int Extra) Compare(SyntheticCodeBase codeBase, ImmutableArray<Diagnostic> diagnostics)
    {
        var aic001 = diagnostics.Where(d => d.Id == DiagnosticIds.UnlabeledAiOutput).ToList();
        var others = diagnostics.Where(d => d.Id != DiagnosticIds.UnlabeledAiOutput).ToList();
        foreach (var group in others.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  other analyzer diagnostics: {group.Key} x{group.Count()} (first: {group.First()})");
        }

        var found = aic001.Select(d => (Path: d.Location.SourceTree?.FilePath ?? "?", Line: d.Location.GetLineSpan().StartLinePosition.Line + 1)).ToList();
        var planted = codeBase.Planted.Select(p => (p.Path, p.Line)).ToList();
        var missing = Subtract(planted, found);
        var extra = Subtract(found, planted);
        if (missing.Count > 0 || extra.Count > 0)
        {
            var texts = codeBase.Files.ToDictionary(f => f.Path, f => f.Text.Split('\n'));
            string Show((string Path, int Line) at) => $"{at.Path}({at.Line}): {(texts.TryGetValue(at.Path, out var lines) && at.Line <= lines.Length ? lines[at.Line - 1].Trim() : "?")}";
            var kinds = codeBase.Planted.ToDictionary(p => (p.Path, p.Line), p => p.Kind);
            if (missing.Count > 0)
            {
                Console.WriteLine($"  MISSING ({missing.Count} planted sinks without AIC001), by kind: " +
                                  string.Join(", ", missing.GroupBy(m => kinds[m]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " " + g.Count())));
                foreach (var m in missing.Take(5))
                {
                    Console.WriteLine("    " + Show(m));
                }
            }

            if (extra.Count > 0)
            {
                Console.WriteLine($"  EXTRA ({extra.Count} AIC001 not planted):");
                foreach (var e in extra.Take(5))
                {
                    var message = aic001.First(d => d.Location.SourceTree?.FilePath == e.Path && d.Location.GetLineSpan().StartLinePosition.Line + 1 == e.Line).GetMessage();
                    Console.WriteLine("    " + Show(e) + "  — " + message);
                }
            }
        }

        return (aic001.Count, missing.Count, extra.Count);
    }

    private static List<(string Path, int Line)> Subtract(List<(string Path, int Line)> from, List<(string Path, int Line)> remove)
    {
        var counts = remove.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        var rest = new List<(string Path, int Line)>();
        foreach (var item in from)
        {
            if (counts.TryGetValue(item, out var n) && n > 0)
            {
                counts[item] = n - 1;
            }
            else
            {
                rest.Add(item);
            }
        }

        return rest;
    }

    /// <summary>
    /// The building blocks of AIC001 applied to every method body of a freshly bound compilation, once: the syntax
    /// walk over simple names (the binding-free prefilter), binding to IOperation, and the control-flow graph. The
    /// analyzer does the first for every body and the others for bodies that pass the prefilter and for the callees
    /// and field summaries it computes (through a semantic model of its own).
    /// </summary>
    private static PhaseTimes TimePhases(Compilation compilation)
    {
        Settle();
        var fresh = compilation.Clone();
        _ = fresh.GetDiagnostics();
        var bodies = new List<(SemanticModel Model, SyntaxNode Node)>();
        foreach (var tree in fresh.SyntaxTrees)
        {
            if (tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))
            {
                continue;
            }

            var model = fresh.GetSemanticModel(tree);
            foreach (var member in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            {
                if (member.Body is not null || member.ExpressionBody is not null)
                {
                    bodies.Add((model, member));
                }
            }
        }

        var start = ThreadCpu.NowNs();
        var names = 0;
        foreach (var (_, node) in bodies)
        {
            foreach (var descendant in node.DescendantNodesAndSelf())
            {
                if (descendant is SimpleNameSyntax)
                {
                    names++;
                }
            }
        }

        var walkMs = (ThreadCpu.NowNs() - start) / 1e6;
        var distinct = bodies.SelectMany(b => b.Node.DescendantNodes().OfType<SimpleNameSyntax>().Select(n => n.Identifier.ValueText)).Distinct(StringComparer.Ordinal).Count();
        var operations = new List<IOperation>(bodies.Count);
        start = ThreadCpu.NowNs();
        foreach (var (model, node) in bodies)
        {
            if (model.GetOperation(node) is { } operation)
            {
                operations.Add(operation);
            }
        }

        var operationMs = (ThreadCpu.NowNs() - start) / 1e6;
        start = ThreadCpu.NowNs();
        foreach (var operation in operations)
        {
            _ = operation switch
            {
                IMethodBodyOperation body => ControlFlowGraph.Create(body),
                IConstructorBodyOperation ctor => ControlFlowGraph.Create(ctor),
                _ => null,
            };
        }

        var cfgMs = (ThreadCpu.NowNs() - start) / 1e6;
        GC.KeepAlive(names);

        // Name lookups the prefilter (GetSymbolsWithName per distinct simple name) and field reads
        // (ContainsSymbolsWithName per owner type) make: per call, steady state (after one call each, which may
        // build caches), for type names that each occur once.
        var typeNames = fresh.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<ClassDeclarationSyntax>())
            .Select(c => c.Identifier.ValueText).Take(201).ToList();
        var hits = fresh.GetSymbolsWithName(typeNames[0], SymbolFilter.Member).Count() + (fresh.ContainsSymbolsWithName(typeNames[0], SymbolFilter.Type) ? 1 : 0);
        typeNames.RemoveAt(0);
        start = ThreadCpu.NowNs();
        foreach (var name in typeNames)
        {
            hits += fresh.GetSymbolsWithName(name, SymbolFilter.Member).Count();
        }

        var lookupUs = (ThreadCpu.NowNs() - start) / 1e3 / typeNames.Count;
        start = ThreadCpu.NowNs();
        foreach (var name in typeNames)
        {
            hits += fresh.ContainsSymbolsWithName(name, SymbolFilter.Type) ? 1 : 0;
        }

        var containsUs = (ThreadCpu.NowNs() - start) / 1e3 / typeNames.Count;
        GC.KeepAlive(hits);

        // The shared prefilter index (FlowContext's first question builds it), on a compilation nobody bound: median
        // of five fresh contexts, after one to warm the JIT.
        var indexRuns = new List<double>();
        var indexed = 0;
        var producing = 0;
        for (var run = 0; run < 6; run++)
        {
            var context = new AiCompliance.Analyzers.Flow.FlowContext(AiCompliance.Analyzers.Flow.FlowModel.Create(compilation));
            var first = bodies[0];
            var symbol = first.Model.GetDeclaredSymbol(first.Node)!;
            start = ThreadCpu.NowNs();
            _ = context.MayProduce(symbol);
            if (run > 0)
            {
                indexRuns.Add((ThreadCpu.NowNs() - start) / 1e6);
            }

            (indexed, producing) = AiCompliance.Analyzers.Flow.FlowTelemetry.IndexCounts(context);
        }

        return new PhaseTimes(bodies.Count, walkMs, operationMs, cfgMs, lookupUs, containsUs, distinct, Stats.Median(indexRuns), indexed, producing);
    }

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var set = new Dictionary<string, MetadataReference>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in Basic.Reference.Assemblies.Net100.References.All)
        {
            set[Path.GetFileName(reference.FilePath ?? reference.Display ?? Guid.NewGuid().ToString())] = reference;
        }

        // ASP.NET Core shared framework (implementation assemblies work as references).
        var aspnet = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.Results).Assembly.Location)!;
        foreach (var file in Directory.GetFiles(aspnet, "*.dll"))
        {
            var name = Path.GetFileName(file);
            if ((name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal)) && !set.ContainsKey(name))
            {
                using var stream = File.OpenRead(file);
                using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
                if (pe.HasMetadata)
                {
                    set[name] = MetadataReference.CreateFromFile(file);
                }
            }
        }

        void Add(Type type)
        {
            var location = type.Assembly.Location;
            set[Path.GetFileName(location)] = MetadataReference.CreateFromFile(location);
        }

        Add(typeof(RegisteredAiServiceAttribute));
        Add(typeof(Microsoft.Extensions.AI.IChatClient));
        Add(typeof(Microsoft.Extensions.AI.ChatClientBuilder));
        return set.Values.ToImmutableArray();
    }
}

/// <summary>Calibration for the timing wrapper: a code-block action that does nothing, on every code block AIC001 sees.</summary>
#pragma warning disable RS1001, RS1036, RS1041 // a benchmark instrument, handed to CompilationWithAnalyzers directly
internal sealed class EmptyCodeBlockAnalyzer : DiagnosticAnalyzer
{
#pragma warning disable RS2008 // a benchmark instrument, never shipped
    private static readonly DiagnosticDescriptor Never = new("BENCH0002", "Never reported", "Never reported", "Bench", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

    // The driver skips an analyzer without a supported diagnostic, so it needs one (never reported).
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCodeBlockAction(_ => { });
    }
}
#pragma warning restore RS1001, RS1036, RS1041

/// <summary>
/// Stand-in for the SDK's default operation analyzers (CA1416 platform compatibility and others that every net10.0
/// build runs): an operation action on invocations and member references that does nothing. With it, the driver builds
/// the operation tree of every method body, as it does in a real build.
/// </summary>
#pragma warning disable RS1001, RS1036, RS1041 // a benchmark stand-in, handed to CompilationWithAnalyzers directly
internal sealed class OperationTreeAnalyzer : DiagnosticAnalyzer
{
#pragma warning disable RS2008 // a benchmark stand-in, never shipped
    private static readonly DiagnosticDescriptor Never = new("BENCH0001", "Never reported", "Never reported", "Bench", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(_ => { }, OperationKind.Invocation, OperationKind.PropertyReference, OperationKind.ObjectCreation);
    }
}
#pragma warning restore RS1001, RS1036, RS1041
