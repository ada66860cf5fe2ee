using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>
    /// Builds the <see cref="ProducerIndex"/> of a compilation, in steps: declarations (pass 1), the types whose
    /// unqualified names can be narrowed, mentions in bodies (pass 2), the worklist closure from the seed names, then
    /// the index. Single use: one builder builds one index.
    /// </summary>
    internal sealed partial class ProducerIndexBuilder
    {
        private readonly IEnumerable<SyntaxTree> _trees;
        private readonly Func<SyntaxTree, string> _textOf;

        /// <summary>Names that produce by themselves: modeled source members, [AiGenerated] names, labeling names.</summary>
        private readonly HashSet<string> _seeds;

        private readonly List<MemberEntry> _entries = new List<MemberEntry>();
        private readonly HashSet<string> _storageNames = new HashSet<string>(StringComparer.Ordinal); // fields and properties of a type that can hold content
        private readonly List<(string Name, TypeSyntax? Type)> _storage = new List<(string Name, TypeSyntax? Type)>(); // every field, property and record parameter
        private readonly HashSet<string> _enumNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _componentParameters = new Dictionary<string, List<string>>(StringComparer.Ordinal); // type key -> [Parameter] properties
        private readonly Dictionary<string, HashSet<string>> _declares = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal); // type key -> member names
        private readonly Dictionary<string, List<string>> _baseNames = new Dictionary<string, List<string>>(StringComparer.Ordinal); // type key -> base type names (as written)
        private readonly Dictionary<string, List<string>> _keysByName = new Dictionary<string, List<string>>(StringComparer.Ordinal); // type name -> the keys of the types of that name
        private readonly Dictionary<SyntaxTree, HashSet<string>> _usings = new Dictionary<SyntaxTree, HashSet<string>>(); // namespaces a file imports
        private readonly HashSet<string> _globalUsings = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<(string Type, string Name), List<TypeSyntax?>> _storageTypes = new Dictionary<(string Type, string Name), List<TypeSyntax?>>(); // declared types of a type's fields, properties and primary constructor parameters
        private ReceiverTypes? _receivers;
        private readonly HashSet<string> _staticTypes = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _narrowable = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(MemberEntry Entry, string? Scope)>> _mentionedBy = new Dictionary<string, List<(MemberEntry Entry, string? Scope)>>(StringComparer.Ordinal);
        private HashSet<string> _typeNames = new HashSet<string>(StringComparer.Ordinal); // the types' own names
        private NameTable _table = new NameTable(Array.Empty<string>());

        // The closure: producing names, types with a producing member, and the worklist of (name, type it is produced in).
        private readonly HashSet<string> _names = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _types = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<(string Name, string? Type)> _queued = new HashSet<(string Name, string? Type)>();
        private readonly Queue<(string Name, string? Type)> _queue = new Queue<(string Name, string? Type)>();
        private readonly List<MemberEntry> _dirty = new List<MemberEntry>();

        /// <param name="seeds">The seed names (taken over: labeling names found in the code are added to it).</param>
        /// <param name="trees">The syntax trees of the compilation.</param>
        /// <param name="textOf">The text of a tree (cached by the caller: the trees are scanned as text).</param>
        /// <param name="confirmed">
        /// Seed names whose mentions count only when <paramref name="confirm"/> says the member's mention of the name
        /// may be a source call (the source rows' member names: common words such as <c>Create</c> or <c>SendAsync</c>).
        /// </param>
        /// <param name="confirm">
        /// Whether the body (a member's) mentions the name as a source call (type null) or as the member of that name of
        /// the type given (or one a call may dispatch to it); binds just that body. Without it, names decide alone.
        /// </param>
        /// <param name="inheritsMember">
        /// Whether a type declaration inherits a member of that name from a referenced base class (declaration-level
        /// symbols, no body bound): with it, a receiver that can only be a type name spares a binding (<see cref="ReceiverTypes"/>).
        /// </param>
        /// <param name="mayBeStaticSource">The model's <see cref="FlowModel.MayBeStaticSource"/>.</param>
        /// <param name="inheritedSource">
        /// For a type declaration and a name: null when no referenced base class of it has a member of that name, else
        /// whether one of them may be a source row's member (declaration-level symbols): a bare call of it is then settled
        /// without binding (<see cref="ReceiverTypes"/>).
        /// </param>
        /// <param name="mayBeSourceOn">
        /// Whether a source row's name called on a receiver declared with that type (in a signature or a field's
        /// declaration) may be a source call, from the type's symbol: such a call is then settled without binding the body.
        /// </param>
        /// <param name="mayStoreInReceiver">
        /// Whether a library call of that name may store its arguments in its receiver (<see cref="FlowModel.MayStoreInReceiver"/>);
        /// null: every call may.
        /// </param>
        /// <param name="importedNames">
        /// The names a <c>using static</c> directive brings into scope (its type's members and nested types; binds just the
        /// directive), or null when it cannot tell: then the directive's file (or every file, for a global one) keeps its
        /// names from the text.
        /// </param>
        public ProducerIndexBuilder(
            HashSet<string> seeds,
            IEnumerable<SyntaxTree> trees,
            Func<SyntaxTree, string> textOf,
            HashSet<string>? confirmed = null,
            Func<SyntaxNode, string, string?, bool>? confirm = null,
            Func<SyntaxNode, string, bool>? inheritsMember = null,
            Func<string, string, bool>? mayBeStaticSource = null,
            Func<UsingDirectiveSyntax, HashSet<string>?>? importedNames = null,
            Func<SyntaxNode, string, bool?>? inheritedSource = null,
            Func<TypeSyntax, string, bool>? mayBeSourceOn = null,
            Func<string, bool>? mayStoreInReceiver = null)
        {
            _mayStoreInReceiver = mayStoreInReceiver;
            _inheritedSource = inheritedSource;
            _mayBeSourceOn = mayBeSourceOn;
            _importedNames = importedNames;
            _inheritsMember = inheritsMember;
            _mayBeStaticSource = mayBeStaticSource;
            _seeds = seeds;
            _trees = trees;
            _textOf = textOf;
            _confirmed = confirm is null ? null : confirmed;
            _confirm = confirm;
        }

        private readonly HashSet<string>? _confirmed;
        private readonly Func<SyntaxNode, string, bool>? _inheritsMember;
        private readonly Func<SyntaxNode, string, bool?>? _inheritedSource;
        private readonly Func<TypeSyntax, string, bool>? _mayBeSourceOn;
        private readonly Func<string, bool>? _mayStoreInReceiver;
        private readonly Func<string, string, bool>? _mayBeStaticSource;
        private readonly Func<SyntaxNode, string, string?, bool>? _confirm;

        /// <summary>How many member bodies were bound to confirm a source name (the benchmark's phase timers read it).</summary>
        public int Confirmations { get; private set; }

        /// <summary>The time of each of <see cref="Build"/>'s steps, as text (the benchmarks print it).</summary>
        public string? Steps { get; private set; }

        /// <summary>How many confirmations the receivers' declared types answered without binding.</summary>
        public int Spared => _receivers?.Spared ?? 0;

        public ProducerIndex Build()
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            CollectDeclarations();
            var declarations = watch.Elapsed.TotalMilliseconds;
            FindNarrowableTypes();
            var narrowable = watch.Elapsed.TotalMilliseconds;
            CollectMentions();
            var mentions = watch.Elapsed.TotalMilliseconds;
            Close();
            var closed = watch.Elapsed.TotalMilliseconds;
            Steps = $"declarations {declarations:F1} ms, narrowable {narrowable - declarations:F1} ms, mentions {mentions - narrowable:F1} ms, closure {closed - mentions:F1} ms";
            if (FlowTelemetry.IndexTrace is { } trace)
            {
                trace("steps: " + Steps);
                trace("seeds: " + string.Join(", ", _seeds.OrderBy(x => x, StringComparer.Ordinal)));
                foreach (var g in _entries.Where(e => e.Producer).SelectMany(e => e.Matched).GroupBy(x => x).OrderByDescending(g => g.Count()).Take(15))
                {
                    trace("  producers that mention '" + g.Key + "': " + g.Count());
                }

                foreach (var c in _confirmedByName.OrderByDescending(c => c.Value.All).Take(15))
                {
                    trace("  bodies asked to confirm '" + c.Key + "': " + c.Value.All + " (" + c.Value.Spared + " answered by receivers' types, " + c.Value.Yes + " confirmed)");
                }
            }

            return CreateIndex();
        }

        // ------------------------------------------------------------------ pass 1, declarations

        /// <summary>
        /// Pass 1, declarations only: the members, the names types declare, and which types inherit from code of this
        /// compilation (an unqualified call there may reach an inherited member, so it is not narrowed).
        /// </summary>
        private void CollectDeclarations()
        {
            foreach (var tree in _trees)
            {
                var root = tree.GetRoot();
                AddUsings(tree, ((CompilationUnitSyntax)root).Usings);
                foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax || n is BaseNamespaceDeclarationSyntax || n is TypeDeclarationSyntax))
                {
                    switch (node)
                    {
                        case GlobalStatementSyntax global:
                            AddEntry(root, "<Main>$", "Program", global);
                            break;
                        case BaseNamespaceDeclarationSyntax ns:
                            AddUsings(tree, ns.Usings);
                            break;
                        case EnumDeclarationSyntax @enum:
                            _enumNames.Add(@enum.Identifier.ValueText);
                            break;
                        case TypeDeclarationSyntax type:
                            AddType(type);
                            break;
                    }
                }
            }
        }

        private void AddUsings(SyntaxTree tree, SyntaxList<UsingDirectiveSyntax> usings)
        {
            foreach (var directive in usings)
            {
                if (directive.Alias is not null || directive.StaticKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StaticKeyword))
                {
                    RecordHiding(tree, directive);
                    continue;
                }

                if (directive.Name is null)
                {
                    continue;
                }

                var ns = TypeKey.Clean(directive.Name.ToString());
                if (directive.GlobalKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GlobalKeyword))
                {
                    _globalUsings.Add(ns);
                }
                else
                {
                    if (!_usings.TryGetValue(tree, out var set))
                    {
                        _usings[tree] = set = new HashSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(ns);
                }
            }
        }

        private void AddType(TypeDeclarationSyntax type)
        {
            var typeName = TypeKey.Of(TypeKey.NamespaceOf(type), type.Identifier.ValueText);
            var held = Declared(typeName);
            if (type.Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StaticKeyword))
            {
                _staticTypes.Add(typeName); // may declare extension members: a receiver of any type reaches them
            }

            if (type.BaseList is { } baseList)
            {
                AddBaseNames(typeName, baseList);
            }

            NoteView(type, typeName);

            if (type.ParameterList is { } primary)
            {
                foreach (var parameter in primary.Parameters)
                {
                    if (type is RecordDeclarationSyntax)
                    {
                        AddStorage(typeName, parameter.Identifier.ValueText, parameter.Type); // a record's property
                        held.Add(parameter.Identifier.ValueText);
                    }
                    else
                    {
                        AddStorageType(typeName, parameter.Identifier.ValueText, parameter.Type); // a class's captured parameter: only its type is told
                    }
                }
            }

            foreach (var member in type.Members)
            {
                AddMember(member, typeName, held);
            }
        }

        private void AddBaseNames(string typeName, BaseListSyntax baseList)
        {
            if (!_baseNames.TryGetValue(typeName, out var bases))
            {
                _baseNames[typeName] = bases = new List<string>();
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

        /// <summary>Indexes one member of a type; <paramref name="held"/> collects the names the type declares.</summary>
        private void AddMember(MemberDeclarationSyntax member, string typeName, HashSet<string> held)
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
                    AddStorage(typeName, property.Identifier.ValueText, property.Type);
                    if (property.AttributeLists.SelectMany(l => l.Attributes).Any(a => ChildComponentParameter.NameOf(a.Name) is "Parameter" or "ParameterAttribute"))
                    {
                        if (!_componentParameters.TryGetValue(typeName, out var parameters))
                        {
                            _componentParameters[typeName] = parameters = new List<string>();
                        }

                        parameters.Add(property.Identifier.ValueText);
                    }

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
                        AddStorage(typeName, variable.Identifier.ValueText, field.Declaration.Type);
                        held.Add(variable.Identifier.ValueText);
                        if (variable.Initializer is not null)
                        {
                            AddEntry(variable, variable.Identifier.ValueText, typeName, variable.Initializer);
                        }
                    }

                    break;
            }
        }

        private HashSet<string> Declared(string type)
        {
            if (!_declares.TryGetValue(type, out var set))
            {
                _declares[type] = set = new HashSet<string>(StringComparer.Ordinal);
                var name = TypeKey.SimpleName(type);
                if (!_keysByName.TryGetValue(name, out var keys))
                {
                    _keysByName[name] = keys = new List<string>();
                }

                keys.Add(type);
            }

            return set;
        }

        private void AddEntry(SyntaxNode declaration, string name, string type, SyntaxNode body, bool isProperty = false)
        {
            _entries.Add(new MemberEntry(declaration, name, type, body, isProperty));
            Declared(type).Add(name);
        }

        /// <summary>
        /// The types of this compilation that inherit from no other type of it: a name mentioned in them resolves to their
        /// own member. Then which storage can hold content at all, and which members hand none back to their callers.
        /// </summary>
        private void FindNarrowableTypes()
        {
            _typeNames = new HashSet<string>(_keysByName.Keys, StringComparer.Ordinal);
            var contentFree = new ContentFreeTypes(_enumNames, _typeNames);
            foreach (var (name, type) in _storage)
            {
                if (!contentFree.IsContentFree(type))
                {
                    _storageNames.Add(name); // a name counts as storage when any declaration of it can hold content
                }
            }

            foreach (var entry in _entries)
            {
                entry.HandsNothingBack = entry.Declaration switch
                {
                    MethodDeclarationSyntax method => contentFree.HandsNothingBack(method),
                    BasePropertyDeclarationSyntax property => contentFree.IsContentFree(property.Type),
                    VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax field } => contentFree.IsContentFree(field.Type),
                    _ => false,
                };
            }

            foreach (var type in _declares.Keys)
            {
                if (!_baseNames.TryGetValue(type, out var bases) || !bases.Any(_typeNames.Contains))
                {
                    _narrowable.Add(type);
                }
            }
        }

        // ------------------------------------------------------------------ pass 2, bodies

        private const string MediatorSend = "Send";

        /// <summary>
        /// A mediator's handler method: <c>Handle</c> in a type whose base list names a <c>…Handler</c> (MediatR's and
        /// Mediator's <c>IRequestHandler&lt;,&gt;</c>, <c>IQueryHandler</c>…); its callers write <c>sender.Send(request)</c>.
        /// </summary>
        private bool IsMediatorHandler(MemberEntry entry) =>
            entry.Name == "Handle" && _baseNames.TryGetValue(entry.Type, out var bases) && bases.Any(b => b.EndsWith("Handler", StringComparison.Ordinal));

        /// <summary>
        /// Pass 2, bodies: who mentions each name that could ever produce (a source, a member or storage name, a
        /// labeling name), and where it is looked up.
        /// </summary>
        private void CollectMentions()
        {
            var candidates = new HashSet<string>(_seeds, StringComparer.Ordinal);
            candidates.UnionWith(_storageNames);
            foreach (var entry in _entries)
            {
                candidates.Add(entry.Name);
                if (IsMediatorHandler(entry))
                {
                    candidates.Add(MediatorSend);
                }

                if (NameScanner.IsLabelingName(entry.Name))
                {
                    _seeds.Add(entry.Name); // the generated WithLabels / Use…Labels members
                }
            }

            _table = new NameTable(candidates);
            foreach (var entry in _entries)
            {
                ScanMentions(entry);
                if (entry.IsProperty)
                {
                    MentionsOf(entry.Name).Add((entry, null)); // writes from outside reach its setter
                }
            }
        }

        /// <summary>
        /// A scan of the member's text for identifiers (no syntax walk: this runs over the whole compilation). Words in
        /// strings and comments count too, which only lets more through.
        /// </summary>
        private void ScanMentions(MemberEntry entry)
        {
            var text = _textOf(entry.Body.SyntaxTree);
            var span = entry.Body.Span;
            var own = entry.Declaration is MethodDeclarationSyntax method ? method.Identifier.SpanStart : -1;
            for (var i = span.Start; i < span.End && i < text.Length;)
            {
                if (!NameScanner.IsNameStart(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < text.Length && NameScanner.IsNamePart(text[i]))
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

                if (!_table.TryFind(text, start, i - start, out var mentioned))
                {
                    if (!NameScanner.IsLabelingName(text, start, i - start))
                    {
                        continue; // not a name that can ever produce (no allocation for these)
                    }

                    mentioned = text.Substring(start, i - start);
                    _seeds.Add(mentioned);
                    _table.Add(mentioned);
                }

                if (_storageNames.Contains(mentioned))
                {
                    if (!entry.MayWriteStorage && NameScanner.MayBeWritten(text, start, i, _seeds))
                    {
                        entry.MayWriteStorage = true;
                    }

                    if (NameScanner.IsAssignedOnly(text, i))
                    {
                        continue; // Content = value: written, not read (a constructor that fills a message does not produce)
                    }
                }

                AddMention(entry, mentioned, NameScanner.ScopeAt(text, start, entry.Type, _typeNames, _storageNames));
            }
        }

        private void AddMention(MemberEntry entry, string mentioned, string? scope)
        {
            if (scope is not null && !ReferenceEquals(scope, entry.Type))
            {
                scope = Resolve(scope, entry); // Type.Name: which type of that name the file sees
            }

            if (scope is not null && (!_narrowable.Contains(scope) || !_declares[scope].Contains(mentioned)))
            {
                scope = null; // not declared there (inherited or outer): any producing member of that name counts
            }

            var list = MentionsOf(mentioned);
            if (list.Count == 0 || !ReferenceEquals(list[list.Count - 1].Entry, entry) || list[list.Count - 1].Scope != scope)
            {
                list.Add((entry, scope));
            }
        }

        /// <summary>
        /// The key of the type a qualifier names where the member mentions it: the only type of that name, else the only
        /// one in the member's namespace, an enclosing one or one its file imports; null when that leaves several.
        /// </summary>
        private string? Resolve(string name, MemberEntry entry)
        {
            var keys = _keysByName[name];
            if (keys.Count == 1)
            {
                return keys[0];
            }

            var own = NamespaceOfKey(entry.Type);
            _usings.TryGetValue(entry.Declaration.SyntaxTree, out var imported);
            string? found = null;
            foreach (var key in keys)
            {
                var ns = NamespaceOfKey(key);
                if (ns.Length == 0 || ns == own || (own.Length > ns.Length && own[ns.Length] == '.' && own.StartsWith(ns, StringComparison.Ordinal)) ||
                    _globalUsings.Contains(ns) || (imported is not null && imported.Contains(ns)))
                {
                    if (found is not null)
                    {
                        return null;
                    }

                    found = key;
                }
            }

            return found;
        }

        private readonly Dictionary<string, string> _namespaceOfKey = new Dictionary<string, string>(StringComparer.Ordinal);

        private string NamespaceOfKey(string key)
        {
            if (!_namespaceOfKey.TryGetValue(key, out var ns))
            {
                _namespaceOfKey[key] = ns = TypeKey.Namespace(key);
            }

            return ns;
        }

        private List<(MemberEntry Entry, string? Scope)> MentionsOf(string name)
        {
            if (!_mentionedBy.TryGetValue(name, out var list))
            {
                _mentionedBy[name] = list = new List<(MemberEntry, string?)>();
            }

            return list;
        }

        // ------------------------------------------------------------------ the index

        private ProducerIndex CreateIndex()
        {
            var members = new Dictionary<SyntaxNode, (bool Producer, bool Writer)>();
            var producingMethods = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
            var allMethods = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
            foreach (var entry in _entries)
            {
                members.TryGetValue(entry.Declaration, out var already);
                members[entry.Declaration] = (already.Producer || entry.Producer, already.Writer || entry.Writer);
                if (entry.Declaration is MethodDeclarationSyntax)
                {
                    AddByName(allMethods, entry);
                    if (entry.Producer)
                    {
                        AddByName(producingMethods, entry);
                    }
                }
            }

            return new ProducerIndex(_names, _types, members, producingMethods, allMethods, _noSourceCalls);
        }

        private static void AddByName(Dictionary<string, List<SyntaxNode>> byName, MemberEntry entry)
        {
            if (!byName.TryGetValue(entry.Name, out var list))
            {
                byName[entry.Name] = list = new List<SyntaxNode>();
            }

            list.Add(entry.Declaration);
        }
    }
}
