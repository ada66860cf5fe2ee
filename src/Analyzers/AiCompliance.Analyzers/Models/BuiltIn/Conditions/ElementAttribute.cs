using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// An HTML element's attribute set by Razor output (<c>AddAttribute</c> with an element open, not a component): the
    /// page shows it (<c>title</c>, <c>alt</c>, <c>placeholder</c>, <c>value</c>, <c>aria-label</c>) or its script does
    /// (the chat template's <c>&lt;assistant-message markdown="@text"&gt;</c>, any <c>data-*</c>). Attributes that are
    /// never shown as text (<c>class</c>, <c>style</c>, <c>id</c>, links and sources, event handlers) are not sinks;
    /// an attribute whose name the code does not tell is one. A media element's source is shown too: <c>src</c> of
    /// <c>img</c>, <c>audio</c>, <c>video</c>, <c>source</c> and <c>embed</c>, <c>srcset</c> of <c>img</c> and <c>source</c>,
    /// <c>poster</c> of <c>video</c> (the page shows or plays the file it names: a generated image's data URL, a
    /// generated file's link), as far as the code tells the element (the <c>OpenElement</c> the call follows).
    /// </summary>
    internal sealed class ElementAttribute : SinkCondition
    {
        private static readonly HashSet<string> NotShown = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "class", "style", "id", "key", "href", "src", "srcset", "action", "formaction", "rel", "type", "name", "for", "role",
            "tabindex", "target", "method", "autocomplete", "width", "height", "disabled", "checked", "selected", "hidden", "lang", "dir",
        };

        /// <summary>The source attributes of the elements that show or play the file they name.</summary>
        private static readonly Dictionary<string, string[]> MediaSources = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["src"] = new[] { "img", "audio", "video", "source", "embed" },
            ["srcset"] = new[] { "img", "source" },
            ["poster"] = new[] { "video" },
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
            return name is null || (!NotShown.Contains(name) && !name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) || IsMediaSource(site, name);
        }

        /// <summary>Whether the attribute is the source of the media element the call follows (<c>OpenElement(seq, "img")</c>).</summary>
        private static bool IsMediaSource(CallSite site, string name) =>
            MediaSources.TryGetValue(name, out var elements) && OpenedElement(site.Invocation.Syntax) is { } element &&
            Array.Exists(elements, e => string.Equals(e, element, StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// The element name of the <c>builder.OpenElement(seq, "name")</c> the statement holding <paramref name="call"/>
        /// follows, with only other builder calls on the element in between (the flat shape Razor emits); null otherwise.
        /// </summary>
        private static string? OpenedElement(SyntaxNode call)
        {
            var statement = call.FirstAncestorOrSelf<StatementSyntax>();
            if (statement?.Parent is not BlockSyntax block)
            {
                return null;
            }

            var index = block.Statements.IndexOf(statement);
            for (var i = index - 1; i >= 0 && i >= index - FlowLimits.MaxComponentAttributeLookBack; i--)
            {
                if (block.Statements[i] is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: var calledName } } invocation })
                {
                    return null;
                }

                var called = calledName.Identifier.ValueText;
                if (called == "OpenElement")
                {
                    return invocation.ArgumentList.Arguments.Count == 2 &&
                           invocation.ArgumentList.Arguments[1].Expression is LiteralExpressionSyntax literal &&
                           literal.IsKind(SyntaxKind.StringLiteralExpression)
                        ? literal.Token.ValueText
                        : null;
                }

                if (called.StartsWith("Open", StringComparison.Ordinal) || called.StartsWith("Close", StringComparison.Ordinal))
                {
                    return null;
                }
            }

            return null;
        }

        public override string Describe(CallSite site, string description) =>
            AttributeName(site) is { } name ? RazorSinks.ElementAttribute + " " + name : RazorSinks.ElementAttribute;

        private static string? AttributeName(CallSite site) =>
            site.Invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
    }
}
