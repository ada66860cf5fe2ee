using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Benchmarks;

/// <summary>
/// <c>--apps DIR</c>: the cost of the AIC analyzers on real code. Each app folder's <c>.cs</c> files (bin/obj excluded)
/// are one <see cref="CSharpCompilation"/> (C# preview, nullable on, the web SDK's implicit usings) over the .NET 10
/// and ASP.NET Core reference packs plus the AI SDK assemblies; compile errors from packages not referenced are
/// expected and left in. Per app, medians of <c>--reps</c> after a warm-up:
/// <list type="bullet">
/// <item>compile: <c>GetDiagnostics()</c> of a fresh compilation;</item>
/// <item>AIC: <see cref="AnalyzerTelemetryInfo.ExecutionTime"/> of every AIC analyzer through
/// <see cref="CompilationWithAnalyzers"/> on another fresh compilation, per analyzer;</item>
/// <item>SDK taint rules: the same for CA2100 and CA3001–CA3012 of the SDK's own NetAnalyzers, enabled;</item>
/// <item>floor: binding, operation tree and flow graph of just the methods that contain an AI source call;</item>
/// <item>IDE: <c>GetAnalysisResultAsync(model, null)</c> of each document on a fresh compilation (one keystroke).</item>
/// </list>
/// </summary>
public static class RealApps
{
    private static readonly string[] TaintRules =
        new[] { "CA2100" }.Concat(Enumerable.Range(3001, 12).Select(n => "CA" + n.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();

    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Preview);

    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var apps = AppFolders(options.Apps);
        if (apps.Count == 0)
        {
            Console.Error.WriteLine("--apps: no folder with .cs files in " + string.Join(", ", options.Apps));
            return 2;
        }

        var references = References();
        var taint = TaintAnalyzers(out var taintSource);
        Console.WriteLine($"real apps: {apps.Count}; references {references.Count}; SDK taint rules: {taint.Length} analyzers from {taintSource}");
        Console.WriteLine($"reps {options.Repetitions} after a warm-up; single-threaded analysis; times are medians (ms)");
        Console.WriteLine();

        if (options.AppsFindings)
        {
            foreach (var (name, dir) in apps)
            {
                await FindingsAsync(name, dir, references).ConfigureAwait(false);
            }

            return 0;
        }

        if (options.AppsIdeIndex > 0)
        {
            foreach (var (name, dir) in apps)
            {
                IdeIndexLoop(name, Compile(ParseApp(dir, copy: 0), references), options.AppsIdeIndex);
            }

            return 0;
        }

        var rows = new List<AppRow>();
        foreach (var (name, dir) in options.AppsLinearOnly ? new List<(string Name, string Dir)>() : apps)
        {
            var trees = ParseApp(dir, copy: 0);
            rows.Add(await MeasureAsync(name, trees, references, taint, options).ConfigureAwait(false));
        }

        if (rows.Count > 0)
        {
            PrintTable(rows);
        }
        if (options.AppsLinear)
        {
            await LinearAsync(apps, references, options).ConfigureAwait(false);
        }

        return 0;
    }

    // ------------------------------------------------------------------ inputs

    private static List<(string Name, string Dir)> AppFolders(IEnumerable<string> roots)
    {
        var result = new List<(string, string)>();
        foreach (var root in roots)
        {
            // A folder with .cs files directly or below is an app; a folder of such folders is a set of apps.
            var sub = Directory.Exists(root) ? Directory.GetDirectories(root).Where(d => SourceFiles(d).Any()).OrderBy(d => d, StringComparer.Ordinal).ToList() : new List<string>();
            var direct = Directory.Exists(root) && Directory.GetFiles(root, "*.cs").Length > 0;
            if (sub.Count > 1 && !direct && IsSetOfApps(root))
            {
                result.AddRange(sub.Select(d => (Path.GetFileName(d), d)));
            }
            else if (Directory.Exists(root) && SourceFiles(root).Any())
            {
                result.Add((Path.GetFileName(Path.TrimEndingDirectorySeparator(root)), root));
            }
        }

        return result;
    }

    /// <summary>A folder whose subfolders hold the sources is a set of apps when it has no project of its own.</summary>
    private static bool IsSetOfApps(string root) => Directory.GetFiles(root, "*.csproj").Length == 0 && Directory.GetFiles(root, "*.sln*").Length == 0;

    private static IEnumerable<string> SourceFiles(string dir) =>
        Directory.EnumerateFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal);

    private static readonly Regex NamespaceDeclaration = new(@"^(\s*namespace\s+)(?=[A-Za-z_])", RegexOptions.Multiline | RegexOptions.Compiled);

    /// <summary>The app's trees plus a global-usings file; copy k &gt; 0 renames namespaces and drops top-level programs.</summary>
    private static List<SyntaxTree> ParseApp(string dir, int copy)
    {
        var trees = new List<SyntaxTree>();
        foreach (var file in SourceFiles(dir))
        {
            var text = File.ReadAllText(file);
            if (copy > 0)
            {
                text = NamespaceDeclaration.Replace(text, "$1Copy" + copy + ".");
            }

            var tree = CSharpSyntaxTree.ParseText(text, Parse, path: (copy > 0 ? "copy" + copy + "/" : string.Empty) + Path.GetRelativePath(dir, file));
            if (copy > 0 && tree.GetCompilationUnitRoot().Members.Any(m => m is GlobalStatementSyntax))
            {
                continue; // one top-level program per compilation
            }

            trees.Add(tree);
        }

        if (copy == 0)
        {
            trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, Parse, path: "GlobalUsings.g.cs"));
        }

        return trees;
    }

    private static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, IReadOnlyList<MetadataReference> references) =>
        CSharpCompilation.Create(
            "App",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false)
                .WithSpecificDiagnosticOptions(TaintRules.ToDictionary(id => id, _ => ReportDiagnostic.Warn)));

    /// <summary>
    /// The .NET 10 and ASP.NET Core reference packs of the installed SDK, plus the AI SDKs this benchmark references
    /// (with Semantic Kernel's OpenAI connector, Azure.AI.Inference, the Agent Framework and Spectre.Console, which the
    /// public apps use: without them their calls do not bind and the findings understate what a build reports).
    /// </summary>
    private static List<MetadataReference> References()
    {
        var root = DotnetRoot();
        var files = new List<string>();
        foreach (var pack in new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" })
        {
            var versions = Directory.GetDirectories(Path.Combine(root, "packs", pack)).Where(d => Path.GetFileName(d).StartsWith("10.", StringComparison.Ordinal)).OrderBy(d => d, StringComparer.Ordinal).ToList();
            var dir = Path.Combine(versions.Last(), "ref", "net10.0");
            files.AddRange(Directory.GetFiles(dir, "*.dll"));
        }

        var framework = new HashSet<string>(files.Select(Path.GetFileName)!, StringComparer.OrdinalIgnoreCase);
        var prefixes = new[] { "Microsoft.Extensions.AI", "Microsoft.Extensions.VectorData", "OpenAI", "Azure.", "Microsoft.SemanticKernel", "Anthropic", "OllamaSharp", "System.ClientModel", "System.Memory.Data", "Microsoft.Bcl.", "Microsoft.Agents.AI", "Spectre.Console" };
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "*.dll"))
        {
            var name = Path.GetFileName(file);
            if (!framework.Contains(name) && prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                files.Add(file);
            }
        }

        return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToList();
    }

    /// <summary>The .NET installation this process runs on: &lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt; is the runtime.</summary>
    private static string DotnetRoot() => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    /// <summary>The analyzers of the SDK's NetAnalyzers that report a taint rule (CA2100, CA3001–CA3012).</summary>
    private static ImmutableArray<DiagnosticAnalyzer> TaintAnalyzers(out string source)
    {
        var root = DotnetRoot();
        var sdk = Directory.GetDirectories(Path.Combine(root, "sdk")).Where(d => Path.GetFileName(d).StartsWith("10.", StringComparison.Ordinal)).OrderBy(d => d, StringComparer.Ordinal).Last();
        var dir = Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers");
        source = dir;
        var loader = new Loader();
        var result = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var file in new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" })
        {
            var reference = new AnalyzerFileReference(Path.Combine(dir, file), loader);
            foreach (var analyzer in reference.GetAnalyzers(LanguageNames.CSharp))
            {
                if (analyzer.SupportedDiagnostics.Any(d => TaintRules.Contains(d.Id)))
                {
                    result.Add(analyzer);
                }
            }
        }

        return result.ToImmutable();
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    // ------------------------------------------------------------------ one app

    private sealed record AppRow(
        string Name, int Files, int Lines, int AiMethods, double Compile, double Aic, IReadOnlyList<(string Analyzer, double Ms)> PerAnalyzer,
        double Taint, double Floor, IdeResult Ide, int Aic001, int Errors);

    /// <summary>
    /// The IDE case per document: wall time of the request (the analyzer driver's own work included, which any analyzer
    /// with semantic-model actions pays) and the AIC callbacks' share of it (driver telemetry), median and worst of each.
    /// </summary>
    private sealed record IdeResult(double MedianWall, double WorstWall, string WorstWallDocument, double MedianCallbacks, double WorstCallbacks, string WorstCallbacksDocument)
    {
        public static readonly IdeResult None = new(double.NaN, double.NaN, "(not measured)", double.NaN, double.NaN, "(not measured)");
    }

    private static async Task<AppRow> MeasureAsync(string name, List<SyntaxTree> trees, IReadOnlyList<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> taint, BenchmarkOptions options)
    {
        var lines = trees.Sum(t => t.GetText().Lines.Count);
        var template = Compile(trees, references);
        var errors = template.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        var aiMethods = AiSourceMethods(template.Clone());
        Console.WriteLine($"== {name}: {trees.Count - 1} files, {lines:N0} lines, {errors} compile errors (left in), {aiMethods.Count} methods with an AI source call");

        var compile = new List<double>();
        var aic = new List<double>();
        var taintMs = new List<double>();
        var floor = new List<double>();
        var perAnalyzer = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var aic001 = 0;
        for (var rep = 0; rep <= options.Repetitions; rep++)
        {
            Harness.Settle();
            var watch = Stopwatch.StartNew();
            template.Clone().GetDiagnostics();
            var compileMs = watch.Elapsed.TotalMilliseconds;

            Harness.Settle();
            var (graphsBefore, askedBefore) = (FlowContext.GraphsBuilt, FlowContext.GraphsAsked);
            var (aicTotal, aicParts, diagnostics) = await AnalyzeAsync(Reparsed(template), Harness.AllAicAnalyzers().ToImmutableArray()).ConfigureAwait(false);
            var graphs = $"{FlowContext.GraphsBuilt - graphsBefore} of {FlowContext.GraphsAsked - askedBefore} asked"; // work done, not time: steady where the machine's timings are not
            Harness.Settle();
            var (taintTotal, _, _) = await AnalyzeAsync(template.Clone(), taint).ConfigureAwait(false);
            Harness.Settle();
            var floorMs = Floor(template.Clone(), aiMethods);
            if (rep == 0)
            {
                aic001 = diagnostics.Count(d => d.Id == DiagnosticIds.UnlabeledAiOutput);
                continue; // warm-up
            }

            compile.Add(compileMs);
            aic.Add(aicTotal);
            taintMs.Add(taintTotal);
            floor.Add(floorMs);
            foreach (var (analyzer, ms) in aicParts)
            {
                (perAnalyzer.TryGetValue(analyzer, out var list) ? list : perAnalyzer[analyzer] = new List<double>()).Add(ms);
            }

            Console.WriteLine($"  rep {rep}: compile {compileMs,7:F0} | AIC {aicTotal,6:F0} ({Pct(aicTotal, compileMs)}) | SDK taint {taintTotal,6:F0} ({Pct(taintTotal, compileMs)}) | floor {floorMs,5:F0} | AIC flow graphs {graphs}");
        }

        if (options.AppsPhases)
        {
            Phases(Reparsed(template));
        }

        var parts = perAnalyzer.Select(p => (p.Key, Stats.Median(p.Value))).OrderByDescending(p => p.Item2).ToList();
        Console.WriteLine("  per analyzer: " + string.Join(", ", parts.Where(p => p.Item2 >= 0.5).Select(p => $"{p.Key} {p.Item2:F0} ms")));
        var ide = options.AppsNoIde ? IdeResult.None : await IdeAsync(template).ConfigureAwait(false);
        Console.WriteLine($"  IDE wall: median {ide.MedianWall:F1} ms, worst {ide.WorstWall:F0} ms ({ide.WorstWallDocument}); AIC callbacks: median {ide.MedianCallbacks:F1} ms, worst {ide.WorstCallbacks:F0} ms ({ide.WorstCallbacksDocument})");
        return new AppRow(name, trees.Count - 1, lines, aiMethods.Count, Stats.Median(compile), Stats.Median(aic), parts, Stats.Median(taintMs), Stats.Median(floor), ide, aic001, errors);
    }

    /// <summary>
    /// The compilation with every tree parsed anew (not timed), as a build sees it: the analyzers keep answers with a
    /// tree's syntax nodes for the IDE's next compilation (ProducerPrefilter), which a clone sharing the trees would reuse,
    /// and share metadata-name lookups between compilations of the same referenced assembly symbols (ReferencedTypes),
    /// which are forgotten here so that no build figure reuses an earlier compilation's.
    /// </summary>
    private static CSharpCompilation Reparsed(CSharpCompilation template)
    {
        ReferencedTypes.Reset();
        return template.RemoveAllSyntaxTrees().AddSyntaxTrees(template.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)));
    }

    /// <summary>Runs <paramref name="analyzers"/> single-threaded; the sum of their ExecutionTime (ms), per analyzer, and the diagnostics.</summary>
    private static async Task<(double Total, List<(string Analyzer, double Ms)> Parts, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false));
        var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).ConfigureAwait(false);
        var parts = result.AnalyzerTelemetryInfo.Select(p => (p.Key.GetType().Name, p.Value.ExecutionTime.TotalMilliseconds)).ToList();
        return (parts.Sum(p => p.Item2), parts, result.GetAllDiagnostics());
    }

    /// <summary>The methods (code blocks) whose body calls a modeled AI source, found with symbols on a compilation of their own.</summary>
    private static List<(SyntaxTree Tree, TextSpanKey Block)> AiSourceMethods(Compilation compilation)
    {
        var model = FlowModel.Create(compilation);
        var result = new List<(SyntaxTree, TextSpanKey)>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var semanticModel = compilation.GetSemanticModel(tree);
            foreach (var block in AiCompliance.Analyzers.Rules.CodeBlocks.Of(tree.GetRoot(), null))
            {
                var calls = block.DescendantNodes().Where(n => n is InvocationExpressionSyntax or MemberAccessExpressionSyntax);
                if (calls.Any(n => semanticModel.GetSymbolInfo(n).Symbol is { } symbol && model.Find(symbol)?.SourceDescription is not null))
                {
                    result.Add((tree, new TextSpanKey(block.SpanStart, block.Span.Length)));
                }
            }
        }

        return result;
    }

    private readonly record struct TextSpanKey(int Start, int Length);

    /// <summary>
    /// What no flow analysis can avoid: after the compiler's own pass (<c>GetDiagnostics</c>, not timed), the semantic
    /// model's binding, operation tree and control-flow graph of each method with an AI source call (ms).
    /// </summary>
    private static double Floor(Compilation compilation, List<(SyntaxTree Tree, TextSpanKey Block)> methods)
    {
        compilation.GetDiagnostics();
        var trees = compilation.SyntaxTrees.ToDictionary(t => t.FilePath, StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        foreach (var (tree, key) in methods)
        {
            var own = trees[tree.FilePath];
            var model = compilation.GetSemanticModel(own);
            var node = own.GetRoot().DescendantNodesAndSelf().First(n => n.SpanStart == key.Start && n.Span.Length == key.Length && n is not ExpressionSyntax);
            var operation = model.GetOperation(node);
            try
            {
                _ = FlowContext.GraphOf(operation, CancellationToken.None);
            }
            catch (ArgumentException)
            {
                // error code without a flow graph: the engine skips it too
            }
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// The IDE case: for each document, a keystroke (the document's tree replaced by an edited copy, so the compilation
    /// is new and the analyzers' per-compilation state with it, while the other trees stay as they were), the compiler's
    /// own diagnostics of that document (not timed: the IDE computes them anyway, and they bind the document), then the
    /// AIC analyzers' diagnostics of that document alone (timed); median and worst wall time (ms), after one warm-up.
    /// </summary>
    private static async Task<IdeResult> IdeAsync(CSharpCompilation template)
    {
        var analyzers = Harness.AllAicAnalyzers().ToImmutableArray();
        var times = new List<(double Ms, double Callbacks, string Path)>();
        template.GetDeclarationDiagnostics(); // the IDE has declarations bound before it asks for a document
        var documents = template.SyntaxTrees.ToList();
        for (var i = -1; i < documents.Count; i++)
        {
            var tree = documents[Math.Max(i, 0)];
            var (compilation, model) = Keystroke(template, tree, " ");
            var (wall, callbacks) = await RequestAsync(compilation, model, analyzers).ConfigureAwait(false);
            if (i >= 0)
            {
                times.Add((wall, callbacks, tree.FilePath));
            }
        }

        var worst = times.OrderByDescending(t => t.Ms).First();
        var worstCallbacks = times.OrderByDescending(t => t.Callbacks).First();
        await IdeWorstPhasesAsync(template, documents.First(d => d.FilePath == worst.Path), analyzers).ConfigureAwait(false);
        return new IdeResult(Stats.Median(times.Select(t => t.Ms)), worst.Ms, worst.Path, Stats.Median(times.Select(t => t.Callbacks)), worstCallbacks.Callbacks, worstCallbacks.Path);
    }

    /// <summary>
    /// A keystroke in <paramref name="tree"/>: <paramref name="typed"/> appended, the tree replaced in a new compilation
    /// (the other trees kept), and the document's compiler diagnostics computed (not timed: the IDE computes them anyway).
    /// </summary>
    private static (CSharpCompilation Compilation, SemanticModel Model) Keystroke(CSharpCompilation template, SyntaxTree tree, string typed)
    {
        var text = tree.GetText();
        var edited = tree.WithChangedText(text.WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new Microsoft.CodeAnalysis.Text.TextSpan(text.Length, 0), typed)));
        var compilation = template.ReplaceSyntaxTree(tree, edited);
        var model = compilation.GetSemanticModel(edited);
        model.GetDiagnostics();
        return (compilation, model);
    }

    /// <summary>One document's analyzer diagnostics, single-threaded: wall time and the analyzers' callback time (ms).</summary>
    private static async Task<(double Wall, double Callbacks)> RequestAsync(Compilation compilation, SemanticModel model, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        var watch = Stopwatch.StartNew();
        await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).ConfigureAwait(false);
        var wall = watch.Elapsed.TotalMilliseconds;
        var callbacks = 0.0;
        foreach (var analyzer in analyzers)
        {
            callbacks += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false)).ExecutionTime.TotalMilliseconds;
        }

        return (wall, callbacks);
    }

    /// <summary>
    /// The prefilter index alone, rebuilt for <paramref name="count"/> keystrokes (one per document, round the documents),
    /// after one full pass that warms the answers the index keeps with syntax nodes: its median time and the mean of its
    /// steps per keystroke, for profiling what the IDE pays on each edit (<c>--apps-ide-index N</c>).
    /// </summary>
    private static void IdeIndexLoop(string name, CSharpCompilation template, int count)
    {
        template.GetDeclarationDiagnostics();
        var documents = template.SyntaxTrees.ToList();
        var times = new List<double>();
        var steps = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = -documents.Count; i < count; i++)
        {
            var tree = documents[((i % documents.Count) + documents.Count) % documents.Count];
            var (compilation, _) = Keystroke(template, tree, " ");
            var flow = FlowContext.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None);
            var watch = Stopwatch.StartNew();
            _ = flow.Prefilter.Index;
            var ms = watch.Elapsed.TotalMilliseconds;
            if (i < 0)
            {
                continue; // the warm-up pass
            }

            times.Add(ms);
            foreach (var part in (flow.Prefilter.IndexSteps ?? string.Empty).Split(", "))
            {
                var words = part.Split(' ');
                if (words.Length == 3 && double.TryParse(words[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
                {
                    steps[words[0]] = steps.GetValueOrDefault(words[0]) + (v / count);
                }
            }
        }

        Console.WriteLine($"== {name}: the index on {count} keystrokes: median {Stats.Median(times):F1} ms, worst {times.Max():F1} ms; mean steps: " +
            string.Join(", ", steps.Select(s => $"{s.Key} {s.Value:F1} ms")));
    }

    /// <summary>The worst IDE document's keystroke again, one step at a time: where its time goes.</summary>
    private static async Task IdeWorstPhasesAsync(CSharpCompilation template, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var (compilation, _) = Keystroke(template, tree, " ");
        var watch = Stopwatch.StartNew();
        var flow = FlowContext.For(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None);
        var model = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var index = flow.Prefilter.Index;
        var indexMs = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"  IDE worst document again, the index's steps: {flow.Prefilter.IndexSteps}");
        Console.WriteLine($"  IDE worst document again: model {model:F1} ms | prefilter index {indexMs:F1} ms ({index.ProducerCount} producers, {flow.Prefilter.ConfirmationsBound} of {flow.Prefilter.Confirmations} confirmations bound, {flow.Prefilter.ConfirmTicks * 1000.0 / Stopwatch.Frequency:F1} ms)");

        // The same request on another fresh keystroke compilation, then with an analyzer that registers the same kinds of
        // actions and does nothing: the driver's cost of that request alone.
        var again = Keystroke(template, tree, "  ");
        var (wall, callbacks) = await RequestAsync(again.Compilation, again.Model, analyzers).ConfigureAwait(false);
        var idle = Keystroke(template, tree, "   ");
        var (idleMs, _) = await RequestAsync(idle.Compilation, idle.Model, ImmutableArray.Create<DiagnosticAnalyzer>(new IdleAnalyzer())).ConfigureAwait(false);
        Console.WriteLine($"  IDE worst document, request again: {wall:F1} ms wall, of which the AIC callbacks {callbacks:F1} ms; the same request with an analyzer that does nothing: {idleMs:F1} ms");
    }

    /// <summary>
    /// The fixed costs the rules pay per compilation, one at a time, on a compilation whose compiler pass already ran:
    /// the model (rows resolved), the prefilter index, the registration search, the walk over every tree's code blocks.
    /// </summary>
    private static void Phases(CSharpCompilation compilation)
    {
        compilation.GetDiagnostics();
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        FlowTelemetry.IndexTrace = line => Console.WriteLine("  index: " + line);
        var watch = Stopwatch.StartNew();
        var flow = FlowContext.For(compilation, options, CancellationToken.None);
        var model = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var index = flow.Prefilter.Index;
        var indexMs = watch.Elapsed.TotalMilliseconds;
        FlowTelemetry.IndexTrace = null;
        watch.Restart();
        var registered = flow.HasRegisteredService;
        var registeredMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        int blocks = 0, candidates = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var block in AiCompliance.Analyzers.Rules.CodeBlocks.Of(tree.GetRoot(), null))
            {
                blocks++;
                candidates += index.BlockMayProduce(block) ? 1 : 0;
            }
        }

        var walk = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var semantic = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            _ = compilation.GetSemanticModel(tree);
            semantic++;
        }

        var models = watch.Elapsed.TotalMilliseconds;
        BindingProbe(compilation);
        Console.WriteLine($"  phases: model {model:F1} ms (sources resolved: {flow.Model.HasSourceTypes}) | prefilter index {indexMs:F1} ms ({index.MemberCount} members, {index.ProducerCount} producers, {flow.Prefilter.Confirmations} confirmations asked ({flow.Prefilter.Spared} more answered by receivers' types), {flow.Prefilter.ConfirmationsBound} body mentions bound, {flow.Prefilter.ConfirmTicks * 1000.0 / Stopwatch.Frequency:F1} ms) | " +
                          $"registration search {registeredMs:F1} ms ({registered}) | code-block walk {walk:F1} ms ({blocks} blocks, {candidates} pass the prefilter) | {semantic} semantic models {models:F1} ms");
    }

    /// <summary>
    /// What one mention costs to bind, three ways, each on its own fresh compilation: the semantic model's
    /// GetSymbolInfo (binds the member's whole body, nullable analysis included), a speculative binding of the
    /// member access or call at its position, and GetOperation of the whole body (what the flow analysis needs).
    /// </summary>
    private static void BindingProbe(CSharpCompilation compilation)
    {
        var names = compilation.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.Body is not null || m.ExpressionBody is not null))
            .Select(m => m.DescendantNodes().OfType<MemberAccessExpressionSyntax>().FirstOrDefault())
            .Where(n => n is not null)
            .Take(300)
            .Select(n => (n!.SyntaxTree.FilePath, n.SpanStart))
            .ToList();
        double Time(Func<Compilation, SyntaxNode, object?> bind, bool declared = false)
        {
            var fresh = Reparsed(compilation);
            if (declared)
            {
                fresh.GetDeclarationDiagnostics(); // as in a build: the compiler has declared every type before analyzers run
            }

            var trees = fresh.SyntaxTrees.ToDictionary(t => t.FilePath);
            var nodes = names.Select(n => trees[n.FilePath].GetRoot().FindToken(n.SpanStart).Parent!.AncestorsAndSelf().OfType<MemberAccessExpressionSyntax>().First()).ToList();
            var watch = Stopwatch.StartNew();
            foreach (var node in nodes)
            {
                bind(fresh, node);
            }

            return watch.Elapsed.TotalMilliseconds * 1000 / Math.Max(1, nodes.Count);
        }

        var full = Time((c, n) => c.GetSemanticModel(n.SyntaxTree).GetSymbolInfo(n));
        var speculative = Time((c, n) => c.GetSemanticModel(n.SyntaxTree).GetSpeculativeSymbolInfo(n.SpanStart, (ExpressionSyntax)n, SpeculativeBindingOption.BindAsExpression));
        var operation = Time((c, n) => c.GetSemanticModel(n.SyntaxTree).GetOperation(n.Ancestors().OfType<MethodDeclarationSyntax>().First()));
        var fullDeclared = Time((c, n) => c.GetSemanticModel(n.SyntaxTree).GetSymbolInfo(n), declared: true);
        var speculativeDeclared = Time((c, n) => c.GetSemanticModel(n.SyntaxTree).GetSpeculativeSymbolInfo(n.SpanStart, (ExpressionSyntax)n, SpeculativeBindingOption.BindAsExpression), declared: true);
        Console.WriteLine($"  binding probe ({names.Count} member accesses, one per method): GetSymbolInfo {full:F0} us, speculative {speculative:F0} us, GetOperation of the body {operation:F0} us (each a fresh compilation); after declarations: GetSymbolInfo {fullDeclared:F0} us, speculative {speculativeDeclared:F0} us");
    }

    // ------------------------------------------------------------------ findings (for reading)

    /// <summary>
    /// Every AIC finding of the app, with the AI source calls (AIC901) and labeled outputs (AIC900) turned on, as
    /// <c>path:line: id message</c>: the list a reader checks against the code (true, false, missed). No timing.
    /// </summary>
    private static async Task FindingsAsync(string name, string dir, IReadOnlyList<MetadataReference> references)
    {
        var compilation = Compile(ParseApp(dir, copy: 0), references);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItem(DiagnosticIds.LabeledAiOutput, ReportDiagnostic.Info).SetItem(DiagnosticIds.AiSourceCall, ReportDiagnostic.Info)));
        var (_, _, diagnostics) = await AnalyzeAsync(compilation, Harness.AllAicAnalyzers().ToImmutableArray()).ConfigureAwait(false);
        var findings = diagnostics.Where(d => d.Id.StartsWith("AIC", StringComparison.Ordinal) || d.Id == "AD0001")
            .Select(d => (Span: d.Location.GetMappedLineSpan(), d))
            .OrderBy(x => x.d.Id, StringComparer.Ordinal).ThenBy(x => x.Span.Path, StringComparer.Ordinal).ThenBy(x => x.Span.StartLinePosition.Line)
            .ToList();
        Console.WriteLine($"== {name}: " + string.Join(", ", findings.GroupBy(x => x.d.Id).Select(g => $"{g.Key} {g.Count()}")));
        foreach (var (span, d) in findings)
        {
            Console.WriteLine($"{span.Path}:{span.StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    // ------------------------------------------------------------------ linearity

    /// <summary>The apps concatenated, x1, x2 and x4 (renamed copies): AIC time per 1,000 lines.</summary>
    private static async Task LinearAsync(List<(string Name, string Dir)> apps, IReadOnlyList<MetadataReference> references, BenchmarkOptions options)
    {
        Console.WriteLine();
        Console.WriteLine("Linearity: the apps concatenated, renamed copies (namespaces prefixed; top-level programs once)");
        Console.WriteLine("| copies | files | lines | compile ms | AIC ms | AIC % of compile | AIC ms per 1,000 lines |");
        Console.WriteLine("|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var copies in new[] { 1, 2, 4 })
        {
            var trees = new List<SyntaxTree>();
            for (var copy = 0; copy < copies; copy++)
            {
                foreach (var (_, dir) in apps)
                {
                    trees.AddRange(ParseApp(dir, copy).Where(t => copy == 0 || t.FilePath != "GlobalUsings.g.cs"));
                }
            }

            // One global-usings file is enough (each app added one at copy 0).
            trees = trees.Where((t, i) => t.FilePath != "GlobalUsings.g.cs" || trees.FindIndex(u => u.FilePath == "GlobalUsings.g.cs") == i).ToList();
            var template = Compile(trees, references);
            var compile = new List<double>();
            var aic = new List<double>();
            for (var rep = 0; rep <= options.Repetitions; rep++)
            {
                Harness.Settle();
                var watch = Stopwatch.StartNew();
                template.Clone().GetDiagnostics();
                var compileMs = watch.Elapsed.TotalMilliseconds;
                Harness.Settle();
                var (aicMs, _, _) = await AnalyzeAsync(Reparsed(template), Harness.AllAicAnalyzers().ToImmutableArray()).ConfigureAwait(false);
                if (rep > 0)
                {
                    compile.Add(compileMs);
                    aic.Add(aicMs);
                }
            }

            if (options.AppsPhases)
            {
                Phases(Reparsed(template));
            }

            var lines = trees.Sum(t => t.GetText().Lines.Count);
            Console.WriteLine($"| x{copies} | {trees.Count} | {lines:N0} | {Stats.Median(compile):F0} | {Stats.Median(aic):F0} | {Pct(Stats.Median(aic), Stats.Median(compile))} | {Stats.Median(aic) * 1000 / lines:F2} |");
        }
    }

    // ------------------------------------------------------------------ report

    private static void PrintTable(List<AppRow> rows)
    {
        Console.WriteLine();
        Console.WriteLine("| app | files | lines | methods with an AI call | compile ms | AIC ms | AIC % of compile | SDK taint ms | taint % | taint / AIC | floor ms | AIC / floor | IDE median ms: wall / AIC | IDE worst ms: wall / AIC | AIC001 |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var r in rows)
        {
            Console.WriteLine($"| {r.Name} | {r.Files} | {r.Lines:N0} | {r.AiMethods} | {r.Compile:F0} | {r.Aic:F0} | {Pct(r.Aic, r.Compile)} | {r.Taint:F0} | {Pct(r.Taint, r.Compile)} | {Ratio(r.Taint, r.Aic)} | {r.Floor:F0} | {Ratio(r.Aic, r.Floor)} | {r.Ide.MedianWall:F1} / {r.Ide.MedianCallbacks:F1} | {r.Ide.WorstWall:F0} / {r.Ide.WorstCallbacks:F0} | {r.Aic001} |");
        }

        var compile = rows.Sum(r => r.Compile);
        var aic = rows.Sum(r => r.Aic);
        var taint = rows.Sum(r => r.Taint);
        var floor = rows.Sum(r => r.Floor);
        Console.WriteLine($"| **total** | {rows.Sum(r => r.Files)} | {rows.Sum(r => r.Lines):N0} | {rows.Sum(r => r.AiMethods)} | {compile:F0} | {aic:F0} | **{Pct(aic, compile)}** | {taint:F0} | {Pct(taint, compile)} | {Ratio(taint, aic)} | {floor:F0} | {Ratio(aic, floor)} | | | {rows.Sum(r => r.Aic001)} |");
        Console.WriteLine();
        foreach (var r in rows)
        {
            Console.WriteLine($"{r.Name}: " + string.Join(", ", r.PerAnalyzer.Where(p => p.Ms >= 0.5).Select(p => $"{p.Analyzer} {p.Ms:F0} ms")) + $"; IDE worst: {r.Ide.WorstWallDocument} (wall), {r.Ide.WorstCallbacksDocument} (AIC callbacks)");
        }
    }

    private static string Pct(double part, double whole) => whole <= 0 ? "n/a" : (100 * part / whole).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static string Ratio(double a, double b) => b <= 0 ? "n/a" : (a / b).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + "x";
}

#pragma warning disable RS1001, RS1026, RS1036, RS1041, RS2008 // a benchmark's probe, never shipped
/// <summary>Registers the action kinds the AIC analyzers use and does nothing: the analyzer driver's own cost of a request.</summary>
internal sealed class IdleAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("IDLE001", "Idle", "Idle", "Bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSemanticModelAction(_ => { });
            start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
        });
    }
}
