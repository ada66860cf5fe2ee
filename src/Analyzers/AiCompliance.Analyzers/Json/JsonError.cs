namespace AiCompliance.Analyzers.Json
{
    /// <summary>A syntax error: where (offset, 1-based line and column) and what.</summary>
    internal sealed class JsonError
    {
        public JsonError(int start, int length, int line, int column, string message)
        {
            Start = start;
            Length = length;
            Line = line;
            Column = column;
            Message = message;
        }

        public int Start { get; }

        public int Length { get; }

        public int Line { get; }

        public int Column { get; }

        public string Message { get; }
    }
}
