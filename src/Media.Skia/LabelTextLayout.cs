using System;
using System.Collections.Generic;
using System.Text;
using SkiaSharp;

namespace AiCompliance.Skia
{
    /// <summary>
    /// The label text laid out for one image: a font size at which a capital letter is at least the legibility floor,
    /// a typeface per run of characters (the base typeface, else the platform's fallback for the character), and the
    /// lines it wraps into to fit the image's width. No text shaping: scripts that need it (Arabic, Indic) are not
    /// drawn correctly; Latin, Cyrillic, Greek and CJK are.
    /// </summary>
    internal sealed class LabelTextLayout : IDisposable
    {
        private readonly List<SKFont> _fonts = new List<SKFont>();

        private LabelTextLayout(float size, float padding)
        {
            FontSize = size;
            Padding = padding;
        }

        public float FontSize { get; }

        public float Padding { get; }

        /// <summary>The height a capital letter is drawn with.</summary>
        public float CapHeight { get; private set; }

        public float Ascent { get; private set; }

        public float LineHeight { get; private set; }

        public List<List<(string Text, SKFont Font, float Width)>> Lines { get; } = new List<List<(string, SKFont, float)>>();

        public int BandWidth { get; private set; }

        public int BandHeight { get; private set; }

        /// <summary>The smallest text height for an image of this size.</summary>
        public static int Floor(int width, int height, VisibleLabelOptions options) =>
            Math.Max(options.MinimumTextHeightPixels, (int)Math.Ceiling(Math.Min(width, height) * options.MinimumTextHeightRatio));

        public static LabelTextLayout Create(string text, int width, int height, VisibleLabelOptions options)
        {
            var baseTypeface = options.Typeface ?? SKTypeface.FromFamilyName("sans-serif", SKFontStyle.Bold) ?? SKTypeface.Default;
            var floor = Floor(width, height, options);

            // Size the font so that a capital letter of the base typeface is at least the floor.
            float size;
            using (var probe = new SKFont(baseTypeface, 100f))
            {
                probe.GetFontMetrics(out var metrics);
                var capRatio = metrics.CapHeight > 0 ? metrics.CapHeight / 100f : 0.7f;
                size = (float)Math.Ceiling(floor / capRatio);
            }

            var layout = new LabelTextLayout(size, Math.Max(2f, (float)Math.Ceiling(size * 0.3f)));
            try
            {
                layout.Build(text, baseTypeface, width, height, floor);
                return layout;
            }
            catch
            {
                layout.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            foreach (var font in _fonts)
            {
                font.Dispose();
            }
        }

        private void Build(string text, SKTypeface baseTypeface, int width, int height, int floor)
        {
            var pieces = Segment(text, baseTypeface);
            var baseFont = Font(baseTypeface);
            baseFont.GetFontMetrics(out var baseMetrics);
            CapHeight = baseMetrics.CapHeight > 0 ? baseMetrics.CapHeight : floor;
            float ascent = 0, descent = 0;
            foreach (var font in _fonts)
            {
                font.GetFontMetrics(out var metrics);
                ascent = Math.Min(ascent, metrics.Ascent);
                descent = Math.Max(descent, metrics.Descent);
            }

            Ascent = ascent;
            LineHeight = (float)Math.Ceiling(descent - ascent);
            Wrap(pieces, width - 2 * Padding);

            var widest = 0f;
            foreach (var line in Lines)
            {
                var lineWidth = 0f;
                foreach (var run in line)
                {
                    lineWidth += run.Width;
                }

                widest = Math.Max(widest, lineWidth);
            }

            BandWidth = (int)Math.Ceiling(widest + 2 * Padding);
            BandHeight = (int)Math.Ceiling(Lines.Count * LineHeight + 2 * Padding);
            if (BandWidth > width || BandHeight > height)
            {
                throw new ArgumentException(
                    "The image (" + width + " x " + height + " px) is too small for the label \"" + text + "\" at the legible size ("
                    + floor + " px text, a " + BandWidth + " x " + BandHeight + " px band).", nameof(text));
            }
        }

        /// <summary>Splits the text into pieces that may not be broken (a word, an ideograph, a space), each with its font.</summary>
        private List<(string Text, SKFont Font, bool Space)> Segment(string text, SKTypeface baseTypeface)
        {
            var pieces = new List<(string, SKFont, bool)>();
            var missing = new List<int>();
            var current = new StringBuilder();
            SKFont? currentFont = null;
            var baseFont = Font(baseTypeface);

            void Flush()
            {
                if (current.Length > 0 && currentFont != null)
                {
                    pieces.Add((current.ToString(), currentFont, false));
                }

                current.Clear();
            }

            for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
            {
                var codePoint = char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text, i) : text[i];
                var character = char.ConvertFromUtf32(codePoint);
                if (char.IsWhiteSpace(text, i))
                {
                    Flush();
                    pieces.Add((" ", baseFont, true));
                    continue;
                }

                var font = FontFor(codePoint, baseTypeface, baseFont);
                if (font == null)
                {
                    missing.Add(codePoint);
                    continue;
                }

                // An ideograph is a piece of its own (lines may break between ideographs); a word stays whole.
                var breakable = codePoint >= 0x2E80;
                if (breakable || font != currentFont)
                {
                    Flush();
                }

                currentFont = font;
                current.Append(character);
                if (breakable)
                {
                    Flush();
                }
            }

            Flush();
            if (missing.Count > 0)
            {
                throw new MissingGlyphException(text, missing);
            }

            return pieces;
        }

        private SKFont? FontFor(int codePoint, SKTypeface baseTypeface, SKFont baseFont)
        {
            if (baseFont.ContainsGlyph(codePoint))
            {
                return baseFont;
            }

            foreach (var font in _fonts)
            {
                if (font.ContainsGlyph(codePoint))
                {
                    return font;
                }
            }

            var fallback = SKFontManager.Default.MatchCharacter(baseTypeface.FamilyName, baseTypeface.FontStyle, null, codePoint);
            if (fallback == null)
            {
                return null;
            }

            var candidate = Font(fallback);
            return candidate.ContainsGlyph(codePoint) ? candidate : null;
        }

        private SKFont Font(SKTypeface typeface)
        {
            foreach (var font in _fonts)
            {
                if (ReferenceEquals(font.Typeface, typeface) || font.Typeface.Handle == typeface.Handle)
                {
                    return font;
                }
            }

            var created = new SKFont(typeface, FontSize) { Edging = SKFontEdging.Antialias, Subpixel = true };
            _fonts.Add(created);
            return created;
        }

        /// <summary>Greedy line breaking at spaces and between ideographs; a piece wider than a line stands alone.</summary>
        private void Wrap(List<(string Text, SKFont Font, bool Space)> pieces, float maxWidth)
        {
            var line = new List<(string, SKFont, float)>();
            var lineWidth = 0f;
            foreach (var (text, font, space) in pieces)
            {
                var width = font.MeasureText(text);
                if (space && line.Count == 0)
                {
                    continue;
                }

                if (!space && line.Count > 0 && lineWidth + width > maxWidth)
                {
                    TrimTrailingSpace(line, ref lineWidth);
                    Lines.Add(line);
                    line = new List<(string, SKFont, float)>();
                    lineWidth = 0;
                }

                line.Add((text, font, width));
                lineWidth += width;
            }

            TrimTrailingSpace(line, ref lineWidth);
            if (line.Count > 0)
            {
                Lines.Add(line);
            }
        }

        private static void TrimTrailingSpace(List<(string Text, SKFont Font, float Width)> line, ref float lineWidth)
        {
            while (line.Count > 0 && line[line.Count - 1].Text == " ")
            {
                lineWidth -= line[line.Count - 1].Width;
                line.RemoveAt(line.Count - 1);
            }
        }
    }
}
