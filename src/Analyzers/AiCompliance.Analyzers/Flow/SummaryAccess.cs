using System;
using System.Globalization;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>Where a pass-through flow puts what it reads.</summary>
    internal enum FlowTarget
    {
        /// <summary>The call's value.</summary>
        ReturnValue,

        /// <summary>The receiver (an extension method's first argument): collections, builders.</summary>
        This,

        /// <summary>An argument the call writes into: a buffer, a builder, a collection (<c>CopyTo</c>, <c>Array.Copy</c>).</summary>
        Argument,
    }

    /// <summary>
    /// A parsed pass-through flow: <c>Argument[i] -> ReturnValue</c>, <c>Argument[*] -> this</c>,
    /// <c>this -> ReturnValue</c>, <c>this -> Argument[*]</c>, <c>Argument[0] -> Argument[1..]</c>… (the user model
    /// file's "from" and "to", joined by " -> "; the built-in copy rows use the same grammar).
    /// </summary>
    internal readonly struct SummaryAccess
    {
        public const int This = -2;
        public const int AllArguments = -1;

        public SummaryAccess(int from, bool toReturn)
            : this(from, toReturn ? FlowTarget.ReturnValue : FlowTarget.This, default)
        {
        }

        public SummaryAccess(int from, FlowTarget target, SinkAccess toArguments)
        {
            From = from;
            Target = target;
            ToArguments = toArguments;
        }

        /// <summary>The argument ordinal content comes from, <see cref="AllArguments"/> or <see cref="This"/>.</summary>
        public int From { get; }

        public FlowTarget Target { get; }

        /// <summary>True: to the call's value.</summary>
        public bool ToReturn => Target == FlowTarget.ReturnValue;

        /// <summary>For <see cref="FlowTarget.Argument"/>: the arguments written (one ordinal, from one on, or all).</summary>
        public SinkAccess ToArguments { get; }

        /// <summary>
        /// Whether the target names one argument: then it is written whatever its type can hold; a range or "*" writes
        /// only the buffers among them (arrays, spans, memory), so an index or a count is never "written".
        /// </summary>
        public bool ToOneArgument => Target == FlowTarget.Argument && ToArguments.First >= 0 && !ToArguments.AndFollowing;

        public static SummaryAccess? Parse(string access)
        {
            var arrow = access.IndexOf("->", StringComparison.Ordinal);
            if (arrow < 0)
            {
                return null;
            }

            var from = access.Substring(0, arrow).Trim();
            var to = access.Substring(arrow + 2).Trim();
            FlowTarget target;
            var toArguments = default(SinkAccess);
            if (to == "ReturnValue")
            {
                target = FlowTarget.ReturnValue;
            }
            else if (to == "this")
            {
                target = FlowTarget.This;
            }
            else if (SinkAccess.Parse(to) is { DelegateReturn: false } written)
            {
                target = FlowTarget.Argument;
                toArguments = written;
            }
            else
            {
                return null;
            }

            if (from == "this")
            {
                return target != FlowTarget.This ? new SummaryAccess(This, target, toArguments) : (SummaryAccess?)null;
            }

            if (SinkAccess.Parse(from) is not { DelegateReturn: false } argument || (argument.AndFollowing && argument.First >= 0))
            {
                return null; // only Argument[i] and Argument[*]
            }

            return new SummaryAccess(argument.First < 0 ? AllArguments : argument.First, target, toArguments);
        }

        public override string ToString() =>
            (From == This ? "this" : From == AllArguments ? "Argument[*]" : "Argument[" + From.ToString(CultureInfo.InvariantCulture) + "]") + " -> " +
            (Target == FlowTarget.ReturnValue ? "ReturnValue" : Target == FlowTarget.This ? "this" : ToArguments.ToString());
    }
}
