using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AiCompliance.Generated;
using MetadataExtractor;
using MetadataExtractor.Formats.WebP;
using SkiaSharp;
using Xunit;
using static AiCompliance.Media.Tests.ImageTestSupport;

namespace AiCompliance.Media.Tests;

/// <summary>WebP: the XMP chunk (and VP8X when the file was simple), read back by MetadataExtractor, decoded by SkiaSharp.</summary>
public class WebpLabelTests
{
    private sealed record Chunk(string FourCc, byte[] Data);

    /// <summary>The chunks, read here: RIFF size must be the file's length - 8, odd chunks padded.</summary>
    private static List<Chunk> Chunks(byte[] webp)
    {
        Assert.Equal("RIFF", Ascii(webp, 0, 4));
        Assert.Equal((uint)webp.Length - 8, LE32(webp, 4));
        Assert.Equal("WEBP", Ascii(webp, 8, 4));
        var chunks = new List<Chunk>();
        var pos = 12;
        while (pos < webp.Length)
        {
            var size = (int)LE32(webp, pos + 4);
            chunks.Add(new Chunk(Ascii(webp, pos, 4), webp.Skip(pos + 8).Take(size).ToArray()));
            pos += 8 + size + (size & 1);
        }

        Assert.Equal(webp.Length, pos);
        return chunks;
    }

    private static byte[] Raw(Chunk chunk)
    {
        var raw = new byte[8 + chunk.Data.Length + (chunk.Data.Length & 1)];
        Encoding.ASCII.GetBytes(chunk.FourCc).CopyTo(raw, 0);
        PutLE32(raw, 4, (uint)chunk.Data.Length);
        chunk.Data.CopyTo(raw, 8);
        return raw;
    }

    private static byte[] Webp(IEnumerable<Chunk> chunks)
    {
        var body = chunks.SelectMany(Raw).ToArray();
        var file = new byte[12 + body.Length];
        Encoding.ASCII.GetBytes("RIFF").CopyTo(file, 0);
        PutLE32(file, 4, (uint)(body.Length + 4));
        Encoding.ASCII.GetBytes("WEBP").CopyTo(file, 8);
        body.CopyTo(file, 12);
        return file;
    }

    private static int U24(byte[] d, int o) => d[o] | d[o + 1] << 8 | d[o + 2] << 16;

    private static byte[] U24Bytes(int v) => new[] { (byte)v, (byte)(v >> 8), (byte)(v >> 16) };

    private static byte[] SmallWebp() => EncodeWebp(Pattern(5, 4, true), lossless: true);

    /// <summary>Checks the VP8X chunk a simple file gained: XMP flag, alpha as the image says, the canvas size.</summary>
    private static void AssertAddedVp8x(Chunk vp8x, int width, int height, bool alpha)
    {
        Assert.Equal("VP8X", vp8x.FourCc);
        Assert.Equal(10, vp8x.Data.Length);
        Assert.Equal(alpha ? 0x14 : 0x04, vp8x.Data[0]);
        Assert.Equal(new byte[3], vp8x.Data.Skip(1).Take(3).ToArray());
        Assert.Equal(width - 1, U24(vp8x.Data, 4));
        Assert.Equal(height - 1, U24(vp8x.Data, 7));
    }

    [Fact]
    public void A_simple_lossy_file_gains_VP8X_and_the_XMP_chunk()
    {
        var original = EncodeWebp(Pattern(37, 21, false), lossless: false);
        var before = Chunks(original);
        Assert.Equal(new[] { "VP8 " }, before.Select(c => c.FourCc).ToArray());

        var labeled = LabelChecked(original);
        Assert.Equal("image/webp", AigcImage.Format(labeled));
        var after = Chunks(labeled);
        Assert.Equal(new[] { "VP8X", "VP8 ", "XMP " }, after.Select(c => c.FourCc).ToArray());
        AssertAddedVp8x(after[0], 37, 21, alpha: false);
        Assert.Equal(original, Webp(after.Skip(1).Take(1)));
        AssertXmpLabel(labeled);
        AssertSamePixels(original, labeled);
        var sizes = Metadata(labeled).OfType<WebPDirectory>().Where(d => d.ContainsTag(WebPDirectory.TagImageWidth)).ToList();
        Assert.NotEmpty(sizes); // MetadataExtractor reads the canvas size from VP8X (and the frame size from VP8)
        Assert.All(sizes, d => Assert.Equal((37, 21), (d.GetInt32(WebPDirectory.TagImageWidth), d.GetInt32(WebPDirectory.TagImageHeight))));
    }

    [Fact]
    public void A_simple_lossless_file_gets_the_alpha_flag_its_header_declares()
    {
        foreach (var alpha in new[] { true, false })
        {
            var original = EncodeWebp(Pattern(19, 300, alpha), lossless: true);
            var vp8l = Assert.Single(Chunks(original));
            Assert.Equal("VP8L", vp8l.FourCc);
            var declaresAlpha = (vp8l.Data[4] & 0x10) != 0; // bit 28 of the 32 bits after the 0x2f signature
            Assert.Equal(alpha, declaresAlpha);

            var labeled = LabelChecked(original);
            var after = Chunks(labeled);
            AssertAddedVp8x(after[0], 19, 300, declaresAlpha);
            Assert.Equal(original, Webp(after.Skip(1).Take(1)));
            Assert.Equal("XMP ", after[2].FourCc);
            AssertXmpLabel(labeled);
            AssertSamePixels(original, labeled);
        }
    }

    [Fact]
    public void An_extended_file_gets_the_XMP_flag_and_the_chunk_at_the_end()
    {
        var original = EncodeWebp(Pattern(12, 9, true), lossless: false);
        var before = Chunks(original);
        Assert.Equal(new[] { "VP8X", "ALPH", "VP8 " }, before.Select(c => c.FourCc).ToArray());
        Assert.Equal(0, before[0].Data[0] & 0x04);

        var labeled = LabelChecked(original);
        var after = Chunks(labeled);
        Assert.Equal(new[] { "VP8X", "ALPH", "VP8 ", "XMP " }, after.Select(c => c.FourCc).ToArray());
        Assert.Equal(before[0].Data[0] | 0x04, after[0].Data[0]);
        Assert.Equal(before[0].Data.Skip(1), after[0].Data.Skip(1));
        after[0] = before[0];
        Assert.Equal(original, Webp(after.Take(3)));
        AssertXmpLabel(labeled);
        AssertSamePixels(original, labeled);
    }

    [Fact]
    public void An_animated_file_keeps_all_its_frames()
    {
        // Two lossless frames encoded by SkiaSharp, put in ANMF chunks by hand.
        var frames = new[] { 0, 120 }.Select(seed => Chunks(EncodeWebp(Pattern(6, 5, true, seed), lossless: true)).Single()).ToArray();
        var vp8x = new byte[10];
        vp8x[0] = 0x02 | 0x10; // animation, alpha
        U24Bytes(5).CopyTo(vp8x, 4);
        U24Bytes(4).CopyTo(vp8x, 7);
        var anim = new byte[] { 255, 255, 255, 255, 0, 0 };
        var chunks = new List<Chunk> { new("VP8X", vp8x), new("ANIM", anim) };
        foreach (var frame in frames)
        {
            var header = new byte[0].Concat(U24Bytes(0)).Concat(U24Bytes(0)).Concat(U24Bytes(5)).Concat(U24Bytes(4)).Concat(U24Bytes(100)).Append((byte)0x02);
            chunks.Add(new Chunk("ANMF", header.Concat(Raw(frame)).ToArray()));
        }

        var original = Webp(chunks);
        Assert.Equal(2, FrameCount(original));

        var labeled = LabelChecked(original);
        Assert.Equal(2, FrameCount(labeled));
        AssertSamePixels(original, labeled);
        var decoded = Frames(labeled);
        Assert.NotEqual(decoded[0], decoded[1]);
        AssertXmpLabel(labeled);
        var after = Chunks(labeled);
        Assert.Equal(new[] { "VP8X", "ANIM", "ANMF", "ANMF", "XMP " }, after.Select(c => c.FourCc).ToArray());
        Assert.Equal(0x16, after[0].Data[0]);
        after[0] = chunks[0];
        Assert.Equal(original, Webp(after.Take(4)));
    }

    [Fact]
    public void Packets_of_odd_and_even_length_are_padded_and_read_back()
    {
        var original = SmallWebp();
        var parities = new HashSet<int>();
        foreach (var json in new[] { Json, Json + " " })
        {
            var labeled = LabelChecked(original, Label(json));
            var xmp = Chunks(labeled).Single(c => c.FourCc == "XMP ");
            parities.Add(xmp.Data.Length & 1);
            Assert.Equal(AigcXmp.BuildPacket(Label(json)), Encoding.UTF8.GetString(xmp.Data));
            AssertXmpLabel(labeled, json);
            AssertSamePixels(original, labeled);
        }

        Assert.Equal(2, parities.Count);
    }

    [Fact]
    public void The_latent_disclosure_fields_are_written_when_asked()
    {
        AssertLatentFields(LabelChecked(SmallWebp(), LatentLabel()));
        Assert.Null(Xmp(AigcImage.Label(SmallWebp(), Label())).GetProperty(Iptc, "AISystemUsed"));
    }

    [Fact]
    public void An_existing_XMP_chunk_is_merged_in_place_and_an_AIGC_one_passes_through()
    {
        var packet = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
                     "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"><xmp:CreatorTool>Paint</xmp:CreatorTool>" +
                     "</rdf:Description></rdf:RDF></x:xmpmeta>";
        var simple = Chunks(EncodeWebp(Pattern(12, 9, true), lossless: false));
        var vp8x = (byte[])simple[0].Data.Clone();
        vp8x[0] |= 0x04;
        var original = Webp(new[] { new Chunk("VP8X", vp8x), new Chunk("XMP ", Encoding.UTF8.GetBytes(packet)) }.Concat(simple.Skip(1)));

        var labeled = LabelChecked(original);
        var after = Chunks(labeled);
        Assert.Equal(new[] { "VP8X", "XMP ", "ALPH", "VP8 " }, after.Select(c => c.FourCc).ToArray());
        var meta = AssertXmpLabel(labeled);
        Assert.Equal("Paint", meta.GetPropertyString("http://ns.adobe.com/xap/1.0/", "CreatorTool"));
        after[1] = new Chunk("XMP ", Encoding.UTF8.GetBytes(packet));
        Assert.Equal(original, Webp(after));
        AssertSamePixels(original, labeled);

        var labeledElsewhere = Webp(new[] { new Chunk("VP8X", vp8x) }.Concat(simple.Skip(1)).Append(new Chunk("XMP ", Encoding.UTF8.GetBytes(AigcXmp.BuildPacket(Label("{}"))))));
        Assert.True(AigcImage.IsLabeled(labeledElsewhere));
        Assert.Equal(labeledElsewhere, AigcImage.Label(labeledElsewhere, Label()));
    }

    [Fact]
    public void Random_byte_mutations_give_a_labeled_file_or_the_format_exception()
    {
        Assert.True(AssertMutationsAreSafe(SmallWebp()) > 0);
        Assert.True(AssertMutationsAreSafe(EncodeWebp(Pattern(4, 3, true), lossless: false)) > 0);
    }

    [Fact]
    public void Every_truncation_is_refused()
    {
        AssertEveryPrefixRefused(SmallWebp());
        AssertEveryPrefixRefused(EncodeWebp(Pattern(4, 3, true), lossless: false));
    }

    [Fact]
    public void Huge_declared_sizes_are_refused_without_allocating()
    {
        var original = SmallWebp();
        foreach (var riff in new uint[] { 0xFFFFFFFF, 0x80000000, (uint)original.Length - 7, 3 })
        {
            var hostile = (byte[])original.Clone();
            PutLE32(hostile, 4, riff);
            AssertRefusedWithoutAllocating(hostile);
        }

        var chunkSize = LE32(original, 16);
        foreach (var size in new uint[] { 0xFFFFFFFF, 0xFFFFFFF0, 0x7FFFFFFF, chunkSize + 2, chunkSize + 3 })
        {
            var hostile = (byte[])original.Clone();
            PutLE32(hostile, 16, size);
            var message = AssertRefusedWithoutAllocating(hostile);
            Assert.Contains("WebP", message);
        }
    }

    [Fact]
    public void Structures_WebP_forbids_are_refused_and_trailing_bytes_kept()
    {
        var lossy = Chunks(EncodeWebp(Pattern(12, 9, false), lossless: false));
        var lossless = Chunks(SmallWebp());
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Webp(new[] { new Chunk("ICCP", new byte[4]) }.Concat(lossy)), Label()));
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Webp(new[] { new Chunk("VP8X", new byte[10]) }), Label())); // no image
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Webp(new[] { new Chunk("VP8X", new byte[6]) }.Concat(lossy)), Label()));
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Webp(lossy.Concat(new[] { new Chunk("VP8X", new byte[10]) })), Label()));

        var interFrame = (byte[])lossy[0].Data.Clone();
        interFrame[0] |= 1;
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Webp(new[] { new Chunk("VP8 ", interFrame) }), Label()));
        var badStart = (byte[])lossy[0].Data.Clone();
        badStart[3] = 0;
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Webp(new[] { new Chunk("VP8 ", badStart) }), Label()));
        var badSignature = (byte[])lossless[0].Data.Clone();
        badSignature[0] = 0x2E;
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Webp(new[] { new Chunk("VP8L", badSignature) }), Label()));

        var trailing = SmallWebp().Concat(new byte[] { 7, 7, 7 }).ToArray();
        PutLE32(trailing, 4, LE32(trailing, 4)); // RIFF size still without the trailing bytes
        var labeled = AigcImage.Label(trailing, Label());
        Assert.Equal(new byte[] { 7, 7, 7 }, labeled[^3..]);
        Chunks(labeled[..^3]);
    }
}
