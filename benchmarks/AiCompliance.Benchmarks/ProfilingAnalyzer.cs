using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// An in-process wrapper handed to CompilationWithAnalyzers, never loaded by a compiler: the rules for shipped
// analyzers (attribute, target framework, generated code, concurrency: all delegated to the wrapped analyzer) do not apply.
#pragma warning disable RS1001, RS1012, RS1025, RS1026, RS1036, RS1041

namespace AiCompliance.Benchmarks;

/// <summary>One code-block callback of the wrapped analyzer: where, and its CPU and wall time.</summary>
public sealed record CodeBlockTiming(string Path, string Method, double CpuMicroseconds, double WallMicroseconds);

/// <summary>
/// Wraps an analyzer and measures the thread CPU time of every callback it registers (compilation start and end,
/// code block, symbol, operation, additional file, ...), so its cost can be stated independently of other load on
/// the machine, and per method. Work done lazily on behalf of other methods (callee summaries, field summaries,
/// prefilter memos) is charged to the callback that first needed it. Work the driver does for the analyzer outside
/// its callbacks (building operation trees for operation actions, for instance) is not included: the harness states
/// that as the process-CPU difference of the whole pass. The driver's telemetry (wall clock) sees the wrapper as one
/// analyzer.
/// </summary>
public sealed class ProfilingAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticAnalyzer _inner;
    private long _cpuNs;
    private long _allocatedBytes;
    private long _callbacks;
    private long _gcPauseTicks;
    private long _gcCount;

    public ProfilingAnalyzer(DiagnosticAnalyzer inner) => _inner = inner;

    public string Name => _inner.GetType().Name;

    /// <summary>Sum of the thread CPU time of all callbacks, in milliseconds.</summary>
    public double CpuMs => Interlocked.Read(ref _cpuNs) / 1e6;

    /// <summary>Bytes allocated on the calling thread inside the callbacks (what the analyzers hand the garbage collector), in MB.</summary>
    public double AllocatedMb => Interlocked.Read(ref _allocatedBytes) / 1e6;

    /// <summary>
    /// Garbage-collection pauses that fell inside the callbacks, in milliseconds (process-wide figure: exact when the
    /// analysis is single-threaded). A collection is charged to whichever callback allocates when it is due.
    /// </summary>
    public double GcPauseMs => TimeSpan.FromTicks(Interlocked.Read(ref _gcPauseTicks)).TotalMilliseconds;

    /// <summary>How many garbage collections (any generation) started inside the callbacks.</summary>
    public long GcCount => Interlocked.Read(ref _gcCount);

    /// <summary>How many callbacks were timed.</summary>
    public long Callbacks => Interlocked.Read(ref _callbacks);

    public ConcurrentQueue<CodeBlockTiming> CodeBlocks { get; } = new();

    /// <summary>
    /// True when the analyzer registered a start action (code block, operation block, symbol start) whose nested
    /// actions this wrapper cannot time: its CPU figure then covers the start callbacks only.
    /// </summary>
    public bool HasUntimedNestedActions { get; private set; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => _inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => _inner.Initialize(new Context(context, this));

    private void Measure<T>(T context, Action<T> action) => Timed(context, action, null);

    private void MeasureBlock(CodeBlockAnalysisContext block, Action<CodeBlockAnalysisContext> action)
    {
        var wall = Stopwatch.GetTimestamp();
        Timed(block, action, cpuNs =>
        {
            var name = block.OwningSymbol switch
            {
                IMethodSymbol { MethodKind: MethodKind.Constructor } => ".ctor",
                IMethodSymbol method => method.Name,
                var other => "(" + other.Kind + " initializer)",
            };
            CodeBlocks.Enqueue(new CodeBlockTiming(block.CodeBlock.SyntaxTree.FilePath, name, cpuNs / 1e3, Stopwatch.GetElapsedTime(wall).TotalMicroseconds));
        });
    }

    /// <summary>
    /// Runs one callback and adds its thread CPU time and allocations to the totals; <paramref name="done"/> gets its CPU
    /// time in ns, also when the callback throws.
    /// </summary>
    private void Timed<T>(T context, Action<T> action, Action<long>? done)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var pause = GC.GetTotalPauseDuration();
        var collections = GC.CollectionCount(0);
        var start = ThreadCpu.NowNs();
        try
        {
            action(context);
        }
        finally
        {
            var cpuNs = ThreadCpu.NowNs() - start;
            Interlocked.Add(ref _cpuNs, cpuNs);
            Interlocked.Add(ref _allocatedBytes, GC.GetAllocatedBytesForCurrentThread() - allocated);
            Interlocked.Add(ref _gcPauseTicks, (GC.GetTotalPauseDuration() - pause).Ticks);
            Interlocked.Add(ref _gcCount, GC.CollectionCount(0) - collections);
            Interlocked.Increment(ref _callbacks);
            done?.Invoke(cpuNs);
        }
    }

    private sealed class Context : AnalysisContext
    {
        private readonly AnalysisContext _inner;
        private readonly ProfilingAnalyzer _owner;

        public Context(AnalysisContext inner, ProfilingAnalyzer owner)
        {
            _inner = inner;
            _owner = owner;
        }

        public override void EnableConcurrentExecution() => _inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => _inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override DiagnosticSeverity MinimumReportedSeverity => _inner.MinimumReportedSeverity;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) =>
            _inner.RegisterCompilationStartAction(start => _owner.Measure(start, s => action(new StartContext(s, _owner))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationAction(c => _owner.Measure(c, action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(c => _owner.Measure(c, action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(c => _owner.Measure(c, action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
            _owner.HasUntimedNestedActions = true;
            _inner.RegisterCodeBlockStartAction<TLanguageKindEnum>(c => _owner.Measure(c, action));
        }

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
        {
            _owner.HasUntimedNestedActions = true;
            _inner.RegisterSymbolStartAction(c => _owner.Measure(c, action), symbolKind);
        }

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(c => _owner.Measure(c, action));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
        {
            _owner.HasUntimedNestedActions = true;
            _inner.RegisterOperationBlockStartAction(c => _owner.Measure(c, action));
        }

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(c => _owner.Measure(c, action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _inner.RegisterOperationAction(c => _owner.Measure(c, action), operationKinds);

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(c => _owner.MeasureBlock(c, action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(c => _owner.Measure(c, action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _inner.RegisterSyntaxNodeAction(c => _owner.Measure(c, action), syntaxKinds);
    }

    private sealed class StartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext _inner;
        private readonly ProfilingAnalyzer _owner;

        public StartContext(CompilationStartAnalysisContext inner, ProfilingAnalyzer owner)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            _inner = inner;
            _owner = owner;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => _inner.RegisterCompilationEndAction(c => _owner.Measure(c, action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _inner.RegisterSemanticModelAction(c => _owner.Measure(c, action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => _inner.RegisterSymbolAction(c => _owner.Measure(c, action), symbolKinds);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
            _owner.HasUntimedNestedActions = true;
            _inner.RegisterCodeBlockStartAction<TLanguageKindEnum>(c => _owner.Measure(c, action));
        }

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
        {
            _owner.HasUntimedNestedActions = true;
            _inner.RegisterSymbolStartAction(c => _owner.Measure(c, action), symbolKind);
        }

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _inner.RegisterAdditionalFileAction(c => _owner.Measure(c, action));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
        {
            _owner.HasUntimedNestedActions = true;
            _inner.RegisterOperationBlockStartAction(c => _owner.Measure(c, action));
        }

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => _inner.RegisterOperationBlockAction(c => _owner.Measure(c, action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) =>
            _inner.RegisterOperationAction(c => _owner.Measure(c, action), operationKinds);

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => _inner.RegisterCodeBlockAction(c => _owner.MeasureBlock(c, action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => _inner.RegisterSyntaxTreeAction(c => _owner.Measure(c, action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) =>
            _inner.RegisterSyntaxNodeAction(c => _owner.Measure(c, action), syntaxKinds);
    }
}
