using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using AiCompliance.Analyzers.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// Per-compilation state of the flow analysis: the resolved model, method results (summaries and findings)
    /// computed on demand and cached, per-type field summaries, and a binding-free prefilter that tells which
    /// methods can produce AI content at all. Thread-safe: results may be computed twice under contention, never wrong.
    /// </summary>
    internal sealed class FlowContext
    {
        /// <summary>
        /// How deep summaries nest before the binding-free fallback answers. Summaries are computed once per method and
        /// reused from any caller, so the bound is generous: it only guards against pathological chains.
        /// </summary>
        public const int MaxCallDepth = 40;

        private readonly ConcurrentDictionary<IMethodSymbol, MethodResult> _results = new ConcurrentDictionary<IMethodSymbol, MethodResult>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<ISymbol, TaintValue>> _fieldSummaries = new ConcurrentDictionary<INamedTypeSymbol, ImmutableDictionary<ISymbol, TaintValue>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly ConcurrentDictionary<SyntaxTree, string> _texts = new ConcurrentDictionary<SyntaxTree, string>();
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _dispatch = new ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _dispatchAll = new ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>>(SymbolEqualityComparer.Default);
        private readonly Lazy<HashSet<string>> _aiGeneratedNames;
        private readonly Lazy<ProducerIndex> _producers;
        private readonly Lazy<bool> _hasRegisteredService;

        [ThreadStatic]
        private static HashSet<ISymbol>? t_inProgress;

        [ThreadStatic]
        private static int t_cutCycles;

        public FlowContext(FlowModel model, FailureInjection? injection = null)
        {
            Model = model;
            Injection = injection;
            _aiGeneratedNames = new Lazy<HashSet<string>>(FindAiGeneratedNames, LazyThreadSafetyMode.ExecutionAndPublication);
            _producers = new Lazy<ProducerIndex>(BuildProducerIndex, LazyThreadSafetyMode.ExecutionAndPublication);
            _hasRegisteredService = new Lazy<bool>(FindRegisteredService, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>
        /// Whether a type of this compilation carries <c>[RegisteredAiService]</c>. Only files whose text names the
        /// attribute are walked, and only their attributed type declarations are bound. True is exact; false may miss an
        /// alias declared in another file, so callers that act on "no registration" must confirm it from symbols.
        /// </summary>
        public bool HasRegisteredService => _hasRegisteredService.Value;

        private bool FindRegisteredService()
        {
            if (Model.RegisteredServiceAttribute is not { } attribute)
            {
                return false;
            }

            foreach (var tree in Compilation.SyntaxTrees)
            {
                if (TextOf(tree).IndexOf("RegisteredAiService", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var type in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax || n is BaseNamespaceDeclarationSyntax || n is TypeDeclarationSyntax).OfType<TypeDeclarationSyntax>())
                {
                    if (type.AttributeLists.Count > 0 &&
                        SemanticModelFor(tree).GetDeclaredSymbol(type) is { } symbol &&
                        FlowModel.HasAttribute(symbol, attribute))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        public FlowModel Model { get; }

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
                if (shared.Contexts.Count >= 4)
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

        // ------------------------------------------------------------------ results and summaries

        /// <summary>The analysis result of a method of this compilation, computed once. Null when it has no body here.</summary>
        public MethodResult? GetResult(IMethodSymbol method, int depth, CancellationToken cancellationToken)
        {
            method = Normalize(method);
            if (_results.TryGetValue(method, out var cached))
            {
                return cached;
            }

            var inProgress = t_inProgress ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            if (inProgress.Contains(method))
            {
                t_cutCycles++;
                return new MethodResult(MethodSummary.Conservative(method), Array.Empty<Finding>());
            }

            if (depth > MaxCallDepth)
            {
                t_cutCycles++;
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

            inProgress.Add(method);
            var cutsBefore = t_cutCycles;
            MethodResult computed;
            try
            {
                computed = MethodAnalysis.Analyze(this, method, body.Value.Cfg, depth, fieldCollection: false, cancellationToken);
            }
            finally
            {
                inProgress.Remove(method);
            }

            // A result that leaned on a cut cycle or the depth bound is provisional: only the outermost one is kept.
            return t_cutCycles == cutsBefore || inProgress.Count == 0 ? _results.GetOrAdd(method, computed) : computed;
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

            var inProgress = t_inProgress ??= new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            inProgress.Add(method);
            MethodResult computed;
            try
            {
                computed = MethodAnalysis.Analyze(this, method, cfg, 0, fieldCollection: false, cancellationToken);
            }
            finally
            {
                inProgress.Remove(method);
            }

            return inProgress.Count == 0 ? _results.GetOrAdd(method, computed) : computed;
        }

        /// <summary>
        /// What the methods of <paramref name="type"/> write into its fields and auto-properties (AI sources only).
        /// Computed by analyzing each member once more with reads of the type's own fields taken as clean (one level;
        /// cycle-free by construction), only for types whose code can produce content at all.
        /// </summary>
        public ImmutableDictionary<ISymbol, TaintValue> GetFieldSummary(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            type = type.OriginalDefinition;
            if (_fieldSummaries.TryGetValue(type, out var cached))
            {
                return cached;
            }

            var writes = MethodSummary.Empty.FieldWrites;
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

            return _fieldSummaries.GetOrAdd(type, writes);
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
            var index = _producers.Value;
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

        /// <summary>
        /// For benchmarks: forgets every analysis result (method results, field summaries, dispatch targets) and keeps
        /// the semantic models and the index, so the engine can be timed again on bodies already bound.
        /// </summary>
        internal void ForgetResults()
        {
            _results.Clear();
            _fieldSummaries.Clear();
            _dispatch.Clear();
            _dispatchAll.Clear();
        }

        private static long s_bindingTicks;
        private static long s_ownBindingTicks;

        /// <summary>
        /// For benchmarks: when set, the time spent binding the bodies of callees and field writers (GetOperation on a
        /// body nobody has bound yet) is summed. In a build that runs any operation analyzer (the SDK's do) the driver
        /// binds every body anyway, in the same cached semantic model: whoever comes first pays.
        /// </summary>
        internal static bool MeasureBinding { get; set; }

        /// <summary>For benchmarks: the binding time summed since the last call, in milliseconds (wall clock).</summary>
        internal static double TakeBindingMs() => Interlocked.Exchange(ref s_bindingTicks, 0) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

        /// <summary>
        /// For benchmarks: the time summed since the last call that code-block callbacks spent in GetOperation on their
        /// own block, in milliseconds (wall clock). Near zero when an operation analyzer runs: the driver runs a
        /// declaration's operation actions before its code-block actions, so the block is bound already.
        /// </summary>
        internal static double TakeOwnBindingMs() => Interlocked.Exchange(ref s_ownBindingTicks, 0) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

        /// <summary><see cref="SemanticModel.GetOperation"/>, timed when <see cref="MeasureBinding"/> is set.</summary>
        internal static IOperation? GetOperation(SemanticModel model, SyntaxNode node, bool ownBlock, CancellationToken cancellationToken)
        {
            if (!MeasureBinding)
            {
                return model.GetOperation(node, cancellationToken);
            }

            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            var operation = model.GetOperation(node, cancellationToken);
            Interlocked.Add(ref ownBlock ? ref s_ownBindingTicks : ref s_bindingTicks, System.Diagnostics.Stopwatch.GetTimestamp() - start);
            return operation;
        }

        /// <summary>For benchmarks: members in the prefilter index, and how many of them it lets through.</summary>
        internal (int Indexed, int Producing) IndexCounts()
        {
            var index = _producers.Value;
            return (index.MemberCount, index.ProducerCount);
        }

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
                var operation = GetOperation(model, syntax, ownBlock: false, cancellationToken);

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

        /// <summary>The flow graph of a body's root operation (method, constructor or top-level block), or null for anything else.</summary>
        public static ControlFlowGraph? GraphOf(IOperation? operation, CancellationToken cancellationToken) => operation switch
        {
            IMethodBodyOperation body => ControlFlowGraph.Create(body, cancellationToken),
            IConstructorBodyOperation ctor => ControlFlowGraph.Create(ctor, cancellationToken),
            IBlockOperation { Parent: null } block => ControlFlowGraph.Create(block, cancellationToken),
            _ => null,
        };

        // ------------------------------------------------------------------ binding-free prefilter

        /// <summary>
        /// Whether the body of <paramref name="symbol"/> can produce AI content, judged from syntax only (see
        /// <see cref="ProducerIndex"/>). Over-approximates; used to skip work, never to decide a report.
        /// </summary>
        public bool MayProduce(ISymbol symbol) => Lookup(symbol, writer: false);

        /// <summary>
        /// Whether the body of <paramref name="symbol"/> may store produced content (or a labeling client) in a field or
        /// property, judged from syntax only. Only such members feed a type's field summary.
        /// </summary>
        public bool MayWriteContent(ISymbol symbol) => Lookup(symbol, writer: true);

        private bool Lookup(ISymbol symbol, bool writer) =>
            IndexedAnswer(symbol, writer) ?? _producers.Value.Names.Contains(symbol.Name); // not indexed (a local function): its name

        /// <summary>
        /// The test for a code block the driver hands over: its member's entry in the index when it has one (names
        /// resolved per type), else whether the block names anything that can produce content.
        /// </summary>
        public bool CodeBlockMayProduce(ISymbol owner, SyntaxNode codeBlock) => IndexedAnswer(owner, writer: false) ?? SyntaxMayProduce(codeBlock);

        /// <summary>What the index says of a member's declarations (accessors are indexed with their property); null when it has none of them.</summary>
        private bool? IndexedAnswer(ISymbol symbol, bool writer)
        {
            if (symbol is IMethodSymbol { AssociatedSymbol: { } associated })
            {
                symbol = associated;
            }

            var index = _producers.Value;
            bool? answer = null;
            foreach (var reference in symbol.OriginalDefinition.DeclaringSyntaxReferences)
            {
                if (index.TryGetMember(reference.GetSyntax(), out var member))
                {
                    if (writer ? member.Writer : member.Producer)
                    {
                        return true;
                    }

                    answer = false;
                }
            }

            return answer;
        }

        /// <summary>Whether a node names anything that can produce content (in any type).</summary>
        public bool SyntaxMayProduce(SyntaxNode node)
        {
            var names = _producers.Value.Names;
            foreach (var descendant in node.DescendantNodesAndSelf())
            {
                if (descendant is SimpleNameSyntax simple && names.Contains(simple.Identifier.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether any member of the type can produce content (so its fields may hold some).</summary>
        private bool TypeMayHoldContent(INamedTypeSymbol type) => _producers.Value.Types.Contains(type.OriginalDefinition.Name);

        /// <summary>
        /// The binding-free prefilter, built once per compilation in one walk over the syntax: every member declaration
        /// with the names it mentions and the name-to-name flows inside it (assignments, initializers, arguments into a
        /// receiver, out/ref arguments, pattern and loop variables), then a worklist closure from the modeled source
        /// member names, [AiGenerated] names and the labeling-client names: a member that mentions a producing name
        /// produces and its name becomes a producing name; a field or property becomes a producing name only where a
        /// member writes it from something that produces (so a counter or status field updated next to an AI call does
        /// not drag every reader of it into the analysis). Linear in the size of the code, deterministic, and independent
        /// of the order in which methods are analyzed.
        /// </summary>
        private sealed class ProducerIndex
        {
            private readonly Dictionary<SyntaxNode, (bool Producer, bool Writer)> _members;

            public ProducerIndex(HashSet<string> names, HashSet<string> types, Dictionary<SyntaxNode, (bool Producer, bool Writer)> members, Dictionary<string, List<SyntaxNode>> producingMethods, Dictionary<string, List<SyntaxNode>> allMethods)
            {
                Names = names;
                Types = types;
                _members = members;
                ProducingMethods = producingMethods;
                AllMethods = allMethods;
            }

            /// <summary>Declarations of every method by name (candidates when content goes into a call).</summary>
            public Dictionary<string, List<SyntaxNode>> AllMethods { get; }

            /// <summary>Declarations of producing methods by name (candidates for overrides and implementations).</summary>
            public Dictionary<string, List<SyntaxNode>> ProducingMethods { get; }

            /// <summary>Names whose mention can bring AI content into a body.</summary>
            public HashSet<string> Names { get; }

            /// <summary>Names of types with a producing member.</summary>
            public HashSet<string> Types { get; }

            public bool TryGetMember(SyntaxNode declaration, out (bool Producer, bool Writer) member) => _members.TryGetValue(declaration, out member);

            public int MemberCount => _members.Count;

            public int ProducerCount => _members.Values.Count(m => m.Producer);
        }

        /// <summary>A flow between names inside one member: when a source name produces, the targets may hold content.</summary>
        private readonly struct NameFlow
        {
            public NameFlow(string[]? sources, string[] targets)
            {
                Sources = sources;
                Targets = targets;
            }

            /// <summary>Null: the targets produce whenever the member does (parameters of lambdas and local functions).</summary>
            public string[]? Sources { get; }

            public string[] Targets { get; }
        }

        private sealed class MemberEntry
        {
            private List<NameFlow>? _flows;
            private HashSet<string>? _matched;

            public MemberEntry(SyntaxNode declaration, string name, string type, SyntaxNode body, bool isProperty)
            {
                Declaration = declaration;
                Name = name;
                Type = type;
                Body = body;
                IsProperty = isProperty;
            }

            public SyntaxNode Declaration { get; }

            public string Name { get; }

            public string Type { get; }

            public SyntaxNode Body { get; }

            public bool IsProperty { get; }

            /// <summary>The name flows inside the member, collected the first time it matters (most members never produce).</summary>
            public List<NameFlow> Flows => _flows ??= CollectFlows(Body, Name, IsProperty);

            /// <summary>The names this member mentions that produce where it mentions them.</summary>
            public HashSet<string> Matched => _matched ??= new HashSet<string>(StringComparer.Ordinal);

            public bool Producer { get; set; }

            public bool Writer { get; set; }

            public bool Dirty { get; set; }

            /// <summary>Whether its text names a field or property where it may be written (<see cref="MayBeWritten"/>).</summary>
            public bool MayWriteStorage { get; set; }
        }

        /// <summary>Calls that never store anything in their receiver (besides the modeled sources).</summary>
        private static readonly HashSet<string> ReadOnlyCalls = new HashSet<string>(StringComparer.Ordinal)
        {
            "ToString", "Equals", "GetHashCode", "GetType", "Contains", "ContainsKey", "StartsWith", "EndsWith", "IndexOf",
            "CompareTo", "Any", "All", "Count", "First", "FirstOrDefault", "Last", "LastOrDefault", "Where", "Select",
            "OrderBy", "OrderByDescending", "ToList", "ToArray", "Trim", "Substring", "ToLower", "ToUpper",
            "ToLowerInvariant", "ToUpperInvariant", "Replace", "Split",
        };

        /// <summary>
        /// Whether the name at [<paramref name="start"/>, <paramref name="end"/>) of the text may be written there, read
        /// from the characters around it: an assignment or compound assignment, an element or member write, a call on it
        /// that may store its arguments, <c>out</c>/<c>ref</c>, or a tuple element. Over-approximates; only a "no" saves work.
        /// </summary>
        private static bool MayBeWritten(string text, int start, int end, HashSet<string> sourceNames)
        {
            var j = end;
            while (j < text.Length && char.IsWhiteSpace(text[j]))
            {
                j++;
            }

            char At(int k) => k < text.Length ? text[k] : '\0';
            var c = At(j);
            switch (c)
            {
                case '=':
                    return At(j + 1) != '=' && At(j + 1) != '>';
                case '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' or '<' or '>':
                    return At(j + 1) == '=' || (At(j + 1) == c && (c == '+' || c == '-' || At(j + 2) == '='));
                case '?':
                    return At(j + 1) == '?' || At(j + 1) == '.' || At(j + 1) == '[';
                case '[':
                    return true;
                case '.':
                    {
                        var k = j + 1;
                        while (k < text.Length && char.IsWhiteSpace(text[k]))
                        {
                            k++;
                        }

                        var nameStart = k;
                        while (k < text.Length && IsNamePart(text[k]))
                        {
                            k++;
                        }

                        var member = text.Substring(nameStart, k - nameStart);
                        while (k < text.Length && char.IsWhiteSpace(text[k]))
                        {
                            k++;
                        }

                        var next = At(k);
                        if (next == '(')
                        {
                            return !ReadOnlyCalls.Contains(member) && !sourceNames.Contains(member);
                        }

                        return next != ';' && next != ')' && next != ',' && (next != '=' || At(k + 1) != '=');
                    }
            }

            // out x, ref x, and tuple elements (a, b) = ... (arguments look the same: over-approximated).
            var p = start - 1;
            while (p >= 0 && char.IsWhiteSpace(text[p]))
            {
                p--;
            }

            if (p >= 2 && (string.CompareOrdinal(text, p - 2, "out", 0, 3) == 0 || string.CompareOrdinal(text, p - 2, "ref", 0, 3) == 0))
            {
                return true;
            }

            if ((c != ',' && c != ')') || p < 0 || (text[p] != '(' && text[p] != ','))
            {
                return false;
            }

            // A tuple element is a target only when the tuple is assigned: (a, b) = ...; an argument list is not.
            var depth = 0;
            for (var k = j; k < text.Length; k++)
            {
                var ch = text[k];
                if (ch == '(')
                {
                    depth++;
                }
                else if (ch == ')' && --depth < 0)
                {
                    var after = k + 1;
                    while (after < text.Length && char.IsWhiteSpace(text[after]))
                    {
                        after++;
                    }

                    return At(after) == '=' && At(after + 1) != '=' && At(after + 1) != '>';
                }
                else if (ch == ';' || ch == '{' || ch == '}')
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>Names that stand for a labeling client (the generated wrapper and its factories): a field holding one matters.</summary>
        private static bool IsLabelingName(string name) => IsLabelingName(name, 0, name.Length);

        private static bool IsLabelingName(string text, int start, int length) =>
            Is(text, start, length, "WithLabels") || Is(text, start, length, "LabeledChatClient") ||
            (length > 9 && string.CompareOrdinal(text, start, "Use", 0, 3) == 0 && string.CompareOrdinal(text, start + length - 6, "Labels", 0, 6) == 0);

        private static bool Is(string text, int start, int length, string name) =>
            length == name.Length && string.CompareOrdinal(text, start, name, 0, length) == 0;

        private static bool IsNameStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && char.IsLetter(c));

        private static bool IsNamePart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (c > 127 && char.IsLetterOrDigit(c));

        /// <summary>A set of names looked up by a slice of a text, without allocating a string per lookup.</summary>
        private sealed class NameTable
        {
            private readonly Dictionary<int, List<string>> _buckets = new Dictionary<int, List<string>>();

            public NameTable(IEnumerable<string> names)
            {
                foreach (var name in names)
                {
                    Add(name);
                }
            }

            public void Add(string name)
            {
                var hash = Hash(name, 0, name.Length);
                if (!_buckets.TryGetValue(hash, out var bucket))
                {
                    _buckets[hash] = bucket = new List<string>(1);
                }

                if (!bucket.Contains(name))
                {
                    bucket.Add(name);
                }
            }

            public bool TryFind(string text, int start, int length, out string name)
            {
                if (_buckets.TryGetValue(Hash(text, start, length), out var bucket))
                {
                    foreach (var candidate in bucket)
                    {
                        if (Is(text, start, length, candidate))
                        {
                            name = candidate;
                            return true;
                        }
                    }
                }

                name = string.Empty;
                return false;
            }

            private static int Hash(string text, int start, int length)
            {
                unchecked
                {
                    var hash = (int)2166136261;
                    for (var i = start; i < start + length; i++)
                    {
                        hash = (hash ^ text[i]) * 16777619;
                    }

                    return hash;
                }
            }
        }

        /// <summary>
        /// The identifier tokens of one member body in order (and <c>this</c>), from one token walk: the names in any
        /// node of the body are a slice found by binary search, so no subtree is walked twice.
        /// </summary>
        private sealed class TokenNames
        {
            private readonly List<int> _starts = new List<int>();
            private readonly List<string> _names = new List<string>();

            public TokenNames(SyntaxNode body)
            {
                foreach (var token in body.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken))
                    {
                        _starts.Add(token.SpanStart);
                        _names.Add(token.ValueText);
                    }
                    else if (token.IsKind(SyntaxKind.ThisKeyword))
                    {
                        _starts.Add(token.SpanStart);
                        _names.Add("this");
                    }
                }
            }

            public string[] In(SyntaxNode? node)
            {
                if (node is null)
                {
                    return Array.Empty<string>();
                }

                var span = node.Span;
                var first = LowerBound(span.Start);
                var last = LowerBound(span.End);
                if (last <= first)
                {
                    return Array.Empty<string>();
                }

                var names = new string[last - first];
                _names.CopyTo(first, names, 0, names.Length);
                return names;
            }

            private int LowerBound(int position)
            {
                int low = 0, high = _starts.Count;
                while (low < high)
                {
                    var middle = (low + high) >> 1;
                    if (_starts[middle] < position)
                    {
                        low = middle + 1;
                    }
                    else
                    {
                        high = middle;
                    }
                }

                return low;
            }
        }

        /// <summary>
        /// The names along a receiver's access path (<c>this._history.Messages</c> → this, _history, Messages; the
        /// callee of <c>Lookup(key).Add</c> → Lookup), without its arguments: what a mutating call may store into.
        /// Linear in the chain, so a long fluent chain is not walked once per call in it.
        /// </summary>
        private static string[] ReceiverPath(ExpressionSyntax receiver, TokenNames tokens)
        {
            var names = new List<string>();
            for (var node = receiver; node is not null;)
            {
                switch (node)
                {
                    case MemberAccessExpressionSyntax access:
                        names.Add(access.Name.Identifier.ValueText);
                        node = access.Expression;
                        break;
                    case InvocationExpressionSyntax call:
                        node = call.Expression;
                        break;
                    case ElementAccessExpressionSyntax element:
                        node = element.Expression;
                        break;
                    case ConditionalAccessExpressionSyntax conditional:
                        node = conditional.Expression;
                        break;
                    case ParenthesizedExpressionSyntax parenthesized:
                        node = parenthesized.Expression;
                        break;
                    case CastExpressionSyntax cast:
                        node = cast.Expression;
                        break;
                    case PostfixUnaryExpressionSyntax postfix:
                        node = postfix.Operand;
                        break;
                    case SimpleNameSyntax simple:
                        names.Add(simple.Identifier.ValueText);
                        node = null;
                        break;
                    case ThisExpressionSyntax:
                        names.Add("this");
                        node = null;
                        break;
                    default:
                        return tokens.In(node);
                }
            }

            return names.ToArray();
        }

        /// <summary>What a pattern or loop variable is taken from: the tested or iterated expression, else its statement.</summary>
        private static SyntaxNode? GoverningNode(SyntaxNode designation)
        {
            for (var node = designation.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case IsPatternExpressionSyntax isPattern:
                        return isPattern.Expression;
                    case SwitchExpressionSyntax switchExpression:
                        return switchExpression.GoverningExpression;
                    case SwitchStatementSyntax switchStatement:
                        return switchStatement.Expression;
                    case ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax } argument:
                        return argument.Parent!.Parent;
                    case QueryExpressionSyntax query:
                        return query;
                    case LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or LocalFunctionStatementSyntax:
                        return node;
                    case IfStatementSyntax ifStatement:
                        return ifStatement.Condition;
                    case WhileStatementSyntax whileStatement:
                        return whileStatement.Condition;
                    case StatementSyntax statement when statement is not BlockSyntax:
                        return statement;
                    case MemberDeclarationSyntax member:
                        return member;
                }
            }

            return null;
        }

        private static readonly string[] SetterValue = { "value" };

        private static List<NameFlow> CollectFlows(SyntaxNode body, string entryName, bool isProperty)
        {
            var flows = new List<NameFlow>();
            var tokens = new TokenNames(body);
            if (isProperty)
            {
                flows.Add(new NameFlow(new[] { entryName }, SetterValue)); // a setter stores what callers assign
            }

            foreach (var node in body.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment:
                        flows.Add(new NameFlow(tokens.In(assignment.Right), tokens.In(assignment.Left)));
                        break;
                    case VariableDeclaratorSyntax { Initializer: { } initializer } declarator:
                        flows.Add(new NameFlow(tokens.In(initializer.Value), new[] { declarator.Identifier.ValueText }));
                        break;
                    case ForEachStatementSyntax forEach:
                        flows.Add(new NameFlow(tokens.In(forEach.Expression), new[] { forEach.Identifier.ValueText }));
                        break;
                    case ForEachVariableStatementSyntax forEachVariable:
                        flows.Add(new NameFlow(tokens.In(forEachVariable.Expression), tokens.In(forEachVariable.Variable)));
                        break;
                    case InvocationExpressionSyntax invocation:
                        {
                            // receiver.Add(x), builder.Append(x), list.AddRange(x): the arguments may be stored in the receiver.
                            var receiver = invocation.Expression switch
                            {
                                MemberAccessExpressionSyntax access => access.Expression,
                                MemberBindingExpressionSyntax => invocation.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
                                _ => null,
                            };
                            if (receiver is not null && invocation.ArgumentList.Arguments.Count > 0)
                            {
                                flows.Add(new NameFlow(tokens.In(invocation.ArgumentList), ReceiverPath(receiver, tokens)));
                            }

                            foreach (var argument in invocation.ArgumentList.Arguments)
                            {
                                if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
                                {
                                    flows.Add(new NameFlow(tokens.In(invocation), tokens.In(argument.Expression)));
                                }
                            }

                            break;
                        }

                    case SingleVariableDesignationSyntax designation:
                        flows.Add(new NameFlow(tokens.In(GoverningNode(designation)), new[] { designation.Identifier.ValueText }));
                        break;
                    case FromClauseSyntax or LetClauseSyntax or JoinClauseSyntax or QueryContinuationSyntax:
                        {
                            var query = node.FirstAncestorOrSelf<QueryExpressionSyntax>();
                            var identifier = node switch
                            {
                                FromClauseSyntax from => from.Identifier,
                                LetClauseSyntax let => let.Identifier,
                                JoinClauseSyntax join => join.Identifier,
                                QueryContinuationSyntax continuation => continuation.Identifier,
                                _ => default,
                            };
                            flows.Add(new NameFlow(tokens.In(query), new[] { identifier.ValueText }));
                            break;
                        }

                    case ParameterSyntax parameter:
                        if (parameter.Parent?.Parent is MemberDeclarationSyntax)
                        {
                            // A parameter of the member itself holds what its type says (a labeling client injected by type).
                            flows.Add(new NameFlow(tokens.In(parameter.Type), new[] { parameter.Identifier.ValueText }));
                        }
                        else
                        {
                            // Lambdas and local functions: their callers are not followed here, so assume the worst.
                            flows.Add(new NameFlow(null, new[] { parameter.Identifier.ValueText }));
                        }

                        break;
                }
            }

            return flows;
        }

        /// <summary>The storage names a member writes with something that may produce, given what it mentions that produces.</summary>
        private static List<string> ProducingWrites(MemberEntry entry, HashSet<string> storageNames)
        {
            var tainted = new HashSet<string>(entry.Matched, StringComparer.Ordinal);
            var written = new HashSet<string>(StringComparer.Ordinal);
            bool changed;
            do
            {
                changed = false;
                foreach (var flow in entry.Flows)
                {
                    var produces = flow.Sources is null ? entry.Producer : flow.Sources.Any(tainted.Contains);
                    if (!produces)
                    {
                        continue;
                    }

                    foreach (var target in flow.Targets)
                    {
                        changed |= tainted.Add(target);
                        if (storageNames.Contains(target))
                        {
                            written.Add(target);
                        }
                    }
                }
            }
            while (changed);

            return written.ToList();
        }

        /// <summary>
        /// Where the name starting at <paramref name="start"/> is looked up, read from the text before it: after
        /// <c>this.</c> or no qualifier at all, the member's own type; after a type name of this compilation, that type;
        /// null after anything else (a value whose type is unknown without binding, <c>?.</c>, <c>base.</c>).
        /// </summary>
        private static string? ScopeAt(string text, int start, string ownType, HashSet<string> typeNames, HashSet<string> storageNames)
        {
            var j = start - 1;
            while (j >= 0 && char.IsWhiteSpace(text[j]))
            {
                j--;
            }

            if (j < 0 || text[j] != '.')
            {
                return ownType;
            }

            if (j > 0 && (text[j - 1] == '?' || text[j - 1] == '.'))
            {
                return null;
            }

            var end = j - 1;
            while (end >= 0 && char.IsWhiteSpace(text[end]))
            {
                end--;
            }

            var begin = end;
            while (begin >= 0 && (char.IsLetterOrDigit(text[begin]) || text[begin] == '_'))
            {
                begin--;
            }

            begin++;
            if (begin > end)
            {
                return null;
            }

            var qualifier = text.Substring(begin, end - begin + 1);
            if (qualifier == "this")
            {
                return ownType;
            }

            return typeNames.Contains(qualifier) && !storageNames.Contains(qualifier) ? qualifier : null;
        }

        private ProducerIndex BuildProducerIndex()
        {
            var seeds = new HashSet<string>(Model.SourceMemberNames, StringComparer.Ordinal);
            seeds.UnionWith(_aiGeneratedNames.Value);

            // Pass 1, declarations only: the members, the names types declare, and which types inherit from code of
            // this compilation (an unqualified call there may reach an inherited member, so it is not narrowed).
            var entries = new List<MemberEntry>();
            var storageNames = new HashSet<string>(StringComparer.Ordinal); // fields and properties of any type
            var declares = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal); // type name -> member names
            var baseNames = new Dictionary<string, List<string>>(StringComparer.Ordinal); // type name -> base type names
            HashSet<string> Declared(string type)
            {
                if (!declares.TryGetValue(type, out var set))
                {
                    declares[type] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                return set;
            }

            void AddEntry(SyntaxNode declaration, string name, string type, SyntaxNode body, bool isProperty = false)
            {
                entries.Add(new MemberEntry(declaration, name, type, body, isProperty));
                Declared(type).Add(name);
            }

            foreach (var tree in Compilation.SyntaxTrees)
            {
                var root = tree.GetRoot();
                foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax || n is BaseNamespaceDeclarationSyntax || n is TypeDeclarationSyntax))
                {
                    switch (node)
                    {
                        case GlobalStatementSyntax global:
                            AddEntry(root, "<Main>$", "Program", global);
                            break;
                        case TypeDeclarationSyntax type:
                            {
                                var typeName = type.Identifier.ValueText;
                                var held = Declared(typeName);
                                if (type.BaseList is { } baseList)
                                {
                                    if (!baseNames.TryGetValue(typeName, out var bases))
                                    {
                                        baseNames[typeName] = bases = new List<string>();
                                    }

                                    foreach (var baseType in baseList.Types)
                                    {
                                        var rightmost = baseType.Type.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().LastOrDefault(n => n.Parent is not TypeArgumentListSyntax);
                                        if (rightmost is not null)
                                        {
                                            bases.Add(rightmost.Identifier.ValueText);
                                        }
                                    }
                                }

                                if (type is RecordDeclarationSyntax { ParameterList: { } positional })
                                {
                                    foreach (var parameter in positional.Parameters)
                                    {
                                        storageNames.Add(parameter.Identifier.ValueText);
                                        held.Add(parameter.Identifier.ValueText);
                                    }
                                }

                                foreach (var member in type.Members)
                                {
                                    switch (member)
                                    {
                                        case MethodDeclarationSyntax method:
                                            AddEntry(method, method.Identifier.ValueText, typeName, method);
                                            break;
                                        case ConstructorDeclarationSyntax ctor:
                                            AddEntry(ctor, ctor.Identifier.ValueText, typeName, ctor);
                                            break;
                                        case OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax or DestructorDeclarationSyntax:
                                            AddEntry(member, typeName, typeName, member);
                                            break;
                                        case PropertyDeclarationSyntax property:
                                            storageNames.Add(property.Identifier.ValueText);
                                            AddEntry(property, property.Identifier.ValueText, typeName, property, isProperty: true);
                                            break;
                                        case IndexerDeclarationSyntax indexer:
                                            AddEntry(indexer, "this[]", typeName, indexer, isProperty: true);
                                            break;
                                        case EventDeclarationSyntax @event:
                                            AddEntry(@event, @event.Identifier.ValueText, typeName, @event);
                                            break;
                                        case EventFieldDeclarationSyntax eventField:
                                            foreach (var variable in eventField.Declaration.Variables)
                                            {
                                                held.Add(variable.Identifier.ValueText);
                                            }

                                            break;
                                        case FieldDeclarationSyntax field:
                                            foreach (var variable in field.Declaration.Variables)
                                            {
                                                storageNames.Add(variable.Identifier.ValueText);
                                                held.Add(variable.Identifier.ValueText);
                                                if (variable.Initializer is not null)
                                                {
                                                    AddEntry(variable, variable.Identifier.ValueText, typeName, variable.Initializer);
                                                }
                                            }

                                            break;
                                    }
                                }

                                break;
                            }
                    }
                }
            }

            var typeNames = new HashSet<string>(declares.Keys, StringComparer.Ordinal);
            var narrowable = new HashSet<string>(StringComparer.Ordinal);
            foreach (var type in typeNames)
            {
                if (!baseNames.TryGetValue(type, out var bases) || !bases.Any(typeNames.Contains))
                {
                    narrowable.Add(type);
                }
            }

            // Pass 2, bodies: who mentions each name that could ever produce (a source, a member or storage name, a
            // labeling name), and where it is looked up.
            var candidates = new HashSet<string>(seeds, StringComparer.Ordinal);
            candidates.UnionWith(storageNames);
            foreach (var entry in entries)
            {
                candidates.Add(entry.Name);
                if (IsLabelingName(entry.Name))
                {
                    seeds.Add(entry.Name); // the generated WithLabels / Use…Labels members
                }
            }

            var table = new NameTable(candidates);
            var mentionedBy = new Dictionary<string, List<(MemberEntry Entry, string? Scope)>>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                // A scan of the member's text for identifiers (no syntax walk: this runs over the whole compilation).
                // Words in strings and comments count too, which only lets more through.
                var text = TextOf(entry.Body.SyntaxTree);

                var span = entry.Body.Span;
                var own = entry.Declaration is MethodDeclarationSyntax method ? method.Identifier.SpanStart : -1;
                for (var i = span.Start; i < span.End && i < text.Length;)
                {
                    var c = text[i];
                    if (!IsNameStart(c))
                    {
                        i++;
                        continue;
                    }

                    var start = i;
                    while (i < text.Length && IsNamePart(text[i]))
                    {
                        i++;
                    }

                    if (start > 0 && (char.IsDigit(text[start - 1]) || text[start - 1] == '\\'))
                    {
                        continue; // 1e5, 0x1F, \n: not a name
                    }

                    if (start == own)
                    {
                        continue; // its own name where it is declared
                    }

                    if (!table.TryFind(text, start, i - start, out var mentioned))
                    {
                        if (!IsLabelingName(text, start, i - start))
                        {
                            continue; // not a name that can ever produce (no allocation for these)
                        }

                        mentioned = text.Substring(start, i - start);
                        seeds.Add(mentioned);
                        candidates.Add(mentioned);
                        table.Add(mentioned);
                    }

                    if (!entry.MayWriteStorage && storageNames.Contains(mentioned) && MayBeWritten(text, start, i, seeds))
                    {
                        entry.MayWriteStorage = true;
                    }

                    var scope = ScopeAt(text, start, entry.Type, typeNames, storageNames);
                    if (scope is not null && (!narrowable.Contains(scope) || !declares[scope].Contains(mentioned)))
                    {
                        scope = null; // not declared there (inherited or outer): any producing member of that name counts
                    }

                    if (!mentionedBy.TryGetValue(mentioned, out var list))
                    {
                        mentionedBy[mentioned] = list = new List<(MemberEntry, string?)>();
                    }

                    if (list.Count == 0 || !ReferenceEquals(list[list.Count - 1].Entry, entry) || list[list.Count - 1].Scope != scope)
                    {
                        list.Add((entry, scope));
                    }
                }

                if (entry.IsProperty)
                {
                    // Writes from outside reach its setter.
                    if (!mentionedBy.TryGetValue(entry.Name, out var self))
                    {
                        mentionedBy[entry.Name] = self = new List<(MemberEntry, string?)>();
                    }

                    self.Add((entry, null));
                }
            }

            // Closure: a producing name marks the members that mention it where it resolves (a source or a field
            // anywhere; a member only in its own type, or where the mention's type is unknown); marked members are then
            // re-read for the fields and properties they fill from what produces.
            var names = new HashSet<string>(seeds, StringComparer.Ordinal);
            var types = new HashSet<string>(StringComparer.Ordinal);
            var queued = new HashSet<(string Name, string? Type)>();
            var queue = new Queue<(string Name, string? Type)>();
            foreach (var seed in seeds)
            {
                queued.Add((seed, null));
                queue.Enqueue((seed, null));
            }

            var dirty = new List<MemberEntry>();
            while (queue.Count > 0)
            {
                while (queue.Count > 0)
                {
                    var (name, producedIn) = queue.Dequeue();
                    if (!mentionedBy.TryGetValue(name, out var mentioning))
                    {
                        continue;
                    }

                    foreach (var (entry, scope) in mentioning)
                    {
                        if (producedIn is not null && scope is not null && scope != producedIn)
                        {
                            continue; // a same-named member of another type
                        }

                        if (!entry.Matched.Add(name) && entry.Producer)
                        {
                            continue;
                        }

                        if (!entry.Dirty)
                        {
                            entry.Dirty = true;
                            dirty.Add(entry);
                        }

                        if (entry.Producer)
                        {
                            continue;
                        }

                        entry.Producer = true;
                        types.Add(entry.Type);
                        names.Add(entry.Name);
                        if (queued.Add((entry.Name, entry.Type)))
                        {
                            queue.Enqueue((entry.Name, entry.Type));
                        }
                    }
                }

                foreach (var entry in dirty)
                {
                    entry.Dirty = false;
                    if (!entry.MayWriteStorage)
                    {
                        continue; // no field or property in a write position: no flows to collect
                    }

                    foreach (var written in ProducingWrites(entry, storageNames))
                    {
                        entry.Writer = true;
                        types.Add(entry.Type);
                        names.Add(written);
                        if (queued.Add((written, null)))
                        {
                            queue.Enqueue((written, null));
                        }
                    }
                }

                dirty.Clear();
            }

            var members = new Dictionary<SyntaxNode, (bool Producer, bool Writer)>();
            foreach (var entry in entries)
            {
                members.TryGetValue(entry.Declaration, out var already);
                members[entry.Declaration] = (already.Producer || entry.Producer, already.Writer || entry.Writer);
            }

            var producingMethods = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
            var allMethods = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (entry.Declaration is MethodDeclarationSyntax)
                {
                    AddByName(allMethods, entry);
                    if (entry.Producer)
                    {
                        AddByName(producingMethods, entry);
                    }
                }
            }

            static void AddByName(Dictionary<string, List<SyntaxNode>> byName, MemberEntry entry)
            {
                if (!byName.TryGetValue(entry.Name, out var list))
                {
                    byName[entry.Name] = list = new List<SyntaxNode>();
                }

                list.Add(entry.Declaration);
            }

            _texts.Clear(); // only the index reads whole texts: don't hold a copy of the sources
            return new ProducerIndex(names, types, members, producingMethods, allMethods);
        }

        private string TextOf(SyntaxTree tree) => _texts.GetOrAdd(tree, t => t.GetText().ToString());

        private HashSet<string> FindAiGeneratedNames()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (Model.AiGeneratedAttribute is null)
            {
                return names;
            }

            foreach (var tree in Compilation.SyntaxTrees)
            {
                if (TextOf(tree).IndexOf("AiGenerated", StringComparison.Ordinal) < 0)
                {
                    continue; // no syntax walk for files that cannot use the attribute
                }

                var root = tree.GetRoot();
                foreach (var attribute in root.DescendantNodes(n => n is not BlockSyntax && n is not ArrowExpressionClauseSyntax).OfType<AttributeSyntax>())
                {
                    var attributeName = attribute.Name switch
                    {
                        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
                        SimpleNameSyntax s => s.Identifier.ValueText,
                        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
                        _ => string.Empty,
                    };
                    if (attributeName != "AiGenerated" && attributeName != "AiGeneratedAttribute")
                    {
                        continue;
                    }

                    var owner = attribute.Parent?.Parent;
                    switch (owner)
                    {
                        case MethodDeclarationSyntax method:
                            names.Add(method.Identifier.ValueText);
                            break;
                        case PropertyDeclarationSyntax property:
                            names.Add(property.Identifier.ValueText);
                            break;
                        case LocalFunctionStatementSyntax local:
                            names.Add(local.Identifier.ValueText);
                            break;
                    }
                }
            }

            return names;
        }
    }
}
