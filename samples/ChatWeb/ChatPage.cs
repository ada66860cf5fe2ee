using System.Net;
using System.Reflection;

namespace ChatWeb;

/// <summary>The chat page (an embedded resource) with the registration notice filled in on the server.</summary>
public static class ChatPage
{
    private static readonly Lazy<string> Page = new(Render);

    public static string Html => Page.Value;

    private static string Render()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ChatWeb.index.html")
            ?? throw new InvalidOperationException("The embedded page ChatWeb.index.html is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Replace("{{ServiceName}}", WebUtility.HtmlEncode(ChatAssistant.ServiceName), StringComparison.Ordinal)
            .Replace("{{RegistrationNotice}}", WebUtility.HtmlEncode(ChatAssistant.RegistrationNotice), StringComparison.Ordinal)
            .Replace("{{LabelText}}", WebUtility.HtmlEncode(ChatAssistant.LabelText), StringComparison.Ordinal)
            .Replace("{{RegistrationNoticeEnglish}}", WebUtility.HtmlEncode(ChatAssistant.RegistrationNoticeEnglish), StringComparison.Ordinal);
    }
}
