using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AiCompliance.Generated;
using NAudio.Wave;
using XmpCore;
using Xunit;

namespace AiCompliance.Media.Tests;

/// <summary>
/// MP3 labeling: the ID3v2 frames read back by a small reader written here (not the writer's code) and by NAudio's
/// Id3v2Tag, the XMP of the PRIV frame by XmpCore, every MPEG frame iterated by NAudio's Mp3Frame, and hostile inputs.
/// </summary>
public class Mp3LabelTests
{
    private const string Iptc = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
    private const string Json = "{\"Label\":\"1\",\"ContentProducer\":\"Beijing-YunQue-20230821\",\"ProduceID\":\"云雀-42\"}";

    private static AigcMediaLabel NewLabel() => new AigcMediaLabel { AigcJson = Json };

    // ------------------------------------------------------------------ round trips

    [Fact]
    public void Frames_without_a_tag_get_a_new_ID3v24_tag_with_the_record_the_source_type_and_XMP()
    {
        var audio = MpegFrames(6);

        var labeled = AigcAudio.Label(audio, NewLabel(), rhythmPrompt: false);

        Assert.Equal("audio/mpeg", AigcAudio.Format(audio));
        Assert.False(AigcAudio.IsLabeled(audio));
        Assert.True(AigcAudio.IsLabeled(labeled));
        var tag = ReadTag(labeled);
        Assert.Equal(4, tag.Version);
        Assert.Equal(0, labeled[5]); // no unsynchronisation, extended header or footer
        Assert.All(tag.Frames, f => Assert.Equal(0, f.Flags));
        Assert.Equal(Json, Txxx(tag, "AIGC", expectedEncoding: 3));
        Assert.Equal(AigcMediaLabel.TrainedAlgorithmicMedia, Txxx(tag, "DigitalSourceType", expectedEncoding: 3));
        var xmp = XmpMetaFactory.ParseFromBuffer(PrivXmp(tag));
        Assert.Equal(Json, xmp.GetPropertyString(AigcMediaLabel.Tc260Namespace, "AIGC"));
        Assert.Equal(AigcMediaLabel.TrainedAlgorithmicMedia, xmp.GetPropertyString(Iptc, "DigitalSourceType"));

        Assert.Equal(audio, labeled.Skip(tag.End));
        AssertSameMpegFrames(audio, labeled, 6);
        var naudioTag = Id3v2Tag.ReadTag(new MemoryStream(labeled));
        Assert.NotNull(naudioTag);
        Assert.Equal(tag.End, naudioTag.RawData.Length);
    }

    [Fact]
    public void Every_California_latent_field_reaches_the_XMP_of_the_PRIV_frame_and_the_frames_stay()
    {
        var audio = MpegFrames(5);

        var labeled = AigcAudio.Label(audio, ImageTestSupport.LatentLabel(), rhythmPrompt: false);

        var tag = ReadTag(labeled);
        Assert.Equal(ImageTestSupport.Json, Txxx(tag, "AIGC", expectedEncoding: 3));
        var xmp = XmpMetaFactory.ParseFromBuffer(PrivXmp(tag));
        ImageTestSupport.AssertLatentFields(xmp);
        AssertSameMpegFrames(audio, labeled, 5);

        // Without the latent disclosure, none of its fields.
        var plain = XmpMetaFactory.ParseFromBuffer(PrivXmp(ReadTag(AigcAudio.Label(audio, NewLabel(), rhythmPrompt: false))));
        Assert.Null(plain.GetPropertyString(Iptc, "AISystemUsed"));
        Assert.Null(plain.GetPropertyString("http://ns.adobe.com/xap/1.0/mm/", "DocumentID"));
    }

    [Fact]
    public void An_ID3v23_tag_with_enough_padding_takes_the_frames_in_its_padding()
    {
        var audio = MpegFrames(4);
        var original = Id3v23(new[] { TextFrame23("TIT2", "Song") }, padding: 4096).Concat(audio).ToArray();

        var labeled = AigcAudio.Label(original, NewLabel(), rhythmPrompt: false);

        Assert.Equal(original.Length, labeled.Length);
        var tag = ReadTag(labeled);
        Assert.Equal(3, tag.Version);
        Assert.Equal(ReadTag(original).End, tag.End);
        Assert.Equal("TIT2", tag.Frames[0].Id);
        Assert.Equal(Json, Txxx(tag, "AIGC", expectedEncoding: 1));
        Assert.Equal(AigcMediaLabel.TrainedAlgorithmicMedia, Txxx(tag, "DigitalSourceType", expectedEncoding: 1));
        Assert.Equal(Json, XmpMetaFactory.ParseFromBuffer(PrivXmp(tag)).GetPropertyString(AigcMediaLabel.Tc260Namespace, "AIGC"));
        Assert.All(labeled.Skip(tag.FramesEnd).Take(tag.End - tag.FramesEnd), b => Assert.Equal(0, b));
        AssertSameMpegFrames(original, labeled, 4);
    }

    [Fact]
    public void An_ID3v23_tag_without_padding_grows()
    {
        var audio = MpegFrames(3);
        var title = TextFrame23("TIT2", "Song");
        var original = Id3v23(new[] { title }, padding: 0).Concat(audio).ToArray();

        var labeled = AigcAudio.Label(original, NewLabel(), rhythmPrompt: false);

        var tag = ReadTag(labeled);
        Assert.Equal(3, tag.Version);
        Assert.Equal(tag.End, tag.FramesEnd);
        Assert.True(tag.End > 10 + title.Length);
        Assert.Equal(title, labeled.Skip(10).Take(title.Length));
        Assert.Equal(Json, Txxx(tag, "AIGC", expectedEncoding: 1));
        Assert.Equal(audio, labeled.Skip(tag.End));
        AssertSameMpegFrames(original, labeled, 3);
    }

    [Fact]
    public void An_existing_XMP_PRIV_frame_is_merged_and_an_ID3v1_tag_stays_at_the_end()
    {
        var packet = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
                     "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"><xmp:CreatorTool>Encoder</xmp:CreatorTool></rdf:Description>" +
                     "</rdf:RDF></x:xmpmeta>";
        var priv = Frame24("PRIV", Encoding.ASCII.GetBytes("XMP\0").Concat(Encoding.UTF8.GetBytes(packet)).ToArray());
        var id3v1 = Encoding.ASCII.GetBytes("TAG").Concat(Enumerable.Repeat((byte)' ', 124)).Concat(new byte[] { 12 }).ToArray();
        var audio = MpegFrames(3).Concat(id3v1).ToArray();
        var original = Id3v24(new[] { Frame24("TIT2", Encoding.UTF8.GetBytes("\u0003Song")), priv }, padding: 10).Concat(audio).ToArray();

        var labeled = AigcAudio.Label(original, NewLabel(), rhythmPrompt: false);

        var tag = ReadTag(labeled);
        Assert.Single(tag.Frames, f => f.Id == "PRIV");
        Assert.Equal(new[] { "TIT2", "PRIV", "TXXX", "TXXX" }, tag.Frames.Select(f => f.Id));
        var xmp = XmpMetaFactory.ParseFromBuffer(PrivXmp(tag));
        Assert.Equal("Encoder", xmp.GetPropertyString("http://ns.adobe.com/xap/1.0/", "CreatorTool"));
        Assert.Equal(Json, xmp.GetPropertyString(AigcMediaLabel.Tc260Namespace, "AIGC"));
        Assert.Equal(audio, labeled.Skip(tag.End));
        Assert.Equal(id3v1, labeled.Skip(labeled.Length - 128));
        AssertSameMpegFrames(original, labeled, 3);
    }

    [Fact]
    public void No_digital_source_type_means_no_second_TXXX()
    {
        var labeled = AigcAudio.Label(MpegFrames(2), new AigcMediaLabel { AigcJson = Json, DigitalSourceType = null }, false);

        Assert.Equal(new[] { "TXXX", "PRIV" }, ReadTag(labeled).Frames.Select(f => f.Id));
    }

    // ------------------------------------------------------------------ hostile

    [Fact]
    public void An_already_labeled_file_comes_back_as_an_identical_copy()
    {
        var once = AigcAudio.Label(MpegFrames(2), NewLabel(), false);
        var twice = AigcAudio.Label(once, new AigcMediaLabel { AigcJson = "{\"Label\":\"2\"}" }, false);
        Assert.Equal(once, twice);
        Assert.NotSame(once, twice);

        // A TXXX:AIGC written by another tool (ID3v2.3, UTF-16 big-endian BOM) counts too.
        var body = new byte[] { 1, 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes("AIGC")).Concat(new byte[] { 0, 0 })
            .Concat(Encoding.ASCII.GetBytes("{}")).ToArray();
        var foreign = Id3v23(new[] { Frame23("TXXX", body) }, padding: 0).Concat(MpegFrames(1)).ToArray();
        Assert.True(AigcAudio.IsLabeled(foreign));
        Assert.Equal(foreign, AigcAudio.Label(foreign, NewLabel(), false));
    }

    [Fact]
    public void Tags_the_labeler_cannot_extend_safely_are_refused_with_a_reason()
    {
        var frames = MpegFrames(1);
        AssertRefused(Header(3, 0x80, 0).Concat(frames).ToArray(), "Unsynchronised");
        AssertRefused(Header(4, 0x40, 0).Concat(frames).ToArray(), "extended header");
        AssertRefused(Header(4, 0x10, 0).Concat(frames).ToArray(), "footer");
        AssertRefused(Header(3, 0x01, 0).Concat(frames).ToArray(), "unknown header flags");
        AssertRefused(Header(2, 0, 0).Concat(frames).ToArray(), "ID3v2.2");
        AssertRefused(Id3v23(new[] { TextFrame23("TIT2", "a") }, 8).Select((b, i) => i == 10 + 11 + 3 ? (byte)1 : b).Concat(frames).ToArray(), "padding");
        AssertRefused(Id3v23(new[] { TextFrame23("tit2", "a") }, 0).Concat(frames).ToArray(), "frame id");

        var error = Assert.Throws<ArgumentException>(() => AigcAudio.Label(frames, NewLabel(), rhythmPrompt: true));
        Assert.Contains("WAV", error.Message);
        Assert.Equal("rhythmPrompt", error.ParamName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_prefix_is_refused_or_labeled_with_the_bytes_it_holds(bool tagged)
    {
        var audio = MpegFrames(2);
        var head = tagged ? Id3v23(new[] { TextFrame23("TIT2", "Song") }, padding: 6) : new byte[0];
        var original = head.Concat(audio).ToArray();
        var labeledCount = 0;
        for (var length = 0; length < original.Length; length++)
        {
            var prefix = original.Take(length).ToArray();
            byte[] labeled;
            try
            {
                labeled = AigcAudio.Label(prefix, NewLabel(), false);
            }
            catch (AigcMediaFormatException)
            {
                continue;
            }

            labeledCount++;
            var tag = ReadTag(labeled);
            Assert.Equal(Json, Txxx(tag, "AIGC", expectedEncoding: tagged ? 1 : 3));
            Assert.Equal(prefix.Skip(head.Length), labeled.Skip(tag.End));
        }

        // Refused: a cut before the first frame's 4 header bytes or inside the tag.
        Assert.Equal(original.Length - head.Length - (tagged ? 0 : 4), labeledCount);
    }

    [Fact]
    public void Huge_declared_sizes_are_refused_before_anything_large_is_allocated()
    {
        var frames = MpegFrames(1);
        var cases = new[]
        {
            Header(4, 0, 0x0FFFFFFF).Concat(frames).ToArray(),
            Header(3, 0, 20).Concat(Encoding.ASCII.GetBytes("TIT2")).Concat(new byte[] { 0xFF, 0xFF, 0xFF, 0xF0, 0, 0 }).Concat(new byte[10]).Concat(frames).ToArray(),
            Header(4, 0, 20).Concat(Encoding.ASCII.GetBytes("TIT2")).Concat(new byte[] { 0x7F, 0x7F, 0x7F, 0x7F, 0, 0 }).Concat(new byte[10]).Concat(frames).ToArray(),
            Header(4, 0, 20).Concat(Encoding.ASCII.GetBytes("TIT2")).Concat(new byte[] { 0, 0, 0, 0x80, 0, 0 }).Concat(new byte[10]).Concat(frames).ToArray(),
            Header(4, 0, 0).Select((b, i) => i == 9 ? (byte)0x80 : b).Concat(frames).ToArray(),
        };

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var hostile in cases)
        {
            Assert.Throws<AigcMediaFormatException>(() => AigcAudio.Label(hostile, NewLabel(), false));
            Assert.False(AigcAudio.IsLabeled(hostile));
        }

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1_000_000);
    }

    [Fact]
    public void Only_MPEG_audio_is_taken_for_MP3()
    {
        Assert.Equal("audio/mpeg", AigcAudio.Format(new byte[] { 0xFF, 0xFB, 0x90, 0x00 }));
        Assert.Equal("audio/mpeg", AigcAudio.Format(Header(3, 0, 0)));
        Assert.Null(AigcAudio.Format(new byte[] { 0xFF, 0xF1, 0x50, 0x80 }));   // ADTS AAC
        Assert.Null(AigcAudio.Format(new byte[] { 0xFF, 0xFB, 0xF0, 0x00 }));   // bad bitrate
        Assert.Null(AigcAudio.Format(new byte[] { 0xFF, 0xFB, 0x9C, 0x00 }));   // reserved sample rate
        Assert.Null(AigcAudio.Format(Encoding.ASCII.GetBytes("ID3\u0005....")));
        Assert.Null(AigcAudio.Format(Encoding.ASCII.GetBytes("OggS....")));
        Assert.Throws<AigcMediaFormatException>(() => AigcAudio.Label(new byte[] { 0xFF, 0xF1, 0x50, 0x80, 0, 0 }, NewLabel(), false));
        Assert.Throws<ArgumentNullException>(() => AigcAudio.Format(null!));
        Assert.Throws<ArgumentNullException>(() => AigcAudio.IsLabeled(null!));
    }

    [Fact]
    public void Randomly_damaged_files_are_refused_or_labeled_consistently()
    {
        var packet = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></rdf:RDF></x:xmpmeta>";
        var audio = MpegFrames(2);
        var original = Id3v23(new[] { TextFrame23("TIT2", "Song"), Frame23("PRIV", Encoding.ASCII.GetBytes("XMP\0" + packet)) }, padding: 40).Concat(audio).ToArray();
        var accepted = 0;
        var refused = 0;
        var random = new Random(15);
        for (var round = 0; round < 3000; round++)
        {
            var damaged = (byte[])original.Clone();
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                // Damage the tag (the audio is copied as it is).
                damaged[random.Next(original.Length - audio.Length)] = (byte)random.Next(256);
            }

            byte[] labeled;
            try
            {
                labeled = AigcAudio.Label(damaged, NewLabel(), false);
            }
            catch (AigcMediaFormatException)
            {
                    refused++;
                continue;
            }

            accepted++;
            Assert.True(AigcAudio.IsLabeled(labeled), "round " + round);
            Assert.Equal(labeled, AigcAudio.Label(labeled, NewLabel(), false));
            if (damaged[0] == (byte)'I')
            {
                // What followed the (possibly re-sized) damaged tag follows the labeled tag, byte for byte.
                var damagedEnd = 10 + ((damaged[6] << 21) | (damaged[7] << 14) | (damaged[8] << 7) | damaged[9]);
                Assert.Equal(damaged.Skip(damagedEnd), labeled.Skip(ReadTag(labeled).End));
            }
        }

        Assert.InRange(accepted, 500, 2500); // both outcomes are exercised
        Assert.InRange(refused, 500, 2500);
    }

    private static void AssertRefused(byte[] file, string message)
    {
        var error = Assert.Throws<AigcMediaFormatException>(() => AigcAudio.Label(file, NewLabel(), false));
        Assert.Contains(message, error.Message);
    }

    // ------------------------------------------------------------------ helpers (independent of the writer)

    // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, stereo, no CRC, no padding: 417 bytes; zero side info (silence), payload
    // bytes that never form a sync word.
    private static byte[] MpegFrames(int count)
    {
        var bytes = new byte[417 * count];
        for (var f = 0; f < count; f++)
        {
            var o = f * 417;
            bytes[o] = 0xFF;
            bytes[o + 1] = 0xFB;
            bytes[o + 2] = 0x90;
            bytes[o + 3] = 0x00;
            for (var i = 36; i < 417; i++)
            {
                bytes[o + i] = (byte)((i + (f * 31)) & 0x7F);
            }
        }

        return bytes;
    }

    private static void AssertSameMpegFrames(byte[] original, byte[] labeled, int expected)
    {
        var before = MpegFrameData(original);
        var after = MpegFrameData(labeled);
        Assert.Equal(expected, before.Count);
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i], after[i]);
        }
    }

    private static List<byte[]> MpegFrameData(byte[] file)
    {
        var stream = new MemoryStream(file);
        Id3v2Tag.ReadTag(stream);
        var frames = new List<byte[]>();
        Mp3Frame? frame;
        while ((frame = Mp3Frame.LoadFromStream(stream)) != null)
        {
            frames.Add(frame.RawData!);
        }

        return frames;
    }

    private static byte[] Header(int version, int flags, int size) =>
        new byte[] { (byte)'I', (byte)'D', (byte)'3', (byte)version, 0, (byte)flags, (byte)((size >> 21) & 0x7F), (byte)((size >> 14) & 0x7F), (byte)((size >> 7) & 0x7F), (byte)(size & 0x7F) };

    private static byte[] Id3v23(byte[][] frames, int padding) => Tag(3, frames, padding);

    private static byte[] Id3v24(byte[][] frames, int padding) => Tag(4, frames, padding);

    private static byte[] Tag(int version, byte[][] frames, int padding)
    {
        var body = frames.SelectMany(f => f).Concat(new byte[padding]).ToArray();
        return Header(version, 0, body.Length).Concat(body).ToArray();
    }

    private static byte[] TextFrame23(string id, string text) => Frame23(id, new byte[] { 0 }.Concat(Encoding.Latin1.GetBytes(text)).ToArray());

    private static byte[] Frame23(string id, byte[] body) =>
        Encoding.ASCII.GetBytes(id).Concat(new[] { (byte)(body.Length >> 24), (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length, (byte)0, (byte)0 }).Concat(body).ToArray();

    private static byte[] Frame24(string id, byte[] body) =>
        Encoding.ASCII.GetBytes(id).Concat(new[] { (byte)((body.Length >> 21) & 0x7F), (byte)((body.Length >> 14) & 0x7F), (byte)((body.Length >> 7) & 0x7F), (byte)(body.Length & 0x7F), (byte)0, (byte)0 }).Concat(body).ToArray();

    private sealed record Id3(int Version, int End, int FramesEnd, List<(string Id, byte[] Body, int Flags)> Frames);

    // A minimal ID3v2.3/2.4 reader: header, frames until the padding.
    private static Id3 ReadTag(byte[] file)
    {
        Assert.Equal("ID3", Encoding.ASCII.GetString(file, 0, 3));
        var version = file[3];
        int Synchsafe(int o)
        {
            Assert.True((file[o] | file[o + 1] | file[o + 2] | file[o + 3]) < 0x80, "synchsafe");
            return (file[o] << 21) | (file[o + 1] << 14) | (file[o + 2] << 7) | file[o + 3];
        }

        var end = 10 + Synchsafe(6);
        Assert.True(end <= file.Length);
        var frames = new List<(string, byte[], int)>();
        var pos = 10;
        while (pos + 10 <= end && file[pos] != 0)
        {
            var size = version == 4 ? Synchsafe(pos + 4) : (file[pos + 4] << 24) | (file[pos + 5] << 16) | (file[pos + 6] << 8) | file[pos + 7];
            Assert.InRange(size, 1, end - pos - 10);
            frames.Add((Encoding.ASCII.GetString(file, pos, 4), file.Skip(pos + 10).Take(size).ToArray(), file[pos + 8] << 8 | file[pos + 9]));
            pos += 10 + size;
        }

        return new Id3(version, end, pos, frames);
    }

    private static string Txxx(Id3 tag, string description, int expectedEncoding)
    {
        foreach (var (id, body, flags) in tag.Frames.Where(f => f.Id == "TXXX"))
        {
            Assert.Equal(expectedEncoding, body[0]);
            string desc, value;
            if (body[0] == 3)
            {
                var nul = Array.IndexOf(body, (byte)0, 1);
                desc = Encoding.UTF8.GetString(body, 1, nul - 1);
                value = Encoding.UTF8.GetString(body, nul + 1, body.Length - nul - 1);
            }
            else
            {
                var nul = 1;
                while (body[nul] != 0 || body[nul + 1] != 0)
                {
                    nul += 2;
                }

                Assert.Equal(new byte[] { 0xFF, 0xFE }, body.Skip(1).Take(2));
                Assert.Equal(new byte[] { 0xFF, 0xFE }, body.Skip(nul + 2).Take(2));
                desc = Encoding.Unicode.GetString(body, 3, nul - 3);
                value = Encoding.Unicode.GetString(body, nul + 4, body.Length - nul - 4);
            }

            if (desc == description)
            {
                return value;
            }
        }

        throw new Xunit.Sdk.XunitException("no TXXX:" + description);
    }

    private static byte[] PrivXmp(Id3 tag)
    {
        var xmp = tag.Frames.Where(f => f.Id == "PRIV" && Encoding.ASCII.GetString(f.Body, 0, 4) == "XMP\0").ToList();
        Assert.Single(xmp);
        return xmp[0].Body.Skip(4).ToArray();
    }
}
