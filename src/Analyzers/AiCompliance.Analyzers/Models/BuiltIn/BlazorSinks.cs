namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>Sinks: Blazor / Razor components (see RazorSinks).</summary>
        private static void BlazorSinks(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Components = "Microsoft.AspNetCore.Components.";
            Sink(m, Components + "Rendering.RenderTreeBuilder", "AddContent", "Argument[1..]", RazorSinks.AddContent); // the value, or a template and its value
            Sink(m, Components + "Rendering.RenderTreeBuilder", "AddMarkupContent", "Argument[1]", RazorSinks.AddMarkupContent);
            Sink(m, Components + "Rendering.RenderTreeBuilder", "AddComponentParameter", "Argument[2]", RazorSinks.ComponentParameter, ChildComponentParameter.Always);
            Sink(m, Components + "Rendering.RenderTreeBuilder", "AddAttribute", "Argument[2]", RazorSinks.ComponentParameter, ChildComponentParameter.AfterOpenComponent);
            Sink(m, Components + "Rendering.RenderTreeBuilder", "AddAttribute", "Argument[2]", RazorSinks.ElementAttribute, ElementAttribute.Instance);
            Sink(m, Components + "MarkupString", ".ctor", "Argument[0]", RazorSinks.MarkupString);
            Sink(m, Components + "MarkupString", "op_Explicit", "Argument[0]", RazorSinks.MarkupString);
            Neutral(m, Components + "EventCallback");
            Neutral(m, Components + "EventCallback`1");
        }
    }
}
