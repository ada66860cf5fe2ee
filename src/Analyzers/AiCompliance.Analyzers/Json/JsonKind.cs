namespace AiCompliance.Analyzers.Json
{
    /// <summary>The kinds of JSON values.</summary>
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }
}
