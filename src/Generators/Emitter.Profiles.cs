using AiCompliance.Internal;

namespace AiCompliance.Generators
{
    /// <summary>
    /// The members that come from the service's jurisdiction profiles: the interaction notice (EU AI Act Art. 50(1)) in
    /// plain text, as HTML and, under Blazor, as a <c>MarkupString</c>. The names <c>InteractionNotice</c>,
    /// <c>InteractionNoticeHtml</c> and <c>InteractionNoticeMarkup</c> are what the analyzers look for.
    /// </summary>
    internal static partial class Emitter
    {
        /// <summary>The HTML element that carries the notice (class and role fixed, so pages can style and find it).</summary>
        private const string NoticeElementStart = "<p class=\"ai-interaction-notice\" role=\"note\">";
        private const string NoticeElementEnd = "</p>";

        private static void EmitInteractionNotice(CodeWriter w, JurisdictionSet profiles, bool hasMarkupString)
        {
            var notice = profiles.InteractionNotice;
            w.Line("/// <summary>");
            w.Line("/// The notice that users are interacting with an AI system (EU AI Act Art. 50(1)), in the jurisdictions' languages:");
            w.Line("/// show it at or before the first interaction, for example above a chat box.");
            w.Line("/// </summary>");
            w.Line("public const string InteractionNotice = " + CSharpLiteral.Quote(notice) + ";");
            w.Line();
            w.Line("/// <summary>The interaction notice as an HTML element (its text encoded), for pages and layouts.</summary>");
            w.Line("public static string InteractionNoticeHtml => " + CSharpLiteral.Quote(NoticeElementStart + HtmlEncode(notice) + NoticeElementEnd) + ";");
            w.Line();
            if (hasMarkupString)
            {
                w.Line("/// <summary>The interaction notice as Blazor markup (<c>@Svc.InteractionNoticeMarkup</c>).</summary>");
                w.Line("public static global::Microsoft.AspNetCore.Components.MarkupString InteractionNoticeMarkup => new global::Microsoft.AspNetCore.Components.MarkupString(InteractionNoticeHtml);");
                w.Line();
            }
        }
    }
}
