using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AiCompliance.Generated;
using MetadataExtractor;
using MetadataExtractor.Formats.Xmp;
using SkiaSharp;
using XmpCore;
using Xunit;

namespace AiCompliance.Media.Tests;

/// <summary>
/// Inputs made with SkiaSharp, an independent read-back (MetadataExtractor / XmpCore) and decode (SkiaSharp), and small
/// container readers written here (they share no code with <see cref="AigcImage"/>).
/// </summary>
internal static class ImageTestSupport
{
    public const string Iptc = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";

    public const string Json =
        "{\"Label\":\"1\",\"ContentProducer\":\"001191110108MA01XXXXXX\",\"ProduceID\":\"img-2026-0001\"," +
        "\"ReservedCode1\":\"\",\"ContentPropagator\":\"\",\"PropagateID\":\"\",\"ReservedCode2\":\"\"}";

    public static AigcMediaLabel Label(string json = Json) => new() { AigcJson = json };

    public static AigcMediaLabel LatentLabel() => new()
    {
        AigcJson = Json,
        WriteLatentDisclosure = true,
        Provider = "Example Co",
        SystemName = "YunQue",
        SystemVersion = "2.1",
        CreatedUtc = "2026-12-07T20:15:00Z",
        ContentId = "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e",
    };

    /// <summary>A bitmap with a different colour in every pixel (and varying alpha when asked).</summary>
    public static SKBitmap Pattern(int width, int height, bool alpha, int seed = 0)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, alpha ? SKAlphaType.Unpremul : SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 37 + seed), (byte)(y * 53 + seed * 3), (byte)((x ^ y) * 29), alpha ? (byte)(255 - (x + y) * 9) : (byte)255));
            }
        }

        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 90)
    {
        using var pixmap = bitmap.PeekPixels();
        return pixmap.Encode(format, quality)!.ToArray();
    }

    public static byte[] EncodeWebp(SKBitmap bitmap, bool lossless)
    {
        using var pixmap = bitmap.PeekPixels();
        return pixmap.Encode(new SKWebpEncoderOptions(lossless ? SKWebpEncoderCompression.Lossless : SKWebpEncoderCompression.Lossy, lossless ? 100 : 80))!.ToArray();
    }

    public static IReadOnlyList<MetadataExtractor.Directory> Metadata(byte[] file) => ImageMetadataReader.ReadMetadata(new MemoryStream(file));

    public static IXmpMeta Xmp(byte[] file)
    {
        var directories = Metadata(file).OfType<XmpDirectory>().ToList();
        Assert.Single(directories);
        return directories[0].XmpMeta!;
    }

    /// <summary>MetadataExtractor finds the record and the source type in the file's XMP.</summary>
    public static IXmpMeta AssertXmpLabel(byte[] file, string json = Json)
    {
        var xmp = Xmp(file);
        Assert.Equal(json, xmp.GetPropertyString(AigcMediaLabel.Tc260Namespace, "AIGC"));
        Assert.Equal(AigcMediaLabel.TrainedAlgorithmicMedia, xmp.GetPropertyString(Iptc, "DigitalSourceType"));
        return xmp;
    }

    public static void AssertLatentFields(byte[] file) => AssertLatentFields(AssertXmpLabel(file));

    /// <summary>The California SB 942 latent disclosure of <see cref="LatentLabel"/>, read back by XmpCore.</summary>
    public static void AssertLatentFields(IXmpMeta xmp)
    {
        Assert.Equal("YunQue", xmp.GetPropertyString(Iptc, "AISystemUsed"));
        Assert.Equal("2.1", xmp.GetPropertyString(Iptc, "AISystemVersionUsed"));
        Assert.Equal("2026-12-07T20:15:00Z", xmp.GetPropertyString("http://ns.adobe.com/xap/1.0/", "CreateDate"));
        Assert.Equal("urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e", xmp.GetPropertyString("http://ns.adobe.com/xap/1.0/mm/", "DocumentID"));
        Assert.Equal("Example Co", xmp.GetArrayItem("http://purl.org/dc/elements/1.1/", "publisher", 1).Value);
    }

    /// <summary>The RGBA pixels of every frame, decoded by SkiaSharp.</summary>
    public static List<byte[]> Frames(byte[] file)
    {
        using var codec = SKCodec.Create(new MemoryStream(file));
        Assert.NotNull(codec);
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var frames = new List<byte[]>();
        var count = Math.Max(1, codec.FrameCount);
        for (var i = 0; i < count; i++)
        {
            using var bitmap = new SKBitmap(info);
            var result = codec.GetPixels(info, bitmap.GetPixels(), new SKCodecOptions(i));
            Assert.Equal(SKCodecResult.Success, result);
            frames.Add(bitmap.Bytes);
        }

        return frames;
    }

    public static int FrameCount(byte[] file)
    {
        using var codec = SKCodec.Create(new MemoryStream(file));
        Assert.NotNull(codec);
        return codec.FrameCount;
    }

    /// <summary>Decodes both files and compares every frame's pixels.</summary>
    public static void AssertSamePixels(byte[] original, byte[] labeled)
    {
        var before = Frames(original);
        var after = Frames(labeled);
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.True(before[i].SequenceEqual(after[i]), "frame " + i + " decodes differently");
        }
    }

    /// <summary>Label twice: the second call is a byte-identical pass-through; the input is never changed.</summary>
    public static byte[] LabelChecked(byte[] original, AigcMediaLabel? label = null)
    {
        var copy = (byte[])original.Clone();
        Assert.False(AigcImage.IsLabeled(original));
        var labeled = AigcImage.Label(original, label ?? Label());
        Assert.Equal(copy, original);
        Assert.True(AigcImage.IsLabeled(labeled));
        var twice = AigcImage.Label(labeled, label ?? Label());
        Assert.NotSame(labeled, twice);
        Assert.Equal(labeled, twice);
        return labeled;
    }

    /// <summary>Every proper prefix of the file is refused with AigcMediaFormatException, and is not "labeled".</summary>
    public static void AssertEveryPrefixRefused(byte[] file)
    {
        for (var length = 0; length < file.Length; length++)
        {
            var prefix = file.Take(length).ToArray();
            var error = Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(prefix, Label()));
            Assert.False(string.IsNullOrEmpty(error.Message));
            Assert.False(AigcImage.IsLabeled(prefix));
        }
    }

    /// <summary>
    /// Seeded byte mutations (one to three bytes replaced): each gives AigcMediaFormatException or a file that now counts
    /// as labeled and passes through a second labeling unchanged; never another exception.
    /// </summary>
    public static int AssertMutationsAreSafe(byte[] file, int count = 3000)
    {
        var random = new Random(4543);
        var labeledCount = 0;
        for (var n = 0; n < count; n++)
        {
            var mutated = (byte[])file.Clone();
            var edits = 1 + random.Next(3);
            for (var e = 0; e < edits; e++)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            byte[] labeled;
            try
            {
                labeled = AigcImage.Label(mutated, Label());
            }
            catch (AigcMediaFormatException)
            {
                continue;
            }

            Assert.True(AigcImage.IsLabeled(labeled), "mutation " + n + " gave a file that is not labeled");
            Assert.Equal(labeled, AigcImage.Label(labeled, Label()));
            labeledCount++;
        }

        return labeledCount;
    }

    /// <summary>The call throws AigcMediaFormatException and allocates little (no buffer of the declared size).</summary>
    public static string AssertRefusedWithoutAllocating(byte[] file)
    {
        AigcImage.Label(Encode(Pattern(2, 2, false), SKEncodedImageFormat.Png), Label()); // warm up (JIT, CRC table)
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(file, Label()));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64 * 1024 + 4L * file.Length, "allocated " + allocated + " bytes");
        return error.Message;
    }

    public static string Ascii(byte[] data, int offset, int count) => Encoding.Latin1.GetString(data, offset, count);

    public static uint BE32(byte[] d, int o) => (uint)(d[o] << 24 | d[o + 1] << 16 | d[o + 2] << 8 | d[o + 3]);

    public static uint LE32(byte[] d, int o) => (uint)(d[o] | d[o + 1] << 8 | d[o + 2] << 16 | d[o + 3] << 24);

    public static void PutBE32(byte[] d, int o, uint v)
    {
        d[o] = (byte)(v >> 24);
        d[o + 1] = (byte)(v >> 16);
        d[o + 2] = (byte)(v >> 8);
        d[o + 3] = (byte)v;
    }

    public static void PutLE32(byte[] d, int o, uint v)
    {
        d[o] = (byte)v;
        d[o + 1] = (byte)(v >> 8);
        d[o + 2] = (byte)(v >> 16);
        d[o + 3] = (byte)(v >> 24);
    }

    /// <summary>CRC-32 (ISO-HDLC), bit by bit: a second implementation to check the writer's.</summary>
    public static uint Crc(IEnumerable<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
