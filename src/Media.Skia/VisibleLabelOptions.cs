using SkiaSharp;

namespace AiCompliance.Skia
{
    /// <summary>How <see cref="AiVisibleLabel"/> draws the label. The defaults suit most images.</summary>
    public sealed class VisibleLabelOptions
    {
        /// <summary>The defaults.</summary>
        public static VisibleLabelOptions Default { get; } = new VisibleLabelOptions();

        /// <summary>
        /// The smallest text height as a share of the image's shorter side (default 0.05: 5 %). The text height is the
        /// height of a capital letter (an ideograph is taller); the text is never smaller than
        /// <see cref="MinimumTextHeightPixels"/> either.
        /// </summary>
        public double MinimumTextHeightRatio { get; set; } = 0.05;

        /// <summary>The smallest text height in pixels, whatever the image size (default 12).</summary>
        public int MinimumTextHeightPixels { get; set; } = 12;

        /// <summary>
        /// The typeface to draw with (default: the platform's default sans-serif, bold). Characters it has no glyph for
        /// are drawn with a font the platform's font manager finds for them (<c>SKFontManager.MatchCharacter</c>);
        /// when none has them a <see cref="MissingGlyphException"/> is thrown.
        /// </summary>
        public SKTypeface? Typeface { get; set; }

        /// <summary>The band behind the text (default: black, 70 % opaque).</summary>
        public SKColor BackgroundColor { get; set; } = new SKColor(0, 0, 0, 0xB3);

        /// <summary>The text colour (default: white).</summary>
        public SKColor TextColor { get; set; } = SKColors.White;

        /// <summary>The encoder quality for JPEG and lossy WebP, 1 to 100 (default 90). PNG and lossless WebP stay lossless.</summary>
        public int Quality { get; set; } = 90;

        /// <summary>The largest image accepted, in pixels (default 100 million): a bigger one is refused before it is decoded.</summary>
        public long MaxPixels { get; set; } = 100_000_000;
    }
}
