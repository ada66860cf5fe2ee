using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using AiCompliance.Skia;
using MetadataExtractor;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Formats.Xmp;
using SkiaSharp;
using Xunit;

namespace AiCompliance.Samples.Tests;

/// <summary>ChatWeb's image answer checked from its bytes: the AIGC metadata read back, the visible label found by decoding.</summary>
internal static class ImageAnswer
{
    public const string Tc260 = "http://www.tc260.org.cn/ns/AIGC/1.0/";
    public const string Iptc = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
    public const string TrainedAlgorithmicMedia = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
    public const int Width = 480;
    public const int Height = 320;

    /// <summary>The implicit label: the XMP TC260:AIGC record, IPTC DigitalSourceType and the PNG AIGC text chunk. Returns the ProduceID.</summary>
    public static string AssertImplicitLabel(byte[] png)
    {
        var directories = ImageMetadataReader.ReadMetadata(new MemoryStream(png));
        var xmp = Assert.Single(directories.OfType<XmpDirectory>()).XmpMeta!;
        var record = xmp.GetPropertyString(Tc260, "AIGC");
        Assert.False(string.IsNullOrEmpty(record), "no TC260:AIGC in the XMP");
        using var json = JsonDocument.Parse(record!);
        var id = Labels.AssertAigcValue(json.RootElement);
        Assert.StartsWith("img-", id, StringComparison.Ordinal);
        Assert.Equal(TrainedAlgorithmicMedia, xmp.GetPropertyString(Iptc, "DigitalSourceType"));

        var textChunks = directories.OfType<PngDirectory>()
            .Select(d => d.GetObject(PngDirectory.TagTextualData))
            .OfType<System.Collections.Generic.IEnumerable<KeyValuePair>>()
            .SelectMany(pairs => pairs)
            .Where(pair => pair.Key == "AIGC")
            .ToList();
        Assert.Equal(record, Assert.Single(textChunks).Value.ToString(System.Text.Encoding.UTF8));
        return id;
    }

    /// <summary>
    /// The visible label: a PNG of the generator's size whose bottom right corner holds a dark band (the label's) with
    /// near-white text at least the legibility floor tall, and whose pixels just above the band are the picture's own.
    /// </summary>
    public static void AssertVisibleLabel(byte[] png, string drawnText)
    {
        using var codec = SKCodec.Create(new MemoryStream(png));
        Assert.NotNull(codec);
        Assert.Equal(SKEncodedImageFormat.Png, codec.EncodedFormat);
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, bitmap.GetPixels()));
        Assert.Equal((Width, Height), (bitmap.Width, bitmap.Height));

        var band = AiVisibleLabel.Measure(Width, Height, drawnText);
        Assert.Equal((Width, Height), (band.Right, band.Bottom));
        var floor = Math.Max(12, (int)Math.Ceiling(Math.Min(Width, Height) * 0.05));
        Assert.True(band.Height >= floor, "band " + band);

        int inkTop = int.MaxValue, inkBottom = -1, dark = 0;
        for (var y = band.Top; y < band.Bottom; y++)
        {
            for (var x = band.Left; x < band.Right; x++)
            {
                var c = bitmap.GetPixel(x, y);
                var low = Math.Min(c.Red, Math.Min(c.Green, c.Blue));
                var high = Math.Max(c.Red, Math.Max(c.Green, c.Blue));
                if (low > 200)
                {
                    inkTop = Math.Min(inkTop, y);
                    inkBottom = Math.Max(inkBottom, y + 1);
                }
                else if (high < 80)
                {
                    dark++;
                }
            }
        }

        Assert.True(dark > band.Width * band.Height / 2, "the band is not dark: " + dark + " dark pixels");
        Assert.True(inkBottom - inkTop >= floor, "text ink " + (inkBottom - inkTop) + " px < floor " + floor);

        // Just above the band: the picture (sky or hills), not the band.
        var above = bitmap.GetPixel((band.Left + band.Right) / 2, band.Top - 2);
        Assert.True(Math.Max(above.Red, Math.Max(above.Green, above.Blue)) >= 80, "the band reaches above its measured top");
    }
}
