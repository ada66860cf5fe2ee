using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>
    /// The binding-free questions of one compilation, each answered once on first use: the <see cref="ProducerIndex"/>,
    /// the names marked <c>[AiGenerated]</c>, and whether a type carries <c>[RegisteredAiService]</c>. They read the
    /// source text; only the registration check binds (the attributed type declarations of files that name it).
    /// Thread-safe.
    /// </summary>
    internal sealed class ProducerPrefilter
    {
        private readonly FlowModel _model;
        private readonly Func<SyntaxTree, SemanticModel> _semanticModelFor;
        private readonly ConcurrentDictionary<SyntaxTree, string> _texts = new ConcurrentDictionary<SyntaxTree, string>();
        private readonly Lazy<HashSet<string>> _aiGeneratedNames;
        private readonly Lazy<ProducerIndex> _index;
        private readonly Lazy<bool> _hasRegisteredService;

        /// <param name="model">The resolved model of the compilation.</param>
        /// <param name="semanticModelFor">The semantic model of a tree (shared with the rest of the flow context).</param>
        public ProducerPrefilter(FlowModel model, Func<SyntaxTree, SemanticModel> semanticModelFor)
        {
            _model = model;
            _semanticModelFor = semanticModelFor;
            _aiGeneratedNames = new Lazy<HashSet<string>>(FindAiGeneratedNames, LazyThreadSafetyMode.ExecutionAndPublication);
            _index = new Lazy<ProducerIndex>(BuildIndex, LazyThreadSafetyMode.ExecutionAndPublication);
            _hasRegisteredService = new Lazy<bool>(FindRegisteredService, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>The index of the compilation, built on first use.</summary>
        public ProducerIndex Index => _index.Value;

        /// <summary>
        /// Whether a type of this compilation carries <c>[RegisteredAiService]</c>. Only files whose text names the
        /// attribute are walked, and only their attributed type declarations are bound. True is exact; false may miss an
        /// alias declared in another file, so callers that act on "no registration" must confirm it from symbols.
        /// </summary>
        public bool HasRegisteredService => _hasRegisteredService.Value;

        private IEnumerable<SyntaxTree> Trees => _model.Compilation.SyntaxTrees;

        /// <summary>A tree's text, read once per compilation (the index and the component inputs scan it).</summary>
        internal string TextOf(SyntaxTree tree) => _texts.GetOrAdd(tree, t => t.GetText().ToString());

        private ProducerIndex BuildIndex()
        {
            var seeds = new HashSet<string>(_model.SourceMemberNames, StringComparer.Ordinal);
            seeds.UnionWith(_aiGeneratedNames.Value);
            var builder = new ProducerIndexBuilder(seeds, Trees, TextOf, _model.SourceCallNames, MentionsProducer, InheritsMember, _model.MayBeStaticSource, ImportedNames, InheritedSource, MayBeSourceOn, _model.MayStoreInReceiver);
            var index = builder.Build();
            Confirmations = builder.Confirmations;
            Spared = builder.Spared;
            IndexSteps = builder.Steps;
            _texts.Clear(); // only the index reads whole texts: don't hold a copy of the sources
            return index;
        }

        /// <summary>How many member bodies the index bound to confirm a source name's mention (for the benchmarks).</summary>
        public int Confirmations { get; private set; }

        /// <summary>How many confirmations the receivers' declared types answered without binding a body (for the benchmarks).</summary>
        public int Spared { get; private set; }

        /// <summary>The time of each step of the index's build, as text (for the benchmarks).</summary>
        public string? IndexSteps { get; private set; }

        /// <summary>What a type's base classes declare under a name: nothing, no source row's member, or maybe one.</summary>
        private enum InheritedMembers : byte
        {
            None,
            NoSource,
            MaybeSource,
        }

        /// <summary>
        /// Whether the declared type inherits a member of that name from a referenced base class: its declared symbol
        /// and base types only (declaration-level, no body bound).
        /// </summary>
        private bool InheritsMember(SyntaxNode typeDeclaration, string name) => Inherited(typeDeclaration, name) != InheritedMembers.None;

        /// <summary>
        /// Null when no base class of the declared type has a member of that name; else whether one of them may be a source
        /// row's member (or the type cannot be told).
        /// </summary>
        private bool? InheritedSource(SyntaxNode typeDeclaration, string name) => Inherited(typeDeclaration, name) switch
        {
            InheritedMembers.None => null,
            InheritedMembers.NoSource => false,
            _ => true,
        };

        /// <summary>
        /// One walk of the declared type's base classes for both questions above, kept with the declaration's node under
        /// the source rows' id (NodeAnswers): the receivers' check asks it for every mention of a name in the type, and on
        /// eShop in the IDE walking the base types of a fresh compilation for each was the index's largest cost per keystroke.
        /// </summary>
        private InheritedMembers Inherited(SyntaxNode typeDeclaration, string name) =>
            s_inherited.Get(typeDeclaration, (name, RowsId), (Prefilter: this, Type: typeDeclaration, Name: name), static s =>
            {
                Interlocked.Increment(ref s.Prefilter._inheritanceLookups);
                return s.Prefilter.InheritedCore(s.Type, s.Name);
            });

        private InheritedMembers InheritedCore(SyntaxNode typeDeclaration, string name)
        {
            if (_semanticModelFor(typeDeclaration.SyntaxTree).GetDeclaredSymbol(typeDeclaration) is not INamedTypeSymbol type)
            {
                return InheritedMembers.MaybeSource; // cannot tell: assume it may
            }

            var found = InheritedMembers.None;
            for (var t = type.BaseType; t is not null; t = t.BaseType)
            {
                foreach (var member in t.GetMembers(name)) // an error type has none, as binding sees it
                {
                    if (IsSource(member) || (member is IMethodSymbol method && method.OverriddenMethod is { } overridden && IsSource(overridden)))
                    {
                        return InheritedMembers.MaybeSource;
                    }

                    found = InheritedMembers.NoSource;
                }
            }

            return found;
        }

        private int _inheritanceLookups;

        /// <summary>How many base-type walks this compilation made (the rest were known from an earlier one; for the tests).</summary>
        public int InheritanceLookups => Volatile.Read(ref _inheritanceLookups);

        private static readonly NodeAnswers<(string Name, int Rows), InheritedMembers> s_inherited = new NodeAnswers<(string Name, int Rows), InheritedMembers>();
        private static readonly NodeAnswers<(string Name, int Rows), bool> s_sourceOn = new NodeAnswers<(string Name, int Rows), bool>();

        /// <summary>
        /// <see cref="FlowModel.MayBeSourceOn"/> for the type a signature or a field's declaration writes (binding it binds
        /// no body); kept with the type's node under the source rows' id, as <see cref="Inherited"/> is.
        /// </summary>
        private bool MayBeSourceOn(TypeSyntax type, string name) =>
            s_sourceOn.Get(type, (name, RowsId), (Prefilter: this, Type: type, Name: name), static s =>
                s.Prefilter._model.MayBeSourceOn(s.Prefilter._semanticModelFor(s.Type.SyntaxTree).GetTypeInfo(s.Type).Type, s.Name));

        /// <summary>
        /// The names a <c>using static</c> directive brings into scope: the members and nested types of its type and of the
        /// type's ancestors (more than the language imports, on the safe side). Binds just the directive's name; null when
        /// it binds to no type.
        /// </summary>
        private HashSet<string>? ImportedNames(UsingDirectiveSyntax directive)
        {
            if (_semanticModelFor(directive.SyntaxTree).GetSymbolInfo(directive.NamespaceOrType).Symbol is not INamedTypeSymbol type)
            {
                return null;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var t = type; t is not null; t = t.BaseType)
            {
                names.UnionWith(t.MemberNames);
                foreach (var nested in t.GetTypeMembers())
                {
                    names.Add(nested.Name);
                }
            }

            return names;
        }

        /// <summary>The time spent binding bodies to confirm (for the benchmarks' phase timers), in stopwatch ticks.</summary>
        public long ConfirmTicks => System.Threading.Interlocked.Read(ref _confirmTicks);

        private long _confirmTicks;
        private int _bound;

        /// <summary>How many of those confirmations were bound in this compilation (the rest were known from an earlier one).</summary>
        public int ConfirmationsBound => Volatile.Read(ref _bound);

        private static readonly NodeAnswers<(string Name, string? Type, int Rows), bool> s_answers = new NodeAnswers<(string Name, string? Type, int Rows), bool>();

        // The source rows' signature as a small number, so that a lookup hashes two names and an int instead of the whole
        // signature (that hashing was a sixth of an IDE keystroke's index time on dotnet/extensions).
        private static readonly ConcurrentDictionary<string, int> s_rowsIds = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        private static int s_lastRowsId;
        private int _rowsId = -1;

        private int RowsId => _rowsId >= 0 ? _rowsId : _rowsId = s_rowsIds.GetOrAdd(_model.SourceRowsSignature, _ => Interlocked.Increment(ref s_lastRowsId));

        /// <summary>
        /// Whether <paramref name="body"/> names <paramref name="name"/> where it binds to what produces: with
        /// <paramref name="type"/> null, a source row's member (or one of its candidates); else the member of that name
        /// of that type (a <see cref="TypeKey"/>), or a virtual or interface member a call may dispatch to it, or that type itself (a
        /// constructor call). A word in a string or a comment, a name that binds to something else, or one that does not
        /// bind (the engine sees no target there either) is not.
        /// </summary>
        private bool MentionsProducer(SyntaxNode body, string name, string? type)
        {
            // Kept with the body's node (NodeAnswers): a keystroke binds again only the edited document's bodies.
            return s_answers.Get(body, (name, type, RowsId), (Prefilter: this, Body: body, Name: name, Type: type), static s => s.Prefilter.MentionsProducerCore(s.Body, s.Name, s.Type));
        }

        /// <summary>
        /// What each mention of a name in a body binds to (its symbol, or its candidates when it has none), bound once per
        /// body and name for this compilation and shared by every type asked about: <c>Id</c> is asked of each type that
        /// declares an <c>Id</c>, and binding the body's mentions again for each of them made the confirmations grow with
        /// types x mentions (24,000 on the five apps in one compilation).
        /// </summary>
        private readonly ConcurrentDictionary<(SyntaxNode Body, string Name), ImmutableArray<ImmutableArray<ISymbol>>> _mentions =
            new ConcurrentDictionary<(SyntaxNode Body, string Name), ImmutableArray<ImmutableArray<ISymbol>>>();

        private ImmutableArray<ImmutableArray<ISymbol>> MentionsOf(SyntaxNode body, string name)
        {
            if (_mentions.TryGetValue((body, name), out var known))
            {
                return known;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _bound);
            try
            {
                // GetSymbolInfo binds the member's whole body (and runs its nullable analysis): about 1.5–3 ms for the first
                // question about a method on the real apps. A speculative binding of just the mention's expression costs the
                // same, because it needs the body's flow state (the benchmark's binding probe, --apps-phases), so the saving
                // has to come from asking about fewer bodies.
                // The shared model, on purpose: a model without nullable analysis binds a body in half the time, but the
                // analyzer driver and other analyzers' operation actions bind the same bodies on the shared model anyway,
                // so a second model made the end-to-end cost worse (azure-search and chat-copilot, alternating runs).
                var model = _semanticModelFor(body.SyntaxTree);
                var mentions = ImmutableArray.CreateBuilder<ImmutableArray<ISymbol>>();
                foreach (var node in body.DescendantNodes())
                {
                    if (node is SimpleNameSyntax simple && simple.Identifier.ValueText == name)
                    {
                        var info = model.GetSymbolInfo(simple);
                        mentions.Add(info.Symbol is { } symbol ? ImmutableArray.Create(symbol) : info.CandidateSymbols);
                    }
                }

                return _mentions.GetOrAdd((body, name), mentions.ToImmutable());
            }
            finally
            {
                Interlocked.Add(ref _confirmTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
            }
        }

        private bool MentionsProducerCore(SyntaxNode body, string name, string? type)
        {
            Func<ISymbol, bool> produces = type is null ? IsSource : symbol => IsMemberOf(symbol, type, TypesNamed);
            foreach (var symbols in MentionsOf(body, name))
            {
                if (symbols.Any(produces))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsSource(ISymbol symbol) => _model.Find(symbol)?.SourceDescription is not null;

        /// <summary>
        /// The symbol is the member of that name of the type (a <see cref="TypeKey"/>), or a virtual or interface member a
        /// call may dispatch to it: one that type overrides or implements (not every
        /// interface's <c>Value</c>: <c>IOptions&lt;T&gt;.Value</c> is not <c>AskResult.Value</c>).
        /// </summary>
        private static bool IsMemberOf(ISymbol symbol, string type, Func<string, ImmutableArray<INamedTypeSymbol>> typesNamed)
        {
            if (symbol is INamedTypeSymbol named)
            {
                return named.Name == TypeKey.SimpleName(type) && TypeKey.Of(named) == type;
            }

            if (symbol.ContainingType is not { } containing)
            {
                return false;
            }

            if (containing.Name == TypeKey.SimpleName(type) && TypeKey.Of(containing) == type)
            {
                return true;
            }

            if (!(symbol.IsVirtual || symbol.IsAbstract || symbol.IsOverride || containing.TypeKind == TypeKind.Interface))
            {
                return false;
            }

            var target = containing.OriginalDefinition;
            foreach (var candidate in typesNamed(TypeKey.SimpleName(type)))
            {
                if (TypeKey.Of(candidate) != type)
                {
                    continue;
                }

                if (target.TypeKind == TypeKind.Interface
                        ? candidate.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, target))
                        : FlowModel.IsOrDerives(candidate, target))
                {
                    return true;
                }
            }

            return false;
        }

        private readonly ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> _typesNamed = new ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>>(StringComparer.Ordinal);

        /// <summary>The types of this compilation's source with that name (a declaration-table lookup, kept per name).</summary>
        private ImmutableArray<INamedTypeSymbol> TypesNamed(string name) =>
            _typesNamed.GetOrAdd(name, n => _model.Compilation.GetSymbolsWithName(n, SymbolFilter.Type).OfType<INamedTypeSymbol>().ToImmutableArray());

        private bool FindRegisteredService()
        {
            if (_model.RegisteredServiceAttribute is not { } attribute)
            {
                return false;
            }

            foreach (var tree in Trees)
            {
                if (TextOf(tree).IndexOf("RegisteredAiService", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var type in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax || n is BaseNamespaceDeclarationSyntax || n is TypeDeclarationSyntax).OfType<TypeDeclarationSyntax>())
                {
                    if (type.AttributeLists.Count > 0 &&
                        _semanticModelFor(tree).GetDeclaredSymbol(type) is { } symbol &&
                        FlowModel.HasAttribute(symbol, attribute))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private HashSet<string> FindAiGeneratedNames()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (_model.AiGeneratedAttribute is null)
            {
                return names;
            }

            foreach (var tree in Trees)
            {
                if (TextOf(tree).IndexOf("AiGenerated", StringComparison.Ordinal) < 0)
                {
                    continue; // no syntax walk for files that cannot use the attribute
                }

                var root = tree.GetRoot();
                foreach (var attribute in root.DescendantNodes(n => n is not BlockSyntax && n is not ArrowExpressionClauseSyntax).OfType<AttributeSyntax>())
                {
                    if (AiGeneratedOwnerName(attribute) is { } name)
                    {
                        names.Add(name);
                    }
                }
            }

            return names;
        }

        /// <summary>The name of the method, property or local function an attribute marks when it is <c>[AiGenerated]</c>; null otherwise.</summary>
        private static string? AiGeneratedOwnerName(AttributeSyntax attribute)
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
                return null;
            }

            return attribute.Parent?.Parent switch
            {
                MethodDeclarationSyntax method => method.Identifier.ValueText,
                PropertyDeclarationSyntax property => property.Identifier.ValueText,
                LocalFunctionStatementSyntax local => local.Identifier.ValueText,
                _ => null,
            };
        }
    }
}
