using System;
using System.Linq;
using SkiaSharp;
using Xunit;
using Xunit.Abstractions;
using static AiCompliance.Skia.Tests.SkiaTestImages;

namespace AiCompliance.Skia.Tests;

/// <summary>The label drawn on each format: decoded back, the corner changed, the rest not, the text legible.</summary>
public class AiVisibleLabelTests(ITestOutputHelper output)
{
    private const string English = "AI-generated";

    [Theory]
    [InlineData(LabelCorner.BottomRight)]
    [InlineData(LabelCorner.BottomLeft)]
    [InlineData(LabelCorner.TopRight)]
    [InlineData(LabelCorner.TopLeft)]
    public void Png_gets_a_band_in_the_corner_and_nothing_else_changes(LabelCorner corner)
    {
        using var source = Pattern(320, 200);
        var png = Encode(source, SKEncodedImageFormat.Png);
        var input = (byte[])png.Clone();

        var labeled = AiVisibleLabel.Draw(png, English, corner);

        Assert.Equal(input, png);
        var (after, format) = Decode(labeled);
        using (after)
        {
            Assert.Equal(SKEncodedImageFormat.Png, format);
            Assert.Equal((320, 200), (after.Width, after.Height));
            var changed = ChangedArea(source, after, 0);
            output.WriteLine(corner + ": " + changed);
            Assert.Equal(AiVisibleLabel.Measure(320, 200, English, corner), changed);
            Assert.Equal(corner is LabelCorner.BottomLeft or LabelCorner.TopLeft, changed.Left == 0);
            Assert.Equal(corner is LabelCorner.BottomRight or LabelCorner.TopRight, changed.Right == 320);
            Assert.Equal(corner is LabelCorner.TopLeft or LabelCorner.TopRight, changed.Top == 0);
            Assert.Equal(corner is LabelCorner.BottomLeft or LabelCorner.BottomRight, changed.Bottom == 200);
            Assert.Equal(0, MaxDifferenceOutside(source, after, changed));
            AssertLegible(after, changed, Floor(320, 200));
        }
    }

    [Theory]
    [InlineData(1200, 800)]
    [InlineData(600, 1600)]
    [InlineData(240, 240)]
    public void Text_is_at_least_the_floor_on_every_size(int width, int height)
    {
        using var source = Pattern(width, height);
        var labeled = AiVisibleLabel.Draw(Encode(source, SKEncodedImageFormat.Png), English);
        var (after, _) = Decode(labeled);
        using (after)
        {
            var changed = ChangedArea(source, after, 0);
            Assert.Equal(Floor(width, height), AiVisibleLabel.MinimumTextHeight(width, height));
            AssertLegible(after, changed, Floor(width, height));
            // Not absurdly large either: the band stays within a third of the shorter side.
            Assert.True(changed.Height < Math.Min(width, height) / 3, "band " + changed);
        }
    }

    [Fact]
    public void Jpeg_stays_jpeg_with_the_corner_darkened_and_the_rest_close()
    {
        using var source = Pattern(400, 300);
        var jpeg = Encode(source, SKEncodedImageFormat.Jpeg, 95);
        var (before, _) = Decode(jpeg);
        var labeled = AiVisibleLabel.Draw(jpeg, English, LabelCorner.TopLeft);
        var (after, format) = Decode(labeled);
        using (before)
        using (after)
        {
            Assert.Equal(SKEncodedImageFormat.Jpeg, format);
            Assert.Equal((400, 300), (after.Width, after.Height));
            var band = AiVisibleLabel.Measure(400, 300, English, LabelCorner.TopLeft);
            Assert.Equal(new SKPointI(0, 0), band.Location);
            Assert.True(MeanBrightness(after, band) < MeanBrightness(before, band) - 30, "the band darkens the corner");
            // Away from the band (beyond the JPEG blocks it touches), only re-compression noise.
            var far = new SKRectI(band.Right + 16, band.Bottom + 16, 400, 300);
            Assert.True(Math.Abs(MeanBrightness(after, far) - MeanBrightness(before, far)) < 2);
            AssertLegible(after, band, Floor(400, 300));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Webp_stays_webp_lossless_stays_lossless(bool lossless)
    {
        using var source = Pattern(300, 300);
        var webp = EncodeWebp(source, lossless);
        var (before, _) = Decode(webp);
        var labeled = AiVisibleLabel.Draw(webp, English, LabelCorner.BottomLeft);
        var (after, format) = Decode(labeled);
        using (before)
        using (after)
        {
            Assert.Equal(SKEncodedImageFormat.Webp, format);
            Assert.Equal((300, 300), (after.Width, after.Height));
            Assert.Equal(lossless ? "VP8L" : "VP8 ", WebpImageChunk(labeled));
            var band = AiVisibleLabel.Measure(300, 300, English, LabelCorner.BottomLeft);
            Assert.Equal((0, 300), (band.Left, band.Bottom));
            if (lossless)
            {
                Assert.Equal(band, ChangedArea(before, after, 0));
                Assert.Equal(0, MaxDifferenceOutside(before, after, band));
            }
            else
            {
                Assert.True(MeanBrightness(after, band) < MeanBrightness(before, band) - 30);
            }

            AssertLegible(after, band, Floor(300, 300));
        }
    }

    [Fact]
    public void Translucent_png_keeps_every_pixel_outside_the_band_exactly()
    {
        using var source = Pattern(256, 160, alpha: true);
        var labeled = AiVisibleLabel.Draw(Encode(source, SKEncodedImageFormat.Png), English);
        var (after, _) = Decode(labeled);
        using (after)
        {
            var band = AiVisibleLabel.Measure(256, 160, English);
            Assert.Equal(0, MaxDifferenceOutside(source, after, band));
            Assert.True(ChangedArea(source, after, 0).Width > 0);
        }
    }

    [Fact]
    public void A_label_wider_than_the_image_wraps_and_stays_legible()
    {
        const string text = "This image was generated by an AI system";
        using var source = Pattern(200, 300);
        var labeled = AiVisibleLabel.Draw(Encode(source, SKEncodedImageFormat.Png), text);
        var (after, _) = Decode(labeled);
        using (after)
        {
            var changed = ChangedArea(source, after, 0);
            Assert.True(changed.Width <= 200);
            Assert.True(changed.Height >= 2 * Floor(200, 300), "wrapped onto several lines: " + changed);
            AssertLegible(after, changed, Floor(200, 300));
        }
    }

    [Fact]
    public void An_image_too_small_for_a_legible_label_is_refused()
    {
        using var source = Pattern(40, 20);
        var error = Assert.Throws<ArgumentException>(() => AiVisibleLabel.Draw(Encode(source, SKEncodedImageFormat.Png), English));
        Assert.Contains("too small", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exif_orientation_is_applied_before_drawing_since_the_tag_is_dropped()
    {
        // A 320 x 200 JPEG stored sideways: EXIF Orientation 6 (rotate 90° clockwise to view) makes it 200 x 320 upright.
        using var source = Pattern(320, 200);
        var jpeg = WithExifOrientation(Encode(source, SKEncodedImageFormat.Jpeg), 6);
        using (var codec = SKCodec.Create(new SKMemoryStream(jpeg)))
        {
            Assert.Equal(SKEncodedOrigin.RightTop, codec.EncodedOrigin);
        }

        var (after, _) = Decode(AiVisibleLabel.Draw(jpeg, English));
        using (after)
        {
            Assert.Equal((200, 320), (after.Width, after.Height));
        }
    }

    private static void AssertLegible(SKBitmap after, SKRectI band, int floor)
    {
        Assert.True(band.Height >= floor, "band " + band.Height + " px < floor " + floor);
        var (top, bottom) = InkRows(after, band);
        Assert.True(bottom > top, "no text ink in the band");
        // "AI-generated": the capitals are at least the floor, the descender of g adds more.
        Assert.True(bottom - top >= floor, "text ink " + (bottom - top) + " px < floor " + floor);
    }

    /// <summary>The first image chunk of a WebP file (VP8 lossy, VP8L lossless), after VP8X / ICCP if any.</summary>
    private static string WebpImageChunk(byte[] webp)
    {
        for (var position = 12; position + 8 <= webp.Length;)
        {
            var fourCc = System.Text.Encoding.ASCII.GetString(webp, position, 4);
            if (fourCc is "VP8 " or "VP8L")
            {
                return fourCc;
            }

            var size = BitConverter.ToInt32(webp, position + 4);
            position += 8 + size + (size & 1);
        }

        return "none";
    }

    /// <summary>Inserts an APP1 Exif segment (big-endian TIFF, one IFD entry: Orientation) after SOI.</summary>
    private static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff =
        {
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, // header, IFD at 8
            0, 1, // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0, // Orientation SHORT 1
            0, 0, 0, 0, // no next IFD
        };
        var body = new byte[] { (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0 }.Concat(tiff).ToArray();
        var length = body.Length + 2;
        var segment = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)length }.Concat(body);
        return jpeg.Take(2).Concat(segment).Concat(jpeg.Skip(2)).ToArray();
    }
}
