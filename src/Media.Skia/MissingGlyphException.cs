using System;
using System.Collections.Generic;
using System.Linq;

namespace AiCompliance.Skia
{
    /// <summary>
    /// No font available to <see cref="AiVisibleLabel"/> has a glyph for some characters of the label: drawing it would
    /// show empty boxes ("tofu") instead of the label, so nothing is drawn.
    /// </summary>
    public sealed class MissingGlyphException : InvalidOperationException
    {
        /// <summary>Creates the exception for the characters no font could draw.</summary>
        public MissingGlyphException(string text, IReadOnlyList<int> codePoints)
            : base(Describe(text, codePoints))
        {
            Text = text;
            CodePoints = codePoints;
        }

        /// <summary>The label text.</summary>
        public string Text { get; }

        /// <summary>The code points no font has a glyph for.</summary>
        public IReadOnlyList<int> CodePoints { get; }

        private static string Describe(string text, IReadOnlyList<int> codePoints)
        {
            var list = string.Join(", ", codePoints.Select(c => "'" + char.ConvertFromUtf32(c) + "' (U+" + c.ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + ")"));
            return "No installed font has glyphs for " + list + " of the label \"" + text + "\", so the label would be drawn as empty boxes. "
                + "Install a font for that script (Chinese: fonts-noto-cjk or fonts-wqy-microhei on Debian/Ubuntu) or pass one in VisibleLabelOptions.Typeface.";
        }
    }
}
