namespace AiCompliance.Analyzers.Json
{
    /// <summary>One member of a JSON object.</summary>
    internal sealed class JsonMember
    {
        public JsonMember(string name, int nameStart, int nameEnd, JsonValue value)
        {
            Name = name;
            NameStart = nameStart;
            NameEnd = nameEnd;
            Value = value;
        }

        public string Name { get; }

        public int NameStart { get; }

        public int NameEnd { get; }

        public JsonValue Value { get; }
    }
}
