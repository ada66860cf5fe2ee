using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>
    /// Binding-free answers, from the declared type of a mention's receiver, to the index's question "can this body's
    /// mention of a name be what produces?", asked before a body is bound to confirm it (a body binding costs 1.5–3 ms on
    /// real apps). A "no" must be certain; anything the text does not settle is left to the symbols:
    /// <list type="bullet">
    /// <item><c>options.Value</c>, where <c>options</c> is declared <c>IOptions&lt;PromptsOptions&gt;</c> (a parameter, a local,
    /// a field or property of the member's own type), is not <c>AskResult.Value</c>: the declared type is neither that
    /// type nor one of its ancestors or descendants in this compilation, and that type has no ancestor outside it.</item>
    /// <item><c>BindableProperty.Create(…)</c>, where <c>BindableProperty</c> is no local, parameter or member (of this
    /// compilation, or inherited from a referenced base class) and no alias, names a type or namespace: it is a source
    /// call only if a source row of that name is a static member such a type can reach (<see cref="FlowModel.MayBeStaticSource"/>).</item>
    /// </list>
    /// </summary>
    internal sealed partial class ReceiverTypes
    {
        private readonly Dictionary<(string Type, string Name), List<TypeSyntax?>> _storageTypes;
        private readonly Dictionary<string, List<string>> _baseNames;
        private readonly Dictionary<string, List<string>> _keysByName;
        private readonly Func<string, bool> _declaredAnywhere;
        private readonly Func<SyntaxTree, string, bool> _hides;
        private readonly Func<string, bool> _isAlias;
        private readonly Func<string, bool> _mayExtend;
        private readonly Func<SyntaxNode, string, bool>? _inheritsMember;
        private readonly Func<SyntaxNode, string, bool?>? _inheritedSource;
        private readonly Func<TypeSyntax, string, bool>? _mayBeSourceOn;
        private readonly Func<string, string, bool>? _mayBeStaticSource;
        private readonly Dictionary<string, (HashSet<string> Names, bool Closed)> _related = new Dictionary<string, (HashSet<string>, bool)>(StringComparer.Ordinal);

        /// <param name="storageTypes">The declared types of each type's fields, properties and primary constructor parameters.</param>
        /// <param name="baseNames">Each type's base types, by simple name as written.</param>
        /// <param name="keysByName">The types of this compilation by simple name.</param>
        /// <param name="declaredAnywhere">Whether some type of this compilation declares a member of that name.</param>
        /// <param name="hides">Whether, in a file, a name may stand for what the text does not show (an alias or a <c>using static</c>'s member, its own or global).</param>
        /// <param name="isAlias">Whether some file declares an alias of that name (a declared type written with it may be any type).</param>
        /// <param name="mayExtend">Whether a type of this compilation is static (its members may be extension members, reached from a receiver of another type).</param>
        /// <param name="inheritsMember">Whether a type declaration (or a type around it) inherits a member of that name from a referenced base class.</param>
        /// <param name="mayBeStaticSource">The model's <see cref="FlowModel.MayBeStaticSource"/>.</param>
        /// <param name="inheritedSource">
        /// For a type declaration and a name: null when no base class of the type has a member of that name, else whether
        /// one of them may be a source row's member (declaration-level symbols, no body bound).
        /// </param>
        /// <param name="mayBeSourceOn">
        /// Whether a call of a source row's name on a receiver declared with that type (written in a signature or a field's
        /// declaration, so binding it binds no body) may be a source call (<see cref="FlowModel.MayBeSourceOn"/>).
        /// </param>
        public ReceiverTypes(
            Dictionary<(string Type, string Name), List<TypeSyntax?>> storageTypes,
            Dictionary<string, List<string>> baseNames,
            Dictionary<string, List<string>> keysByName,
            Func<string, bool> declaredAnywhere,
            Func<SyntaxTree, string, bool> hides,
            Func<string, bool> isAlias,
            Func<string, bool> mayExtend,
            Func<SyntaxNode, string, bool>? inheritsMember,
            Func<string, string, bool>? mayBeStaticSource,
            Func<SyntaxNode, string, bool?>? inheritedSource = null,
            Func<TypeSyntax, string, bool>? mayBeSourceOn = null)
        {
            _mayBeSourceOn = mayBeSourceOn;
            _inheritedSource = inheritedSource;
            _storageTypes = storageTypes;
            _baseNames = baseNames;
            _keysByName = keysByName;
            _declaredAnywhere = declaredAnywhere;
            _hides = hides;
            _isAlias = isAlias;
            _mayExtend = mayExtend;
            _inheritsMember = inheritsMember;
            _mayBeStaticSource = mayBeStaticSource;
        }

        /// <summary>How many bodies these answers spared a binding (the benchmark's phase trace reads it).</summary>
        public int Spared { get; private set; }

        /// <summary>
        /// True when no mention of <paramref name="name"/> in the member's body can be a source call (<paramref name="producedIn"/>
        /// null) or the member of that name of <paramref name="producedIn"/>, by the declared types of their receivers. A
        /// body without a mention in code (only in a string or a comment) is ruled out too, as the symbols would rule it.
        /// </summary>
        public bool RulesOut(MemberEntry entry, string name, string? producedIn)
        {
            if (producedIn is not null && _mayExtend(producedIn) && !_storageTypes.ContainsKey((producedIn, name)))
            {
                return false; // an extension member, reached from a receiver of another type (a static class's field or constant is none)
            }

            if (producedIn is not null)
            {
                // A producing member's name is asked once per type that declares it (every type's Id, Type, Name): what the
                // text tells of each mention is read once per body and name, and only the type asked is checked per ask.
                foreach (var fact in FactsOf(entry, name))
                {
                    if (!fact.RulesOut(name, producedIn, this))
                    {
                        return false;
                    }
                }

                Spared++;
                return true;
            }

            foreach (var simple in MentionsIn(entry.Body, name))
            {
                if (!RulesOutSourceMention(entry, simple, name))
                {
                    return false;
                }
            }

            Spared++;
            return true;
        }

        /// <summary>Whether the mention of a source row's name cannot be a source call, by its receiver's declared type.</summary>
        private bool RulesOutSourceMention(MemberEntry entry, SimpleNameSyntax mention, string name)
        {
            if (ReceiverOf(mention) is not { } receiver)
            {
                return IsInheritedCallOfNoSource(entry, mention, name); // else a bare name, a constructor, an initializer: the text does not tell
            }

            if (receiver is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax }) ||
                ResolveReceiver(entry, receiver, mention) is not { } resolved)
            {
                return false; // a call, an element, a chain (its symbol decides), or a receiver whose type the text does not tell
            }

            if (resolved.Named is { } typeName)
            {
                // No local, parameter or field of its own type: a type name (a static call).
                return _mayBeStaticSource is { } mayBe && !mayBe(name, typeName);
            }

            // A source row's name: an SDK type can be written under many names (aliases, derived types), so its symbol
            // decides, where binding it binds no body (a field's, property's or parameter's type: EventCallback<T>.InvokeAsync,
            // HttpClient.SendAsync).
            return _mayBeSourceOn is { } mayBeOn && resolved.Declared!.All(t => t is not null && IsSignatureType(t) && !mayBeOn(t, name));
        }

        /// <summary>
        /// Whether a declared type is written in a member's signature or a field's declaration (a parameter of a method,
        /// constructor, indexer or primary constructor; a field, property or event field), not inside a body: a lambda's or
        /// local function's parameter, or a local, would bind the body around it.
        /// </summary>
        private static bool IsSignatureType(TypeSyntax type)
        {
            SyntaxNode node = type;
            while (node.Parent is TypeSyntax or TypeArgumentListSyntax or ArrayRankSpecifierSyntax)
            {
                node = node.Parent;
            }

            return node.Parent switch
            {
                ParameterSyntax { Parent: BaseParameterListSyntax { Parent: BaseMethodDeclarationSyntax or TypeDeclarationSyntax or IndexerDeclarationSyntax or DelegateDeclarationSyntax } } => true,
                VariableDeclarationSyntax { Parent: BaseFieldDeclarationSyntax } => true,
                BasePropertyDeclarationSyntax => true,
                _ => false,
            };
        }

        /// <summary>
        /// A bare call, <c>InvokeAsync(StateHasChanged)</c> in a Blazor component: with no type of this compilation declaring
        /// the name, no local or parameter of that name, and no alias or <c>using static</c> that may bring it in, it calls a
        /// member the innermost type around it inherits from a referenced base class (an extension member needs a receiver).
        /// It is no source call when none of that base class's members of that name is a source row's
        /// (<c>ComponentBase.InvokeAsync</c>, not Semantic Kernel's). When no type around it inherits the name, the
        /// symbols decide.
        /// </summary>
        private bool IsInheritedCallOfNoSource(MemberEntry entry, SimpleNameSyntax mention, string name)
        {
            if (_inheritedSource is null || mention.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != mention ||
                _declaredAnywhere(name) || _hides(entry.Body.SyntaxTree, name) || DeclarationsIn(entry.Declaration).ContainsKey(name))
            {
                return false;
            }

            for (var node = mention.Parent; node is not null; node = node.Parent)
            {
                if (node is TypeDeclarationSyntax type && _inheritedSource(type, name) is { } source)
                {
                    return !source;
                }
            }

            return false;
        }

        /// <summary>The receiver of a member access or conditional access on the mention (<c>x.Name</c>, <c>x?.Name</c>, <c>x!.Name</c>).</summary>
        private static ExpressionSyntax? ReceiverOf(SimpleNameSyntax mention)
        {
            ExpressionSyntax? receiver = mention.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Name == mention && access.IsKind(SyntaxKind.SimpleMemberAccessExpression) => access.Expression,
                MemberBindingExpressionSyntax binding when binding.Name == mention => ConditionalReceiver(binding),
                _ => null,
            };
            while (receiver is ParenthesizedExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
            {
                receiver = receiver is ParenthesizedExpressionSyntax parenthesized ? parenthesized.Expression : ((PostfixUnaryExpressionSyntax)receiver).Operand;
            }

            return receiver;
        }

        /// <summary>What <c>?.</c> binds to: the receiver of the innermost conditional access whose tail holds the binding.</summary>
        private static ExpressionSyntax? ConditionalReceiver(MemberBindingExpressionSyntax binding)
        {
            for (var node = binding.Parent; node is not null; node = node.Parent)
            {
                if (node is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull.Span.Contains(binding.Span))
                {
                    return conditional.Expression;
                }
            }

            return null;
        }

        // One walk per body and per member, however many names and types are asked about it: on dotnet/extensions'
        // Microsoft.Extensions.AI the index asks about `Type` of a dozen types in the same forty bodies, and walking the
        // member again for each mention cost more than the bindings it spared.
        // Both read syntax only, so they are kept with the node (not with this compilation): in the IDE a keystroke makes a
        // new compilation in which every other document keeps its tree, and rebuilding them on each keystroke was a
        // fifth of the index's time there (dotnet-trace, --apps-ide-index). Never changed once made.
        private static readonly ConditionalWeakTable<SyntaxNode, Dictionary<string, List<SimpleNameSyntax>>> s_mentionsIn = new ConditionalWeakTable<SyntaxNode, Dictionary<string, List<SimpleNameSyntax>>>();
        private static readonly ConditionalWeakTable<SyntaxNode, Dictionary<string, List<TypeSyntax?>>> s_declarationsIn = new ConditionalWeakTable<SyntaxNode, Dictionary<string, List<TypeSyntax?>>>();
        private static readonly List<SimpleNameSyntax> s_noMentions = new List<SimpleNameSyntax>();

        /// <summary>The simple names in a body that spell <paramref name="name"/>.</summary>
        private static List<SimpleNameSyntax> MentionsIn(SyntaxNode body, string name)
        {
            var byName = s_mentionsIn.GetValue(body, static b =>
            {
                var found = new Dictionary<string, List<SimpleNameSyntax>>(StringComparer.Ordinal);
                foreach (var node in b.DescendantNodesAndSelf())
                {
                    if (node is SimpleNameSyntax simple)
                    {
                        Add(found, simple.Identifier.ValueText, simple);
                    }
                }

                return found;
            });
            return byName.TryGetValue(name, out var mentions) ? mentions : s_noMentions;
        }

        /// <summary>
        /// Every declaration in the member by name (parameters, lambda and local function parameters, locals, loop and
        /// catch variables, pattern and out variables), scopes ignored: a null entry stands for one whose type is not
        /// written (<c>var</c>, an untyped lambda parameter, a query variable, a local function).
        /// </summary>
        private static Dictionary<string, List<TypeSyntax?>> DeclarationsIn(SyntaxNode member)
        {
            return s_declarationsIn.GetValue(member, static m => CollectDeclarations(m));
        }

        private static Dictionary<string, List<TypeSyntax?>> CollectDeclarations(SyntaxNode member)
        {
            var declared = new Dictionary<string, List<TypeSyntax?>>(StringComparer.Ordinal);
            foreach (var node in member.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case ParameterSyntax parameter:
                        Add(declared, parameter.Identifier.ValueText, parameter.Type);
                        break;
                    case VariableDeclaratorSyntax variable:
                        Add(declared, variable.Identifier.ValueText, variable.Parent is VariableDeclarationSyntax declaration ? WrittenType(declaration.Type, variable.Initializer?.Value) : null);
                        break;
                    case ForEachStatementSyntax loop:
                        Add(declared, loop.Identifier.ValueText, WrittenType(loop.Type, null));
                        break;
                    case CatchDeclarationSyntax { Identifier.ValueText.Length: > 0 } @catch:
                        Add(declared, @catch.Identifier.ValueText, @catch.Type);
                        break;
                    case SingleVariableDesignationSyntax designation:
                        Add(declared, designation.Identifier.ValueText, designation.Parent switch
                        {
                            DeclarationPatternSyntax pattern => pattern.Type,
                            DeclarationExpressionSyntax expression => WrittenType(expression.Type, null),
                            _ => null,
                        });
                        break;
                    case LocalFunctionStatementSyntax function:
                        Add(declared, function.Identifier.ValueText, null);
                        break;
                    case FromClauseSyntax from:
                        Add(declared, from.Identifier.ValueText, null);
                        break;
                    case LetClauseSyntax let:
                        Add(declared, let.Identifier.ValueText, null);
                        break;
                    case JoinClauseSyntax join:
                        Add(declared, join.Identifier.ValueText, null);
                        break;
                    case JoinIntoClauseSyntax into:
                        Add(declared, into.Identifier.ValueText, null);
                        break;
                    case QueryContinuationSyntax continuation:
                        Add(declared, continuation.Identifier.ValueText, null);
                        break;
                }
            }

            return declared;
        }

        private static void Add<T>(Dictionary<string, List<T>> byName, string name, T item)
        {
            if (!byName.TryGetValue(name, out var list))
            {
                byName[name] = list = new List<T>();
            }

            list.Add(item);
        }

        /// <summary>The type a declaration writes; for <c>var</c>, the type its initializer writes (<c>new T(…)</c>, <c>(T)x</c>, <c>x as T</c>), else null.</summary>
        private static TypeSyntax? WrittenType(TypeSyntax type, ExpressionSyntax? initializer)
        {
            if (!type.IsVar)
            {
                return type;
            }

            return initializer switch
            {
                ObjectCreationExpressionSyntax creation => creation.Type,
                CastExpressionSyntax cast => cast.Type,
                BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AsExpression, Right: TypeSyntax asType } => asType,
                _ => null,
            };
        }

        /// <summary>The simple name of a written type (<c>IOptions&lt;X&gt;?</c> is <c>IOptions</c>; <c>string</c> is <c>string</c>); null for arrays, tuples and the like.</summary>
        private static string? TypeName(TypeSyntax type) => type switch
        {
            NullableTypeSyntax nullable => TypeName(nullable.ElementType),
            RefTypeSyntax reference => TypeName(reference.Type),
            ScopedTypeSyntax scoped => TypeName(scoped.Type),
            QualifiedNameSyntax qualified => TypeName(qualified.Right),
            AliasQualifiedNameSyntax alias => TypeName(alias.Name),
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            PredefinedTypeSyntax predefined => predefined.Keyword.ValueText,
            _ => null,
        };

        /// <summary>Whether a type parameter of that name is declared around the mention (by a method, a local function, a type or a delegate).</summary>
        private static bool IsTypeParameter(SyntaxNode mention, string name)
        {
            for (var node = mention.Parent; node is not null; node = node.Parent)
            {
                var list = node switch
                {
                    MethodDeclarationSyntax method => method.TypeParameterList,
                    LocalFunctionStatementSyntax function => function.TypeParameterList,
                    TypeDeclarationSyntax type => type.TypeParameterList,
                    DelegateDeclarationSyntax @delegate => @delegate.TypeParameterList,
                    _ => null,
                };
                if (list is not null && list.Parameters.Any(p => p.Identifier.ValueText == name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether <paramref name="id"/>, where the mention stands, can only name a type or a namespace: no local or
        /// parameter of the member and no member of any type of this compilation has that name, and no type around the
        /// mention inherits a member of that name from a referenced base class.
        /// </summary>
        private bool IsTypeName(SyntaxNode mention, string id)
        {
            if (_declaredAnywhere(id) || _inheritsMember is null || IsTypeParameter(mention, id) || id is "value" or "field" or "args")
            {
                return false; // also the implicit parameters (a setter's value, top-level args) and an accessor's field
            }

            for (var node = mention.Parent; node is not null; node = node.Parent)
            {
                if (node is TypeDeclarationSyntax type && _inheritsMember(type, id))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The simple names of the type <paramref name="key"/>, its ancestors and its descendants in this compilation (a
        /// receiver of one of them may reach its member), and whether that family is closed: no ancestor is a type the
        /// text cannot see (a referenced base class or interface another referenced type may also implement).
        /// </summary>
        private (HashSet<string> Names, bool Closed) Related(string key)
        {
            if (_related.TryGetValue(key, out var known))
            {
                return known;
            }

            var names = new HashSet<string>(StringComparer.Ordinal) { TypeKey.SimpleName(key) };
            var closed = true;
            var pending = new Stack<string>();
            pending.Push(TypeKey.SimpleName(key));
            while (pending.Count > 0)
            {
                var name = pending.Pop();
                if (!_keysByName.TryGetValue(name, out var keys))
                {
                    closed = false; // a referenced type: its own ancestors are unknown here
                    continue;
                }

                foreach (var k in keys)
                {
                    if (_baseNames.TryGetValue(k, out var bases))
                    {
                        foreach (var b in bases)
                        {
                            if (names.Add(b))
                            {
                                pending.Push(b);
                            }
                        }
                    }
                }
            }

            // Descendants: types whose bases name one of the family, until nothing is added.
            bool added;
            do
            {
                added = false;
                foreach (var pair in _baseNames)
                {
                    var simple = TypeKey.SimpleName(pair.Key);
                    if (!names.Contains(simple) && pair.Value.Any(names.Contains))
                    {
                        names.Add(simple);
                        added = true;
                    }
                }
            }
            while (added);

            var result = (names, closed);
            _related[key] = result;
            return result;
        }
    }
}
