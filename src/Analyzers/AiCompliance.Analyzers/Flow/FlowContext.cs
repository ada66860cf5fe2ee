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
        private readonly ConcurrentDictionary<ISymbol, bool> _mayProduce = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<string, bool> _nameMayProduce = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _typeMayHold = new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly Lazy<HashSet<string>> _aiGeneratedNames;

        [ThreadStatic]
        private static HashSet<ISymbol>? t_inProgress;

        [ThreadStatic]
        private static int t_cutCycles;

        public FlowContext(FlowModel model)
        {
            Model = model;
            _aiGeneratedNames = new Lazy<HashSet<string>>(FindAiGeneratedNames, LazyThreadSafetyMode.ExecutionAndPublication);
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
        /// Whether the body of <paramref name="symbol"/> can produce AI content, judged from syntax only: it names a
        /// modeled source member or an [AiGenerated] member, or names a member of this compilation that can
        /// (recursively, memoized). Over-approximates; used to skip work, never to decide a report. A "no" reached
        /// while a cycle guard answered is not cached, so the answer never depends on which thread asked first.
        /// </summary>
        public bool MayProduce(ISymbol symbol)
        {
            symbol = symbol.OriginalDefinition;
            return Memo(_mayProduce, symbol, symbol, s =>
            {
                var references = s.DeclaringSyntaxReferences;
                foreach (var reference in references)
                {
                    if (DirectlyNamesSource(reference.GetSyntax()))
                    {
                        return true;
                    }
                }

                foreach (var reference in references)
                {
                    if (NamesProducer(reference.GetSyntax()))
                    {
                        return true;
                    }
                }

                return false;
            });
        }

        /// <summary>The same test for a code block the driver hands over.</summary>
        public bool SyntaxMayProduce(SyntaxNode node) => DirectlyNamesSource(node) || NamesProducer(node);

        private bool DirectlyNamesSource(SyntaxNode node)
        {
            var aiGenerated = _aiGeneratedNames.Value;
            foreach (var descendant in node.DescendantNodesAndSelf())
            {
                if (descendant is SimpleNameSyntax simple)
                {
                    var name = simple.Identifier.ValueText;
                    if (Model.SourceMemberNames.Contains(name) || aiGenerated.Contains(name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool NamesProducer(SyntaxNode node)
        {
            HashSet<string>? seen = null;
            foreach (var descendant in node.DescendantNodesAndSelf())
            {
                if (descendant is SimpleNameSyntax simple)
                {
                    var name = simple.Identifier.ValueText;
                    if ((seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(name) && NameMayProduce(name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool NameMayProduce(string name) => Memo(_nameMayProduce, "name:" + name, name, n =>
        {
            foreach (var member in Compilation.GetSymbolsWithName(n, SymbolFilter.Member))
            {
                switch (member)
                {
                    case IMethodSymbol method when MayProduce(method):
                        return true;
                    case IPropertySymbol property when (property.GetMethod is { } getter && !IsAutoAccessor(getter) && MayProduce(getter)) ||
                                                       (property.ContainingType is { } owner && TypeMayHoldContent(owner)):
                        return true;
                    case IFieldSymbol field when TypeMayHoldContent(field.ContainingType):
                        return true;
                }
            }

            return false;
        });

        /// <summary>Whether any member of the type can produce content (so its fields may hold some).</summary>
        private bool TypeMayHoldContent(INamedTypeSymbol type)
        {
            type = type.OriginalDefinition;
            return Memo(_typeMayHold, type, type, t =>
            {
                foreach (var member in t.GetMembers())
                {
                    if (member is IMethodSymbol or IPropertySymbol && !member.IsImplicitlyDeclared && MayProduce(member))
                    {
                        return true;
                    }
                }

                return false;
            });
        }

        [ThreadStatic]
        private static HashSet<object>? t_guards;

        [ThreadStatic]
        private static int t_guardHits;

        private static bool Memo<TKey>(ConcurrentDictionary<TKey, bool> cache, object guardKey, TKey key, Func<TKey, bool> compute)
            where TKey : notnull
        {
            if (cache.TryGetValue(key, out var known))
            {
                return known;
            }

            var guards = t_guards ??= new HashSet<object>(new GuardComparer());
            if (!guards.Add(guardKey))
            {
                t_guardHits++;
                return false;
            }

            var hitsBefore = t_guardHits;
            bool result;
            try
            {
                result = compute(key);
            }
            finally
            {
                guards.Remove(guardKey);
            }

            if (result || t_guardHits == hitsBefore || guards.Count == 0)
            {
                cache[key] = result;
            }

            return result;
        }

        private sealed class GuardComparer : IEqualityComparer<object>
        {
            public new bool Equals(object? x, object? y) =>
                x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

            public int GetHashCode(object obj) => obj is ISymbol s ? SymbolEqualityComparer.Default.GetHashCode(s) : obj.GetHashCode();
        }

        private static bool IsAutoAccessor(IMethodSymbol accessor) =>
            accessor.DeclaringSyntaxReferences.All(r => r.GetSyntax() is AccessorDeclarationSyntax { Body: null, ExpressionBody: null });

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
