namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Sinks: Spectre.Console, the console UI most .NET AI samples use: AnsiConsole's writes and markup (static and on an
        /// IAnsiConsole), and the widgets that hold text to show (Markup, Text, Paragraph, Panel, Rule, table rows).
        /// </summary>
        private static void SpectreConsoleSinks(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Spectre = "Spectre.Console.";
            foreach (var write in new[] { "Write", "WriteLine", "Markup", "MarkupLine", "MarkupInterpolated", "MarkupLineInterpolated" })
            {
                Sink(m, Spectre + "AnsiConsole", write, "Argument[*]", "AnsiConsole." + write);
                Sink(m, Spectre + "AnsiConsoleExtensions", write, "Argument[1..]", "IAnsiConsole." + write);
            }

            foreach (var widget in new[] { "Markup", "Text", "Paragraph", "Panel", "Rule" })
            {
                Sink(m, Spectre + widget, ".ctor", "Argument[0]", "new " + widget);
            }

            Sink(m, Spectre + "Paragraph", "Append", "Argument[0]", "Paragraph.Append");
            Sink(m, Spectre + "TableExtensions", "AddRow", "Argument[1..]", "Table.AddRow");
            Sink(m, Spectre + "TableExtensions", "InsertRow", "Argument[2..]", "Table.InsertRow");
        }
    }
}
