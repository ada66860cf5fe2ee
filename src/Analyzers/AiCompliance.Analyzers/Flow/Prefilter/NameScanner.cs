using System;
using System.Collections.Generic;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>
    /// Binding-free reading of source text around a name: what is a name, which names stand for a labeling client,
    /// whether a name may be written where it appears, and in which type it is looked up. Character tests only (no
    /// syntax walk), so they can run over the text of the whole compilation.
    /// </summary>
    internal static class NameScanner
    {
        /// <summary>Calls that never store anything in their receiver (besides the modeled sources).</summary>
        private static readonly HashSet<string> ReadOnlyCalls = new HashSet<string>(StringComparer.Ordinal)
        {
            "ToString", "Equals", "GetHashCode", "GetType", "Contains", "ContainsKey", "StartsWith", "EndsWith", "IndexOf",
            "CompareTo", "Any", "All", "Count", "First", "FirstOrDefault", "Last", "LastOrDefault", "Where", "Select",
            "OrderBy", "OrderByDescending", "ToList", "ToArray", "Trim", "Substring", "ToLower", "ToUpper",
            "ToLowerInvariant", "ToUpperInvariant", "Replace", "Split",
        };

        public static bool IsNameStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && char.IsLetter(c));

        public static bool IsNamePart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (c > 127 && char.IsLetterOrDigit(c));

        /// <summary>Whether the slice of <paramref name="text"/> is exactly <paramref name="name"/>.</summary>
        public static bool Is(string text, int start, int length, string name) =>
            length == name.Length && string.CompareOrdinal(text, start, name, 0, length) == 0;

        /// <summary>Names that stand for a labeling client (the generated wrapper and its factories): a field holding one matters.</summary>
        public static bool IsLabelingName(string name) => IsLabelingName(name, 0, name.Length);

        public static bool IsLabelingName(string text, int start, int length) =>
            Is(text, start, length, "WithLabels") || Is(text, start, length, "LabeledChatClient") ||
            Is(text, start, length, "LabeledImageGenerator") || Is(text, start, length, "LabeledTextToSpeechClient") ||
            (length > 9 && string.CompareOrdinal(text, start, "Use", 0, 3) == 0 && string.CompareOrdinal(text, start + length - 6, "Labels", 0, 6) == 0);

        /// <summary>
        /// Whether the name at [<paramref name="start"/>, <paramref name="end"/>) of the text may be written there, read
        /// from the characters around it: an assignment or compound assignment, an element or member write, a call on it
        /// that may store its arguments, <c>out</c>/<c>ref</c>, or a tuple element. Over-approximates; only a "no" saves work.
        /// </summary>
        public static bool MayBeWritten(string text, int start, int end, HashSet<string> sourceNames)
        {
            var j = SkipWhiteSpace(text, end);
            var c = At(text, j);
            switch (c)
            {
                case '=':
                    return At(text, j + 1) != '=' && At(text, j + 1) != '>';
                case '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' or '<' or '>':
                    return At(text, j + 1) == '=' || (At(text, j + 1) == c && (c == '+' || c == '-' || At(text, j + 2) == '='));
                case '?':
                    return At(text, j + 1) == '?' || At(text, j + 1) == '.' || At(text, j + 1) == '[';
                case '[':
                    return true;
                case '.':
                    return MemberMayBeWritten(text, j + 1, sourceNames);
            }

            // out x, ref x, and tuple elements (a, b) = ... (arguments look the same: over-approximated).
            var p = start - 1;
            while (p >= 0 && char.IsWhiteSpace(text[p]))
            {
                p--;
            }

            if (p >= 2 && (string.CompareOrdinal(text, p - 2, "out", 0, 3) == 0 || string.CompareOrdinal(text, p - 2, "ref", 0, 3) == 0))
            {
                return true;
            }

            if ((c != ',' && c != ')') || p < 0 || (text[p] != '(' && text[p] != ','))
            {
                return false;
            }

            return IsAssignedTuple(text, j);
        }

        /// <summary>
        /// Whether the name ending at <paramref name="end"/> is the target of a simple assignment (<c>name = …</c>, not
        /// <c>==</c>, <c>=&gt;</c> or a compound assignment): written there, not read.
        /// </summary>
        public static bool IsAssignedOnly(string text, int end)
        {
            var j = SkipWhiteSpace(text, end);
            return At(text, j) == '=' && At(text, j + 1) != '=' && At(text, j + 1) != '>';
        }

        /// <summary>
        /// Where the name starting at <paramref name="start"/> is looked up, read from the text before it: after
        /// <c>this.</c> or no qualifier at all, the member's own type; after a type name of this compilation, that type;
        /// null after anything else (a value whose type is unknown without binding, <c>?.</c>, <c>base.</c>).
        /// </summary>
        public static string? ScopeAt(string text, int start, string ownType, HashSet<string> typeNames, HashSet<string> storageNames)
        {
            var j = start - 1;
            while (j >= 0 && char.IsWhiteSpace(text[j]))
            {
                j--;
            }

            if (j < 0 || text[j] != '.')
            {
                return ownType;
            }

            if (j > 0 && (text[j - 1] == '?' || text[j - 1] == '.'))
            {
                return null;
            }

            var end = j - 1;
            while (end >= 0 && char.IsWhiteSpace(text[end]))
            {
                end--;
            }

            var begin = end;
            while (begin >= 0 && (char.IsLetterOrDigit(text[begin]) || text[begin] == '_'))
            {
                begin--;
            }

            begin++;
            if (begin > end)
            {
                return null;
            }

            var qualifier = text.Substring(begin, end - begin + 1);
            if (qualifier == "this")
            {
                return ownType;
            }

            return typeNames.Contains(qualifier) && !storageNames.Contains(qualifier) ? qualifier : null;
        }

        private static char At(string text, int k) => k < text.Length ? text[k] : '\0';

        private static int SkipWhiteSpace(string text, int k)
        {
            while (k < text.Length && char.IsWhiteSpace(text[k]))
            {
                k++;
            }

            return k;
        }

        /// <summary>After <c>name.</c> (the member starts at or after <paramref name="k"/>): a member write, or a call that may store its arguments.</summary>
        private static bool MemberMayBeWritten(string text, int k, HashSet<string> sourceNames)
        {
            k = SkipWhiteSpace(text, k);
            var nameStart = k;
            while (k < text.Length && IsNamePart(text[k]))
            {
                k++;
            }

            var member = text.Substring(nameStart, k - nameStart);
            k = SkipWhiteSpace(text, k);
            var next = At(text, k);
            if (next == '(')
            {
                return !ReadOnlyCalls.Contains(member) && !sourceNames.Contains(member);
            }

            return next != ';' && next != ')' && next != ',' && (next != '=' || At(text, k + 1) != '=');
        }

        /// <summary>
        /// Whether the parenthesized list the element before <paramref name="j"/> belongs to is assigned: a tuple element
        /// is a target only when the tuple is assigned, <c>(a, b) = ...</c>; an argument list is not.
        /// </summary>
        private static bool IsAssignedTuple(string text, int j)
        {
            var depth = 0;
            for (var k = j; k < text.Length; k++)
            {
                var ch = text[k];
                if (ch == '(')
                {
                    depth++;
                }
                else if (ch == ')' && --depth < 0)
                {
                    var after = SkipWhiteSpace(text, k + 1);
                    return At(text, after) == '=' && At(text, after + 1) != '=' && At(text, after + 1) != '>';
                }
                else if (ch == ';' || ch == '{' || ch == '}')
                {
                    return false;
                }
            }

            return false;
        }
    }
}
