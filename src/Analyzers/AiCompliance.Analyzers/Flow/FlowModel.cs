using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>What the model says about one member of one type.</summary>
    internal sealed class MemberModel
    {
        public string? SourceDescription { get; set; }

        /// <summary>The sink rows of the member; a row with a condition holds only for the calls the condition accepts.</summary>
        public List<SinkRow> Sinks { get; } = new List<SinkRow>();

        public bool Sanitizer { get; set; }

        public bool Projection { get; set; }

        public bool StoresInReceiver { get; set; }

        public bool Neutral { get; set; }

        /// <summary>User-declared pass-through summaries (aicompliance.json): when present they replace the default rule.</summary>
        public List<SummaryAccess> Summaries { get; } = new List<SummaryAccess>();

        /// <summary>Flows the call adds on top of the default rule (built-in copy rows: CopyTo, Array.Copy).</summary>
        public List<SummaryAccess> Copies { get; } = new List<SummaryAccess>();

        /// <summary>The call returns a member-by-member copy of its receiver (a record's clone).</summary>
        public bool Clone { get; set; }
    }

    /// <summary>A resolved sink row: which arguments reach the user, how a finding names the sink, and when the row holds.</summary>
    internal sealed class SinkRow
    {
        public SinkRow(SinkAccess access, string description, SinkCondition? condition)
        {
            Access = access;
            Description = description;
            Condition = condition;
        }

        public SinkAccess Access { get; }

        /// <summary>May say <c>{member}</c> for the called member's name.</summary>
        public string Description { get; }

        public SinkCondition? Condition { get; }

        /// <summary>How a finding at <paramref name="site"/> names the sink.</summary>
        public string Describe(CallSite site)
        {
            var description = Condition is null ? Description : Condition.Describe(site, Description);
            return description.IndexOf(MemberPlaceholder, System.StringComparison.Ordinal) < 0 ? description : description.Replace(MemberPlaceholder, site.Method.Name);
        }

        /// <summary>What a description says for the called member's name.</summary>
        public const string MemberPlaceholder = "{member}";
    }

    /// <summary>What the model says about one type.</summary>
    internal sealed class TypeModel
    {
        public Dictionary<string, MemberModel> Members { get; } = new Dictionary<string, MemberModel>(System.StringComparer.Ordinal);

        /// <summary>Null when the type lists no content members (then every member carries content on).</summary>
        public HashSet<string>? ContentMembers { get; set; }

        public bool NeutralType { get; set; }
    }

    /// <summary>
    /// The model of the world resolved against one compilation: entries whose types are absent are dropped, so
    /// the rest of the analysis works on symbols only. Built once per compilation.
    /// </summary>
    internal sealed partial class FlowModel
    {
        private readonly Dictionary<INamedTypeSymbol, TypeModel> _types = new Dictionary<INamedTypeSymbol, TypeModel>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<ISymbol, MemberModel?> _memberCache = new ConcurrentDictionary<ISymbol, MemberModel?>(SymbolEqualityComparer.Default);
        private readonly Dictionary<string, MemberModel> _anyTypeMembers = new Dictionary<string, MemberModel>(System.StringComparer.Ordinal);
        private readonly List<SinkRow> _anyCallSinks = new List<SinkRow>();
        private readonly List<SinkRow> _returnSinks = new List<SinkRow>();
        private readonly ConcurrentDictionary<ITypeSymbol, bool> _capableCache = new ConcurrentDictionary<ITypeSymbol, bool>(SymbolEqualityComparer.Default);

        private FlowModel(Compilation compilation, IEnumerable<ModelEntry> entries)
        {
            Compilation = compilation;
            var types = WellKnownTypes.For(compilation);
            AiGeneratedAttribute = types.Get("AiCompliance.AiGeneratedAttribute");
            UserFacingAttribute = types.Get("AiCompliance.UserFacingAttribute");
            LabelerAttribute = types.Get("AiCompliance.AiContentLabelerAttribute");
            RegisteredServiceAttribute = types.Get("AiCompliance.RegisteredAiServiceAttribute");
            DelegatingChatClient = types.Get("Microsoft.Extensions.AI.DelegatingChatClient");
            ChatClient = types.Get("Microsoft.Extensions.AI.IChatClient");
            ChatClientBuilder = types.Get("Microsoft.Extensions.AI.ChatClientBuilder");
            DelegatingMediaClients = new[] { types.Get("Microsoft.Extensions.AI.DelegatingImageGenerator"), types.Get("Microsoft.Extensions.AI.DelegatingTextToSpeechClient") };
            MediaClientBuilders = new[] { types.Get("Microsoft.Extensions.AI.ImageGeneratorBuilder"), types.Get("Microsoft.Extensions.AI.TextToSpeechClientBuilder") };
            StructuredOutputExtensions = types.Get("Microsoft.Extensions.AI.ChatClientStructuredOutputExtensions");
            AiAgent = types.Get("Microsoft.Agents.AI.AIAgent");
            ControllerBase = types.Get("Microsoft.AspNetCore.Mvc.ControllerBase");
            NonActionAttribute = types.Get("Microsoft.AspNetCore.Mvc.NonActionAttribute");
            ControllerAttribute = types.Get("Microsoft.AspNetCore.Mvc.ControllerAttribute");
            HubClients = types.Get("Microsoft.AspNetCore.SignalR.IHubClients`1");
            HubCallerClients = types.Get("Microsoft.AspNetCore.SignalR.IHubCallerClients`1");
            Console = types.Get("System.Console");
            HttpResponse = types.Get("Microsoft.AspNetCore.Http.HttpResponse");
            StringBuilder = types.Get("System.Text.StringBuilder");
            TextWriter = types.Get("System.IO.TextWriter");
            Stream = types.Get("System.IO.Stream");
            FileStream = types.Get("System.IO.FileStream");

            var sourceNames = new HashSet<string>(System.StringComparer.Ordinal);
            var resolvedSources = new HashSet<string>(System.StringComparer.Ordinal);
            var signature = new System.Text.StringBuilder();
            foreach (var entry in entries)
            {
                if (entry.Kind is ModelKind.StoresInReceiver or ModelKind.Summary)
                {
                    _receiverStoreNames.Add(entry.Member); // a summary may write the receiver too
                }

                if (entry.Kind == ModelKind.Source)
                {
                    signature.Append(entry.TypeName).Append('.').Append(entry.Member).Append('\n');
                }

                if (entry.TypeName == ModelEntry.AnyType)
                {
                    ApplyAnyType(entry);
                    continue;
                }

                // Every type of the name: two referenced assemblies may define it (Microsoft.Agents.AI defines its own
                // Microsoft.Extensions.AI.ChatClientExtensions), and the row applies to each.
                foreach (var type in types.GetAll(entry.TypeName))
                {
                    if (entry.Kind == ModelKind.Source)
                    {
                        resolvedSources.Add(entry.TypeName);
                        if (!_sourceTypesByMember.TryGetValue(entry.Member, out var declaring))
                        {
                            _sourceTypesByMember[entry.Member] = declaring = new List<INamedTypeSymbol>();
                        }

                        declaring.Add(type);
                    }

                    Apply(entry, type, sourceNames);
                }
            }

            SourceCallNames = new HashSet<string>(sourceNames, System.StringComparer.Ordinal);
            SourceRowsSignature = signature.ToString();

            // Bodies that name the label text may remove it (AIC005): they pass the binding-free prefilter too.
            sourceNames.Add("LabelText");

            // Bodies that show the registration notice (AIC004) are followed too.
            sourceNames.Add("RegistrationNotice");
            sourceNames.Add("RegistrationNoticeEnglish");
            sourceNames.Add("RegistrationNoticeHtml");
            sourceNames.Add("RegistrationNumber");

            // Bodies that show the EU interaction notice (AIC011) too.
            foreach (var name in InteractionNotices.MemberNames)
            {
                sourceNames.Add(name);
            }

            SourceMemberNames = sourceNames;
            UnresolvedSdks = FindUnresolvedSdks(compilation, resolvedSources);
        }

        /// <summary>
        /// A row about members of any type: a conditional sink on every call (member "*"), a sink on what a method's body
        /// returns (access <c>ReturnValue</c>), or the rows of a member name on any type (copies, clones).
        /// </summary>
        private void ApplyAnyType(ModelEntry entry)
        {
            var description = entry.Description ?? entry.Member;
            if (entry.Kind == ModelKind.Sink && entry.Condition is { } condition && entry.Member == "*")
            {
                if (entry.Access == "ReturnValue")
                {
                    _returnSinks.Add(new SinkRow(default, description, condition));
                }
                else if (SinkAccess.Parse(entry.Access) is { } access)
                {
                    _anyCallSinks.Add(new SinkRow(access, description, condition));
                }

                return;
            }

            if (entry.Member == "*")
            {
                return; // every member of every type: only conditional sinks may say that
            }

            if (!_anyTypeMembers.TryGetValue(entry.Member, out var member))
            {
                member = new MemberModel();
                _anyTypeMembers.Add(entry.Member, member);
            }

            ApplyToMember(entry, member, "*", sourceNames: null);
        }

        private void Apply(ModelEntry entry, INamedTypeSymbol type, HashSet<string> sourceNames)
        {
            if (!_types.TryGetValue(type, out var typeModel))
            {
                typeModel = new TypeModel();
                _types.Add(type, typeModel);
            }

            if (entry.Kind == ModelKind.Neutral && entry.Member == "*")
            {
                typeModel.NeutralType = true;
                return;
            }

            if (entry.Kind == ModelKind.Content)
            {
                (typeModel.ContentMembers ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(entry.Member);
                return;
            }

            if (!typeModel.Members.TryGetValue(entry.Member, out var member))
            {
                member = new MemberModel();
                typeModel.Members.Add(entry.Member, member);
            }

            ApplyToMember(entry, member, type.Name, sourceNames);
        }

        private void ApplyToMember(ModelEntry entry, MemberModel member, string typeName, HashSet<string>? sourceNames)
        {
            switch (entry.Kind)
            {
                case ModelKind.Source when sourceNames is not null:
                    member.SourceDescription = entry.Description ?? typeName + "." + entry.Member;
                    sourceNames.Add(entry.Member);
                    HasSourceTypes = true;
                    break;
                case ModelKind.Sink when SinkAccess.Parse(entry.Access) is { } access:
                    member.Sinks.Add(new SinkRow(access, entry.Description ?? typeName + "." + entry.Member, entry.Condition));
                    break;
                case ModelKind.Sanitizer:
                    member.Sanitizer = true;
                    break;
                case ModelKind.Projection:
                    member.Projection = true;
                    break;
                case ModelKind.StoresInReceiver:
                    member.StoresInReceiver = true;
                    break;
                case ModelKind.Neutral:
                    member.Neutral = true;
                    break;
                case ModelKind.Summary when SummaryAccess.Parse(entry.Access) is { } summary:
                    member.Summaries.Add(summary);
                    break;
                case ModelKind.Copy when SummaryAccess.Parse(entry.Access) is { } copy:
                    member.Copies.Add(copy);
                    break;
                case ModelKind.Clone:
                    member.Clone = true;
                    break;
            }
        }

        /// <summary>
        /// The modeled SDKs the compilation references (by assembly name) none of whose source rows resolved to a type:
        /// their calls cannot be recognized, so AIC001 would be silent about them (reported as AIC009).
        /// </summary>
        private static IReadOnlyList<string> FindUnresolvedSdks(Compilation compilation, HashSet<string> resolvedSources)
        {
            List<string>? problems = null;
            HashSet<string>? referenced = null;
            foreach (var sdk in BuiltInModels.Sdks)
            {
                if (referenced is null)
                {
                    referenced = new HashSet<string>(System.StringComparer.Ordinal);
                    foreach (var identity in compilation.ReferencedAssemblyNames)
                    {
                        referenced.Add(identity.Name);
                    }
                }

                if (!referenced.Contains(sdk.AssemblyName))
                {
                    continue;
                }

                string? missing = null;
                var resolved = false;
                foreach (var entry in BuiltInModels.All)
                {
                    if (entry.Kind == ModelKind.Source && sdk.Owns(entry.TypeName))
                    {
                        missing ??= entry.TypeName;
                        resolved |= resolvedSources.Contains(entry.TypeName);
                    }
                }

                if (!resolved && missing is not null)
                {
                    (problems ??= new List<string>()).Add(sdk.AssemblyName + " is referenced but its type '" + missing + "' cannot be resolved, so its AI calls are not recognized");
                }
            }

            return (IReadOnlyList<string>?)problems ?? System.Array.Empty<string>();
        }

        public Compilation Compilation { get; }

        public INamedTypeSymbol? AiGeneratedAttribute { get; }

        public INamedTypeSymbol? UserFacingAttribute { get; }

        public INamedTypeSymbol? LabelerAttribute { get; }

        public INamedTypeSymbol? RegisteredServiceAttribute { get; }

        public INamedTypeSymbol? DelegatingChatClient { get; }

        /// <summary>Microsoft.Extensions.AI.IChatClient: what dependency injection hands out.</summary>
        public INamedTypeSymbol? ChatClient { get; }

        /// <summary>Microsoft.Extensions.AI.ChatClientBuilder: a pipeline whose <c>Use(...)</c> steps may add the labeling client.</summary>
        public INamedTypeSymbol? ChatClientBuilder { get; }

        /// <summary>DelegatingImageGenerator and DelegatingTextToSpeechClient: the bases of the generated media labeling wrappers (null when absent).</summary>
        public INamedTypeSymbol?[] DelegatingMediaClients { get; }

        /// <summary>ImageGeneratorBuilder and TextToSpeechClientBuilder: pipelines like ChatClientBuilder (null when absent).</summary>
        public INamedTypeSymbol?[] MediaClientBuilders { get; }

        /// <summary>Microsoft.Extensions.AI.ChatClientStructuredOutputExtensions: <c>GetResponseAsync&lt;T&gt;</c>.</summary>
        public INamedTypeSymbol? StructuredOutputExtensions { get; }

        /// <summary>Microsoft.Extensions.AI.IChatClient (the type dependency injection hands out).</summary>
        public bool IsChatClientInterface(ITypeSymbol? type) => ChatClient is not null && SymbolEqualityComparer.Default.Equals(type, ChatClient);

        /// <summary>Microsoft.Agents.AI.AIAgent: an agent built over a labeling client answers labeled.</summary>
        public INamedTypeSymbol? AiAgent { get; }

        public INamedTypeSymbol? ControllerBase { get; }

        public INamedTypeSymbol? NonActionAttribute { get; }

        public INamedTypeSymbol? ControllerAttribute { get; }

        public INamedTypeSymbol? HubClients { get; }

        public INamedTypeSymbol? HubCallerClients { get; }

        public INamedTypeSymbol? Console { get; }

        public INamedTypeSymbol? HttpResponse { get; }

        public INamedTypeSymbol? StringBuilder { get; }

        public INamedTypeSymbol? TextWriter { get; }

        public INamedTypeSymbol? Stream { get; }

        public INamedTypeSymbol? FileStream { get; }

        /// <summary>A modeled source type exists: without one (and without [AiGenerated]) nothing can be tainted.</summary>
        public bool HasSourceTypes { get; private set; }

        /// <summary>
        /// One line per modeled SDK the compilation references whose source types are all missing (a renamed or
        /// unsupported version): AIC009, since AIC001 cannot see those calls.
        /// </summary>
        public IReadOnlyList<string> UnresolvedSdks { get; }

        /// <summary>
        /// The names of the source rows' members alone (<c>GetResponseAsync</c>, but also <c>Create</c>, <c>SendAsync</c>,
        /// <c>InvokeAsync</c>): common names, so the prefilter confirms a mention of one with its symbol before it counts.
        /// </summary>
        public HashSet<string> SourceCallNames { get; }

        /// <summary>The source rows (type and member of each), as one string: answers about sources cached across compilations are keyed by it.</summary>
        public string SourceRowsSignature { get; }

        /// <summary>Names of source members, for the binding-free prefilter of callees.</summary>
        public HashSet<string> SourceMemberNames { get; }

        private readonly HashSet<string> _receiverStoreNames = new HashSet<string>(System.StringComparer.Ordinal); // rows that may write a receiver
        private readonly Dictionary<string, List<INamedTypeSymbol>> _sourceTypesByMember = new Dictionary<string, List<INamedTypeSymbol>>(System.StringComparer.Ordinal);

        /// <summary>
        /// Whether <c>TypeName.Member(…)</c>, a call on a type written by its simple name, may be a source call: some
        /// source row of that member name is a static member of a type of that name, or of a type others may derive
        /// from (its static members are reached through theirs). Rows on instance members (<c>client.Messages.Create</c>)
        /// cannot be called on a type. A member without source rows is never a source.
        /// </summary>
        public bool MayBeStaticSource(string member, string typeName)
        {
            if (!_sourceTypesByMember.TryGetValue(member, out var types))
            {
                return false;
            }

            foreach (var type in types)
            {
                if ((type.Name == typeName || !(type.IsStatic || type.IsSealed || type.TypeKind == TypeKind.Interface)) &&
                    type.GetMembers(member).Any(m => m.IsStatic))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a call of <paramref name="member"/> on a receiver of <paramref name="receiverType"/> may be a source call,
        /// from declarations only: a member of that name the type, its base types or its interfaces declare is a source
        /// row's (or overrides or implements one), or a source row of that name is declared in a static class (an extension
        /// member reaches receivers of other types). A type that cannot be told (an error, a type parameter, dynamic) may.
        /// </summary>
        public bool MayBeSourceOn(ITypeSymbol? receiverType, string member)
        {
            if (!_sourceTypesByMember.TryGetValue(member, out var types))
            {
                return false;
            }

            if (receiverType is null || receiverType.TypeKind is TypeKind.Error or TypeKind.TypeParameter or TypeKind.Dynamic || types.Any(t => t.IsStatic))
            {
                return true;
            }

            for (var t = receiverType; t is not null; t = t.BaseType)
            {
                if (t.GetMembers(member).Any(m => Find(m)?.SourceDescription is not null))
                {
                    return true;
                }
            }

            return receiverType.AllInterfaces.Any(i => i.GetMembers(member).Any(m => Find(m)?.SourceDescription is not null));
        }

        /// <summary>
        /// Whether a library method of that name may store its arguments in its receiver, as the engine's calls see it: a
        /// collection's or builder's mutator (<see cref="IsMutatorName"/>), or a member with a stores-in-receiver or summary
        /// row. (A method of the compilation may store whatever its name: its summary tells.)
        /// </summary>
        public bool MayStoreInReceiver(string name) => IsMutatorName(name) || _receiverStoreNames.Contains(name);

        /// <summary>The names of the library mutators that store their arguments in a collection or builder receiver.</summary>
        public static bool IsMutatorName(string name) =>
            name.StartsWith("Add", System.StringComparison.Ordinal) || name.StartsWith("Append", System.StringComparison.Ordinal) ||
            name.StartsWith("Insert", System.StringComparison.Ordinal) || name.StartsWith("Push", System.StringComparison.Ordinal) ||
            name.StartsWith("Enqueue", System.StringComparison.Ordinal) || name.StartsWith("Prepend", System.StringComparison.Ordinal) ||
            name.StartsWith("Write", System.StringComparison.Ordinal) || name == "TryAdd" || name == "Set" || name == "Replace" ||
            name == "GetOrAdd" || name == "AddOrUpdate" || name == "TryUpdate";

        public static FlowModel Create(Compilation compilation) => new FlowModel(compilation, BuiltInModels.All);

        /// <summary>The built-in rows plus <paramref name="extra"/> rows (the user model file, aicompliance.json).</summary>
        public static FlowModel Create(Compilation compilation, IEnumerable<ModelEntry> extra) => new FlowModel(compilation, BuiltInModels.All.Concat(extra));

        /// <summary>The model of <paramref name="member"/>: its own row, an interface row it implements, or a row of what it overrides.</summary>
        public MemberModel? Find(ISymbol member) => _memberCache.GetOrAdd(member, FindCore);

        /// <summary>Whether a row names this member's own type (not a base type or an interface it implements).</summary>
        public bool IsModeledDirectly(ISymbol member)
        {
            var definition = (member is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : member).OriginalDefinition;
            return definition.ContainingType?.OriginalDefinition is { } type &&
                _types.TryGetValue(type, out var model) && model.Members.ContainsKey(definition.Name);
        }

        /// <summary>Conditional sinks on calls of any member of any type (a hub client proxy, HttpResponse.Body): each call asks their conditions.</summary>
        public IReadOnlyList<SinkRow> AnyCallSinks => _anyCallSinks;

        /// <summary>How a finding names the sink that what <paramref name="method"/>'s body returns reaches (a controller action), or null.</summary>
        public string? ReturnSinkOf(IMethodSymbol method)
        {
            foreach (var row in _returnSinks)
            {
                if (row.Condition!.HoldsForBody(method, this))
                {
                    return row.Description.Replace(SinkRow.MemberPlaceholder, method.Name);
                }
            }

            return null;
        }

        /// <summary>The member of what <paramref name="method"/>'s body returns that alone reaches its return sink, or null (all of it).</summary>
        public ISymbol? ReturnSinkMemberOf(IMethodSymbol method)
        {
            foreach (var row in _returnSinks)
            {
                if (row.Condition!.HoldsForBody(method, this))
                {
                    return row.Condition.ReturnedMember(method);
                }
            }

            return null;
        }

        /// <summary>The content members of a modeled type (walking base types), or null when the type is not modeled that way.</summary>
        public HashSet<string>? ContentMembersOf(ITypeSymbol? type)
        {
            for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
            {
                if (_types.TryGetValue(t.OriginalDefinition, out var model) && model.ContentMembers is not null)
                {
                    return model.ContentMembers;
                }
            }

            return null;
        }

        public bool IsNeutralType(ITypeSymbol? type)
        {
            for (var t = type as INamedTypeSymbol; t is not null; t = t.BaseType)
            {
                if (_types.TryGetValue(t.OriginalDefinition, out var model) && model.NeutralType)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether a value of this type can carry text: not a number, bool, char, enum, date, id or a neutral SDK
        /// type, nor a task, nullable, array or sequence of those. Derived scalars (a length, a flag) are not content.
        /// </summary>
        public bool IsContentCapable(ITypeSymbol? type)
        {
            if (type is null)
            {
                return true;
            }

            return _capableCache.GetOrAdd(type, t => ComputeCapable(t, 0));
        }

        private bool ComputeCapable(ITypeSymbol type, int depth)
        {
            if (depth > FlowLimits.MaxContentTypeDepth)
            {
                return true;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Object:
                    return true;
                case SpecialType.System_Boolean:
                case SpecialType.System_Char:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Decimal:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_IntPtr:
                case SpecialType.System_UIntPtr:
                case SpecialType.System_DateTime:
                case SpecialType.System_Void:
                    return false;
            }

            if (type.TypeKind == TypeKind.Delegate)
            {
                // A delegate carries what invoking it returns: Func<string> can, Action cannot.
                var invoke = (type as INamedTypeSymbol)?.DelegateInvokeMethod;
                return invoke is not null && !invoke.ReturnsVoid && ComputeCapable(invoke.ReturnType, depth + 1);
            }

            if (type.TypeKind == TypeKind.Enum || type.TypeKind == TypeKind.Pointer || type.TypeKind == TypeKind.FunctionPointer)
            {
                return false;
            }

            if (type is IArrayTypeSymbol array)
            {
                // char[] and byte[] can hold text.
                var element = array.ElementType.SpecialType;
                return element == SpecialType.System_Char || element == SpecialType.System_Byte || ComputeCapable(array.ElementType, depth + 1);
            }

            if (IsNeutralType(type))
            {
                return false;
            }

            if (type is INamedTypeSymbol named)
            {
                var ns = named.ContainingNamespace?.ToDisplayString();
                if (ns == "System" && (named.Name == "DateTimeOffset" || named.Name == "TimeSpan" || named.Name == "Guid" || named.Name == "DateOnly" || named.Name == "TimeOnly" || named.Name == "Half" || named.Name == "Int128" || named.Name == "UInt128"))
                {
                    return false;
                }

                if (named.IsGenericType && named.TypeArguments.Length > 0)
                {
                    // Task<int>, ValueTask<bool>, IEnumerable<int>, int?, List<Guid>: as their arguments.
                    var isWrapper = named.ConstructedFrom.SpecialType == SpecialType.System_Nullable_T ||
                                    named.Name == "Task" || named.Name == "ValueTask" ||
                                    named.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) ||
                                    named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T ||
                                    named.Name == "IAsyncEnumerable";
                    if (isWrapper)
                    {
                        // IEnumerable<char> (ai.Reverse(), ai.Take(100)) still holds text, like char[]; so does a sequence of bytes
                        // (ArraySegment<byte>, what byte[] converts to for WebSocket.SendAsync), like byte[].
                        var sequence = named.ConstructedFrom.SpecialType != SpecialType.System_Nullable_T && named.Name != "Task" && named.Name != "ValueTask";
                        return named.TypeArguments.Any(a => (sequence && (a.SpecialType == SpecialType.System_Char || a.SpecialType == SpecialType.System_Byte)) || ComputeCapable(a, depth + 1));
                    }
                }

                if (named.Name == "Task" || named.Name == "ValueTask")
                {
                    return named.TypeArguments.Length > 0; // non-generic Task carries nothing
                }
            }

            return true;
        }

        private MemberModel? FindCore(ISymbol member)
        {
            var definition = member is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : member;
            definition = definition.OriginalDefinition;
            var type = definition.ContainingType?.OriginalDefinition;
            if (type is null)
            {
                return null;
            }

            if (_types.TryGetValue(type, out var typeModel) && typeModel.Members.TryGetValue(definition.Name, out var direct))
            {
                return direct;
            }

            // An override of a modeled virtual member.
            for (var overridden = Overridden(definition); overridden is not null; overridden = Overridden(overridden))
            {
                var baseType = overridden.ContainingType.OriginalDefinition;
                if (_types.TryGetValue(baseType, out var baseModel) && baseModel.Members.TryGetValue(overridden.Name, out var inherited))
                {
                    return inherited;
                }
            }

            // An implementation of a modeled interface member (e.g. OllamaApiClient.GetResponseAsync).
            if (type.TypeKind != TypeKind.Interface && !definition.IsStatic)
            {
                foreach (var iface in type.AllInterfaces)
                {
                    if (_types.TryGetValue(iface.OriginalDefinition, out var ifaceModel) &&
                        ifaceModel.Members.TryGetValue(definition.Name, out var implemented) &&
                        (implemented.SourceDescription is not null || implemented.Sinks.Count > 0))
                    {
                        return implemented;
                    }
                }
            }

            // The rows of a member name on any type (CopyTo, a record's clone).
            return _anyTypeMembers.TryGetValue(definition.Name, out var any) ? any : null;
        }

        private static ISymbol? Overridden(ISymbol symbol) => symbol switch
        {
            IMethodSymbol m => m.OverriddenMethod?.OriginalDefinition,
            IPropertySymbol p => p.OverriddenProperty?.OriginalDefinition,
            _ => null,
        };

/// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it (by original definitions).</summary>
        public static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The generated <c>WithLabels</c> factory of a registered service, or the generated
        /// <c>ChatClientBuilder.Use…Labels()</c> extension (the builder then builds a labeling client).
        /// </summary>
        public bool IsLabelingWrapperFactory(IMethodSymbol method)
        {
            if (!method.IsStatic)
            {
                return false;
            }

            if (method.Name == "WithLabels" && HasAttribute(method.ContainingType, RegisteredServiceAttribute))
            {
                return true;
            }

            var definition = method.ReducedFrom ?? method;
            return definition.Name.StartsWith("Use", StringComparison.Ordinal) && definition.Name.EndsWith("Labels", StringComparison.Ordinal) &&
                   definition.ContainingType is { } owner && owner.Name.EndsWith("LabelingExtensions", StringComparison.Ordinal) &&
                   owner.GetAttributes().Any(a => a.AttributeClass?.Name == "GeneratedCodeAttribute" &&
                                                  a.ConstructorArguments.Length > 0 &&
                                                  a.ConstructorArguments[0].Value is "AiCompliance.Generators");
        }

        /// <summary>The generated labeling client, image generator or speech client type (nested in a registered service, derived from a delegating client).</summary>
        public bool IsLabelingClientType(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && named.ContainingType is { } owner &&
            HasAttribute(owner, RegisteredServiceAttribute) &&
            (IsOrDerives(named, DelegatingChatClient) || IsOrDerives(named, DelegatingMediaClients[0]) || IsOrDerives(named, DelegatingMediaClients[1]));

        public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
        {
            if (attribute is null)
            {
                return false;
            }

            foreach (var data in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
