using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
        private readonly Lazy<HashSet<string>> _aiGeneratedNames;
        private readonly Lazy<ProducerIndex> _producers;

        [ThreadStatic]
        private static HashSet<ISymbol>? t_inProgress;

        [ThreadStatic]
        private static int t_cutCycles;

        public FlowContext(FlowModel model)
        {
            Model = model;
            _aiGeneratedNames = new Lazy<HashSet<string>>(FindAiGeneratedNames, LazyThreadSafetyMode.ExecutionAndPublication);
            _producers = new Lazy<ProducerIndex>(BuildProducerIndex, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public FlowModel Model { get; }

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
                        if (!MayProduce(method))
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

                var model = _models.GetOrAdd(reference.SyntaxTree, t => Compilation.GetSemanticModel(t));
                var operation = model.GetOperation(syntax, cancellationToken);
                try
                {
                    switch (operation)
                    {
                        case IMethodBodyOperation body:
                            return (body, ControlFlowGraph.Create(body, cancellationToken));
                        case IConstructorBodyOperation ctor:
                            return (ctor, ControlFlowGraph.Create(ctor, cancellationToken));
                        case IBlockOperation block when block.Parent is null:
                            return (block, ControlFlowGraph.Create(block, cancellationToken));
                    }
                }
                catch (ArgumentException)
                {
                    // Error code without a flow graph: no summary (the caller treats the method as external).
                }
            }

            return null;
        }

        // ------------------------------------------------------------------ binding-free prefilter

        /// <summary>
        /// Whether the body of <paramref name="symbol"/> can produce AI content, judged from syntax only (see
        /// <see cref="ProducerIndex"/>). Over-approximates; used to skip work, never to decide a report.
        /// </summary>
        public bool MayProduce(ISymbol symbol)
        {
            if (symbol is IMethodSymbol { AssociatedSymbol: { } associated })
            {
                symbol = associated; // accessors are indexed with their property
            }

            var index = _producers.Value;
            var found = false;
            foreach (var reference in symbol.OriginalDefinition.DeclaringSyntaxReferences)
            {
                if (index.TryGetMember(reference.GetSyntax(), out var producer))
                {
                    found = true;
                    if (producer)
                    {
                        return true;
                    }
                }
            }

            // Not a member the index knows (e.g. a local function): fall back to its name.
            return !found && index.Names.Contains(symbol.Name);
        }

        /// <summary>The same test for a code block the driver hands over: does it name anything that can produce content?</summary>
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
        /// with the names it mentions, then a worklist closure from the modeled source member names and [AiGenerated]
        /// names: a member that mentions a producing name produces, its name becomes a producing name, and so do the
        /// fields and properties of its type (they may hold what it produced). Linear in the size of the code,
        /// deterministic, and independent of the order in which methods are analyzed.
        /// </summary>
        private sealed class ProducerIndex
        {
            private readonly Dictionary<SyntaxNode, bool> _members;

            public ProducerIndex(HashSet<string> names, HashSet<string> types, Dictionary<SyntaxNode, bool> members)
            {
                Names = names;
                Types = types;
                _members = members;
            }

            /// <summary>Names whose mention can bring AI content into a body.</summary>
            public HashSet<string> Names { get; }

            /// <summary>Names of types with a producing member.</summary>
            public HashSet<string> Types { get; }

            public bool TryGetMember(SyntaxNode declaration, out bool producer) => _members.TryGetValue(declaration, out producer);
        }

        private sealed class MemberEntry
        {
            public MemberEntry(SyntaxNode declaration, string name, string type)
            {
                Declaration = declaration;
                Name = name;
                Type = type;
            }

            public SyntaxNode Declaration { get; }

            public string Name { get; }

            public string Type { get; }

            public bool Producer { get; set; }
        }

        private ProducerIndex BuildProducerIndex()
        {
            var entries = new List<MemberEntry>();
            var mentionedBy = new Dictionary<string, List<MemberEntry>>(StringComparer.Ordinal);
            var storage = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal); // type name -> its fields and properties

            void AddEntry(SyntaxNode declaration, string name, string type, SyntaxNode body)
            {
                var entry = new MemberEntry(declaration, name, type);
                entries.Add(entry);
                foreach (var simple in body.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
                {
                    var mentioned = simple.Identifier.ValueText;
                    if (!mentionedBy.TryGetValue(mentioned, out var list))
                    {
                        mentionedBy[mentioned] = list = new List<MemberEntry>();
                    }

                    if (list.Count == 0 || !ReferenceEquals(list[list.Count - 1], entry))
                    {
                        list.Add(entry);
                    }
                }
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
                                if (!storage.TryGetValue(typeName, out var held))
                                {
                                    storage[typeName] = held = new HashSet<string>(StringComparer.Ordinal);
                                }

                                if (type is RecordDeclarationSyntax { ParameterList: { } positional })
                                {
                                    foreach (var parameter in positional.Parameters)
                                    {
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
                                            held.Add(property.Identifier.ValueText);
                                            AddEntry(property, property.Identifier.ValueText, typeName, property);
                                            break;
                                        case IndexerDeclarationSyntax indexer:
                                            AddEntry(indexer, "this[]", typeName, indexer);
                                            break;
                                        case EventDeclarationSyntax @event:
                                            AddEntry(@event, @event.Identifier.ValueText, typeName, @event);
                                            break;
                                        case BaseFieldDeclarationSyntax field:
                                            foreach (var variable in field.Declaration.Variables)
                                            {
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

            // Closure from the source names.
            var names = new HashSet<string>(Model.SourceMemberNames, StringComparer.Ordinal);
            names.UnionWith(_aiGeneratedNames.Value);
            var types = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>(names);
            while (queue.Count > 0)
            {
                var name = queue.Dequeue();
                if (!mentionedBy.TryGetValue(name, out var mentioning))
                {
                    continue;
                }

                foreach (var entry in mentioning)
                {
                    if (entry.Producer)
                    {
                        continue;
                    }

                    entry.Producer = true;
                    if (names.Add(entry.Name))
                    {
                        queue.Enqueue(entry.Name);
                    }

                    if (types.Add(entry.Type) && storage.TryGetValue(entry.Type, out var held))
                    {
                        foreach (var stored in held)
                        {
                            if (names.Add(stored))
                            {
                                queue.Enqueue(stored);
                            }
                        }
                    }
                }
            }

            var members = new Dictionary<SyntaxNode, bool>();
            foreach (var entry in entries)
            {
                members[entry.Declaration] = (members.TryGetValue(entry.Declaration, out var already) && already) || entry.Producer;
            }

            return new ProducerIndex(names, types, members);
        }

        private HashSet<string> FindAiGeneratedNames()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (Model.AiGeneratedAttribute is null)
            {
                return names;
            }

            foreach (var tree in Compilation.SyntaxTrees)
            {
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
