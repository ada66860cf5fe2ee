using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>
    /// Receivers read along their access path, for a producing member of a type of this compilation: a local, a parameter
    /// or a field whose type is written (<c>context.Function.Name</c>: <c>context</c> is a <c>FunctionInvocationContext</c>,
    /// whose <c>Function</c> is declared <c>AIFunction</c>), or a chain of type and namespace names
    /// (<c>OpenTelemetryConsts.GenAI.Output.Type</c>: a constant of the nested type <c>Output</c>).
    /// </summary>
    internal sealed partial class ReceiverTypes
    {
        private const int MaxChain = 8; // receivers read along at most this many member accesses

        /// <summary>What a receiver's text tells of its type: a type or namespace it names (static access), or its declared types.</summary>
        private sealed class ReceiverType
        {
            private ReceiverType(string? named, List<TypeSyntax?>? declared)
            {
                Named = named;
                Declared = declared;
            }

            /// <summary>The type or namespace named, for a static access (<c>Output.Type</c>).</summary>
            public string? Named { get; }

            /// <summary>The declared types of a local, parameter, field or property (a null entry: not written).</summary>
            public List<TypeSyntax?>? Declared { get; }

            public static ReceiverType OfName(string name) => new ReceiverType(name, null);

            public static ReceiverType OfDeclared(List<TypeSyntax?> declared) => new ReceiverType(null, declared);
        }

        /// <summary>What the receiver's text tells of its type; null when it does not (a call, an element, an untyped local, a referenced type's member).</summary>
        private ReceiverType? ResolveReceiver(MemberEntry entry, ExpressionSyntax receiver, SimpleNameSyntax mention, int depth = 0)
        {
            if (depth > MaxChain)
            {
                return null;
            }

            switch (receiver)
            {
                case IdentifierNameSyntax identifier:
                    {
                        var id = identifier.Identifier.ValueText;
                        if (_hides(entry.Body.SyntaxTree, id))
                        {
                            return null; // an alias, or a member a using static brings in
                        }

                        var declared = new List<TypeSyntax?>();
                        if (DeclarationsIn(entry.Declaration).TryGetValue(id, out var locals))
                        {
                            declared.AddRange(locals);
                        }

                        if (_storageTypes.TryGetValue((entry.Type, id), out var stored))
                        {
                            declared.AddRange(stored);
                        }

                        if (declared.Count > 0)
                        {
                            return ReceiverType.OfDeclared(declared);
                        }

                        // No local, parameter or field of its own type: a type or namespace, else an inherited or outer member.
                        return IsTypeName(mention, id) ? ReceiverType.OfName(id) : null;
                    }

                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax field }:
                    return _storageTypes.TryGetValue((entry.Type, field.Identifier.ValueText), out var own) ? ReceiverType.OfDeclared(own) : null;

                case MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression):
                    {
                        if (ResolveReceiver(entry, access.Expression, mention, depth + 1) is not { } inner)
                        {
                            return null;
                        }

                        var member = name.Identifier.ValueText;
                        if (inner.Named is { } named)
                        {
                            return NamedMember(named, member);
                        }

                        return DeclaredTypeNames(inner.Declared!) is { } names ? StorageOf(names, member) : null;
                    }

                default:
                    return null; // a call, an element, a generic name: its type is not written
            }
        }

        /// <summary>
        /// A member of a type or namespace named (<c>Output.Type</c>, <c>GenAI.Output</c>): the storage of a type of this
        /// compilation, else a type of this compilation nested in it. A namespace's or a referenced type's member is a type,
        /// a namespace or a member of a referenced type (whose type is referenced too), so naming it (by its member's name)
        /// rules out the same types. Null when the text does not tell: a type of this compilation with a base the text
        /// cannot see, a member that is neither its storage nor a type of this compilation (a C# 14 extension member), or
        /// one that some same-named types hold and others do not.
        /// </summary>
        private ReceiverType? NamedMember(string named, string member)
        {
            if (!_keysByName.TryGetValue(named, out var keys))
            {
                return ReceiverType.OfName(member); // a namespace, or a referenced type
            }

            if (!Related(named).Closed)
            {
                return null;
            }

            if (_declaredAnywhere(member) && StorageOf(new[] { named }, member) is { } storage)
            {
                return storage; // a static field or property
            }

            if (!_keysByName.ContainsKey(member))
            {
                return null; // no type of that name in this compilation: not known to be a nested type
            }

            var scratch = new List<TypeSyntax?>();
            foreach (var key in keys)
            {
                if (FindStorage(key, member, scratch, new HashSet<string>(StringComparer.Ordinal)) != false)
                {
                    return null; // some same-named types hold it (or may), others do not
                }
            }

            return ReceiverType.OfName(member); // a nested type (OpenTelemetryConsts.GenAI.Output, where other types have an Output property)
        }

        /// <summary>
        /// The declared types of the storage of that name in each of those types of this compilation (or their bases in it);
        /// null when one of them is not this compilation's, or may inherit it from a base the text cannot see.
        /// </summary>
        private ReceiverType? StorageOf(IEnumerable<string> typeNames, string member)
        {
            var declared = new List<TypeSyntax?>();
            foreach (var typeName in typeNames)
            {
                if (!_keysByName.TryGetValue(typeName, out var keys))
                {
                    return null; // a referenced type: the type of its member is not written here
                }

                foreach (var key in keys)
                {
                    if (FindStorage(key, member, declared, new HashSet<string>(StringComparer.Ordinal)) != true)
                    {
                        return null;
                    }
                }
            }

            return declared.Count > 0 ? ReceiverType.OfDeclared(declared) : null;
        }

        /// <summary>
        /// The storage of that name in the type or its bases in this compilation: true (its declared types added), false (no
        /// type of the family declares it), null (a referenced base may, or the family is deeper than the text is read).
        /// Each type is visited once.
        /// </summary>
        private bool? FindStorage(string key, string member, List<TypeSyntax?> declared, HashSet<string> visited)
        {
            if (!visited.Add(key))
            {
                return false; // reached again through another base: already answered there
            }

            if (_storageTypes.TryGetValue((key, member), out var stored))
            {
                declared.AddRange(stored);
                return true;
            }

            if (!_baseNames.TryGetValue(key, out var bases))
            {
                return false;
            }

            if (visited.Count > 64)
            {
                return null;
            }

            foreach (var baseName in bases)
            {
                if (!_keysByName.TryGetValue(baseName, out var baseKeys))
                {
                    return null; // a referenced base (or interface) may declare it
                }

                foreach (var baseKey in baseKeys)
                {
                    var found = FindStorage(baseKey, member, declared, visited);
                    if (found != false)
                    {
                        return found;
                    }
                }
            }

            return false;
        }

        /// <summary>The simple names of declared types; null when one of them does not tell its type (<see cref="WrittenTypeName"/>).</summary>
        private string[]? DeclaredTypeNames(List<TypeSyntax?> declared)
        {
            var names = new string[declared.Count];
            for (var i = 0; i < names.Length; i++)
            {
                if (WrittenTypeName(declared[i]) is not { } typeName)
                {
                    return null;
                }

                names[i] = typeName;
            }

            return names;
        }

        /// <summary>The simple name of a declared type, where it tells the type: not <c>var</c>, <c>dynamic</c>, a type parameter or an alias.</summary>
        private string? WrittenTypeName(TypeSyntax? type) =>
            type is not null && TypeName(type) is { } typeName && typeName != "dynamic" && !IsTypeParameter(type, typeName) && !_isAlias(typeName) ? typeName : null;

        private readonly Dictionary<(MemberEntry Entry, string Name), MentionFact[]> _facts = new Dictionary<(MemberEntry Entry, string Name), MentionFact[]>();

        /// <summary>What the text tells of each mention of a name in a member's body, read once per body and name.</summary>
        private MentionFact[] FactsOf(MemberEntry entry, string name)
        {
            if (_facts.TryGetValue((entry, name), out var known))
            {
                return known;
            }

            var mentions = MentionsIn(entry.Body, name);
            var facts = new MentionFact[mentions.Count];
            for (var i = 0; i < facts.Length; i++)
            {
                facts[i] = FactOf(entry, mentions[i]);
            }

            _facts[(entry, name)] = facts;
            return facts;
        }

        private MentionFact FactOf(MemberEntry entry, SimpleNameSyntax mention)
        {
            if (MentionPositions.IsWriteOnly(mention))
            {
                return MentionFact.WriteOnly; // written, not read (Exception = exception)
            }

            if (MentionPositions.IsType(mention))
            {
                return MentionFact.TypePosition; // a type as written (catch (Exception e))
            }

            if (ReceiverOf(mention) is not { } receiver || ResolveReceiver(entry, receiver, mention) is not { } resolved)
            {
                return MentionFact.Unknown; // a bare name, a constructor, an initializer, a call's result: the text does not tell
            }

            if (resolved.Named is { } named)
            {
                return MentionFact.Of(new[] { named });
            }

            return DeclaredTypeNames(resolved.Declared!) is { } names ? MentionFact.Of(names) : MentionFact.Unknown;
        }

        /// <summary>One mention of a name, as the text tells it: only written, a type, a receiver of these types, or unknown.</summary>
        private readonly struct MentionFact
        {
            private const int KindWriteOnly = 1;
            private const int KindType = 2;
            private const int KindReceiver = 3;

            private readonly int _kind;
            private readonly string[]? _receiverTypes;

            private MentionFact(int kind, string[]? receiverTypes)
            {
                _kind = kind;
                _receiverTypes = receiverTypes;
            }

            public static MentionFact Unknown => default;

            public static MentionFact WriteOnly => new MentionFact(KindWriteOnly, null);

            public static MentionFact TypePosition => new MentionFact(KindType, null);

            /// <summary>A receiver whose type the text names: a type or namespace (static access) or the declared types.</summary>
            public static MentionFact Of(string[] receiverTypes) => new MentionFact(KindReceiver, receiverTypes);

            /// <summary>
            /// Whether the mention cannot read the member <paramref name="name"/> of <paramref name="producedIn"/>: it is only
            /// written, or a type (unless the name is that type's own: a constructor call), or its receiver's types are outside
            /// that type's family, which is closed (ancestors and descendants in this compilation).
            /// </summary>
            public bool RulesOut(string name, string producedIn, ReceiverTypes receivers)
            {
                switch (_kind)
                {
                    case KindWriteOnly:
                        return true;
                    case KindType:
                        return name != TypeKey.SimpleName(producedIn);
                    case KindReceiver:
                        var (related, closed) = receivers.Related(producedIn);
                        if (!closed)
                        {
                            return false; // a type with an ancestor the text cannot see
                        }

                        foreach (var typeName in _receiverTypes!)
                        {
                            if (related.Contains(typeName))
                            {
                                return false; // that type, or one it may dispatch to
                            }
                        }

                        return true;
                    default:
                        return false;
                }
            }
        }
    }
}
