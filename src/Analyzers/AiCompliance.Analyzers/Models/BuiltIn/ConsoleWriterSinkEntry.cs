namespace AiCompliance.Analyzers.Flow
{
    /// <summary>A TextWriter write that is a sink only when the writer is <c>Console.Out</c> or <c>Console.Error</c>.</summary>
    internal sealed class ConsoleWriterSinkEntry : ModelEntry
    {
        public ConsoleWriterSinkEntry(string member)
            : base(ModelKind.Sink, "System.IO.TextWriter", member, "Argument[*]", "Console.Out." + member)
        {
        }
    }
}
