using System;
using System.Collections.Generic;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// An HTML element's attribute set by Razor output (<c>AddAttribute</c> with an element open, not a component): the
    /// page shows it (<c>title</c>, <c>alt</c>, <c>placeholder</c>, <c>value</c>, <c>aria-label</c>) or its script does
    /// (the chat template's <c>&lt;assistant-message markdown="@text"&gt;</c>, any <c>data-*</c>). Attributes that are
    /// never shown as text (<c>class</c>, <c>style</c>, <c>id</c>, links and sources, event handlers) are not sinks;
    /// an attribute whose name the code does not tell is one.
    /// </summary>
    internal sealed class ElementAttribute : SinkCondition
    {
        private static readonly HashSet<string> NotShown = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "class", "style", "id", "key", "href", "src", "srcset", "action", "formaction", "rel", "type", "name", "for", "role",
            "tabindex", "target", "method", "autocomplete", "width", "height", "disabled", "checked", "selected", "hidden", "lang", "dir",
        };

        private ElementAttribute()
        {
        }

        public static ElementAttribute Instance { get; } = new ElementAttribute();

        public override string Name => "an element's attribute that is shown";

        public override bool Holds(CallSite site)
        {
            var arguments = site.Invocation.Arguments;
            if (arguments.Length != 3 || ChildComponentParameter.OpenedComponent(site.Invocation.Syntax, out _))
            {
                return false; // a component's parameter (ChildComponentParameter)
            }

            var name = AttributeName(site);
            return name is null || (!NotShown.Contains(name) && !name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        }

        public override string Describe(CallSite site, string description) =>
            AttributeName(site) is { } name ? RazorSinks.ElementAttribute + " " + name : RazorSinks.ElementAttribute;

        private static string? AttributeName(CallSite site) =>
            site.Invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
    }
}
