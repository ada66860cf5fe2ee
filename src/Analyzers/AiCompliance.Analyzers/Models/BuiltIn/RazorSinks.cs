namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// The Blazor / Razor component sinks and the Razor view writes (.cshtml). They are the only sinks reported in
    /// Razor-generated code (the <c>.razor.g.cs</c> / <c>.cshtml.g.cs</c> output of the Razor compiler), where each report
    /// lands on the mapped <c>.razor</c> / <c>.cshtml</c> line.
    /// </summary>
    /// <remarks>
    /// A value handed to a child component's parameter (<c>AddComponentParameter</c>, or <c>AddAttribute</c> right
    /// after <c>OpenComponent</c> in older output) counts as shown: the child renders its parameters. A child of the
    /// same compilation also reports where it renders them (<see cref="ComponentInputs"/>). <c>MarkupString</c> (its constructor and the explicit
    /// conversion) is a sink of its own: it only exists to put raw HTML on a page, and what it produces is not
    /// followed further, so <c>@((MarkupString)ai)</c> is reported once.
    /// </remarks>
    internal static class RazorSinks
    {
        public const string AddContent = "RenderTreeBuilder.AddContent";
        public const string AddMarkupContent = "RenderTreeBuilder.AddMarkupContent";
        public const string MarkupString = "MarkupString";
        public const string ComponentParameter = "component parameter";
        public const string ElementAttribute = "element attribute";
        public const string ViewWrite = "RazorPage.Write";
        public const string ViewAttribute = "RazorPage.WriteAttributeValue";

        public static bool IsRazorSink(string sink) =>
            sink == AddContent || sink == AddMarkupContent || sink == MarkupString ||
            sink.StartsWith(ComponentParameter, System.StringComparison.Ordinal) || sink.StartsWith(ElementAttribute, System.StringComparison.Ordinal) ||
            sink == ViewWrite || sink == ViewAttribute;
    }
}
