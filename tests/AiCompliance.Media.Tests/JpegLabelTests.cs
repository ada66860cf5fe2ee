using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AiCompliance.Generated;
using MetadataExtractor;
using MetadataExtractor.Formats.Adobe;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Icc;
using SkiaSharp;
using Xunit;
using static AiCompliance.Media.Tests.ImageTestSupport;

namespace AiCompliance.Media.Tests;

/// <summary>JPEG: the XMP APP1 segment, read back by MetadataExtractor, decoded by SkiaSharp (incl. a hand-built CMYK JPEG).</summary>
public class JpegLabelTests
{
    private const string XmpHeader = "http://ns.adobe.com/xap/1.0/\0";

    private sealed record Segment(int Offset, byte Marker, byte[] Raw);

    /// <summary>The segments from SOI to the first SOS (exclusive), read here; fill bytes are not expected.</summary>
    private static List<Segment> Segments(byte[] jpeg)
    {
        Assert.Equal(0xFF, jpeg[0]);
        Assert.Equal(0xD8, jpeg[1]);
        var segments = new List<Segment>();
        var pos = 2;
        while (true)
        {
            Assert.Equal(0xFF, jpeg[pos]);
            var marker = jpeg[pos + 1];
            if (marker == 0xDA)
            {
                return segments;
            }

            var length = jpeg[pos + 2] << 8 | jpeg[pos + 3];
            segments.Add(new Segment(pos, marker, jpeg.Skip(pos).Take(length + 2).ToArray()));
            pos += length + 2;
        }
    }

    private static bool IsXmp(Segment s) => s.Marker == 0xE1 && Ascii(s.Raw, 4, Math.Min(XmpHeader.Length, s.Raw.Length - 4)) == XmpHeader;

    private static byte[] Remove(byte[] data, int offset, int count) => data.Take(offset).Concat(data.Skip(offset + count)).ToArray();

    private static byte[] Insert(byte[] data, int offset, byte[] part) => data.Take(offset).Concat(part).Concat(data.Skip(offset)).ToArray();

    private static byte[] App(byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        return new byte[] { 0xFF, marker, (byte)(length >> 8), (byte)length }.Concat(payload).ToArray();
    }

    private static byte[] XmpApp1(string packet) => App(0xE1, Encoding.ASCII.GetBytes(XmpHeader).Concat(Encoding.UTF8.GetBytes(packet)).ToArray());

    /// <summary>A big-endian Exif block with one IFD0 entry, Orientation = 1.</summary>
    private static byte[] ExifApp1() => App(0xE1, new byte[]
    {
        (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
        (byte)'M', (byte)'M', 0, 0x2A, 0, 0, 0, 8,
        0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 1, 0, 0,
        0, 0, 0, 0,
    });

    private static byte[] AdobeApp14(byte transform) =>
        App(0xEE, Encoding.ASCII.GetBytes("Adobe").Concat(new byte[] { 0, 100, 0, 0, 0, 0, transform }).ToArray());

    private static byte[] SmallJpeg() => Encode(Pattern(8, 8, false), SKEncodedImageFormat.Jpeg, 80);

    /// <summary>
    /// A baseline CMYK JPEG (Adobe APP14, transform 0) of 16x8 pixels, built by hand: two MCUs of four flat 8x8 blocks
    /// (DC only), a restart interval of one MCU (so the scan holds an RST0 marker), tiny Huffman tables.
    /// </summary>
    private static byte[] CmykJpeg()
    {
        var file = new List<byte> { 0xFF, 0xD8 };
        file.AddRange(AdobeApp14(0));
        var dqt = new byte[65];
        dqt[1] = 64;
        for (var i = 2; i < 65; i++)
        {
            dqt[i] = 1;
        }

        file.AddRange(App(0xDB, dqt));
        file.AddRange(App(0xC0, new byte[] { 8, 0, 8, 0, 16, 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0 }));
        var dc = new byte[1 + 16 + 6];
        dc[0] = 0x00;
        dc[3] = 6; // six codes of three bits: categories 0..5
        for (var i = 0; i < 6; i++)
        {
            dc[17 + i] = (byte)i;
        }

        file.AddRange(App(0xC4, dc));
        var ac = new byte[1 + 16 + 1];
        ac[0] = 0x10;
        ac[1] = 1; // one code of one bit: EOB
        file.AddRange(App(0xC4, ac));
        file.AddRange(App(0xDD, new byte[] { 0, 1 }));
        file.AddRange(App(0xDA, new byte[] { 4, 1, 0, 2, 0, 3, 0, 4, 0, 0, 63, 0 }));

        var mcus = new[] { new[] { 10, -5, 0, -12 }, new[] { -9, 3, 14, 1 } };
        for (var m = 0; m < mcus.Length; m++)
        {
            var bits = new List<int>();
            void Put(int value, int count)
            {
                for (var b = count - 1; b >= 0; b--)
                {
                    bits.Add((value >> b) & 1);
                }
            }

            foreach (var v in mcus[m])
            {
                var category = v == 0 ? 0 : (int)Math.Floor(Math.Log2(Math.Abs(v))) + 1;
                Put(category, 3);
                Put(v >= 0 ? v : v + (1 << category) - 1, category);
                Put(0, 1); // EOB
            }

            while (bits.Count % 8 != 0)
            {
                bits.Add(1);
            }

            for (var i = 0; i < bits.Count; i += 8)
            {
                var value = 0;
                for (var b = 0; b < 8; b++)
                {
                    value = value << 1 | bits[i + b];
                }

                file.Add((byte)value);
                if (value == 0xFF)
                {
                    file.Add(0);
                }
            }

            if (m + 1 < mcus.Length)
            {
                file.Add(0xFF);
                file.Add((byte)(0xD0 + m));
            }
        }

        file.Add(0xFF);
        file.Add(0xD9);
        return file.ToArray();
    }

    private static void AssertOnlyTheXmpSegmentWasAdded(byte[] original, byte[] labeled)
    {
        var xmp = Assert.Single(Segments(labeled), IsXmp);
        Assert.Equal(original, Remove(labeled, xmp.Offset, xmp.Raw.Length));
    }

    [Fact]
    public void The_label_is_read_back_and_the_image_is_otherwise_unchanged()
    {
        var original = Encode(Pattern(33, 20, false), SKEncodedImageFormat.Jpeg, 85);
        var labeled = LabelChecked(original);

        Assert.Equal("image/jpeg", AigcImage.Format(labeled));
        AssertXmpLabel(labeled);
        AssertSamePixels(original, labeled);
        AssertOnlyTheXmpSegmentWasAdded(original, labeled);

        // SOI, APP0 (JFIF), then the XMP APP1 before DQT.
        var markers = Segments(labeled).Select(s => s.Marker).ToArray();
        Assert.Equal(new byte[] { 0xE0, 0xE1 }, markers.Take(2).ToArray());
        Assert.Equal(0xDB, Segments(original)[1].Marker);
    }

    [Fact]
    public void The_latent_disclosure_fields_are_written_when_asked()
    {
        AssertLatentFields(LabelChecked(SmallJpeg(), LatentLabel()));
        Assert.Null(Xmp(AigcImage.Label(SmallJpeg(), Label())).GetProperty(Iptc, "AISystemUsed"));
    }

    [Fact]
    public void A_CMYK_JPEG_with_an_Adobe_segment_stays_decodable_and_identical()
    {
        var original = CmykJpeg();
        var before = Frames(original)[0];
        Assert.True(before.Distinct().Count() > 3, "the hand-built CMYK JPEG decodes to several colours");

        var labeled = LabelChecked(original);
        AssertSamePixels(original, labeled);
        AssertXmpLabel(labeled);
        AssertOnlyTheXmpSegmentWasAdded(original, labeled);
        Assert.Equal(new byte[] { 0xE1, 0xEE, 0xDB, 0xC0, 0xC4, 0xC4, 0xDD }, Segments(labeled).Select(s => s.Marker).ToArray());
        var adobe = Metadata(labeled).OfType<AdobeJpegDirectory>().Single();
        Assert.Equal(0, adobe.GetInt32(AdobeJpegDirectory.TagColorTransform));
    }

    [Fact]
    public void The_segment_goes_after_the_leading_JFIF_Exif_and_ICC_segments_which_stay_in_order()
    {
        using var pattern = Pattern(9, 7, false);
        using var pixmap = pattern.PeekPixels().WithColorSpace(SKColorSpace.CreateRgb(SKColorSpaceTransferFn.Srgb, SKColorSpaceXyz.DisplayP3));
        var encoded = pixmap.Encode(SKEncodedImageFormat.Jpeg, 90)!.ToArray();
        var segments = Segments(encoded);
        Assert.Equal(0xE0, segments[0].Marker);
        var icc = segments.FindIndex(s => s.Marker == 0xE2);
        Assert.True(icc >= 1, "SkiaSharp wrote the ICC profile in APP2");

        // SOI, APP0 JFIF, APP1 Exif, APP2 ICC ..., APP14 Adobe (transform 1, YCbCr), DQT ...
        var withExif = Insert(encoded, segments[1].Offset, ExifApp1());
        var afterIcc = Segments(withExif).FindLastIndex(s => s.Marker == 0xE2);
        var original = Insert(withExif, Segments(withExif)[afterIcc + 1].Offset, AdobeApp14(1));
        var markersBefore = Segments(original).Select(s => s.Marker).ToList();

        var labeled = LabelChecked(original);
        var markersAfter = Segments(labeled).Select(s => s.Marker).ToList();
        var xmpAt = Segments(labeled).FindIndex(IsXmp);
        Assert.Equal(afterIcc + 1, xmpAt); // right after the last leading APP2, before APP14
        markersAfter.RemoveAt(xmpAt);
        Assert.Equal(markersBefore, markersAfter);
        AssertOnlyTheXmpSegmentWasAdded(original, labeled);
        AssertSamePixels(original, labeled);
        AssertXmpLabel(labeled);

        var metadata = Metadata(labeled);
        Assert.Equal(1, metadata.OfType<ExifIfd0Directory>().Single().GetInt32(ExifDirectoryBase.TagOrientation));
        Assert.NotEmpty(metadata.OfType<IccDirectory>());
        Assert.Single(metadata.OfType<AdobeJpegDirectory>());
    }

    [Fact]
    public void An_existing_XMP_segment_is_merged_in_place()
    {
        var packet = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">" +
                     "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" " +
                     "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"><xmp:CreatorTool>Paint \u4e2d</xmp:CreatorTool></rdf:Description>" +
                     "</rdf:RDF></x:xmpmeta>" + new string(' ', 200) + "<?xpacket end=\"w\"?>";
        var encoded = SmallJpeg();
        var dqt = Segments(encoded)[1].Offset;
        var original = Insert(encoded, dqt, XmpApp1(packet)); // after APP0... then a DQT

        var labeled = LabelChecked(original);
        var xmp = Assert.Single(Segments(labeled), IsXmp);
        Assert.Equal(dqt, xmp.Offset);
        var meta = AssertXmpLabel(labeled);
        Assert.Equal("Paint \u4e2d", meta.GetPropertyString("http://ns.adobe.com/xap/1.0/", "CreatorTool"));
        Assert.Equal(encoded, Remove(labeled, xmp.Offset, xmp.Raw.Length));
        AssertSamePixels(original, labeled);

        // A packet that no longer fits one APP1 segment once merged is refused (no extended XMP).
        var full = packet.Replace(new string(' ', 200), new string(' ', 65000));
        var tooBig = Insert(encoded, dqt, XmpApp1(full));
        var error = Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(tooBig, Label()));
        Assert.Contains("65502", error.Message);
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(encoded, Label(new string('x', 70000))));
    }

    [Fact]
    public void Any_existing_AIGC_record_passes_through_unchanged()
    {
        var encoded = SmallJpeg();
        var dqt = Segments(encoded)[1].Offset;
        var standard = Insert(encoded, dqt, XmpApp1(AigcXmp.BuildPacket(Label("{}"))));
        Assert.True(AigcImage.IsLabeled(standard));
        Assert.Equal(standard, AigcImage.Label(standard, Label()));

        var extendedPayload = Encoding.ASCII.GetBytes("http://ns.adobe.com/xmp/extension/\0" + new string('A', 32))
            .Concat(new byte[] { 0, 0, 0, 60, 0, 0, 0, 0 })
            .Concat(Encoding.ASCII.GetBytes("<rdf:Description xmlns:TC260=\"" + AigcMediaLabel.Tc260Namespace + "\"/>")).ToArray();
        var extended = Insert(encoded, dqt, App(0xE1, extendedPayload));
        Assert.True(AigcImage.IsLabeled(extended));
        Assert.Equal(extended, AigcImage.Label(extended, Label()));
    }

    [Fact]
    public void Fill_bytes_and_data_after_EOI_are_kept()
    {
        var encoded = SmallJpeg();
        var dqt = Segments(encoded)[1].Offset;
        var original = Insert(encoded, dqt, new byte[] { 0xFF, 0xFF, 0xFF }).Concat(new byte[] { 0x00, 0x42 }).ToArray();

        var labeled = AigcImage.Label(original, Label());
        AssertXmpLabel(labeled);
        AssertSamePixels(encoded, labeled);
        var xmpLength = labeled[dqt + 2] << 8 | labeled[dqt + 3];
        Assert.Equal(original, Remove(labeled, dqt, xmpLength + 2));
    }

    [Fact]
    public void Random_byte_mutations_give_a_labeled_file_or_the_format_exception()
    {
        Assert.True(AssertMutationsAreSafe(SmallJpeg()) > 0);
        Assert.True(AssertMutationsAreSafe(CmykJpeg()) > 0);
    }

    [Fact]
    public void Every_truncation_is_refused()
    {
        AssertEveryPrefixRefused(SmallJpeg());
        AssertEveryPrefixRefused(CmykJpeg());
    }

    [Fact]
    public void Huge_or_invalid_declared_lengths_are_refused_without_allocating()
    {
        var original = SmallJpeg();
        var dqt = Segments(original)[1].Offset;
        foreach (var length in new[] { 0xFFFF, original.Length - dqt - 1, 0, 1 })
        {
            var hostile = (byte[])original.Clone();
            hostile[dqt + 2] = (byte)(length >> 8);
            hostile[dqt + 3] = (byte)length;
            AssertRefusedWithoutAllocating(hostile);
        }

        // A DHT between the SOS and EOI (where only the walk to EOI reads it) with a length past the end.
        var cmyk = CmykJpeg();
        var eoi = cmyk.Length - 2;
        var between = Insert(cmyk, eoi, new byte[] { 0xFF, 0xC4, 0xFF, 0xF0 });
        AssertRefusedWithoutAllocating(between);
    }

    [Fact]
    public void Structures_JPEG_forbids_are_refused()
    {
        var original = SmallJpeg();
        var dqt = Segments(original)[1].Offset;
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Insert(original, dqt, new byte[] { 0x12 }), Label())); // no marker
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Insert(original, dqt, new byte[] { 0xFF, 0xD9 }), Label())); // EOI before SOS
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(Insert(original, dqt, new byte[] { 0xFF, 0xD8 }), Label())); // second SOI
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(original.Take(original.Length - 2).ToArray(), Label())); // no EOI
        Assert.Throws<AigcMediaFormatException>(() => AigcImage.Label(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 }, Label()));
    }
}
