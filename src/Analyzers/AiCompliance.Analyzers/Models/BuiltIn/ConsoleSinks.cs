namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>Sinks: the console (Console.Write/WriteLine and writes to Console.Out / Console.Error).</summary>
        private static void ConsoleSinks(System.Collections.Generic.List<ModelEntry> m)
        {
            Sink(m, "System.Console", "Write", "Argument[*]", "Console.Write");
            Sink(m, "System.Console", "WriteLine", "Argument[*]", "Console.WriteLine");
            foreach (var writer in new[] { "Write", "WriteLine", "WriteAsync", "WriteLineAsync" })
            {
                Sink(m, "System.IO.TextWriter", writer, "Argument[*]", "Console.Out." + writer, ConsoleWriterReceiver.Instance);
            }
        }
    }
}
