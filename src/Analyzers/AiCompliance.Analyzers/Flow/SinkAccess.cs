namespace AiCompliance.Analyzers.Flow
{
    /// <summary>A parsed sink access path.</summary>
    internal readonly struct SinkAccess
    {
        public SinkAccess(int first, bool andFollowing, bool delegateReturn, bool receiver = false)
        {
            First = first;
            AndFollowing = andFollowing;
            DelegateReturn = delegateReturn;
            Receiver = receiver;
        }

        /// <summary>The receiver reaches the user, not an argument (<c>this</c>: <c>bytes.ToStream().CopyTo(file)</c>).</summary>
        public bool Receiver { get; }

        /// <summary>The first argument index that reaches the user (-1: all arguments).</summary>
        public int First { get; }

        public bool AndFollowing { get; }

        /// <summary>The argument is a delegate whose return value reaches the user (route handlers).</summary>
        public bool DelegateReturn { get; }

        public bool Covers(int ordinal) => !Receiver && (First < 0 || ordinal == First || (AndFollowing && ordinal > First));

        public override string ToString() => Receiver ? "this" :
            "Argument[" + (First < 0 ? "*" : First.ToString(System.Globalization.CultureInfo.InvariantCulture) + (AndFollowing ? ".." : string.Empty)) + "]" +
            (DelegateReturn ? ".ReturnValue" : string.Empty);

        public static SinkAccess? Parse(string access)
        {
            // Argument[0] | Argument[1..] | Argument[*] | Argument[2].ReturnValue | this
            if (access == "this")
            {
                return new SinkAccess(0, false, false, receiver: true);
            }

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
