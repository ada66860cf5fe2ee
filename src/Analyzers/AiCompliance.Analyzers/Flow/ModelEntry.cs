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

        /// <summary>
        /// A flow the call adds on top of the default rule, in the summary grammar: <c>this -> Argument[*]</c> for
        /// <c>CopyTo</c>, <c>Argument[0] -> Argument[1..]</c> for <c>Array.Copy</c> (built-in rows).
        /// </summary>
        Copy,

        /// <summary>The call returns a member-by-member copy of its receiver (a record's <c>&lt;Clone&gt;$</c>, behind <c>with</c>).</summary>
        Clone,
    }

    /// <summary>
    /// One row of the model of the world, in the shape the user model file (aicompliance.json) uses: a type by
    /// metadata name, a member name ("*" for every member, ".ctor" for constructors), an access path, and a short
    /// description used in messages. Built-in models and user models go through the same resolution code.
    /// </summary>
    /// <remarks>
    /// Built-in rows may also name the type <see cref="AnyType"/> ("*": a member of any type, by name; or, with member
    /// "*" and a <see cref="Condition"/>, any call the condition accepts) and carry a <see cref="Condition"/>: a
    /// predicate over the call where a name is not enough (the receiver is <c>Console.Out</c>, the call follows
    /// <c>OpenComponent</c>…). A description may say <c>{member}</c> for the called member's name.
    /// </remarks>
    internal sealed class ModelEntry
    {
        /// <summary>The type name of rows about members of any type.</summary>
        public const string AnyType = "*";

        public ModelEntry(ModelKind kind, string typeName, string member, string access = "", string? description = null, SinkCondition? condition = null)
        {
            Kind = kind;
            TypeName = typeName;
            Member = member;
            Access = access;
            Description = description;
            Condition = condition;
        }

        public ModelKind Kind { get; }

        /// <summary>Metadata name of the declaring type, e.g. <c>Microsoft.Extensions.AI.IChatClient</c>.</summary>
        public string TypeName { get; }

        public string Member { get; }

        /// <summary>For sinks: <c>Argument[0]</c>, <c>Argument[1..]</c> (all from 1), <c>Argument[1].ReturnValue</c>, <c>Argument[*]</c>.</summary>
        public string Access { get; }

        /// <summary>How messages name the member; defaults to <c>Type.Member</c>.</summary>
        public string? Description { get; }

        /// <summary>When the row holds only for some calls of the member: the predicate (built-in rows only).</summary>
        public SinkCondition? Condition { get; }

        public override string ToString() =>
            Kind + " " + TypeName + "." + Member + (Access.Length > 0 ? " " + Access : string.Empty) + (Condition is null ? string.Empty : " when " + Condition.Name);
    }
}
