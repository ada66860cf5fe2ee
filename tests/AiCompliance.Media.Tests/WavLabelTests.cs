using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AiCompliance.Generated;
using MetadataExtractor;
using MetadataExtractor.Formats.Wav;
using NAudio.Wave;
using XmpCore;
using Xunit;

namespace AiCompliance.Media.Tests;

/// <summary>
/// WAV labeling: the record read back by NAudio (LIST/INFO interpreter, raw chunks) and XmpCore (_PMX), the fmt and
/// fact chunks by MetadataExtractor, the samples decoded by NAudio's WaveFileReader, and hostile inputs.
/// </summary>
public class WavLabelTests
{
    private const string Iptc = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";
    private const string Json = "{\"Label\":\"1\",\"ContentProducer\":\"Beijing-YunQue-20230821\",\"ProduceID\":\"云雀-42\",\"ReservedCode1\":\"\"}";

    private static AigcMediaLabel NewLabel() => new AigcMediaLabel { AigcJson = Json };

    // ------------------------------------------------------------------ round trips

    [Fact]
    public void A_pcm16_file_written_by_NAudio_carries_the_record_in_INFO_and_XMP_and_keeps_its_samples()
    {
        var samples = Ramp(2 * 2 * 1000, 7);
        var original = WriteWithNAudio(new WaveFormat(22050, 16, 2), samples);

        var labeled = AigcAudio.Label(original, NewLabel(), rhythmPrompt: false);

        Assert.Equal("audio/wav", AigcAudio.Format(labeled));
        Assert.False(AigcAudio.IsLabeled(original));
        Assert.True(AigcAudio.IsLabeled(labeled));
        using (var reader = new WaveFileReader(new MemoryStream(labeled)))
        {
            Assert.Equal(22050, reader.WaveFormat.SampleRate);
            Assert.Equal(samples, ReadAll(reader));
            Assert.Equal(Json, InfoRecord(reader));
            Assert.Equal(Json, reader.Chunks.ReadInfoMetadata()!["AIGC"]);
            var xmp = XmpMetaFactory.ParseFromBuffer(reader.Chunks.GetData(reader.Chunks.Find("_PMX")!));
            Assert.Equal(Json, xmp.GetPropertyString(AigcMediaLabel.Tc260Namespace, "AIGC"));
            Assert.Equal(AigcMediaLabel.TrainedAlgorithmicMedia, xmp.GetPropertyString(Iptc, "DigitalSourceType"));
        }

        // The new chunks follow the data: everything before them is the original file but the RIFF size.
        Assert.Equal(original.Skip(8), labeled.Skip(8).Take(original.Length - 8));
        Assert.Equal((uint)(labeled.Length - 8), BitConverter.ToUInt32(labeled, 4));

        var format = WavMetadataReader.ReadMetadata(new MemoryStream(labeled)).OfType<WavFormatDirectory>().Single();
        Assert.Equal(2, format.GetInt32(WavFormatDirectory.TagChannels));
        Assert.Equal(22050, format.GetInt32(WavFormatDirectory.TagSamplesPerSec));
    }

    [Fact]
    public void The_latent_disclosure_reaches_the_XMP_and_labeling_is_deterministic_and_leaves_the_input_alone()
    {
        var original = WriteWithNAudio(new WaveFormat(8000, 8, 1), Ramp(301, 3));
        var copy = (byte[])original.Clone();
        var label = new AigcMediaLabel { AigcJson = Json, WriteLatentDisclosure = true, SystemName = "YunQue", ContentId = "urn:uuid:1" };

        var first = AigcAudio.Label(original, label, rhythmPrompt: true);
        var second = AigcAudio.Label(original, label, rhythmPrompt: true);

        Assert.Equal(copy, original);
        Assert.Equal(first, second);
        var xmp = XmpMetaFactory.ParseFromBuffer(Chunk(first, "_PMX"));
        Assert.Equal("YunQue", xmp.GetPropertyString(Iptc, "AISystemUsed"));
        Assert.Equal("urn:uuid:1", xmp.GetPropertyString("http://ns.adobe.com/xap/1.0/mm/", "DocumentID"));
    }

    [Fact]
    public void Every_California_latent_field_reaches_the_XMP_and_the_file_still_decodes()
    {
        var samples = Ramp(2 * 400, 5);
        var original = WriteWithNAudio(new WaveFormat(16000, 16, 1), samples);

        var labeled = AigcAudio.Label(original, ImageTestSupport.LatentLabel(), rhythmPrompt: false);

        var xmp = XmpMetaFactory.ParseFromBuffer(Chunk(labeled, "_PMX"));
        Assert.Equal(ImageTestSupport.Json, xmp.GetPropertyString(AigcMediaLabel.Tc260Namespace, "AIGC"));
        ImageTestSupport.AssertLatentFields(xmp);
        using var reader = new WaveFileReader(new MemoryStream(labeled));
        var decoded = new byte[samples.Length];
        Assert.Equal(samples.Length, reader.Read(decoded, 0, decoded.Length));
        Assert.Equal(samples, decoded);
    }

    [Fact]
    public void Without_the_latent_disclosure_no_latent_field_is_written()
    {
        var labeled = AigcAudio.Label(WriteWithNAudio(new WaveFormat(8000, 8, 1), Ramp(100, 3)), NewLabel(), rhythmPrompt: false);

        var xmp = XmpMetaFactory.ParseFromBuffer(Chunk(labeled, "_PMX"));
        Assert.Null(xmp.GetPropertyString(Iptc, "AISystemUsed"));
        Assert.Null(xmp.GetPropertyString("http://ns.adobe.com/xap/1.0/mm/", "DocumentID"));
        Assert.Null(xmp.GetPropertyString("http://ns.adobe.com/xap/1.0/", "CreateDate"));
    }

    public static IEnumerable<object[]> PromptFormats() => new[]
    {
        // format tag, bits per sample, channels, sample rate, extensible subformat (0: plain fmt), valid bits
        new object[] { 1, 8, 1, 8000, 0, 8 },
        new object[] { 1, 16, 2, 44100, 0, 16 },
        new object[] { 1, 24, 1, 48000, 0, 24 },
        new object[] { 1, 32, 3, 16000, 0, 32 },
        new object[] { 3, 32, 2, 22050, 0, 32 },
        new object[] { 3, 64, 1, 11025, 0, 64 },
        new object[] { 0xFFFE, 32, 2, 48000, 3, 32 },
        new object[] { 0xFFFE, 64, 1, 96000, 3, 64 },
        new object[] { 0xFFFE, 24, 6, 48000, 1, 24 },
        new object[] { 0xFFFE, 32, 1, 44100, 1, 24 },
    };

    [Theory]
    [MemberData(nameof(PromptFormats))]
    public void The_rhythm_prompt_is_three_beeps_in_the_files_own_format_before_the_unchanged_samples(int tag, int bits, int channels, int rate, int subformat, int validBits)
    {
        var blockAlign = channels * bits / 8;
        var frames = 333;
        var data = Ramp(frames * blockAlign, 11);
        var fmt = tag == 0xFFFE ? FmtExtensible(subformat, channels, rate, bits, validBits) : Fmt(tag, channels, rate, bits);
        var original = Riff(("fmt ", fmt), ("fact", U32(frames)), ("data", data));

        var labeled = AigcAudio.Label(original, NewLabel(), rhythmPrompt: true);

        var beep = (rate * 120 + 500) / 1000;
        var gap = (rate * 80 + 500) / 1000;
        var fade = (rate * 5 + 500) / 1000;
        var promptFrames = 3 * (beep + gap);
        byte[] all;
        using (var reader = new WaveFileReader(new MemoryStream(labeled)))
        {
            Assert.Equal(rate, reader.WaveFormat.SampleRate);
            Assert.Equal(channels, reader.WaveFormat.Channels);
            Assert.Equal(bits, reader.WaveFormat.BitsPerSample);
            all = ReadAll(reader);
            Assert.Equal(Json, InfoRecord(reader));
        }

        Assert.Equal((promptFrames * blockAlign) + data.Length, all.Length);
        Assert.Equal(data, all.Skip(promptFrames * blockAlign));

        var isFloat = tag == 3 || subformat == 3;
        var silence = Decode(all, 0, bits, isFloat);
        for (var i = 0; i < promptFrames; i++)
        {
            var value = Decode(all, i * blockAlign, bits, isFloat);
            for (var c = 1; c < channels; c++)
            {
                Assert.Equal(value, Decode(all, (i * blockAlign) + (c * bits / 8), bits, isFloat));
            }

            var t = i % (beep + gap);
            if (t >= beep)
            {
                Assert.Equal(silence, value);
            }

            Assert.InRange(Math.Abs(value), 0, 0.2512);
        }

        for (var k = 0; k < 3; k++)
        {
            var start = k * (beep + gap);
            var peak = Enumerable.Range(start + fade, beep - (2 * fade)).Max(i => Math.Abs(Decode(all, i * blockAlign, bits, isFloat)));
            Assert.InRange(peak, 0.24, 0.2512);
            Assert.True(Math.Abs(Decode(all, (start + 1) * blockAlign, bits, isFloat)) < 0.05, "the beep fades in");
            Assert.True(Math.Abs(Decode(all, (start + beep - 2) * blockAlign, bits, isFloat)) < 0.05, "the beep fades out");
        }

        if (validBits < bits)
        {
            var lowMask = (1 << (bits - validBits)) - 1;
            Assert.All(Enumerable.Range(0, promptFrames), i => Assert.Equal(0, all[i * blockAlign] & lowMask));
        }

        // MetadataExtractor reads the fact chunk: its sample count includes the prompt.
        var fact = WavMetadataReader.ReadMetadata(new MemoryStream(labeled)).OfType<WavFactDirectory>().Single();
        Assert.Equal(frames + promptFrames, fact.GetInt64(WavFactDirectory.TagSampleLength));
    }

    [Fact]
    public void An_extensible_float_file_gets_the_prompt_and_stays_extensible()
    {
        var data = Ramp(2 * 4 * 100, 5);
        var original = Riff(("fmt ", FmtExtensible(3, 2, 48000, 32, 32)), ("fact", U32(100)), ("data", data));

        var labeled = AigcAudio.Label(original, NewLabel(), rhythmPrompt: true);

        using var reader = new WaveFileReader(new MemoryStream(labeled));
        Assert.Equal(WaveFormatEncoding.Extensible, reader.WaveFormat.Encoding);
        var samples = ReadAll(reader);
        Assert.Equal(data, samples.Skip(samples.Length - data.Length));
        Assert.Equal(28800 * 8, samples.Length - data.Length);
        Assert.Equal(Encoding.ASCII.GetBytes("fmt "), labeled.Skip(12).Take(4));
        Assert.Equal(0xFFFE, BitConverter.ToUInt16(labeled, 20));
    }

    [Fact]
    public void A_mu_law_file_is_labeled_without_the_prompt_and_refused_with_it()
    {
        var data = Ramp(401, 13);
        var original = Riff(("fmt ", Fmt(7, 1, 8000, 8, extra: new byte[2])), ("fact", U32(401)), ("data", data));

        var labeled = AigcAudio.Label(original, NewLabel(), rhythmPrompt: false);
        using (var reader = new WaveFileReader(new MemoryStream(labeled)))
        {
            Assert.Equal(WaveFormatEncoding.MuLaw, reader.WaveFormat.Encoding);
            Assert.Equal(data, ReadAll(reader));
            Assert.Equal(Json, InfoRecord(reader));
        }

        var error = Assert.Throws<AigcMediaFormatException>(() => AigcAudio.Label(original, NewLabel(), rhythmPrompt: true));
        Assert.Contains("needs PCM or float samples", error.Message);
        Assert.Contains("0x0007", error.Message);
    }

    [Fact]
    public void An_existing_INFO_list_gains_the_record_instead_of_a_second_list()
    {
        var info = new InfoMetadata();
        info.Set("INAM", "Voice");
        info.Set("ISFT", "Tts 1");
        var samples = Ramp(200, 1);
        var original = WriteWithNAudio(new WaveFormat(16000, 16, 1), samples, writer => writer.WriteInfoMetadata(info, ChunkPosition.AfterData));
        Assert.NotNull(new WaveFileReader(new MemoryStream(original)).Chunks.ReadInfoMetadata());

        var labeled = AigcAudio.Label(original, NewLabel(), rhythmPrompt: false);

        using var reader = new WaveFileReader(new MemoryStream(labeled));
        Assert.Single(reader.Chunks.FindAll("LIST"));
        var read = reader.Chunks.ReadInfoMetadata()!;
        Assert.Equal("Voice", read.Title);
        Assert.Equal("Tts 1", read.Software);
        Assert.Equal(Json, read["AIGC"]);
        Assert.Equal(samples, ReadAll(reader));
    }

    [Fact]
    public void An_existing_XMP_chunk_is_merged_not_duplicated()
    {
        var packet = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
                     "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"><xmp:CreatorTool>Recorder</xmp:CreatorTool></rdf:Description>" +
                     "</rdf:RDF></x:xmpmeta>";
        var data = Ramp(64, 2);
        var original = Riff(("fmt ", Fmt(1, 1, 8000, 16)), ("_PMX", Encoding.UTF8.GetBytes(packet)), ("data", data));

        var labeled = AigcAudio.Label(original, NewLabel(), rhythmPrompt: false);

        using var reader = new WaveFileReader(new MemoryStream(labeled));
        var pmx = reader.Chunks.FindAll("_PMX").ToList();
        Assert.Single(pmx);
        var xmp = XmpMetaFactory.ParseFromBuffer(reader.Chunks.GetData(pmx[0]));
        Assert.Equal("Recorder", xmp.GetPropertyString("http://ns.adobe.com/xap/1.0/", "CreatorTool"));
        Assert.Equal(Json, xmp.GetPropertyString(AigcMediaLabel.Tc260Namespace, "AIGC"));
        Assert.Equal(data, ReadAll(reader));

        var notXmp = Riff(("fmt ", Fmt(1, 1, 8000, 16)), ("_PMX", Encoding.UTF8.GetBytes("<x:xmpmeta/>")), ("data", data));
        Assert.Contains("rdf:RDF", Assert.Throws<AigcMediaFormatException>(() => AigcAudio.Label(notXmp, NewLabel(), false)).Message);
    }

    [Fact]
    public void Odd_sized_chunks_keep_their_pad_bytes_and_an_odd_last_data_chunk_gets_one()
    {
        var odd = new byte[] { 1, 2, 3, 4, 5 };
        var data = Ramp(101, 9); // 8-bit mono: an odd data chunk
        var withPad = Riff(("fmt ", Fmt(1, 1, 8000, 8)), ("odd ", odd), ("data", data));
        var withoutPad = withPad.Take(withPad.Length - 1).ToArray(); // many writers leave the last pad out
        withoutPad[4]--;

        foreach (var original in new[] { withPad, withoutPad })
        {
            var labeled = AigcAudio.Label(original, NewLabel(), rhythmPrompt: false);
            using var reader = new WaveFileReader(new MemoryStream(labeled));
            Assert.Equal(data, ReadAll(reader));
            Assert.Equal(odd, reader.Chunks.GetData(reader.Chunks.Find("odd ")!));
            Assert.Equal(Json, InfoRecord(reader));
            Assert.Equal(0, labeled[12 + 24 + 14 + 8 + data.Length]); // the pad after the odd data
            Assert.Equal(Encoding.ASCII.GetBytes("LIST"), labeled.Skip(12 + 24 + 14 + 8 + data.Length + 1).Take(4));
            Assert.Equal(0, ParseChunks(labeled).Sum(c => c.Size + (c.Size & 1) + 8) + 4 - BitConverter.ToInt32(labeled, 4));
        }

        // With the prompt, the odd data chunk and its pad stay consistent too.
        var prompted = AigcAudio.Label(withPad, NewLabel(), rhythmPrompt: true);
        using var promptReader = new WaveFileReader(new MemoryStream(prompted));
        Assert.Equal(data, ReadAll(promptReader).Skip(4800));
        Assert.Equal(odd, promptReader.Chunks.GetData(promptReader.Chunks.Find("odd ")!));
    }

    [Fact]
    public void Bytes_after_the_RIFF_chunk_stay_after_it()
    {
        var data = Ramp(40, 4);
        var riff = Riff(("fmt ", Fmt(1, 1, 8000, 16)), ("data", data));
        var trailer = Encoding.ASCII.GetBytes("TAGtrailing bytes");
        var original = riff.Concat(trailer).ToArray();

        var labeled = AigcAudio.Label(original, NewLabel(), false);

        Assert.Equal(trailer, labeled.Skip(labeled.Length - trailer.Length));
        Assert.Equal(labeled.Length - trailer.Length - 8, BitConverter.ToInt32(labeled, 4));
        using var reader = new WaveFileReader(new MemoryStream(labeled));
        Assert.Equal(data, ReadAll(reader));
    }

    // ------------------------------------------------------------------ hostile

    [Fact]
    public void An_already_labeled_file_comes_back_as_an_identical_copy()
    {
        var once = AigcAudio.Label(WriteWithNAudio(new WaveFormat(8000, 16, 1), Ramp(100, 1)), NewLabel(), true);

        var twice = AigcAudio.Label(once, new AigcMediaLabel { AigcJson = "{\"Label\":\"2\"}" }, true);

        Assert.Equal(once, twice);
        Assert.NotSame(once, twice);

        // A record in the XMP alone (written by another tool) counts too.
        var xmpOnly = Riff(("fmt ", Fmt(1, 1, 8000, 16)), ("data", Ramp(10, 1)), ("_PMX", Encoding.UTF8.GetBytes(AigcXmp.BuildPacket(NewLabel()))));
        Assert.True(AigcAudio.IsLabeled(xmpOnly));
        Assert.Equal(xmpOnly, AigcAudio.Label(xmpOnly, NewLabel(), false));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_prefix_of_a_small_file_is_refused_or_labeled_with_the_whole_frames_it_holds(bool prompt)
    {
        var data = Ramp(2 * 2 * 30, 3);
        var original = Riff(("fmt ", Fmt(1, 2, 8000, 16)), ("fact", U32(30)), ("odd ", new byte[] { 7, 7, 7 }), ("data", data), ("LIST", Encoding.ASCII.GetBytes("INFOINAM\u0004\0\0\0abc\0")));
        var promptBytes = prompt ? 4800 * 4 : 0;
        var labeledCount = 0;
        for (var length = 0; length < original.Length; length++)
        {
            var prefix = original.Take(length).ToArray();
            byte[] labeled;
            try
            {
                labeled = AigcAudio.Label(prefix, NewLabel(), prompt);
            }
            catch (AigcMediaFormatException)
            {
                continue;
            }

            labeledCount++;
            using var reader = new WaveFileReader(new MemoryStream(labeled));
            var samples = ReadAll(reader);
            var kept = samples.Skip(promptBytes).ToArray();
            Assert.Equal(0, kept.Length % 4);
            Assert.Equal(data.Take(kept.Length), kept);
            Assert.Equal(Json, InfoRecord(reader));
            Assert.Equal(labeled.Length - 8, BitConverter.ToInt32(labeled, 4));
        }

        // A cut inside the data (offsets 68 to 188) keeps the whole frames; cuts in the headers and in the LIST after the data are refused.
        Assert.Equal(121, labeledCount);
    }

    [Fact]
    public void A_streamed_file_with_placeholder_sizes_is_labeled_with_the_real_sizes()
    {
        var data = Ramp(4 * 50, 6);
        var original = Riff(("fmt ", Fmt(1, 2, 8000, 16)), ("data", data));
        BitConverter.GetBytes(0xFFFFFFFFu).CopyTo(original, 4);
        BitConverter.GetBytes(0xFFFFFFFFu).CopyTo(original, 12 + 24 + 4);

        var labeled = AigcAudio.Label(original, NewLabel(), false);

        Assert.Equal((uint)data.Length, BitConverter.ToUInt32(labeled, 12 + 24 + 4));
        Assert.Equal((uint)(labeled.Length - 8), BitConverter.ToUInt32(labeled, 4));
        using var reader = new WaveFileReader(new MemoryStream(labeled));
        Assert.Equal(data, ReadAll(reader));
        Assert.Equal(Json, InfoRecord(reader));
    }

    [Fact]
    public void Huge_declared_sizes_are_refused_before_anything_large_is_allocated()
    {
        var fmt = Fmt(1, 1, 8000, 16);
        var cases = new List<byte[]>
        {
            WithU32(Riff(("fmt ", fmt), ("junk", new byte[6]), ("data", new byte[8])), 12 + 24 + 4, 0xFFFFFFF0u),   // a chunk before data
            WithU32(Riff(("fmt ", fmt), ("data", new byte[8]), ("LIST", Encoding.ASCII.GetBytes("INFO"))), 12 + 24 + 16 + 4, 0x7FFFFFFFu),
            WithU32(Riff(("fmt ", fmt), ("data", new byte[8])), 12 + 4, 0xFFFFFFF0u),                                // fmt
            WithU32(Riff(("fmt ", fmt), ("LIST", Encoding.ASCII.GetBytes("INFOINAM\u0002\0\0\0ab")), ("data", new byte[8])), 12 + 24 + 16, 0xFFFFFFF0u), // INFO sub-chunk
        };

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var hostile in cases)
        {
            Assert.Throws<AigcMediaFormatException>(() => AigcAudio.Label(hostile, NewLabel(), false));
            Assert.Throws<AigcMediaFormatException>(() => AigcAudio.Label(hostile, NewLabel(), true));
            Assert.False(AigcAudio.IsLabeled(hostile));
        }

        // A sample rate of 4 GHz or 65535 channels would make a prompt of gigabytes.
        var fast = Riff(("fmt ", Fmt(1, 1, -1, 8)), ("data", new byte[8]));
        Assert.Contains("above the 768000 Hz", Assert.Throws<AigcMediaFormatException>(() => AigcAudio.Label(fast, NewLabel(), true)).Message);
        var wide = Riff(("fmt ", Fmt(1, 32767, 192000, 16)), ("data", new byte[65534]));
        Assert.Contains("rhythm prompt would need", Assert.Throws<AigcMediaFormatException>(() => AigcAudio.Label(wide, NewLabel(), true)).Message);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 4_000_000);

        // The same file without the prompt is fine.
        Assert.True(AigcAudio.IsLabeled(AigcAudio.Label(fast, NewLabel(), false)));
    }

    [Fact]
    public void Broken_or_foreign_structures_give_a_clear_exception()
    {
        var fmt = Fmt(1, 1, 8000, 16);
        var data = new byte[8];
        AssertRefused(Riff(("data", data), ("fmt ", fmt)), "before its fmt chunk");
        AssertRefused(Riff(("fmt ", fmt)), "no data chunk");
        AssertRefused(Riff(("data", data)), "before its fmt chunk");
        AssertRefused(Riff(("LIST", Encoding.ASCII.GetBytes("INFO")), ("data", data)), "before its fmt chunk");
        AssertRefused(Riff(("fmt ", fmt), ("LIST", Encoding.ASCII.GetBytes("INFO"))), "no data chunk");
        AssertRefused(Riff(("fmt ", fmt), ("fmt ", fmt), ("data", data)), "two fmt chunks");
        AssertRefused(Riff(("fmt ", fmt), ("data", data), ("data", data)), "two data chunks");
        AssertRefused(Riff(("fmt ", fmt.Take(14).ToArray()), ("data", data)), "fewer than 16");
        AssertRefused(Riff(("fmt ", Fmt(1, 0, 8000, 16)), ("data", data)), "no channels");
        AssertRefused(Riff(("fmt ", fmt), ("\0\u0001ab", data), ("data", data)), "Invalid RIFF chunk id");
        AssertRefused(Riff(("fmt ", Fmt(1, 1, 2000, 16)), ("data", data)), "too low", prompt: true);
        AssertRefused(Riff(("fmt ", Fmt(1, 2, 8000, 16, blockAlign: 3)), ("data", data)), "block align", prompt: true);
        AssertRefused(Riff(("fmt ", FmtExtensible(2, 1, 8000, 16, 16)), ("data", data)), "needs PCM or float", prompt: true);

        var rf64 = Riff(("fmt ", fmt), ("data", data));
        Encoding.ASCII.GetBytes("RF64").CopyTo(rf64, 0);
        AssertRefused(rf64, "RF64 is not supported");
        Assert.Equal("audio/wav", AigcAudio.Format(rf64));
        var rifx = Riff(("fmt ", fmt), ("data", data));
        Encoding.ASCII.GetBytes("RIFX").CopyTo(rifx, 0);
        AssertRefused(rifx, "RIFX");
        AssertRefused(Encoding.ASCII.GetBytes("RIFF\u0004\0\0\0AVI "), "Not WAV");
        AssertRefused(new byte[0], "Not WAV");
        Assert.Null(AigcAudio.Format(Encoding.ASCII.GetBytes("RIFF\u0004\0\0\0WEBP")));

        Assert.Throws<ArgumentNullException>(() => AigcAudio.Label(null!, NewLabel(), false));
        Assert.Throws<ArgumentNullException>(() => AigcAudio.Label(rf64, null!, false));
        Assert.Throws<ArgumentException>(() => AigcAudio.Label(Riff(("fmt ", fmt), ("data", data)), new AigcMediaLabel(), false));
    }

    [Fact]
    public void Randomly_damaged_files_are_refused_or_labeled_consistently()
    {
        var original = Riff(("fmt ", Fmt(1, 2, 8000, 16)), ("fact", U32(20)), ("LIST", Encoding.ASCII.GetBytes("INFOINAM\u0003\0\0\0ab\0\0")), ("data", Ramp(80, 5)), ("_PMX", Encoding.ASCII.GetBytes("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></rdf:RDF></x:xmpmeta>")));
        var accepted = 0;
        var refused = 0;
        var random = new Random(15);
        for (var round = 0; round < 3000; round++)
        {
            var damaged = (byte[])original.Clone();
            for (var n = random.Next(1, 4); n > 0; n--)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            foreach (var prompt in new[] { false, true })
            {
                byte[] labeled;
                try
                {
                    labeled = AigcAudio.Label(damaged, NewLabel(), prompt);
                }
                catch (AigcMediaFormatException)
                {
                    refused++;
                    continue;
                }

                accepted++;
                // Whatever was accepted comes out as a file the labeler itself reads back as labeled and leaves alone.
                Assert.True(AigcAudio.IsLabeled(labeled), "round " + round);
                Assert.Equal(labeled, AigcAudio.Label(labeled, NewLabel(), prompt));
            }
        }

        Assert.InRange(accepted, 1000, 5000); // both outcomes are exercised
        Assert.InRange(refused, 1000, 5000);
    }

    private static void AssertRefused(byte[] file, string message, bool prompt = false)
    {
        var error = Assert.Throws<AigcMediaFormatException>(() => AigcAudio.Label(file, NewLabel(), prompt));
        Assert.Contains(message, error.Message);
    }

    // ------------------------------------------------------------------ helpers (independent of the writer)

    private static byte[] Ramp(int count, int step)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            bytes[i] = (byte)((i * step) + 1);
        }

        return bytes;
    }

    private static byte[] WriteWithNAudio(WaveFormat format, byte[] samples, Action<WaveFileWriter>? extra = null)
    {
        var stream = new MemoryStream();
        using (var writer = new WaveFileWriter(stream, format))
        {
            writer.Write(samples, 0, samples.Length);
            extra?.Invoke(writer);
        }

        return stream.ToArray();
    }

    private static byte[] ReadAll(WaveFileReader reader)
    {
        reader.Position = 0;
        var bytes = new byte[reader.Length];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = reader.Read(bytes, read, bytes.Length - read);
            Assert.True(n > 0, "the reader ended early");
            read += n;
        }

        return bytes;
    }

    // The AIGC sub-chunk of the LIST/INFO chunk NAudio found, parsed by hand: UTF-8, NUL-terminated.
    private static string InfoRecord(WaveFileReader reader)
    {
        var lists = reader.Chunks.FindAll("LIST").Select(c => reader.Chunks.GetData(c)).Where(d => Encoding.ASCII.GetString(d, 0, 4) == "INFO").ToList();
        Assert.Single(lists);
        var list = lists[0];
        for (var pos = 4; pos + 8 <= list.Length;)
        {
            var size = BitConverter.ToInt32(list, pos + 4);
            if (Encoding.ASCII.GetString(list, pos, 4) == "AIGC")
            {
                Assert.Equal(0, size % 2);
                var text = list.Skip(pos + 8).Take(size).ToArray();
                var nul = Array.IndexOf(text, (byte)0);
                Assert.True(nul >= 0, "NUL-terminated");
                Assert.All(text.Skip(nul), b => Assert.Equal(0, b));
                return Encoding.UTF8.GetString(text, 0, nul);
            }

            pos += 8 + size + (size & 1);
        }

        throw new Xunit.Sdk.XunitException("no AIGC sub-chunk");
    }

    private static byte[] Chunk(byte[] file, string id)
    {
        using var reader = new WaveFileReader(new MemoryStream(file));
        return reader.Chunks.GetData(reader.Chunks.Find(id)!);
    }

    private static List<(string Id, int Size)> ParseChunks(byte[] file)
    {
        var chunks = new List<(string, int)>();
        for (var pos = 12; pos + 8 <= file.Length;)
        {
            var size = BitConverter.ToInt32(file, pos + 4);
            chunks.Add((Encoding.ASCII.GetString(file, pos, 4), size));
            pos += 8 + size + (size & 1);
        }

        return chunks;
    }

    private static double Decode(byte[] bytes, int offset, int bits, bool isFloat)
    {
        if (isFloat)
        {
            return bits == 32 ? BitConverter.ToSingle(bytes, offset) : BitConverter.ToDouble(bytes, offset);
        }

        switch (bits)
        {
            case 8: return (bytes[offset] - 128) / 128.0;
            case 16: return BitConverter.ToInt16(bytes, offset) / 32768.0;
            case 24: return ((bytes[offset] << 8 | bytes[offset + 1] << 16 | bytes[offset + 2] << 24) >> 8) / 8388608.0;
            default: return BitConverter.ToInt32(bytes, offset) / 2147483648.0;
        }
    }

    internal static byte[] Riff(params (string Id, byte[] Data)[] chunks)
    {
        var body = new MemoryStream();
        body.Write(Encoding.ASCII.GetBytes("WAVE"));
        foreach (var (id, data) in chunks)
        {
            body.Write(Encoding.Latin1.GetBytes(id));
            body.Write(BitConverter.GetBytes(data.Length));
            body.Write(data);
            if (data.Length % 2 == 1)
            {
                body.WriteByte(0);
            }
        }

        var file = new MemoryStream();
        file.Write(Encoding.ASCII.GetBytes("RIFF"));
        file.Write(BitConverter.GetBytes((int)body.Length));
        body.WriteTo(file);
        return file.ToArray();
    }

    private static byte[] Fmt(int tag, int channels, int rate, int bits, byte[]? extra = null, int blockAlign = -1)
    {
        var align = blockAlign >= 0 ? blockAlign : channels * bits / 8;
        var fmt = new MemoryStream();
        fmt.Write(BitConverter.GetBytes((ushort)tag));
        fmt.Write(BitConverter.GetBytes((ushort)channels));
        fmt.Write(BitConverter.GetBytes(rate));
        fmt.Write(BitConverter.GetBytes(rate * align));
        fmt.Write(BitConverter.GetBytes((ushort)align));
        fmt.Write(BitConverter.GetBytes((ushort)bits));
        if (extra != null)
        {
            fmt.Write(extra);
        }

        return fmt.ToArray();
    }

    private static byte[] FmtExtensible(int subformat, int channels, int rate, int bits, int validBits)
    {
        var extra = new MemoryStream();
        extra.Write(BitConverter.GetBytes((ushort)22));
        extra.Write(BitConverter.GetBytes((ushort)validBits));
        extra.Write(BitConverter.GetBytes(channels == 1 ? 4 : (1 << channels) - 1));
        extra.Write(new Guid(subformat, 0, 0x10, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71).ToByteArray());
        return Fmt(0xFFFE, channels, rate, bits, extra.ToArray());
    }

    private static byte[] U32(int value) => BitConverter.GetBytes(value);

    private static byte[] WithU32(byte[] file, int offset, uint value)
    {
        BitConverter.GetBytes(value).CopyTo(file, offset);
        return file;
    }
}
