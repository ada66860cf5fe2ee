using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>Where AI content came from: the source call, named for messages.</summary>
    internal sealed class SourceRef : IEquatable<SourceRef>
    {
        public SourceRef(string description, Location location, bool labeled = false, string? notice = null, int? clientParameter = null)
        {
            Description = description;
            Location = location;
            Labeled = labeled;
            Notice = notice;
            ClientParameter = clientParameter;
        }

        /// <summary>
        /// In a summary: the source call's client was this parameter of the summarized method (a helper that takes the
        /// client, <c>AskAsync(IChatClient c)</c>). At each call the content is labeled when the caller passes the
        /// labeling client (<see cref="TaintValue.Instantiate"/>).
        /// </summary>
        public int? ClientParameter { get; }

        /// <summary>
        /// Not AI content: the registration notice or number of the service with this metadata name (AIC004 follows it
        /// to outputs with the same engine).
        /// </summary>
        public string? Notice { get; }

        public string Description { get; }

        public Location Location { get; }

        /// <summary>The content passed through a labeler (or came from the labeling client) on this path.</summary>
        public bool Labeled { get; }

        public SourceRef AsLabeled() => Labeled || Notice is not null ? this : new SourceRef(Description, Location, labeled: true);

        /// <summary>At a call of the summarized method: labeled if the caller passed the labeling client, else tied to the caller's own parameter, if it passed one on.</summary>
        public SourceRef ThroughClient(TaintValue client)
        {
            if (client.LabeledClient)
            {
                return AsLabeled();
            }

            int? parameter = client.Params.Count == 1 && client.Sources.IsEmpty ? client.Params.First() : null;
            return parameter == ClientParameter ? this : new SourceRef(Description, Location, Labeled, Notice, parameter);
        }

        public bool Equals(SourceRef? other) =>
            other is not null && Labeled == other.Labeled && Notice == other.Notice && ClientParameter == other.ClientParameter && Description == other.Description && Location.Equals(other.Location);

        public override bool Equals(object? obj) => Equals(obj as SourceRef);

        public override int GetHashCode() => (Description.GetHashCode() * 397) ^ Location.GetHashCode() ^ (Labeled ? 1 : 0);

        /// <summary>Stable order for messages: by file, then position.</summary>
        public static int Compare(SourceRef a, SourceRef b)
        {
            var byPath = string.CompareOrdinal(a.Location.SourceTree?.FilePath, b.Location.SourceTree?.FilePath);
            return byPath != 0 ? byPath : a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start);
        }
    }

    /// <summary>
    /// The abstract value of an expression or variable: which AI sources it may carry (<see cref="Sources"/>),
    /// which parameters of the analyzed method it may carry (<see cref="Params"/>, for summaries; -1 is <c>this</c>),
    /// per-member values of an object built in the method (<see cref="Fields"/>), and whether it is a chat client
    /// that labels its responses. Immutable; equality is structural (the fixpoint needs it).
    /// </summary>
    internal sealed class TaintValue : IEquatable<TaintValue>
    {
        public const int ThisParameter = -1;
        private const int MaxFieldDepth = FlowLimits.MaxFieldDepth;
        private const int MaxSources = FlowLimits.MaxSources;

        public static readonly TaintValue Clean = new TaintValue(
            ImmutableHashSet<SourceRef>.Empty, ImmutableHashSet<int>.Empty, ImmutableDictionary<ISymbol, TaintValue>.Empty.WithComparers(MemberComparer.Instance), false);

        public static readonly TaintValue LabeledClientValue = Clean.WithLabeledClient();

        private TaintValue(ImmutableHashSet<SourceRef> sources, ImmutableHashSet<int> parameters, ImmutableDictionary<ISymbol, TaintValue> fields, bool labeledClient)
        {
            Sources = sources;
            Params = parameters;
            Fields = fields;
            LabeledClient = labeledClient;
        }

        public ImmutableHashSet<SourceRef> Sources { get; }

        public ImmutableHashSet<int> Params { get; }

        public ImmutableDictionary<ISymbol, TaintValue> Fields { get; }

        public bool LabeledClient { get; }

        /// <summary>The value itself carries something (not counting its fields).</summary>
        public bool HasOwnTaint => !Sources.IsEmpty || !Params.IsEmpty;

        /// <summary>The value or one of its fields carries something.</summary>
        public bool IsTainted => HasOwnTaint || Fields.Values.Any(f => f.IsTainted);

        public static TaintValue FromSource(SourceRef source) =>
            new TaintValue(ImmutableHashSet.Create(source), ImmutableHashSet<int>.Empty, Clean.Fields, false);

        public static TaintValue FromParameter(int ordinal) =>
            new TaintValue(ImmutableHashSet<SourceRef>.Empty, ImmutableHashSet.Create(ordinal), Clean.Fields, false);

        public static TaintValue FromSources(ImmutableHashSet<SourceRef> sources) =>
            sources.IsEmpty ? Clean : new TaintValue(sources, ImmutableHashSet<int>.Empty, Clean.Fields, false);

        public TaintValue WithLabeledClient() => new TaintValue(Sources, Params, Fields, true);

        /// <summary>
        /// The value after a labeler: the same sources, marked labeled (kept for the compliance report and for
        /// tamper checks); parameter placeholders are dropped, since labeled content reaching a sink is fine.
        /// </summary>
        public TaintValue AsLabeled()
        {
            var whole = Whole();
            return whole.Sources.IsEmpty ? Clean : Make(whole.Sources.Select(s => s.AsLabeled()).ToImmutableHashSet(), ImmutableHashSet<int>.Empty, Clean.Fields, false);
        }

        /// <summary>Whether the value (with its fields) carries AI content that is not labeled.</summary>
        public bool HasUnlabeled => Sources.Any(s => !s.Labeled && s.Notice is null) || Fields.Values.Any(f => f.HasUnlabeled);

        /// <summary>The value with every field folded into its own taint (what a sink sees of a whole object).</summary>
        public TaintValue Whole()
        {
            if (Fields.IsEmpty)
            {
                return LabeledClient ? new TaintValue(Sources, Params, Clean.Fields, false) : this;
            }

            var sources = Sources;
            var parameters = Params;
            foreach (var field in Fields.Values)
            {
                var whole = field.Whole();
                sources = sources.Union(whole.Sources);
                parameters = parameters.Union(whole.Params);
            }

            return Make(sources, parameters, Clean.Fields, false);
        }

        /// <summary>Only the own taint (no fields, no client flag).</summary>
        public TaintValue Own() => Fields.IsEmpty && !LabeledClient ? this : Make(Sources, Params, Clean.Fields, false);

        public TaintValue WithField(ISymbol member, TaintValue value, int depth = 0)
        {
            if (depth >= MaxFieldDepth)
            {
                return Join(value.Whole());
            }

            return new TaintValue(Sources, Params, Fields.SetItem(member, value.Fields.IsEmpty ? value : value.Truncate(depth + 1)), LabeledClient);
        }

        /// <summary>The value without one of its members (a dictionary's values without its keys).</summary>
        public TaintValue WithoutField(ISymbol member) => Fields.ContainsKey(member) ? Make(Sources, Params, Fields.Remove(member), LabeledClient) : this;

        public TaintValue WithoutParams() => Params.IsEmpty && Fields.Values.All(f => f.Params.IsEmpty)
            ? this
            : new TaintValue(Sources, ImmutableHashSet<int>.Empty, Fields.ToImmutableDictionary(p => p.Key, p => p.Value.WithoutParams(), MemberComparer.Instance), LabeledClient);

        public TaintValue Join(TaintValue other)
        {
            if (ReferenceEquals(this, other) || other == Clean)
            {
                return this;
            }

            if (this == Clean)
            {
                return other;
            }

            // Joins at every block edge mostly change nothing: answer without building new sets when one side already
            // holds the other (the labeled-client flag is an "and", so it must not be lost either way).
            if (other.Fields.IsEmpty && (!LabeledClient || other.LabeledClient) &&
                Sources.IsSupersetOf(other.Sources) && Params.IsSupersetOf(other.Params))
            {
                return this;
            }

            if (Fields.IsEmpty && (!other.LabeledClient || LabeledClient) &&
                other.Sources.IsSupersetOf(Sources) && other.Params.IsSupersetOf(Params))
            {
                return other;
            }

            var fields = Fields;
            foreach (var pair in other.Fields)
            {
                fields = fields.TryGetValue(pair.Key, out var mine) ? fields.SetItem(pair.Key, mine.Join(pair.Value)) : fields.SetItem(pair.Key, pair.Value);
            }

            return Make(Sources.Union(other.Sources), Params.Union(other.Params), fields, LabeledClient && other.LabeledClient);
        }

        public static TaintValue JoinAll(IEnumerable<TaintValue> values)
        {
            var result = Clean;
            foreach (var value in values)
            {
                result = result.Join(value);
            }

            return result;
        }

        /// <summary>Replaces parameter placeholders with the caller's values (summary application).</summary>
        public TaintValue Instantiate(Func<int, TaintValue> argument)
        {
            var sources = Sources;
            if (sources.Any(s => s.ClientParameter is not null))
            {
                sources = sources.Select(s => s.ClientParameter is { } client ? s.ThroughClient(argument(client)) : s).ToImmutableHashSet();
            }

            var result = Make(sources, ImmutableHashSet<int>.Empty, Clean.Fields, false);
            foreach (var p in Params)
            {
                // The whole argument: a summary that reads a member of its parameter does not know which one was
                // tainted in the caller (a tuple or an object built there with content in one member).
                result = result.Join(argument(p).Whole());
            }

            foreach (var field in Fields)
            {
                result = result.WithField(field.Key, field.Value.Instantiate(argument));
            }

            return result;
        }

        public bool Equals(TaintValue? other)
        {
            if (ReferenceEquals(this, other))
            {
                return true;
            }

            if (other is null || LabeledClient != other.LabeledClient || !Sources.SetEquals(other.Sources) || !Params.SetEquals(other.Params) || Fields.Count != other.Fields.Count)
            {
                return false;
            }

            foreach (var pair in Fields)
            {
                if (!other.Fields.TryGetValue(pair.Key, out var theirs) || !pair.Value.Equals(theirs))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as TaintValue);

        public override int GetHashCode() => (Sources.Count * 31) + (Params.Count * 7) + Fields.Count + (LabeledClient ? 1 : 0);

        public static bool operator ==(TaintValue? left, TaintValue? right) => left is null ? right is null : left.Equals(right);

        public static bool operator !=(TaintValue? left, TaintValue? right) => !(left == right);

        /// <summary>
        /// This value as a field at nesting level <paramref name="depth"/>: members nested deeper than
        /// <see cref="MaxFieldDepth"/> fold into their parent, so self-referencing objects built in a loop stay small.
        /// </summary>
        private TaintValue Truncate(int depth)
        {
            if (Fields.IsEmpty)
            {
                return this;
            }

            if (depth >= MaxFieldDepth)
            {
                return Whole();
            }

            var fields = Fields;
            foreach (var pair in Fields)
            {
                var truncated = pair.Value.Truncate(depth + 1);
                if (!ReferenceEquals(truncated, pair.Value))
                {
                    fields = fields.SetItem(pair.Key, truncated);
                }
            }

            return ReferenceEquals(fields, Fields) ? this : new TaintValue(Sources, Params, fields, LabeledClient);
        }

        /// <summary>
        /// A bounded set of sources that keeps every verdict of the full set: the first <see cref="MaxSources"/>
        /// unlabeled sources and the first labeled ones (stable order by position; messages name the first, additional
        /// locations show some), and the first source of each registration notice (AIC004). Whether an unlabeled source
        /// is present never depends on how many labeled ones came before it.
        /// </summary>
        internal static ImmutableHashSet<SourceRef> Bound(ImmutableHashSet<SourceRef> sources)
        {
            var unlabeled = 0;
            var labeled = 0;
            var notices = new HashSet<string>(StringComparer.Ordinal);
            var kept = ImmutableHashSet.CreateBuilder<SourceRef>();
            foreach (var source in sources.OrderBy(s => s, SourceOrder))
            {
                var keep = source.Notice is { } notice ? notices.Add(notice)
                    : source.Labeled ? labeled++ < MaxSources
                    : unlabeled++ < MaxSources;
                if (keep)
                {
                    kept.Add(source);
                }
            }

            return kept.Count == sources.Count ? sources : kept.ToImmutable();
        }

        private static readonly IComparer<SourceRef> SourceOrder = Comparer<SourceRef>.Create(SourceRef.Compare);

        private static TaintValue Make(ImmutableHashSet<SourceRef> sources, ImmutableHashSet<int> parameters, ImmutableDictionary<ISymbol, TaintValue> fields, bool labeledClient)
        {
            if (sources.Count > MaxSources)
            {
                sources = Bound(sources);
            }

            if (sources.IsEmpty && parameters.IsEmpty && fields.IsEmpty && !labeledClient)
            {
                return Clean;
            }

            return new TaintValue(sources, parameters, fields, labeledClient);
        }
    }
}
