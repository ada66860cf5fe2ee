using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// The one place the analyzers and code fixes look types up by metadata name, resolved once per compilation.
    /// <see cref="Compilation.GetTypeByMetadataName"/> returns null when two referenced assemblies define a type of
    /// the same full name (Microsoft.Agents.AI also defines <c>Microsoft.Extensions.AI.ChatClientExtensions</c>), so:
    /// model rows apply to every type of the name (<see cref="GetAll"/>), and a single well-known type
    /// (<see cref="Get"/>) is picked deterministically when the name is ambiguous.
    /// </summary>
    internal sealed class WellKnownTypes
    {
        /// <summary>
        /// Which assemblies define the types of a namespace, for ambiguous names: the candidate from one of them wins
        /// (a name ending in '.' is a prefix). System types also prefer the core library.
        /// </summary>
        private static readonly (string Namespace, string[] Assemblies)[] s_owners =
        {
            ("System.", new[] { "System.", "netstandard", "mscorlib" }),
            ("Microsoft.Extensions.AI.", new[] { "Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI" }),
            ("Microsoft.AspNetCore.", new[] { "Microsoft.AspNetCore." }),
            ("AiCompliance.", new[] { "AiCompliance.Attributes" }),
        };

        private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> s_cache = new ConditionalWeakTable<Compilation, WellKnownTypes>();
        private static readonly ConditionalWeakTable<Compilation, WellKnownTypes>.CreateValueCallback s_create = c => new WellKnownTypes(c);

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _single = new ConcurrentDictionary<string, INamedTypeSymbol?>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> _all = new ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>>(StringComparer.Ordinal);
        private readonly Func<string, INamedTypeSymbol?> _resolveOne;
        private readonly Func<string, ImmutableArray<INamedTypeSymbol>> _resolveAll;

        private readonly ReferencedTypes _referenced;

        private WellKnownTypes(Compilation compilation)
        {
            _compilation = compilation;
            _referenced = ReferencedTypes.For(compilation);
            _resolveOne = ResolveOne;
            _resolveAll = ResolveAll;
        }

        /// <summary>The resolver of a compilation (one per compilation, shared by every analyzer and code fix).</summary>
        public static WellKnownTypes For(Compilation compilation) => s_cache.GetValue(compilation, s_create);

        /// <summary>
        /// The type of this metadata name: the compilation's own or the only one referenced; when several referenced
        /// assemblies define it, the one from the assembly that owns the namespace (see <see cref="s_owners"/>), else
        /// the first public one in reference order. Null when there is none.
        /// </summary>
        public INamedTypeSymbol? Get(string metadataName) => _single.GetOrAdd(metadataName, _resolveOne);

        /// <summary>Every type of this metadata name: the compilation's own and every referenced assembly's.</summary>
        public ImmutableArray<INamedTypeSymbol> GetAll(string metadataName) => _all.GetOrAdd(metadataName, _resolveAll);

        /// <summary>The compilation's own type of the name first, then the referenced assemblies' (shared lookups).</summary>
        private ImmutableArray<INamedTypeSymbol> ResolveAll(string metadataName)
        {
            var own = _compilation.Assembly.GetTypeByMetadataName(metadataName); // not filtered by its TypeNames: those are built per compilation and cost more
            var referenced = _referenced.Get(metadataName);
            return own is null ? referenced : referenced.Insert(0, own);
        }

        private INamedTypeSymbol? ResolveOne(string metadataName)
        {
            // As Compilation.GetTypeByMetadataName: the compilation's own type wins; a single referenced one is it. (Asked
            // of the compilation itself, each name would be searched for again in every referenced assembly.)
            var candidates = GetAll(metadataName);
            if (candidates.IsEmpty)
            {
                return null;
            }

            if (candidates.Length == 1 || SymbolEqualityComparer.Default.Equals(candidates[0].ContainingAssembly, _compilation.Assembly))
            {
                return candidates[0];
            }

            // Ambiguous (rare): rank by owner assembly, then public, then reference order, then assembly name.
            var order = ReferenceOrder();
            INamedTypeSymbol? best = null;
            (int Owner, int Public, int Index, string Name) bestKey = default;
            foreach (var candidate in candidates)
            {
                var assembly = candidate.ContainingAssembly;
                var key = (
                    IsOwner(metadataName, assembly) ? 0 : 1,
                    candidate.DeclaredAccessibility == Accessibility.Public ? 0 : 1,
                    assembly is not null && _compilation.GetMetadataReference(assembly) is { } reference && order.TryGetValue(reference, out var index) ? index : int.MaxValue,
                    assembly?.Identity.Name ?? string.Empty);
                if (best is null || Compare(key, bestKey) < 0)
                {
                    best = candidate;
                    bestKey = key;
                }
            }

            return best;
        }

        private static int Compare((int Owner, int Public, int Index, string Name) a, (int Owner, int Public, int Index, string Name) b)
        {
            var c = a.Owner.CompareTo(b.Owner);
            if (c == 0)
            {
                c = a.Public.CompareTo(b.Public);
            }

            if (c == 0)
            {
                c = a.Index.CompareTo(b.Index);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        }

        private Dictionary<MetadataReference, int> ReferenceOrder()
        {
            var order = new Dictionary<MetadataReference, int>();
            var i = 0;
            foreach (var reference in _compilation.References)
            {
                if (!order.ContainsKey(reference))
                {
                    order.Add(reference, i);
                }

                i++;
            }

            return order;
        }

        private bool IsOwner(string metadataName, IAssemblySymbol? assembly)
        {
            if (assembly is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(assembly, _compilation.Assembly))
            {
                return true; // the compilation's own type (GetTypeByMetadataName already prefers it)
            }

            var name = assembly.Identity.Name;
            foreach (var (ns, owners) in s_owners)
            {
                if (!metadataName.StartsWith(ns, StringComparison.Ordinal))
                {
                    continue;
                }

                if (ns == "System." && SymbolEqualityComparer.Default.Equals(assembly, _compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly))
                {
                    return true;
                }

                foreach (var owner in owners)
                {
                    if (owner.EndsWith(".", StringComparison.Ordinal) ? name.StartsWith(owner, StringComparison.Ordinal) : name == owner)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Types looked up by metadata name in a compilation's referenced assemblies, shared by every compilation that holds
    /// the same referenced assembly symbols. The IDE makes a new compilation at each keystroke but keeps its references'
    /// symbols, so the model's ~200 names are searched for in the ~300 referenced assemblies once, not at each keystroke
    /// (10–40 ms a time on real apps). A build's one compilation gains nothing and loses nothing.
    /// </summary>
    internal sealed class ReferencedTypes
    {
        private const int SetsPerCoreLibrary = 8;

        private static ConditionalWeakTable<IAssemblySymbol, List<ReferencedTypes>> s_byCoreLibrary = new ConditionalWeakTable<IAssemblySymbol, List<ReferencedTypes>>();

        /// <summary>Forgets every shared lookup (the benchmarks' build figures must not reuse an earlier compilation's).</summary>
        internal static void Reset() => s_byCoreLibrary = new ConditionalWeakTable<IAssemblySymbol, List<ReferencedTypes>>();

        private readonly ImmutableArray<IAssemblySymbol> _assemblies;
        private readonly ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> _types = new ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>>(StringComparer.Ordinal);
        private readonly Func<string, ImmutableArray<INamedTypeSymbol>> _resolve;

        private ReferencedTypes(ImmutableArray<IAssemblySymbol> assemblies)
        {
            _assemblies = assemblies;
            _resolve = Resolve;
        }

        /// <summary>The shared lookups of the compilation's referenced assemblies (made on first use of that set).</summary>
        public static ReferencedTypes For(Compilation compilation)
        {
            var assemblies = compilation.SourceModule.ReferencedAssemblySymbols;
            var core = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly;
            if (core is null || SymbolEqualityComparer.Default.Equals(core, compilation.Assembly))
            {
                return new ReferencedTypes(assemblies); // no core library of its own to key on (a corlib build): not shared
            }

            var sets = Volatile.Read(ref s_byCoreLibrary).GetOrCreateValue(core);
            lock (sets)
            {
                foreach (var set in sets)
                {
                    if (SameAssemblies(set._assemblies, assemblies))
                    {
                        return set;
                    }
                }

                var created = new ReferencedTypes(assemblies);
                if (sets.Count == SetsPerCoreLibrary)
                {
                    sets.RemoveAt(0); // the oldest reference set (a project whose references changed)
                }

                sets.Add(created);
                return created;
            }
        }

        /// <summary>Every referenced assembly's type of this metadata name, in reference order.</summary>
        public ImmutableArray<INamedTypeSymbol> Get(string metadataName) => _types.GetOrAdd(metadataName, _resolve);

        private ImmutableArray<INamedTypeSymbol> Resolve(string metadataName)
        {
            // Only assemblies that list a type of that simple name are asked. Asking all of them made the model's ~200
            // lookups cost ~60,000 (200 names x ~300 assemblies): 30–45 ms of each build on eShop in a sampling profile,
            // the largest AIC cost there. A name-set lookup is far cheaper than a metadata-name lookup (which parses the
            // name and walks the namespaces), and an index of every listed name cost ~18 ms itself.
            var simpleName = TopLevelNameOf(metadataName);
            ImmutableArray<INamedTypeSymbol>.Builder? found = null;
            foreach (var assembly in _assemblies)
            {
                if (assembly.TypeNames.Contains(simpleName) && assembly.GetTypeByMetadataName(metadataName) is { } type)
                {
                    (found ??= ImmutableArray.CreateBuilder<INamedTypeSymbol>()).Add(type);
                }
            }

            return found?.ToImmutable() ?? ImmutableArray<INamedTypeSymbol>.Empty;
        }

        /// <summary>
        /// The name of a metadata name's top-level type without its arity (<c>A.B.C`1+D</c>: <c>C</c>), as
        /// <see cref="IAssemblySymbol.TypeNames"/> lists it.
        /// </summary>
        internal static string TopLevelNameOf(string metadataName)
        {
            var nested = metadataName.IndexOf('+');
            var end = nested < 0 ? metadataName.Length : nested;
            var dot = end == 0 ? -1 : metadataName.LastIndexOf('.', end - 1);
            var arity = metadataName.IndexOf('`', dot + 1, end - dot - 1);
            return metadataName.Substring(dot + 1, (arity < 0 ? end : arity) - dot - 1);
        }

        private static bool SameAssemblies(ImmutableArray<IAssemblySymbol> a, ImmutableArray<IAssemblySymbol> b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (var i = 0; i < a.Length; i++)
            {
                if (!ReferenceEquals(a[i], b[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
