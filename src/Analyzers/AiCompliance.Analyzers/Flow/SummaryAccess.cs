using System;
using System.Globalization;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// A parsed pass-through summary: <c>Argument[i] -> ReturnValue</c>, <c>Argument[*] -> this</c>,
    /// <c>this -> ReturnValue</c>… (the user model file's "from" and "to", joined by " -> ").
    /// </summary>
    internal readonly struct SummaryAccess
    {
        public const int This = -2;
        public const int AllArguments = -1;

        public SummaryAccess(int from, bool toReturn)
        {
            From = from;
            ToReturn = toReturn;
        }

        /// <summary>The argument ordinal content comes from, <see cref="AllArguments"/> or <see cref="This"/>.</summary>
        public int From { get; }

        /// <summary>True: to the call's value; false: into the receiver (<c>this</c>).</summary>
        public bool ToReturn { get; }

        public static SummaryAccess? Parse(string access)
        {
            var arrow = access.IndexOf("->", StringComparison.Ordinal);
            if (arrow < 0)
            {
                return null;
            }

            var from = access.Substring(0, arrow).Trim();
            var to = access.Substring(arrow + 2).Trim();
            bool toReturn;
            if (to == "ReturnValue")
            {
                toReturn = true;
            }
            else if (to == "this")
            {
                toReturn = false;
            }
            else
            {
                return null;
            }

            if (from == "this")
            {
                return toReturn ? new SummaryAccess(This, true) : (SummaryAccess?)null;
            }

            if (SinkAccess.Parse(from) is not { DelegateReturn: false } argument || (argument.AndFollowing && argument.First >= 0))
            {
                return null; // only Argument[i] and Argument[*]
            }

            return new SummaryAccess(argument.First < 0 ? AllArguments : argument.First, toReturn);
        }

        public override string ToString() =>
            (From == This ? "this" : From == AllArguments ? "Argument[*]" : "Argument[" + From.ToString(CultureInfo.InvariantCulture) + "]") + " -> " + (ToReturn ? "ReturnValue" : "this");
    }
}
