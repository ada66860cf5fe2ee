#pragma warning disable MEAI001 // the image and speech types of Microsoft.Extensions.AI are experimental
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MetadataExtractor;
using MetadataExtractor.Formats.Xmp;
using Microsoft.Extensions.AI;
using Xunit;

namespace AiCompliance.Tests.Generator;

/// <summary>
/// The generated media labeling wrappers run against fake inner clients: <c>LabeledImageGenerator</c>,
/// <c>LabeledTextToSpeechClient</c>, and the labeling chat client's media step. The image metadata is read back with
/// MetadataExtractor; the formats themselves are tested in AiCompliance.Media.Tests.
/// </summary>
public class MediaWrapperTests
{
    private const string Tc260 = "http://www.tc260.org.cn/ns/AIGC/1.0/";
    private const string Iptc = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";

    private static readonly string Source = ServiceSource.Create("\"" + ServiceSource.NationalNumber + "\", Provider = \"ExampleCo\"");

    private static GeneratedService Service => GeneratedService.Load(Source);

    private static IImageGenerator Labeled(IImageGenerator inner) =>
        (IImageGenerator)Service.Type.GetMethod("WithLabels", new[] { typeof(IImageGenerator) })!.Invoke(null, new object[] { inner })!;

    private static ITextToSpeechClient Labeled(ITextToSpeechClient inner, bool rhythmPrompt = false) =>
        (ITextToSpeechClient)Service.Type.GetMethod("WithLabels", new[] { typeof(ITextToSpeechClient), typeof(bool) })!.Invoke(null, new object[] { inner, rhythmPrompt })!;

    /// <summary>The AIGC record MetadataExtractor reads from an image's XMP (with the IPTC source type checked).</summary>
    private static string ReadImageRecord(byte[] image)
    {
        var xmp = Assert.Single(ImageMetadataReader.ReadMetadata(new MemoryStream(image)).OfType<XmpDirectory>()).XmpMeta!;
        Assert.Equal("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia", xmp.GetPropertyString(Iptc, "DigitalSourceType"));
        return xmp.GetPropertyString(Tc260, "AIGC");
    }

    /// <summary>The content's AIGC entry: the Annex E record of this service, with a content id.</summary>
    private static string Record(AIContent content)
    {
        Assert.NotNull(content.AdditionalProperties);
        var record = Assert.IsType<string>(content.AdditionalProperties!["AIGC"]);
        var fields = LabelAssert.AnnexEObject(record);
        Assert.Equal("ExampleCo", fields["ContentProducer"]);
        Assert.False(string.IsNullOrEmpty(fields["ProduceID"]));
        return record;
    }

    [Fact]
    public async Task The_image_generator_labels_every_image_and_passes_links_text_and_other_formats_through()
    {
        var png = MediaLabelingTests.OnePixelPng();
        var gif = Encoding.ASCII.GetBytes("GIF89a\u0001\0\u0001\0\0\0\0;");
        var link = new UriContent(new Uri("https://example.com/cat.png"), "image/png");
        var caption = new TextContent("a cat");
        var inner = new FakeImageGenerator(() => new ImageGenerationResponse(new List<AIContent>
        {
            new DataContent(png, "image/png") { Name = "cat.png" },
            new DataContent(png, "image/png"),
            link,
            caption,
            new DataContent(gif, "image/gif"),
        }));

        var response = await Labeled(inner).GenerateAsync(new ImageGenerationRequest("a cat"));

        var first = Assert.IsType<DataContent>(response.Contents[0]);
        var second = Assert.IsType<DataContent>(response.Contents[1]);
        Assert.Equal("cat.png", first.Name);
        Assert.Equal("image/png", first.MediaType);
        Assert.Equal(Record(first), ReadImageRecord(first.Data.ToArray()));
        Assert.Equal(Record(second), ReadImageRecord(second.Data.ToArray()));
        Assert.NotEqual(Record(first), Record(second)); // a fresh content id per image
        Assert.Same(link, response.Contents[2]);
        Assert.Same(caption, response.Contents[3]);
        var other = Assert.IsType<DataContent>(response.Contents[4]);
        Assert.Equal(gif, other.Data.ToArray()); // a GIF cannot be labeled in the file: the record rides along only
        Record(other);
    }

    [Fact]
    public async Task The_image_generator_replaces_a_read_only_list_and_keeps_a_labeled_image()
    {
        var labeled = Service.Type.GetMethod("LabelImage", new[] { typeof(byte[]), typeof(string) })!.Invoke(null, new object[] { MediaLabelingTests.OnePixelPng(), "made-before" })!;
        var already = new DataContent((byte[])labeled, "image/png");
        var fresh = new DataContent(MediaLabelingTests.OnePixelPng(), "image/png");
        var inner = new FakeImageGenerator(() => new ImageGenerationResponse(new ReadOnlyCollection<AIContent>(new AIContent[] { already, fresh })));

        var response = await Labeled(inner).GenerateAsync(new ImageGenerationRequest("x"));

        Assert.Same(already, response.Contents[0]);
        Assert.Null(already.AdditionalProperties);
        Assert.Contains("made-before", ReadImageRecord(already.Data.ToArray()), StringComparison.Ordinal);
        Assert.Equal(Record(response.Contents[1]), ReadImageRecord(((DataContent)response.Contents[1]).Data.ToArray()));
        Assert.Null(fresh.AdditionalProperties); // the inner response's content is not changed
    }

    [Fact]
    public async Task The_speech_client_labels_wav_and_mp3_answers_and_the_response()
    {
        var wav = SilentWav(800);
        var mp3 = MpegFrames(3);
        var inner = new FakeSpeechClient(() => new[] { new DataContent(wav, "audio/wav"), new DataContent(mp3, "audio/mpeg") }, () => Array.Empty<AIContent[]>());

        var response = await Labeled(inner).GetAudioAsync("hello");

        var labeledWav = ((DataContent)response.Contents[0]).Data.ToArray();
        var labeledMp3 = ((DataContent)response.Contents[1]).Data.ToArray();
        Assert.Contains(Record(response.Contents[0]), Encoding.UTF8.GetString(labeledWav), StringComparison.Ordinal);
        Assert.Equal(DataSize(wav), DataSize(labeledWav)); // no rhythm prompt unless asked
        Assert.Equal("ID3", Encoding.ASCII.GetString(labeledMp3, 0, 3));
        Assert.Contains(Record(response.Contents[1]), Encoding.UTF8.GetString(labeledMp3), StringComparison.Ordinal);
        Assert.Equal(mp3, labeledMp3[^mp3.Length..]); // the frames follow the tag unchanged
        Assert.NotNull(response.AdditionalProperties);
        LabelAssert.AnnexEObject(Assert.IsType<string>(response.AdditionalProperties!["AIGC"]));

        var prompted = await Labeled(inner, rhythmPrompt: true).GetAudioAsync("hello");
        Assert.True(DataSize(((DataContent)prompted.Contents[0]).Data.ToArray()) > DataSize(wav), "the rhythm prompt adds samples to the WAV");
        Assert.Equal("ID3", Encoding.ASCII.GetString(((DataContent)prompted.Contents[1]).Data.ToArray(), 0, 3)); // MP3: no prompt, still labeled
    }

    [Fact]
    public async Task A_streamed_mp3_takes_the_tag_on_its_first_chunk_only_and_a_streamed_wav_passes_through()
    {
        var mp3 = MpegFrames(4);
        var inner = new FakeSpeechClient(() => Array.Empty<AIContent>(), () => new[]
        {
            new AIContent[] { new DataContent(mp3[..834], "audio/mpeg") },
            new AIContent[] { new DataContent(mp3[834..], "audio/mpeg") },
        });

        var updates = await StreamAsync(Labeled(inner));

        var chunks = updates.Select(u => ((DataContent)u.Contents.Single()).Data.ToArray()).ToList();
        var whole = chunks.SelectMany(c => c).ToArray();
        Assert.Equal("ID3", Encoding.ASCII.GetString(whole, 0, 3));
        Assert.Equal(mp3, whole[^mp3.Length..]); // the stream is the tag, then the frames as sent
        Assert.Equal(mp3[834..], chunks[1]);
        Assert.Contains(Record(updates[0].Contents[0]), Encoding.UTF8.GetString(chunks[0]), StringComparison.Ordinal);
        Assert.NotNull(updates[0].AdditionalProperties);
        Assert.True(updates[1].AdditionalProperties is null || !updates[1].AdditionalProperties!.ContainsKey("AIGC"));

        var wav = SilentWav(800);
        var wavInner = new FakeSpeechClient(() => Array.Empty<AIContent>(), () => new[]
        {
            new AIContent[] { new DataContent(wav[..400], "audio/wav") },
            new AIContent[] { new DataContent(wav[400..], "audio/wav") },
        });
        var wavUpdates = await StreamAsync(Labeled(wavInner));
        Assert.Equal(wav, wavUpdates.SelectMany(u => ((DataContent)u.Contents.Single()).Data.ToArray()).ToArray());
        LabelAssert.AnnexEObject(Assert.IsType<string>(wavUpdates[0].AdditionalProperties!["AIGC"]));
    }

    [Fact]
    public async Task The_chat_client_labels_images_in_answers_and_still_labels_the_text()
    {
        var png = MediaLabelingTests.OnePixelPng();
        var chat = new FakeChatClient(
            () => new ChatResponse(new ChatMessage(ChatRole.Assistant, new List<AIContent> { new TextContent("here"), new DataContent(png, "image/png") })) { ResponseId = "r" },
            () => new[]
            {
                new ChatResponseUpdate(ChatRole.Assistant, "here") { ResponseId = "r" },
                new ChatResponseUpdate(ChatRole.Assistant, new List<AIContent> { new DataContent(png, "image/png") }) { ResponseId = "r" },
            });
        var client = Service.WithLabels(chat);

        var response = await client.GetResponseAsync("draw");

        var contents = response.Messages.Single().Contents;
        Assert.StartsWith(Service.LabelText, ((TextContent)contents[0]).Text, StringComparison.Ordinal);
        Assert.Equal(Record(contents[1]), ReadImageRecord(((DataContent)contents[1]).Data.ToArray()));
        Assert.True(response.AdditionalProperties!.ContainsKey("AIGC"));

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("draw"))
        {
            updates.Add(update);
        }

        Assert.StartsWith(Service.LabelText, updates[0].Text, StringComparison.Ordinal); // the media step's record is not taken for a text label
        var image = updates.SelectMany(u => u.Contents).OfType<DataContent>().Single();
        Assert.Equal(Record(image), ReadImageRecord(image.Data.ToArray()));
    }

    [Fact]
    public void The_builders_add_the_labeling_wrappers()
    {
        var core = Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(ImageGeneratorBuilder).Assembly.Location);
        var (output, result) = GeneratorRun.RunClean(GeneratorRun.Compile(Source, withMeai: true).AddReferences(core));
        Assert.Contains("ImageGeneratorBuilder UseSvcLabels(this global::Microsoft.Extensions.AI.ImageGeneratorBuilder builder)", GeneratorRun.Describe(result), StringComparison.Ordinal);
        var extensions = GeneratorRun.Load(output).GetType("App.SvcLabelingExtensions")!;

        var images = new ImageGeneratorBuilder(new FakeImageGenerator(() => new ImageGenerationResponse()));
        var built = ((ImageGeneratorBuilder)extensions.GetMethod("UseSvcLabels", new[] { typeof(ImageGeneratorBuilder) })!.Invoke(null, new object[] { images })!).Build();
        Assert.Equal("LabeledImageGenerator", built.GetType().Name);

        var speech = new TextToSpeechClientBuilder(new FakeSpeechClient(Array.Empty<AIContent>, Array.Empty<AIContent[]>));
        var builtSpeech = ((TextToSpeechClientBuilder)extensions.GetMethod("UseSvcLabels", new[] { typeof(TextToSpeechClientBuilder), typeof(bool) })!.Invoke(null, new object[] { speech, false })!).Build();
        Assert.Equal("LabeledTextToSpeechClient", builtSpeech.GetType().Name);
    }

    [Fact]
    public void Without_the_image_and_speech_types_or_before_CSharp_8_no_wrapper_is_emitted()
    {
        var old = GeneratorRun.RunClean(GeneratorRun.Compile(Source, withMeai: true, Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3)).Result;
        Assert.Empty(GeneratorRun.WrapperSources(old));
        var plain = GeneratorRun.RunClean(GeneratorRun.Compile(Source, withMeai: false)).Result;
        Assert.Empty(GeneratorRun.WrapperSources(plain));
        var modern = GeneratorRun.RunClean(GeneratorRun.Compile(Source, withMeai: true)).Result;
        Assert.Equal("AiCompliance.App.Svc-MediaWrappers.g.cs", Assert.Single(GeneratorRun.WrapperSources(modern)).HintName);
    }

    private static async Task<List<TextToSpeechResponseUpdate>> StreamAsync(ITextToSpeechClient client)
    {
        var updates = new List<TextToSpeechResponseUpdate>();
        await foreach (var update in client.GetStreamingAudioAsync("hello"))
        {
            updates.Add(update);
        }

        return updates;
    }

    /// <summary>A mono 16-bit PCM WAV of silence, 8 kHz.</summary>
    private static byte[] SilentWav(int samples)
    {
        using var output = new MemoryStream();
        using var writer = new BinaryWriter(output);
        writer.Write(Encoding.ASCII.GetBytes("RIFF"));
        writer.Write(36 + (samples * 2));
        writer.Write(Encoding.ASCII.GetBytes("WAVEfmt "));
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(8000);
        writer.Write(16000);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write(Encoding.ASCII.GetBytes("data"));
        writer.Write(samples * 2);
        writer.Write(new byte[samples * 2]);
        writer.Flush();
        return output.ToArray();
    }

    private static int DataSize(byte[] wav)
    {
        for (var offset = 12; offset + 8 <= wav.Length;)
        {
            var size = BitConverter.ToInt32(wav, offset + 4);
            if (Encoding.ASCII.GetString(wav, offset, 4) == "data")
            {
                return size;
            }

            offset += 8 + size + (size & 1);
        }

        throw new InvalidOperationException("no data chunk");
    }

    /// <summary>MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz, stereo (417 bytes each), payload that never forms a sync word.</summary>
    private static byte[] MpegFrames(int count)
    {
        var bytes = new byte[417 * count];
        for (var f = 0; f < count; f++)
        {
            var o = f * 417;
            bytes[o] = 0xFF;
            bytes[o + 1] = 0xFB;
            bytes[o + 2] = 0x90;
            for (var i = 36; i < 417; i++)
            {
                bytes[o + i] = (byte)((i + (f * 31)) & 0x7F);
            }
        }

        return bytes;
    }

    private sealed class FakeImageGenerator : IImageGenerator
    {
        private readonly Func<ImageGenerationResponse> _response;

        public FakeImageGenerator(Func<ImageGenerationResponse> response) => _response = response;

        public Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(_response());

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private sealed class FakeSpeechClient : ITextToSpeechClient
    {
        private readonly Func<AIContent[]> _contents;
        private readonly Func<AIContent[][]> _chunks;

        public FakeSpeechClient(Func<AIContent[]> contents, Func<AIContent[][]> chunks)
        {
            _contents = contents;
            _chunks = chunks;
        }

        public Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new TextToSpeechResponse(_contents().ToList()) { ResponseId = "speech-1" });

        public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var chunk in _chunks())
            {
                await Task.Yield();
                yield return new TextToSpeechResponseUpdate(chunk.ToList()) { ResponseId = "speech-1" };
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
