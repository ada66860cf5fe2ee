using System.Net;
using System.Reflection;

namespace UnlabeledChat;

/// <summary>The chat page (an embedded resource) with the registration notice filled in on the server.</summary>
public static class ChatPage
{
    private static readonly Lazy<string> Page = new(Render);

    public static string Html => Page.Value;

    private static string Render()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("UnlabeledChat.index.html")
            ?? throw new InvalidOperationException("The embedded page UnlabeledChat.index.html is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Replace("{{ServiceName}}", WebUtility.HtmlEncode(ChatAssistant.ServiceName), StringComparison.Ordinal)
            .Replace("{{RegistrationNotice}}", WebUtility.HtmlEncode(ChatAssistant.RegistrationNotice), StringComparison.Ordinal)
            .Replace("{{RegistrationNoticeEnglish}}", WebUtility.HtmlEncode(ChatAssistant.RegistrationNoticeEnglish), StringComparison.Ordinal);
    }
}
