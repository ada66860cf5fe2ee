using System.Collections.Immutable;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>What a model entry says about a member.</summary>
    internal enum ModelKind
    {
        /// <summary>The member's value (ReturnValue) is AI-generated content.</summary>
        Source,

        /// <summary>The member's arguments (Argument[i], Argument[i..]) or its delegate's return (Argument[i].ReturnValue) reach a user.</summary>
        Sink,

        /// <summary>The member returns labeled content.</summary>
        Sanitizer,

        /// <summary>On a content-carrying type, the member carries the content on (everything else on the type is metadata).</summary>
        Content,

        /// <summary>The member (or, with member "*", the whole type) never carries content: ids, usage, timestamps.</summary>
        Neutral,

        /// <summary>A projection: content reaches the result only through the delegate argument's return value.</summary>
        Projection,

        /// <summary>The member stores its arguments' content in its receiver (collections, builders).</summary>
        StoresInReceiver,

        /// <summary>
        /// A pass-through summary from the user model file: Access is "from -> to" (<see cref="SummaryAccess"/>), e.g.
        /// "Argument[0] -> ReturnValue" or "Argument[1] -> this". A member with summaries passes exactly what they say.
        /// </summary>
        Summary,
    }

    /// <summary>
    /// One row of the model of the world, in the shape the user model file (aicompliance.json) uses: a type by
    /// metadata name, a member name ("*" for every member, ".ctor" for constructors), an access path, and a short
    /// description used in messages. Built-in models and user models go through the same resolution code.
    /// </summary>
    internal class ModelEntry
    {
        public ModelEntry(ModelKind kind, string typeName, string member, string access = "", string? description = null)
        {
            Kind = kind;
            TypeName = typeName;
            Member = member;
            Access = access;
            Description = description;
        }

        public ModelKind Kind { get; }

        /// <summary>Metadata name of the declaring type, e.g. <c>Microsoft.Extensions.AI.IChatClient</c>.</summary>
        public string TypeName { get; }

        public string Member { get; }

        /// <summary>For sinks: <c>Argument[0]</c>, <c>Argument[1..]</c> (all from 1), <c>Argument[1].ReturnValue</c>, <c>Argument[*]</c>.</summary>
        public string Access { get; }

        /// <summary>How messages name the member; defaults to <c>Type.Member</c>.</summary>
        public string? Description { get; }

        public override string ToString() => Kind + " " + TypeName + "." + Member + (Access.Length > 0 ? " " + Access : string.Empty);
    }

    /// <summary>A parsed sink access path.</summary>
    internal readonly struct SinkAccess
    {
        public SinkAccess(int first, bool andFollowing, bool delegateReturn)
        {
            First = first;
            AndFollowing = andFollowing;
            DelegateReturn = delegateReturn;
        }

        /// <summary>The first argument index that reaches the user (-1: all arguments).</summary>
        public int First { get; }

        public bool AndFollowing { get; }

        /// <summary>The argument is a delegate whose return value reaches the user (route handlers).</summary>
        public bool DelegateReturn { get; }

        public bool Covers(int ordinal) => First < 0 || ordinal == First || (AndFollowing && ordinal > First);

        public static SinkAccess? Parse(string access)
        {
            // Argument[0] | Argument[1..] | Argument[*] | Argument[2].ReturnValue
            const string Prefix = "Argument[";
            if (!access.StartsWith(Prefix, System.StringComparison.Ordinal))
            {
                return null;
            }

            var close = access.IndexOf(']');
            if (close < 0)
            {
                return null;
            }

            var inner = access.Substring(Prefix.Length, close - Prefix.Length);
            var rest = access.Substring(close + 1);
            var delegateReturn = rest == ".ReturnValue";
            if (rest.Length > 0 && !delegateReturn)
            {
                return null;
            }

            if (inner == "*")
            {
                return new SinkAccess(-1, true, delegateReturn);
            }

            var following = inner.EndsWith("..", System.StringComparison.Ordinal);
            if (following)
            {
                inner = inner.Substring(0, inner.Length - 2);
            }

            return int.TryParse(inner, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                ? new SinkAccess(index, following, delegateReturn)
                : (SinkAccess?)null;
        }
    }
}
