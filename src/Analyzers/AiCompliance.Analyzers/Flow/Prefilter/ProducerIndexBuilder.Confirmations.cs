using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>The index's confirmations: which mentions need one, and asking the receivers' declared types before the symbols.</summary>
    internal sealed partial class ProducerIndexBuilder
    {
        private readonly Dictionary<SyntaxNode, HashSet<string>> _noSourceCalls = new Dictionary<SyntaxNode, HashSet<string>>();
        private readonly Dictionary<string, (int All, int Yes, int Spared)> _confirmedByName = new Dictionary<string, (int All, int Yes, int Spared)>(StringComparer.Ordinal);

        /// <summary>
        /// Whether the member's mention of a source row's name may be a source call (by its symbol). A member of this
        /// compilation with the same name is not affected: when it produces, its name is queued with its type, and
        /// those mentions are not confirmed here.
        /// </summary>
        private bool Confirm(MemberEntry entry, string name, string? producedIn)
        {
            _receivers ??= new ReceiverTypes(_storageTypes, _baseNames, _keysByName, name => DeclaringTypes(name).Count > 0, Hides, _aliasNames.Contains, _staticTypes.Contains, _inheritsMember, _mayBeStaticSource, _inheritedSource, _mayBeSourceOn);
            var spared = _receivers.RulesOut(entry, name, producedIn);
            if (!spared)
            {
                Confirmations++;
            }

            var yes = !spared && _confirm!(entry.Body, name, producedIn);
            if (!yes && producedIn is null)
            {
                if (!_noSourceCalls.TryGetValue(entry.Body, out var names))
                {
                    _noSourceCalls[entry.Body] = names = new HashSet<string>(StringComparer.Ordinal);
                }

                names.Add(name); // AIC003 need not bind this body's calls of that name again (ProducerIndex.RulesOutSourceCall)
            }

            if (FlowTelemetry.IndexTrace is not null)
            {
                var key = name + (producedIn is null ? string.Empty : " of " + producedIn);
                _confirmedByName.TryGetValue(key, out var counts);
                _confirmedByName[key] = (counts.All + 1, counts.Yes + (yes ? 1 : 0), counts.Spared + (spared ? 1 : 0));
            }

            return yes;
        }

        /// <summary>
        /// Which mentions a symbol must confirm: of a source row's name (common words), and of a producing member of
        /// another type where the text does not tell which type the name belongs to (<c>x.Error</c>, <c>LogLevel.Error</c>).
        /// Within the member's own type, and where the text tells, names decide alone.
        /// </summary>
        private bool NeedsConfirmation(MemberEntry entry, string name, string? producedIn, string? scope) =>
            producedIn is null ? _confirmed!.Contains(name) : scope is null && entry.Type != producedIn;

        /// <summary>A field, property or record parameter of a type: storage (by name) and, for receivers, its declared type.</summary>
        private void AddStorage(string typeName, string name, TypeSyntax? type)
        {
            _storage.Add((name, type));
            AddStorageType(typeName, name, type is { IsVar: true } ? null : type); // `var` tells no type (an error in a declaration, or a type named var)
        }

        private void AddStorageType(string typeName, string name, TypeSyntax? type)
        {
            if (!_storageTypes.TryGetValue((typeName, name), out var types))
            {
                _storageTypes[(typeName, name)] = types = new List<TypeSyntax?>();
            }

            types.Add(type);
        }

        private Dictionary<string, List<string>>? _declaringTypes;

        /// <summary>The types of this compilation that declare a member of this name (fields, properties, record parameters).</summary>
        private List<string> DeclaringTypes(string name)
        {
            if (_declaringTypes is null)
            {
                _declaringTypes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                foreach (var pair in _declares)
                {
                    foreach (var member in pair.Value)
                    {
                        if (!_declaringTypes.TryGetValue(member, out var types))
                        {
                            _declaringTypes[member] = types = new List<string>();
                        }

                        types.Add(pair.Key);
                    }
                }
            }

            return _declaringTypes.TryGetValue(name, out var found) ? found : new List<string>();
        }
    }
}
