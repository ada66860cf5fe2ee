using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using AiCompliance.Analyzers.Flow.Prefilter;
using AiCompliance.Analyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// Per-compilation state of the flow analysis: the resolved model, the semantic models, method results (summaries
    /// and findings) computed on demand and cached, per-type field summaries and dispatch targets, and the binding-free
    /// prefilter (<see cref="ProducerPrefilter"/>) that tells which methods can produce AI content at all. Thread-safe:
    /// results may be computed twice under contention; what leaned on a cut cycle is cached only once the cycle has ended (<see cref="RequestFrames"/>). Bounds are in <see cref="FlowLimits"/>.
    /// </summary>
    internal sealed class FlowContext
    {
        private readonly ConcurrentDictionary<IMethodSymbol, MethodResult> _results = new ConcurrentDictionary<IMethodSymbol, MethodResult>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<ISymbol, TaintValue>> _fieldSummaries = new ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<ISymbol, TaintValue>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _dispatch = new ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _dispatchAll = new ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default);

        /// <summary>Results and field summaries that leaned on a cut cycle, kept while the frame they leaned on is in progress.</summary>
        [ThreadStatic]
        private static ProvisionalStore<IMethodSymbol, MethodResult>? t_provisionalResults;

        [ThreadStatic]
        private static ProvisionalStore<INamedTypeSymbol, ImmutableDictionary<ISymbol, TaintValue>>? t_provisionalSummaries;

        [ThreadStatic]
        private static ProvisionalStore<SyntaxNode, MethodResult?>? t_provisionalLambdas;

        public FlowContext(FlowModel model, FailureInjection? injection = null)
        {
            Model = model;
            Injection = injection;
            Prefilter = new ProducerPrefilter(model, SemanticModelFor);
            Components = new ComponentInputs(this);
            Views = new ViewInputs(this);
        }

        public FlowModel Model { get; }

        /// <summary>What parents hand to the [Parameter] properties of the compilation's components.</summary>
        public ComponentInputs Components { get; }

        /// <summary>What controllers and page models hand to the MVC views and Razor Pages of the compilation.</summary>
        public ViewInputs Views { get; }

        /// <summary>The test switch <c>aicompliance_test_fail_method</c>; null (the rule) when no config file sets it.</summary>
        public FailureInjection? Injection { get; }

        private static readonly ConditionalWeakTable<Compilation, SharedContexts> s_shared = new ConditionalWeakTable<Compilation, SharedContexts>();

        /// <summary>
        /// The flow context of a compilation, shared by every AIC analyzer that runs on it with the same additional
        /// files and analyzer config options: the model, the user model file, the prefilter index and the method results
        /// are built once.
        /// </summary>
        public static FlowContext For(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var shared = s_shared.GetValue(compilation, _ => new SharedContexts());
            var config = options.AnalyzerConfigOptionsProvider;
            lock (shared)
            {
                foreach (var (files, provider, context) in shared.Contexts)
                {
                    if (ReferenceEquals(provider, config) &&
                        files.Length == options.AdditionalFiles.Length && files.Zip(options.AdditionalFiles, (a, b) => ReferenceEquals(a, b)).All(same => same))
                    {
                        return context;
                    }
                }
            }

            var created = new FlowContext(FlowModel.Create(compilation, UserModelFile.ReadAll(options, cancellationToken)), FailureInjection.Create(compilation, config));
            lock (shared)
            {
                if (shared.Contexts.Count >= FlowLimits.MaxSharedContexts)
                {
                    shared.Contexts.RemoveAt(0);
                }

                shared.Contexts.Add((options.AdditionalFiles, config, created));
            }

            return created;
        }

        private sealed class SharedContexts
        {
            public List<(ImmutableArray<AdditionalText> Files, AnalyzerConfigOptionsProvider Config, FlowContext Context)> Contexts { get; } =
                new List<(ImmutableArray<AdditionalText>, AnalyzerConfigOptionsProvider, FlowContext)>();
        }

        public Compilation Compilation => Model.Compilation;

        /// <summary>
        /// Every chat client the compilation registers for dependency injection is the labeling client (see
        /// <see cref="InjectedChatClients"/>); computed once, on the first source call whose client the app was given.
        /// </summary>
        public bool InjectedChatClientsLabeled(CancellationToken cancellationToken)
        {
            var known = Volatile.Read(ref _injectedLabeled);
            if (known == 0)
            {
                known = InjectedChatClients.AllRegistrationsLabeled(Model, SemanticModelFor, cancellationToken) ? 1 : -1;
                Volatile.Write(ref _injectedLabeled, known);
            }

            return known > 0;
        }

        private int _injectedLabeled;

        // ------------------------------------------------------------------ results and summaries

        /// <summary>The analysis result of a method of this compilation, computed once. Null when it has no body here.</summary>
        public MethodResult? GetResult(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        {
            method = Normalize(method);
            if (_results.TryGetValue(method, out var cached))
            {
                return cached;
            }

            if (t_provisionalResults is { } provisional && provisional.TryGet(method, out var known))
            {
                return known; // it leaned on a cut cycle still in progress: so does what uses it
            }

            if (RequestFrames.TryGetPosition(method, out var position))
            {
                RequestFrames.CutAt(position);
                return new MethodResult(MethodSummary.Conservative(method), Array.Empty<Finding>());
            }

            if (depth > FlowLimits.MaxCallDepth)
            {
                RequestFrames.CutAtOutermost();
                // Too deep to analyze: parameters may flow to the return, and if the method's code can produce AI
                // content at all (binding-free test, deterministic), assume it does. Never depends on what happens to
                // be cached, so the answer is the same on every run.
                var conservative = MethodSummary.Conservative(method);
                if (MayProduce(method))
                {
                    var location = method.Locations.FirstOrDefault() ?? Location.None;
                    var source = TaintValue.FromSource(new SourceRef(MethodAnalysis.TypeAndMember(method), location));
                    conservative = new MethodSummary(conservative.Return.Join(source), conservative.ParamSinks, conservative.FieldWrites);
                }

                return new MethodResult(conservative, Array.Empty<Finding>());
            }

            var body = GetBody(method, cancellationToken);
            if (body is null)
            {
                return null;
            }

            var frame = RequestFrames.Push(method);
            MethodResult computed;
            int leansOn;
            try
            {
                Interlocked.Increment(ref _analyses);
                computed = MethodAnalysis.Analyze(this, method, body.Value.Cfg, depth, fieldCollection: false, cancellationToken);
            }
            finally
            {
                leansOn = RequestFrames.Pop(frame);
                EndOfRequest();
            }

            // A result that leaned on a cut cycle or the depth bound is provisional: kept only while the frame it leaned on
            // is in progress, and reused until then, so that each method is analyzed once per cycle (recomputing it at
            // every level made mutually referencing types exponential: minutes on Microsoft.Extensions.AI's own source).
            return Keep(_results, ref t_provisionalResults, method, computed, leansOn);
        }

        /// <summary>
        /// The result of a method analyzed already (as a callee of another code block, say): its code block then needs
        /// neither an operation tree nor a flow graph.
        /// </summary>
        public bool TryGetAnalyzed(IMethodSymbol method, out MethodResult result) => _results.TryGetValue(Normalize(method), out result!);

        /// <summary>Analyzes the body the analyzer driver handed over (no re-binding), or returns the cached result.</summary>
        public MethodResult AnalyzeOwnBody(IMethodSymbol method, ControlFlowGraph cfg, CancellationToken cancellationToken)
        {
            method = Normalize(method);
            if (_results.TryGetValue(method, out var cached))
            {
                return cached;
            }

            if (RequestFrames.TryGetPosition(method, out _))
            {
                return MethodAnalysis.Analyze(this, method, cfg, 0, fieldCollection: false, cancellationToken); // never expected: not nested
            }

            var frame = RequestFrames.Push(method);
            MethodResult computed;
            int leansOn;
            try
            {
                Interlocked.Increment(ref _analyses);
                computed = MethodAnalysis.Analyze(this, method, cfg, 0, fieldCollection: false, cancellationToken);
            }
            finally
            {
                leansOn = RequestFrames.Pop(frame);
                EndOfRequest();
            }

            return Keep(_results, ref t_provisionalResults, method, computed, leansOn);
        }

        /// <summary>
        /// What the methods of <paramref name="type"/> write into its fields and auto-properties (AI sources only).
        /// Computed by analyzing each member once more with reads of the type's own fields taken as clean, only for types
        /// whose code can produce content at all. Summaries may ask for each other's (a method of T reads a U's field, one
        /// of U a T's): the inner one then sees nothing yet, and what was computed leaning on that is not cached.
        /// </summary>
        public ImmutableDictionary<ISymbol, TaintValue> GetFieldSummary(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            type = type.OriginalDefinition;
            if (_fieldSummaries.TryGetValue(type, out var cached))
            {
                return cached;
            }

            if (t_provisionalSummaries is { } provisional && provisional.TryGet(type, out var known))
            {
                return known;
            }

            var writes = MethodSummary.Empty.FieldWrites;
            if (RequestFrames.TryGetPosition(type, out var position))
            {
                RequestFrames.CutAt(position);
                return writes; // asked again while it is computed (T's method reads a U's field, U's reads a T's): nothing yet
            }

            var frame = RequestFrames.Push(type);
            int leansOn;

            try
            {
                if (TypeMayHoldContent(type))
                {
                    foreach (var member in type.GetMembers())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        foreach (var method in MethodsOf(member))
                        {
                            if (!MayWriteContent(method))
                            {
                                continue;
                            }

                            var body = GetBody(method, cancellationToken);
                            if (body is null)
                            {
                                continue;
                            }

                            Interlocked.Increment(ref _analyses);
                            var result = MethodAnalysis.Analyze(this, method, body.Value.Cfg, 1, fieldCollection: true, cancellationToken);
                            foreach (var write in result.Summary.FieldWrites)
                            {
                                var value = write.Value.WithoutParams();
                                if (!value.IsTainted && !value.LabeledClient)
                                {
                                    continue; // keep AI content, and labeling clients (the usual DI pattern: _client = Svc.WithLabels(inner))
                                }

                                writes = writes.SetItem(write.Key, writes.TryGetValue(write.Key, out var old) ? old.Join(value) : value);
                            }
                        }
                    }
                }
            }
            finally
            {
                leansOn = RequestFrames.Pop(frame);
                EndOfRequest();
            }

            return Keep(_fieldSummaries, ref t_provisionalSummaries, type, writes, leansOn);
        }

        /// <summary>
        /// The buffer fields of <paramref name="type"/> (a string, a StringBuilder, a collection) that one of its methods
        /// shows, each with the sinks it reaches (see <see cref="MethodAnalysis.FieldSinks"/>). Only the methods whose
        /// code names such a field are run, once per type; asked again while computed, nothing.
        /// </summary>
        public ImmutableDictionary<ISymbol, ImmutableArray<ParamSink>> GetFieldSinks(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            type = type.OriginalDefinition;
            if (_fieldSinks.TryGetValue(type, out var cached))
            {
                return cached;
            }

            var inProgress = t_fieldSinksInProgress ??= new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            if (!inProgress.Add(type))
            {
                return ImmutableDictionary<ISymbol, ImmutableArray<ParamSink>>.Empty;
            }

            try
            {
                var fields = type.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsImplicitlyDeclared && !f.IsConst && IsBuffer(f.Type)).ToList<ISymbol>();
                var names = new HashSet<string>(fields.Select(f => f.Name), StringComparer.Ordinal);
                var found = new Dictionary<ISymbol, List<ParamSink>>(SymbolEqualityComparer.Default);
                foreach (var member in fields.Count == 0 ? ImmutableArray<ISymbol>.Empty : type.GetMembers())
                {
                    foreach (var method in MethodsOf(member))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (!method.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken).DescendantTokens().Any(t => t.ValueText is { } text && names.Contains(text))) ||
                            GetBody(method, cancellationToken) is not { } body)
                        {
                            continue;
                        }

                        Interlocked.Increment(ref _analyses);
                        foreach (var (field, sink) in MethodAnalysis.FieldSinks(this, method, body.Cfg, fields, cancellationToken))
                        {
                            if (!found.TryGetValue(field, out var list))
                            {
                                found[field] = list = new List<ParamSink>();
                            }

                            list.Add(sink);
                        }
                    }
                }

                var result = found.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableArray(), SymbolEqualityComparer.Default);
                return _fieldSinks.GetOrAdd(type, result);
            }
            finally
            {
                inProgress.Remove(type);
            }
        }

        /// <summary>A field type that buffers text: a string, a StringBuilder, a collection (not a client, a logger, a number).</summary>
        private bool IsBuffer(ITypeSymbol type) =>
            Model.IsContentCapable(type) &&
            (type.SpecialType == SpecialType.System_String ||
             type is { Name: "StringBuilder", ContainingNamespace: { Name: "Text", ContainingNamespace.Name: "System" } } ||
             type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable));

        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<ISymbol, ImmutableArray<ParamSink>>> _fieldSinks =
            new ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<ISymbol, ImmutableArray<ParamSink>>>(SymbolEqualityComparer.Default);

        [ThreadStatic]
        private static HashSet<INamedTypeSymbol>? t_fieldSinksInProgress;

        /// <summary>
        /// Keeps what was computed: for good when it is final (<paramref name="leansOn"/> is -1: it leaned on no cut cycle
        /// below its own frame; the outermost request always is), else in this thread's provisional store while the frame
        /// at <paramref name="leansOn"/> is in progress (see <see cref="RequestFrames"/>).
        /// </summary>
        private static TValue Keep<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, ref ProvisionalStore<TKey, TValue>? provisional, TKey key, TValue value, int leansOn)
            where TKey : class
        {
            if (leansOn < 0)
            {
                return cache.GetOrAdd(key, value);
            }

            (provisional ??= new ProvisionalStore<TKey, TValue>(typeof(ISymbol).IsAssignableFrom(typeof(TKey)) ? (IEqualityComparer<TKey>)(object)SymbolEqualityComparer.Default : EqualityComparer<TKey>.Default)).Add(key, value, leansOn);
            return value;
        }

        /// <summary>When the outermost request ended (or threw), what it kept provisionally goes.</summary>
        private static void EndOfRequest()
        {
            if (RequestFrames.NothingInProgress)
            {
                t_provisionalResults = null;
                t_provisionalSummaries = null;
                t_provisionalLambdas = null;
            }
        }

        /// <summary>
        /// The overrides and interface implementations of <paramref name="definition"/> in this compilation whose bodies
        /// can produce content: candidates come from the prefilter index by name, and only their declarations are bound.
        /// </summary>
        public ImmutableArray<IMethodSymbol> ProducingOverrides(IMethodSymbol definition, CancellationToken cancellationToken) => FindOverrides(definition, all: false, cancellationToken);

        /// <summary>Every override and interface implementation of <paramref name="definition"/> in this compilation (content goes in: any may show it).</summary>
        public ImmutableArray<IMethodSymbol> AllOverrides(IMethodSymbol definition, CancellationToken cancellationToken) => FindOverrides(definition, all: true, cancellationToken);

        private ImmutableArray<IMethodSymbol> FindOverrides(IMethodSymbol definition, bool all, CancellationToken cancellationToken)
        {
            definition = definition.OriginalDefinition;
            var cache = all ? _dispatchAll : _dispatch;
            if (cache.TryGetValue(definition, out var cached))
            {
                return cached;
            }

            var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
            var index = Prefilter.Index;
            if ((all ? index.AllMethods : index.ProducingMethods).TryGetValue(definition.Name, out var declarations))
            {
                foreach (var declaration in declarations)
                {
                    var model = SemanticModelFor(declaration.SyntaxTree);
                    if (model.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol candidate ||
                        SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, definition))
                    {
                        continue;
                    }

                    if (Overrides(candidate, definition) || Implements(candidate, definition))
                    {
                        found.Add(candidate.OriginalDefinition);
                    }
                }
            }

            return cache.GetOrAdd(definition, found.ToImmutable());
        }

        private static bool Overrides(IMethodSymbol candidate, IMethodSymbol definition)
        {
            for (var overridden = candidate.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, definition))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Implements(IMethodSymbol candidate, IMethodSymbol definition)
        {
            if (definition.ContainingType is not { TypeKind: TypeKind.Interface } iface || candidate.ContainingType is not { } type)
            {
                return false;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, iface.OriginalDefinition))
                {
                    continue;
                }

                foreach (var member in implemented.GetMembers(definition.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, definition) &&
                        type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation &&
                        SymbolEqualityComparer.Default.Equals(implementation.OriginalDefinition, candidate.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private int _analyses;

        /// <summary>How many method bodies were analyzed (results, field summaries): what bounds the work, for tests.</summary>
        internal int Analyses => Volatile.Read(ref _analyses);

        /// <summary>
        /// Forgets every analysis result (method results, field summaries, dispatch targets) and keeps the semantic
        /// models and the prefilter. Only the benchmarks call it (<see cref="FlowTelemetry.ForgetResults"/>).
        /// </summary>
        internal void ClearResults()
        {
            _results.Clear();
            _fieldSummaries.Clear();
            _dispatch.Clear();
            _dispatchAll.Clear();
        }

        /// <summary><see cref="SemanticModel.GetOperation"/>, timed for the benchmarks when <see cref="FlowTelemetry.MeasureBinding"/> is set.</summary>
        internal static IOperation? GetOperation(SemanticModel model, SyntaxNode node, bool ownBlock, CancellationToken cancellationToken) =>
            FlowTelemetry.GetOperation(model, node, ownBlock, cancellationToken);

        /// <summary>The semantic model of a tree of this compilation (one per tree, shared with the driver's cache).</summary>
        public SemanticModel SemanticModelFor(SyntaxTree tree) => _models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));

        private static IEnumerable<IMethodSymbol> MethodsOf(ISymbol member)
        {
            switch (member)
            {
                case IMethodSymbol method when method.MethodKind != MethodKind.PropertyGet && method.MethodKind != MethodKind.PropertySet:
                    yield return method;
                    break;
                case IPropertySymbol property:
                    if (property.GetMethod is not null)
                    {
                        yield return property.GetMethod;
                    }

                    if (property.SetMethod is not null)
                    {
                        yield return property.SetMethod;
                    }

                    break;
            }
        }

        private static IMethodSymbol Normalize(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            method = method.OriginalDefinition;
            return method.PartialImplementationPart ?? method;
        }

        private (IOperation Body, ControlFlowGraph Cfg)? GetBody(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.IsAbstract || method.IsExtern)
            {
                return null;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (!Compilation.ContainsSyntaxTree(reference.SyntaxTree))
                {
                    continue;
                }

                var syntax = reference.GetSyntax(cancellationToken);
                var hasBody = syntax switch
                {
                    BaseMethodDeclarationSyntax m => m.Body is not null || m.ExpressionBody is not null,
                    AccessorDeclarationSyntax a => a.Body is not null || a.ExpressionBody is not null,
                    ArrowExpressionClauseSyntax _ => true,
                    CompilationUnitSyntax _ => true,
                    _ => false,
                };
                if (!hasBody)
                {
                    continue;
                }

                var model = SemanticModelFor(reference.SyntaxTree);
                var operation = FlowTelemetry.GetOperation(model, syntax, ownBlock: false, cancellationToken);

                try
                {
                    if (GraphOf(operation, cancellationToken) is { } cfg)
                    {
                        return (operation!, cfg);
                    }
                }
                catch (ArgumentException)
                {
                    // Error code without a flow graph: no summary (the caller treats the method as external).
                }
            }

            return null;
        }

        /// <summary>The compilation's MediatR / Mediator handlers of a request type (see <see cref="RequestHandlers"/>); once per type.</summary>
        public ImmutableArray<IMethodSymbol> GetRequestHandlers(INamedTypeSymbol requestType, CancellationToken cancellationToken) =>
            _requestHandlers.GetOrAdd(requestType, t => RequestHandlers.Find(Compilation, t, cancellationToken));

        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<IMethodSymbol>> _requestHandlers =
            new ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default);

        /// <summary>The flow graph of a method of this compilation, or null (no body, no graph).</summary>
        public ControlFlowGraph? GraphOfMethod(IMethodSymbol method, CancellationToken cancellationToken) => GetBody(method, cancellationToken)?.Cfg;

        /// <summary>What a delegate field, property or event of this compilation may run (see <see cref="DelegateTargets"/>); once per member.</summary>
        public DelegateTargets GetDelegateTargets(ISymbol member, CancellationToken cancellationToken) =>
            _delegateTargets.GetOrAdd(member.OriginalDefinition, m => DelegateTargets.Find(m, Compilation, SemanticModelFor, cancellationToken));

        /// <summary>
        /// The result of a lambda of this compilation analyzed on its own, its parameters as inputs (where they reach a
        /// sink: its parameter sinks); null when it has no graph of its own here or is being analyzed. Once per lambda.
        /// </summary>
        public MethodResult? GetLambdaResult(SyntaxNode lambda, int depth, CancellationToken cancellationToken)
        {
            if (_lambdaResults.TryGetValue(lambda, out var known))
            {
                return known;
            }

            if (t_provisionalLambdas is { } provisional && provisional.TryGet(lambda, out known))
            {
                return known;
            }

            if (depth > FlowLimits.MaxCallDepth)
            {
                RequestFrames.CutAtOutermost();
                return null;
            }

            if (RequestFrames.TryGetPosition(lambda, out var position))
            {
                RequestFrames.CutAt(position);
                return null;
            }

            var frame = RequestFrames.Push(lambda);
            MethodResult? result = null;
            int leansOn;
            try
            {
                if (DelegateTargets.LambdaGraph(lambda, this, cancellationToken) is { } graph)
                {
                    Interlocked.Increment(ref _analyses);
                    result = MethodAnalysis.Analyze(this, graph.Symbol, graph.Graph, depth, false, cancellationToken);
                }
            }
            finally
            {
                leansOn = RequestFrames.Pop(frame);
                EndOfRequest();
            }

            return Keep(_lambdaResults, ref t_provisionalLambdas, lambda, result, leansOn);
        }

        private readonly ConcurrentDictionary<ISymbol, DelegateTargets> _delegateTargets = new ConcurrentDictionary<ISymbol, DelegateTargets>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxNode, MethodResult?> _lambdaResults = new ConcurrentDictionary<SyntaxNode, MethodResult?>();

        /// <summary>
        /// The flow graph of a body's root operation (method, constructor or top-level block), or null for anything else.
        /// Built once per operation tree: a method is analyzed for its own findings, as a callee (its summary) and for its
        /// type's field summary, and the semantic model hands out the same operation tree each time; building its graph
        /// three times was a third of the analyzers' time on dotnet/extensions' Microsoft.Extensions.AI. The graph lives
        /// as long as the operation tree (weakly keyed), so a compilation's graphs go with its semantic models.
        /// </summary>
        public static ControlFlowGraph? GraphOf(IOperation? operation, CancellationToken cancellationToken)
        {
            if (operation is not (IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation { Parent: null }))
            {
                return null;
            }

            Interlocked.Increment(ref s_graphsAsked);
            if (s_graphs.TryGetValue(operation, out var known))
            {
                return known;
            }

            var graph = operation switch
            {
                IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
                IConstructorBodyOperation ctor => ControlFlowGraph.Create(ctor, cancellationToken),
                _ => ControlFlowGraph.Create((IBlockOperation)operation, cancellationToken),
            };
            Interlocked.Increment(ref s_graphsBuilt);
            return s_graphs.GetValue(operation, _ => graph);
        }

        private static readonly ConditionalWeakTable<IOperation, ControlFlowGraph> s_graphs = new ConditionalWeakTable<IOperation, ControlFlowGraph>();
        private static int s_graphsBuilt;
        private static int s_graphsAsked;

        /// <summary>How many flow graphs were asked for in this process, built or reused (the benchmarks read it).</summary>
        internal static int GraphsAsked => Volatile.Read(ref s_graphsAsked);

        /// <summary>How many flow graphs were built in this process (the benchmarks read it: graphs reused are not counted).</summary>
        internal static int GraphsBuilt => Volatile.Read(ref s_graphsBuilt);

        // ------------------------------------------------------------------ binding-free prefilter (Prefilter/)

        /// <summary>The binding-free prefilter of this compilation (its index is built on first use).</summary>
        internal ProducerPrefilter Prefilter { get; }

        /// <summary>
        /// Whether a type of this compilation carries <c>[RegisteredAiService]</c> (see <see cref="ProducerPrefilter.HasRegisteredService"/>).
        /// True is exact; false may miss an alias declared in another file, so callers that act on "no registration"
        /// must confirm it from symbols.
        /// </summary>
        public bool HasRegisteredService => Prefilter.HasRegisteredService;

        /// <summary>
        /// Whether the body of <paramref name="symbol"/> can produce AI content, judged from syntax only (see
        /// <see cref="ProducerIndex"/>). Over-approximates; used to skip work, never to decide a report.
        /// </summary>
        public bool MayProduce(ISymbol symbol) => Prefilter.Index.MayProduce(symbol);

        /// <summary>
        /// Whether the body of <paramref name="symbol"/> may store produced content (or a labeling client) in a field or
        /// property, judged from syntax only. Only such members feed a type's field summary.
        /// </summary>
        public bool MayWriteContent(ISymbol symbol) => Prefilter.Index.MayWriteContent(symbol);

        /// <summary>
        /// Whether a field or property of a type may hold content written by that type's own methods, judged from syntax:
        /// its type has a producing member and its name is written from something that produces.
        /// </summary>
        public bool MayBeWrittenWithContent(ISymbol member) =>
            member.ContainingType is { } owner && Prefilter.Index.TypeMayHoldContent(owner) && Prefilter.Index.Names.Contains(member.Name);

        /// <summary>
        /// The test for a code block the driver hands over: its member's entry in the index when it has one (names
        /// resolved per type), else whether the block names anything that can produce content.
        /// </summary>
        public bool CodeBlockMayProduce(ISymbol owner, SyntaxNode codeBlock) => Prefilter.Index.CodeBlockMayProduce(owner, codeBlock);

        /// <summary>Whether a node names anything that can produce content (in any type).</summary>
        public bool SyntaxMayProduce(SyntaxNode node) => Prefilter.Index.SyntaxMayProduce(node);

        /// <summary>Whether any member of the type can produce content (so its fields may hold some).</summary>
        private bool TypeMayHoldContent(INamedTypeSymbol type) => Prefilter.Index.TypeMayHoldContent(type);
    }
}
