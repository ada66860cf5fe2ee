using AiCompliance.Skia;

namespace ChatWeb;

/// <summary>
/// The text drawn on generated images: the service's label (内容由人工智能生成), which needs a CJK font on the server.
/// Without one (a bare container) the sample falls back to "AI-generated" and says so at startup; a production server
/// installs a CJK font (fonts-noto-cjk, fonts-wqy-microhei) instead, since the Measures want 人工智能/AI and 生成/合成.
/// </summary>
public static class ImageLabel
{
    public const string Fallback = "AI-generated";

    private static readonly Lazy<IReadOnlyList<int>> Missing = new(() => AiVisibleLabel.MissingGlyphs(ChatAssistant.LabelText));

    /// <summary>Whether the server can draw the service's own label.</summary>
    public static bool CanDrawServiceLabel => Missing.Value.Count == 0;

    public static string Text => CanDrawServiceLabel ? ChatAssistant.LabelText : Fallback;

    /// <summary>The language of <see cref="Text"/>, sent in the X-Visible-Label header.</summary>
    public static string Language => CanDrawServiceLabel ? "zh-CN" : "en";

    public static string? Warning => CanDrawServiceLabel
        ? null
        : "No font on this server draws the label \"" + ChatAssistant.LabelText + "\" (missing U+"
            + string.Join(", U+", Missing.Value.Select(c => c.ToString("X4", System.Globalization.CultureInfo.InvariantCulture)))
            + "): images get \"" + Fallback + "\" instead. Install a CJK font (apt-get install fonts-wqy-microhei).";
}
