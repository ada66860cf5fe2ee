using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using AiCompliance.Generated;
using MetadataExtractor.Formats.Png;
using SkiaSharp;
using Xunit;
using static AiCompliance.Media.Tests.ImageTestSupport;

namespace AiCompliance.Media.Tests;

/// <summary>PNG: tEXt (or iTXt) AIGC and the XMP iTXt chunk, read back by MetadataExtractor, decoded by SkiaSharp.</summary>
public class PngLabelTests
{
    private sealed record Chunk(string Type, byte[] Data, byte[] Raw);

    private static readonly byte[] Signature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

    /// <summary>The chunks up to IEND, each CRC checked here.</summary>
    private static List<Chunk> Chunks(byte[] png)
    {
        Assert.Equal(Signature, png.Take(8).ToArray());
        var chunks = new List<Chunk>();
        var pos = 8;
        while (true)
        {
            var length = (int)BE32(png, pos);
            var type = Ascii(png, pos + 4, 4);
            var data = png.Skip(pos + 8).Take(length).ToArray();
            Assert.Equal(Crc(png.Skip(pos + 4).Take(length + 4)), BE32(png, pos + 8 + length));
            chunks.Add(new Chunk(type, data, png.Skip(pos).Take(length + 12).ToArray()));
            pos += length + 12;
            if (type == "IEND")
            {
                Assert.Equal(png.Length, pos);
                return chunks;
            }
        }
    }

    private static byte[] Join(IEnumerable<byte[]> parts) => parts.SelectMany(p => p).ToArray();

    private static byte[] Png(IEnumerable<Chunk> chunks) => Join(new[] { Signature }.Concat(chunks.Select(c => c.Raw)));

    private static Chunk MakeChunk(string type, byte[] data)
    {
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        var raw = new byte[data.Length + 12];
        PutBE32(raw, 0, (uint)data.Length);
        typed.CopyTo(raw, 4);
        PutBE32(raw, 8 + data.Length, Crc(typed));
        return new Chunk(type, data, raw);
    }

    private static byte[] Keyword(string keyword) => Encoding.ASCII.GetBytes(keyword + "\0");

    private static IList<MetadataExtractor.KeyValuePair> TextualData(byte[] png) =>
        Metadata(png).OfType<PngDirectory>()
            .Where(d => d.ContainsTag(PngDirectory.TagTextualData))
            .SelectMany(d => (IList<MetadataExtractor.KeyValuePair>)d.GetObject(PngDirectory.TagTextualData)!)
            .ToList();

    private static byte[] SmallPng(bool alpha = true) => Encode(Pattern(7, 5, alpha), SKEncodedImageFormat.Png);

    private const string ExistingXmp =
        "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">" +
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" " +
        "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"><xmp:CreatorTool>Paint \u00e9\u4e2d</xmp:CreatorTool></rdf:Description>" +
        "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";

    [Fact]
    public void The_label_is_read_back_and_the_image_is_otherwise_unchanged()
    {
        var original = Encode(Pattern(23, 17, true), SKEncodedImageFormat.Png);
        var labeled = LabelChecked(original);

        Assert.Equal("image/png", AigcImage.Format(labeled));
        AssertXmpLabel(labeled);
        var text = TextualData(labeled);
        Assert.Contains(text, pair => pair.Key == "AIGC" && pair.Value.ToString() == Json);
        AssertSamePixels(original, labeled);

        // Right after IHDR: tEXt AIGC (Latin-1) then iTXt XMP (uncompressed, empty language and translated keyword).
        var chunks = Chunks(labeled);
        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal("tEXt", chunks[1].Type);
        Assert.Equal(Keyword("AIGC").Concat(Encoding.Latin1.GetBytes(Json)).ToArray(), chunks[1].Data);
        Assert.Equal("iTXt", chunks[2].Type);
        Assert.Equal(Keyword("XML:com.adobe.xmp").Concat(new byte[] { 0, 0, 0, 0 }).ToArray(), chunks[2].Data.Take(22).ToArray());

        // Without the two new chunks: the original file, byte for byte.
        Assert.Equal(original, Png(chunks.Where((c, i) => i != 1 && i != 2)));
    }

    [Fact]
    public void The_latent_disclosure_fields_are_written_when_asked()
    {
        var labeled = LabelChecked(SmallPng(), LatentLabel());
        AssertLatentFields(labeled);

        var plain = AigcImage.Label(SmallPng(), Label());
        Assert.Null(Xmp(plain).GetProperty(Iptc, "AISystemUsed"));
    }

    [Fact]
    public void A_record_outside_Latin_1_goes_to_an_iTXt_chunk_in_UTF_8()
    {
        var json = "{\"Label\":\"1\",\"ContentProducer\":\"\u5317\u4eac\u4e91\u96c0\",\"ProduceID\":\"\uD83D\uDE00-\u00e9\"}";
        var original = SmallPng();
        var labeled = LabelChecked(original, Label(json));

        var chunks = Chunks(labeled);
        Assert.Equal("iTXt", chunks[1].Type);
        Assert.Equal(Keyword("AIGC").Concat(new byte[] { 0, 0, 0, 0 }).Concat(Encoding.UTF8.GetBytes(json)).ToArray(), chunks[1].Data);
        Assert.Contains(TextualData(labeled), pair => pair.Key == "AIGC" && pair.Value.ToString(Encoding.UTF8) == json);
        AssertXmpLabel(labeled, json);
        AssertSamePixels(original, labeled);

        // Latin-1 but not ASCII stays in tEXt, as Latin-1 bytes.
        var latin = "{\"ContentProducer\":\"Caf\u00e9\"}";
        var tEXt = Chunks(AigcImage.Label(original, Label(latin)))[1];
        Assert.Equal("tEXt", tEXt.Type);
        Assert.Equal(Keyword("AIGC").Concat(new byte[] { (byte)'{' }).ToArray(), tEXt.Data.Take(6).ToArray());
        Assert.Equal(0xE9, tEXt.Data[tEXt.Data.Length - 3]);
        Assert.Throws<ArgumentException>(() => AigcImage.Label(original, Label("{\"a\":\"\0\"}")));
    }

    [Fact]
    public void An_existing_XMP_chunk_is_merged_in_place()
    {
        var chunks = Chunks(SmallPng());
        var xmp = MakeChunk("iTXt", Keyword("XML:com.adobe.xmp").Concat(new byte[] { 0, 0 }).Concat(Encoding.ASCII.GetBytes("en\0x\0")).Concat(Encoding.UTF8.GetBytes(ExistingXmp)).ToArray());
        chunks.Insert(chunks.Count - 1, xmp); // after IDAT, before IEND
        var original = Png(chunks);
        Assert.Equal("Paint \u00e9\u4e2d", Xmp(original).GetPropertyString("http://ns.adobe.com/xap/1.0/", "CreatorTool"));

        var labeled = LabelChecked(original);
        var after = Chunks(labeled);
        Assert.Single(after, c => c.Type == "iTXt");
        Assert.Equal(after.Count - 2, after.FindIndex(c => c.Type == "iTXt")); // still right before IEND
        Assert.Equal(Keyword("XML:com.adobe.xmp").Concat(new byte[] { 0, 0 }).Concat(Encoding.ASCII.GetBytes("en\0x\0")).ToArray(), after[^2].Data.Take(25).ToArray());
        var meta = AssertXmpLabel(labeled);
        Assert.Equal("Paint \u00e9\u4e2d", meta.GetPropertyString("http://ns.adobe.com/xap/1.0/", "CreatorTool"));
        Assert.Contains(TextualData(labeled), pair => pair.Key == "AIGC");
        Assert.Equal(original, Png(after.Where((c, i) => i != 1).Select(c => c.Type == "iTXt" ? xmp : c)));
        AssertSamePixels(original, labeled);
    }

    private static byte[] Zlib(string text)
    {
        var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(Encoding.UTF8.GetBytes(text));
        }

        return deflated.ToArray();
    }

    private static byte[] PngWithCompressedXmp(out List<Chunk> chunks)
    {
        chunks = Chunks(SmallPng());
        chunks.Insert(1, MakeChunk("iTXt", Keyword("XML:com.adobe.xmp").Concat(new byte[] { 1, 0, 0, 0 }).Concat(Zlib(ExistingXmp)).ToArray()));
        return Png(chunks);
    }

    [Fact]
    public void A_compressed_XMP_chunk_is_inflated_merged_and_stored_uncompressed()
    {
        var original = PngWithCompressedXmp(out var chunks);

        var labeled = LabelChecked(original);
        var meta = AssertXmpLabel(labeled);
        Assert.Equal("Paint \u00e9\u4e2d", meta.GetPropertyString("http://ns.adobe.com/xap/1.0/", "CreatorTool"));
        var xmp = Assert.Single(Chunks(labeled), c => c.Type == "iTXt");
        Assert.Equal(0, xmp.Data[18]); // compression flag now 0
        Assert.Contains("Paint", Encoding.UTF8.GetString(xmp.Data));

        // A broken zlib stream (bad Adler-32) is refused, not merged.
        var bad = Zlib(ExistingXmp);
        bad[^1] ^= 0x55;
        chunks[1] = MakeChunk("iTXt", Keyword("XML:com.adobe.xmp").Concat(new byte[] { 1, 0, 0, 0 }).Concat(bad).ToArray());
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Png(chunks), Label()));
    }

    [Fact]
    public void A_compressed_XMP_chunk_that_inflates_beyond_16_MiB_is_refused()
    {
        var bomb = Zlib(new string(' ', 17 * 1024 * 1024));
        Assert.True(bomb.Length < 100_000);
        var chunks = Chunks(SmallPng());
        chunks.Insert(1, MakeChunk("iTXt", Keyword("XML:com.adobe.xmp").Concat(new byte[] { 1, 0, 0, 0 }).Concat(bomb).ToArray()));
        var error = Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Png(chunks), Label()));
        Assert.Contains("inflates beyond", error.Message);
        Assert.False(AigcImage.IsLabeled(Png(chunks)));
    }

    [Fact]
    public void An_XMP_chunk_with_a_wrong_CRC_or_no_rdf_RDF_is_refused()
    {
        var chunks = Chunks(SmallPng());
        var xmp = MakeChunk("iTXt", Keyword("XML:com.adobe.xmp").Concat(new byte[] { 0, 0, 0, 0 }).Concat(Encoding.UTF8.GetBytes(ExistingXmp)).ToArray());
        var raw = (byte[])xmp.Raw.Clone();
        raw[^1] ^= 1;
        chunks.Insert(1, xmp with { Raw = raw });
        var error = Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Png(chunks), Label()));
        Assert.Contains("CRC", error.Message);

        chunks[1] = MakeChunk("iTXt", Keyword("XML:com.adobe.xmp").Concat(new byte[] { 0, 0, 0, 0 }).Concat(Encoding.UTF8.GetBytes("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>")).ToArray());
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Png(chunks), Label()));
    }

    [Fact]
    public void Any_existing_AIGC_record_passes_through_unchanged()
    {
        var chunks = Chunks(SmallPng());
        chunks.Insert(chunks.Count - 1, MakeChunk("tEXt", Keyword("AIGC").Concat(Encoding.ASCII.GetBytes("{\"Label\":\"2\"}")).ToArray()));
        var textOnly = Png(chunks);
        Assert.True(AigcImage.IsLabeled(textOnly));
        Assert.Equal(textOnly, AigcImage.Label(textOnly, Label()));

        chunks = Chunks(SmallPng());
        chunks.Insert(1, MakeChunk("iTXt", Keyword("XML:com.adobe.xmp").Concat(new byte[] { 0, 0, 0, 0 }).Concat(Encoding.UTF8.GetBytes(AigcXmp.BuildPacket(Label("{}")))).ToArray()));
        var xmpOnly = Png(chunks);
        Assert.True(AigcImage.IsLabeled(xmpOnly));
        Assert.Equal(xmpOnly, AigcImage.Label(xmpOnly, Label()));
    }

    [Fact]
    public void An_animated_PNG_keeps_its_frames()
    {
        var first = Chunks(Encode(Pattern(6, 5, true, 0), SKEncodedImageFormat.Png));
        var second = Chunks(Encode(Pattern(6, 5, true, 90), SKEncodedImageFormat.Png));
        Assert.Equal(first[0].Data, second[0].Data); // same IHDR

        static byte[] Fctl(uint sequence)
        {
            var data = new byte[26];
            PutBE32(data, 0, sequence);
            PutBE32(data, 4, 6);
            PutBE32(data, 8, 5);
            data[20] = 0; data[21] = 1; // delay 1/10 s
            data[22] = 0; data[23] = 10;
            return data;
        }

        var actl = new byte[8];
        PutBE32(actl, 0, 2);
        var secondData = Join(second.Where(c => c.Type == "IDAT").Select(c => c.Data));
        var fdat = new byte[4 + secondData.Length];
        PutBE32(fdat, 0, 2);
        secondData.CopyTo(fdat, 4);
        var apng = Png(new[] { first[0], MakeChunk("acTL", actl), MakeChunk("fcTL", Fctl(0)) }
            .Concat(first.Where(c => c.Type == "IDAT"))
            .Concat(new[] { MakeChunk("fcTL", Fctl(1)), MakeChunk("fdAT", fdat), MakeChunk("IEND", Array.Empty<byte>()) }));

        var labeled = LabelChecked(apng);
        AssertXmpLabel(labeled);
        AssertSamePixels(apng, labeled); // the default image (SkiaSharp's PNG codec does not read APNG: FrameCount is 0 for both)
        var chunks = Chunks(labeled);
        Assert.Equal(new[] { "IHDR", "tEXt", "iTXt", "acTL", "fcTL", "IDAT", "fcTL", "fdAT", "IEND" }, chunks.Select(c => c.Type).ToArray());
        Assert.Equal(apng, Png(chunks.Where((c, i) => i != 1 && i != 2)));

        // APNG rules, checked here: acTL before the first IDAT, fcTL/fdAT sequence numbers 0, 1, 2 in file order.
        Assert.True(chunks.FindIndex(c => c.Type == "acTL") < chunks.FindIndex(c => c.Type == "IDAT"));
        Assert.Equal(new uint[] { 0, 1, 2 }, chunks.Where(c => c.Type is "fcTL" or "fdAT").Select(c => BE32(c.Data, 0)).ToArray());
        Assert.Equal(2u, BE32(chunks.Single(c => c.Type == "acTL").Data, 0));

        // Each frame rebuilt from the labeled file as a still PNG decodes to the frame it was made from.
        var frame1 = Png(new[] { chunks[0] }.Concat(chunks.Where(c => c.Type == "IDAT")).Append(chunks[^1]));
        var frame2 = Png(new[] { chunks[0], MakeChunk("IDAT", chunks.Single(c => c.Type == "fdAT").Data.Skip(4).ToArray()), chunks[^1] });
        AssertSamePixels(Png(first), frame1);
        AssertSamePixels(Png(second), frame2);
        Assert.NotEqual(Frames(frame1)[0], Frames(frame2)[0]);
    }

    [Fact]
    public void Random_byte_mutations_give_a_labeled_file_or_the_format_exception()
    {
        Assert.True(AssertMutationsAreSafe(SmallPng()) > 0);
        Assert.True(AssertMutationsAreSafe(PngWithCompressedXmp(out _)) > 0);
    }

    [Fact]
    public void Every_truncation_is_refused()
    {
        AssertEveryPrefixRefused(SmallPng());
    }

    [Fact]
    public void Huge_declared_lengths_are_refused_without_allocating()
    {
        var original = SmallPng();
        var idat = 8;
        while (Ascii(original, idat + 4, 4) != "IDAT")
        {
            idat += (int)BE32(original, idat) + 12;
        }

        foreach (var declared in new uint[] { 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, (uint)original.Length })
        {
            var hostile = (byte[])original.Clone();
            PutBE32(hostile, idat, declared);
            AssertRefusedWithoutAllocating(hostile);
        }

        var ihdr = (byte[])original.Clone();
        PutBE32(ihdr, 8, 0xFFFFFFF0);
        AssertRefusedWithoutAllocating(ihdr);
    }

    [Fact]
    public void Structures_PNG_forbids_are_refused()
    {
        var chunks = Chunks(SmallPng());
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Png(chunks.Skip(1)), Label())); // no IHDR first
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Png(chunks.Where(c => c.Type != "IDAT")), Label()));
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Png(chunks.Take(1).Concat(chunks)), Label())); // two IHDR
        var badType = Png(chunks);
        badType[8 + 25 + 4] = (byte)'1';
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(badType, Label()));

        // Bytes after IEND are kept as they were.
        var trailing = Png(chunks).Concat(new byte[] { 1, 2, 3 }).ToArray();
        Assert.Equal(new byte[] { 1, 2, 3 }, AigcImage.Label(trailing, Label())[^3..]);
    }

    [Fact]
    public void Unknown_formats_and_bad_labels_are_refused()
    {
        var error = Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Encoding.ASCII.GetBytes("GIF89a......"), Label()));
        Assert.Equal("not a PNG, JPEG or WebP image", error.Message);
        Assert.Null(AigcImage.Format(new byte[] { 0x89, 0x50 }));
        Assert.False(AigcImage.IsLabeled(new byte[] { 1, 2, 3 }));
        Assert.Throws<ArgumentNullException>(() => AigcImage.Label(null!, Label()));
        Assert.Throws<ArgumentNullException>(() => AigcImage.Label(SmallPng(), null!));
        Assert.Throws<ArgumentException>(() => AigcImage.Label(SmallPng(), new AigcMediaLabel()));
    }
}
