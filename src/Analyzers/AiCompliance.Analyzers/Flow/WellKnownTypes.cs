using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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

        private WellKnownTypes(Compilation compilation)
        {
            _compilation = compilation;
            _resolveOne = ResolveOne;
            _resolveAll = name => _compilation.GetTypesByMetadataName(name);
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

        private INamedTypeSymbol? ResolveOne(string metadataName)
        {
            var unique = _compilation.GetTypeByMetadataName(metadataName);
            if (unique is not null)
            {
                return unique;
            }

            var candidates = GetAll(metadataName);
            if (candidates.IsEmpty)
            {
                return null;
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
}
