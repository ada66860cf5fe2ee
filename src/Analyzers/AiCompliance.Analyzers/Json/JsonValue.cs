using System.Collections.Generic;
using System.Globalization;

namespace AiCompliance.Analyzers.Json
{
    /// <summary>
    /// A parsed JSON value with its position in the text. After a syntax error the tree holds what was read up to
    /// the error: containers cut short have <see cref="Complete"/> false, complete values inside them are kept.
    /// </summary>
    internal sealed class JsonValue
    {
        public JsonValue(JsonKind kind, int start)
        {
            Kind = kind;
            Start = start;
            End = start;
        }

        public JsonKind Kind { get; }

        /// <summary>Offset of the first character.</summary>
        public int Start { get; }

        /// <summary>Offset just past the last character read.</summary>
        public int End { get; set; }

        /// <summary>False for a container cut short by a syntax error.</summary>
        public bool Complete { get; set; } = true;

        /// <summary>The decoded text of a string; the raw text of a number.</summary>
        public string? Text { get; set; }

        /// <summary>Object members in document order (duplicates kept).</summary>
        public List<JsonMember>? Members { get; set; }

        /// <summary>Array items.</summary>
        public List<JsonValue>? Items { get; set; }

        public double Number => double.Parse(Text ?? "0", NumberStyles.Float, CultureInfo.InvariantCulture);

        public static string Describe(JsonKind kind) => kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Number => "a number",
            JsonKind.True or JsonKind.False => "a boolean",
            _ => "null",
        };
    }
}
