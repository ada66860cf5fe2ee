using System;
using System.Linq;
using SkiaSharp;
using Xunit;
using static AiCompliance.Skia.Tests.SkiaTestImages;

namespace AiCompliance.Skia.Tests;

/// <summary>What cannot be labeled safely is refused with a clear exception, never drawn half or as empty boxes.</summary>
public class HostileInputTests(Xunit.Abstractions.ITestOutputHelper output)
{
    public static TheoryData<string> Formats => new() { "png", "jpeg", "webp" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Truncated_files_are_refused_with_a_FormatException(string kind)
    {
        using var source = Pattern(300, 200);
        var file = kind switch
        {
            "png" => Encode(source, SKEncodedImageFormat.Png),
            "jpeg" => Encode(source, SKEncodedImageFormat.Jpeg),
            _ => EncodeWebp(source, lossless: false),
        };
        Assert.Equal(300, Decode(AiVisibleLabel.Draw(file, "AI-generated")).Bitmap.Width);
        foreach (var length in new[] { 0, 1, 8, 16, 40, file.Length / 3, file.Length / 2, file.Length - 20, file.Length - 2, file.Length - 1 })
        {
            var prefix = file.Take(length).ToArray();
            var error = Assert.Throws<FormatException>(() => AiVisibleLabel.Draw(prefix, "AI-generated"));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }
    }

    [Fact]
    public void Bytes_that_are_no_image_are_refused()
    {
        var text = System.Text.Encoding.UTF8.GetBytes("<html>not an image</html>");
        Assert.Contains("not an image", Assert.Throws<FormatException>(() => AiVisibleLabel.Draw(text, "AI-generated")).Message, StringComparison.Ordinal);
        var noise = new byte[4096];
        new Random(7).NextBytes(noise);
        Assert.Throws<FormatException>(() => AiVisibleLabel.Draw(noise, "AI-generated"));
        Assert.Throws<FormatException>(() => AiVisibleLabel.Draw(Array.Empty<byte>(), "AI-generated"));
    }

    [Fact]
    public void Another_format_is_refused_by_name()
    {
        // SkiaSharp cannot write GIF or BMP; a 1 x 1 GIF by hand.
        byte[] gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
        var error = Assert.Throws<FormatException>(() => AiVisibleLabel.Draw(gif, "AI-generated"));
        Assert.Contains("Gif", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_png_declaring_zero_width_is_refused()
    {
        using var source = Pattern(64, 64);
        var png = Encode(source, SKEncodedImageFormat.Png);
        // IHDR data starts at 16: width (4 bytes, big-endian). Zero it and fix the CRC, so only the width is wrong.
        png[16] = png[17] = png[18] = png[19] = 0;
        var crc = Crc32(png, 12, 17);
        png[29] = (byte)(crc >> 24); png[30] = (byte)(crc >> 16); png[31] = (byte)(crc >> 8); png[32] = (byte)crc;
        Assert.Throws<FormatException>(() => AiVisibleLabel.Draw(png, "AI-generated"));
    }

    [Fact]
    public void An_image_over_the_pixel_limit_is_refused_before_decoding()
    {
        using var source = Pattern(400, 300);
        var png = Encode(source, SKEncodedImageFormat.Png);
        var error = Assert.Throws<FormatException>(() => AiVisibleLabel.Draw(png, "AI-generated", options: new VisibleLabelOptions { MaxPixels = 100_000 }));
        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_and_blank_arguments_are_refused()
    {
        using var source = Pattern(200, 200);
        var png = Encode(source, SKEncodedImageFormat.Png);
        Assert.Throws<ArgumentNullException>(() => AiVisibleLabel.Draw(null!, "AI-generated"));
        Assert.Throws<ArgumentNullException>(() => AiVisibleLabel.Draw(png, null!));
        Assert.Throws<ArgumentException>(() => AiVisibleLabel.Draw(png, "  "));
    }

    /// <summary>A character no font has (a private-use code point) is never drawn as an empty box.</summary>
    [Fact]
    public void A_character_no_font_has_throws_instead_of_drawing_tofu()
    {
        using var source = Pattern(400, 200);
        var png = Encode(source, SKEncodedImageFormat.Png);
        var error = Assert.Throws<MissingGlyphException>(() => AiVisibleLabel.Draw(png, "AI-generated \uE000"));
        Assert.Equal(new[] { 0xE000 }, error.CodePoints);
        Assert.Equal(new[] { 0xE000 }, AiVisibleLabel.MissingGlyphs("AI-generated \uE000"));
        Assert.Empty(AiVisibleLabel.MissingGlyphs("AI-generated"));
        Assert.Contains("U+E000", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The Chinese label: drawn when the machine has a CJK font (its ink then fills the band as the English one does),
    /// else a MissingGlyphException that names the characters. Which branch ran is in the test output.
    /// </summary>
    [Fact]
    public void A_Chinese_label_renders_with_a_CJK_font_or_throws_clearly_without_one()
    {
        const string text = "内容由人工智能生成";
        using var source = Pattern(480, 320);
        var png = Encode(source, SKEncodedImageFormat.Png);
        var cjk = SKFontManager.Default.MatchCharacter('内');
        using var probe = cjk == null ? null : new SKFont(cjk);
        if (probe != null && probe.ContainsGlyphs(text))
        {
            output.WriteLine("CJK font " + cjk!.FamilyName + ": the label is drawn");
            var (after, _) = Decode(AiVisibleLabel.Draw(png, text));
            using (after)
            {
                var band = ChangedArea(source, after, 0);
                var (top, bottom) = InkRows(after, band);
                Assert.True(bottom - top >= Floor(480, 320), "ideographs " + (bottom - top) + " px tall");
            }
        }
        else
        {
            output.WriteLine("no CJK font: MissingGlyphException expected");
            var error = Assert.Throws<MissingGlyphException>(() => AiVisibleLabel.Draw(png, text));
            Assert.Contains(0x5185, error.CodePoints);
            Assert.Contains("fonts-noto-cjk", error.Message, StringComparison.Ordinal);
        }
    }

    private static uint Crc32(byte[] data, int offset, int count)
    {
        var crc = 0xFFFFFFFFu;
        for (var i = offset; i < offset + count; i++)
        {
            crc ^= data[i];
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
