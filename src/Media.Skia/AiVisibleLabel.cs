using System;
using System.Collections.Generic;
using SkiaSharp;

namespace AiCompliance.Skia
{
    /// <summary>
    /// Draws the explicit (visible) label on a generated image: the label text on a semi-opaque band in a corner, at a
    /// legible size, re-encoded in the image's own format (PNG, JPEG or WebP).
    /// </summary>
    /// <remarks>
    /// Re-encoding drops the file's metadata, so draw the visible label first and write the implicit label (the
    /// generated <c>Svc.LabelImage(...)</c>) on the result:
    /// <code>var labeled = Svc.LabelImage(AiVisibleLabel.Draw(png, Svc.LabelText), contentId);</code>
    /// Pixels outside the band are not changed (for PNG and lossless WebP they stay identical; JPEG and lossy WebP are
    /// re-compressed). An image with an EXIF orientation is turned upright first, since the orientation tag is dropped.
    /// </remarks>
    public static class AiVisibleLabel
    {
        /// <summary>Draws <paramref name="text"/> on the image in the given corner and returns the re-encoded image.</summary>
        /// <param name="image">A PNG, JPEG or WebP file (a still image).</param>
        /// <param name="text">The label, with an AI element and a generation element (e.g. the service's <c>LabelText</c>, "AI生成", "AI-generated").</param>
        /// <param name="corner">Where the label goes (default: bottom right).</param>
        /// <param name="options">Size floor, colours, typeface, encoder quality; <see cref="VisibleLabelOptions.Default"/> when null.</param>
        /// <returns>The image with the label, in the format it came in.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="image"/> or <paramref name="text"/> is null.</exception>
        /// <exception cref="ArgumentException">The text is blank, or the image is too small for the label at the legible size.</exception>
        /// <exception cref="FormatException">The bytes are not a complete PNG, JPEG or WebP still image, or it is larger than <see cref="VisibleLabelOptions.MaxPixels"/>.</exception>
        /// <exception cref="MissingGlyphException">No installed font can draw some characters of the text.</exception>
        public static byte[] Draw(byte[] image, string text, LabelCorner corner = LabelCorner.BottomRight, VisibleLabelOptions? options = null)
        {
            ArgumentNullException.ThrowIfNull(image);
            ArgumentNullException.ThrowIfNull(text);
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ArgumentException("The label text is blank.", nameof(text));
            }

            options ??= VisibleLabelOptions.Default;
            using var decoded = LabelImageCodec.Decode(image, options);
            var bitmap = decoded.Bitmap;
            using var layout = LabelTextLayout.Create(text.Trim(), bitmap.Width, bitmap.Height, options);
            DrawBand(bitmap, layout, Band(bitmap.Width, bitmap.Height, layout, corner), options);
            return LabelImageCodec.Encode(bitmap, decoded, options);
        }

        /// <summary>
        /// The smallest text height (a capital letter, in pixels) <see cref="Draw"/> uses on an image of this size:
        /// the larger of <see cref="VisibleLabelOptions.MinimumTextHeightPixels"/> and
        /// <see cref="VisibleLabelOptions.MinimumTextHeightRatio"/> of the shorter side.
        /// </summary>
        public static int MinimumTextHeight(int width, int height, VisibleLabelOptions? options = null) =>
            LabelTextLayout.Floor(width, height, options ?? VisibleLabelOptions.Default);

        /// <summary>
        /// The characters of <paramref name="text"/> that no available font can draw (empty when all can): check a label
        /// at startup, before <see cref="Draw"/> throws <see cref="MissingGlyphException"/> for it.
        /// </summary>
        public static IReadOnlyList<int> MissingGlyphs(string text, VisibleLabelOptions? options = null)
        {
            ArgumentNullException.ThrowIfNull(text);
            try
            {
                using var layout = LabelTextLayout.Create(text.Trim(), 4096, 4096, options ?? VisibleLabelOptions.Default);
                return Array.Empty<int>();
            }
            catch (MissingGlyphException e)
            {
                return e.CodePoints;
            }
        }

        /// <summary>Where <see cref="Draw"/> would put the band for this text on an image of this size (for captions and checks).</summary>
        public static SKRectI Measure(int width, int height, string text, LabelCorner corner = LabelCorner.BottomRight, VisibleLabelOptions? options = null)
        {
            ArgumentNullException.ThrowIfNull(text);
            using var layout = LabelTextLayout.Create(text.Trim(), width, height, options ?? VisibleLabelOptions.Default);
            return Band(width, height, layout, corner);
        }

        private static SKRectI Band(int width, int height, LabelTextLayout layout, LabelCorner corner)
        {
            var left = corner == LabelCorner.BottomLeft || corner == LabelCorner.TopLeft ? 0 : width - layout.BandWidth;
            var top = corner == LabelCorner.TopLeft || corner == LabelCorner.TopRight ? 0 : height - layout.BandHeight;
            return new SKRectI(left, top, left + layout.BandWidth, top + layout.BandHeight);
        }

        /// <summary>
        /// Draws on a premultiplied copy of the band only, then writes it back: the rest of the bitmap (unpremultiplied, so
        /// that translucent pixels survive exactly) is not touched.
        /// </summary>
        private static void DrawBand(SKBitmap bitmap, LabelTextLayout layout, SKRectI band, VisibleLabelOptions options)
        {
            using var pixels = bitmap.PeekPixels() ?? throw new InvalidOperationException("The decoded image has no pixels.");
            using var target = pixels.ExtractSubset(band) ?? throw new InvalidOperationException("The label area " + band + " is outside the image.");
            var info = new SKImageInfo(band.Width, band.Height, bitmap.ColorType, SKAlphaType.Premul, bitmap.ColorSpace);
            using var work = new SKBitmap(info);
            using (var workPixels = work.PeekPixels())
            {
                if (workPixels == null || !target.ReadPixels(workPixels))
                {
                    throw new InvalidOperationException("Could not copy the label area of the image.");
                }
            }

            using (var canvas = new SKCanvas(work))
            using (var background = new SKPaint { Color = options.BackgroundColor, BlendMode = SKBlendMode.SrcOver })
            using (var ink = new SKPaint { Color = options.TextColor, IsAntialias = true })
            {
                canvas.DrawRect(new SKRect(0, 0, band.Width, band.Height), background);
                var y = layout.Padding - layout.Ascent;
                foreach (var line in layout.Lines)
                {
                    var x = layout.Padding;
                    foreach (var (text, font, width) in line)
                    {
                        canvas.DrawText(text, x, y, SKTextAlign.Left, font, ink);
                        x += width;
                    }

                    y += layout.LineHeight;
                }
            }

            using var done = work.PeekPixels();
            if (done == null || !done.ReadPixels(target))
            {
                throw new InvalidOperationException("Could not write the label area back into the image.");
            }
        }
    }
}
