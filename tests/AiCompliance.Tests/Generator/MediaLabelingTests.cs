using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Text;
using AiCompliance.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Xunit;

namespace AiCompliance.Tests.Generator;

/// <summary>
/// The media labelers (src/Generators/Media) as users get them: emitted once per compilation that declares a service,
/// identical to the repository's files, and called through each service's <c>LabelImage</c> / <c>LabelAudio</c> with
/// the service's implicit label. The formats themselves are tested in AiCompliance.Media.Tests.
/// </summary>
public class MediaLabelingTests
{
    private const string TwoServices = """
        using AiCompliance;

        namespace App
        {
            [RegisteredAiService("Beijing-YunQue-20230821", Provider = "ExampleCo")]
            public static partial class Svc { }

            [RegisteredAiService("Guangdong-Plaud-20251229S0027")]
            public static partial class Other { }
        }
        """;

    [Fact]
    public void The_labelers_are_emitted_once_per_compilation_as_the_repository_files()
    {
        var result = GeneratorRun.RunClean(GeneratorRun.Compile(TwoServices, withMeai: true)).Result;
        var media = result.GeneratedSources.Where(s => s.HintName.StartsWith(GeneratorRun.MediaHintPrefix, StringComparison.Ordinal))
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString());

        var files = Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "src", "Generators", "Media"), "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        Assert.Equal(files.Select(f => GeneratorRun.MediaHintPrefix + Path.GetFileNameWithoutExtension(f) + ".g.cs").OrderBy(h => h, StringComparer.Ordinal), media.Keys.OrderBy(h => h, StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal), media[GeneratorRun.MediaHintPrefix + Path.GetFileNameWithoutExtension(file) + ".g.cs"]);
        }
    }

    [Fact]
    public void A_compilation_without_a_service_gets_no_labelers()
    {
        var result = GeneratorRun.RunClean(GeneratorRun.Compile("namespace App { public static partial class Plain { } }", withMeai: true)).Result;

        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void LabelImage_writes_the_services_record_into_a_png_and_keeps_the_pixels()
    {
        var service = GeneratedService.Load(TwoServices);
        var png = OnePixelPng();

        var labeled = Invoke<byte[]>(service, "LabelImage", png, "img-1");

        Assert.NotEqual(png, labeled);
        var chunks = PngChunks(labeled);
        var text = chunks.Single(c => c.Type == "tEXt" && Encoding.Latin1.GetString(c.Data).StartsWith("AIGC\0", StringComparison.Ordinal));
        var record = Encoding.Latin1.GetString(text.Data)["AIGC\0".Length..];
        Assert.Equal(service.ImplicitLabelValue("img-1"), record);
        Assert.Contains("\"ContentProducer\":\"ExampleCo\"", record, StringComparison.Ordinal);
        var xmp = chunks.Single(c => c.Type == "iTXt" && Encoding.Latin1.GetString(c.Data).StartsWith("XML:com.adobe.xmp\0", StringComparison.Ordinal));
        Assert.Contains("trainedAlgorithmicMedia", Encoding.UTF8.GetString(xmp.Data), StringComparison.Ordinal);
        Assert.Equal(PngChunks(png).Where(c => c.Type == "IDAT").Select(c => Convert.ToHexString(c.Data)), chunks.Where(c => c.Type == "IDAT").Select(c => Convert.ToHexString(c.Data)));

        // Labeling a labeled image changes nothing; what is not an image is refused with a FormatException.
        Assert.Equal(labeled, Invoke<byte[]>(service, "LabelImage", labeled, "img-2"));
        Assert.IsAssignableFrom<FormatException>(Assert.Throws<TargetInvocationException>(() => Invoke<byte[]>(service, "LabelImage", Encoding.UTF8.GetBytes("not an image"), "x")).InnerException);
    }

    [Fact]
    public void The_container_overloads_keep_what_they_carry()
    {
        var service = GeneratedService.Load(TwoServices);
        var png = OnePixelPng();
        var expected = Invoke<byte[]>(service, "LabelImage", png, "id");

        var memory = Invoke<ReadOnlyMemory<byte>>(service, "LabelImage", new ReadOnlyMemory<byte>(png), "id");
        Assert.Equal(expected, memory.ToArray());

        var content = Invoke<DataContent>(service, "LabelImage", new DataContent(png, "image/png") { Name = "cat.png" }, "id");
        Assert.Equal("image/png", content.MediaType);
        Assert.Equal("cat.png", content.Name);
        Assert.Equal(expected, content.Data.ToArray());
    }

    [Fact]
    public void The_BinaryData_overload_keeps_the_media_type_where_the_compilation_has_it()
    {
        var memoryData = Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(BinaryData).Assembly.Location);
        var (output, result) = GeneratorRun.RunClean(GeneratorRun.Compile(TwoServices, withMeai: false).AddReferences(memoryData));
        Assert.Contains("global::System.BinaryData LabelImage(global::System.BinaryData image", GeneratorRun.Describe(result), StringComparison.Ordinal);
        var service = new GeneratedService(GeneratorRun.Load(output).GetType("App.Svc")!);
        var png = OnePixelPng();

        var labeled = Invoke<BinaryData>(service, "LabelImage", new BinaryData(png, "image/png"), "id");

        Assert.Equal("image/png", labeled.MediaType);
        Assert.Equal(Invoke<byte[]>(service, "LabelImage", png, "id"), labeled.ToArray());
    }

    [Fact]
    public void LabelAudio_puts_the_rhythm_prompt_before_a_wav_and_labels_it()
    {
        var service = GeneratedService.Load(TwoServices);
        var wav = SilentWav(samples: 800);

        var plain = Invoke<byte[]>(service, "LabelAudio", wav, "a-1", false);
        var prompted = Invoke<byte[]>(service, "LabelAudio", wav, "a-1", true);

        Assert.Contains(service.ImplicitLabelValue("a-1"), Encoding.UTF8.GetString(plain), StringComparison.Ordinal);
        Assert.True(DataSize(prompted) > DataSize(plain), "the prompt adds samples");
        Assert.Equal(DataSize(wav), DataSize(plain));
    }

    internal static T Invoke<T>(GeneratedService service, string name, params object[] arguments)
    {
        var method = service.Type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name && m.GetParameters().Length == arguments.Length && m.GetParameters()[0].ParameterType == arguments[0].GetType());
        return (T)method.Invoke(null, arguments)!;
    }

    /// <summary>A 1x1 RGBA PNG, built by hand (signature, IHDR, IDAT, IEND, each chunk with its CRC-32).</summary>
    internal static byte[] OnePixelPng()
    {
        using var output = new MemoryStream();
        output.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 1);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 1);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        WriteChunk(output, "IHDR", header);
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(new byte[] { 0, 0x12, 0x34, 0x56, 0xFF });
            }

            WriteChunk(output, "IDAT", pixels.ToArray());
        }

        WriteChunk(output, "IEND", Array.Empty<byte>());
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        output.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    internal static (string Type, byte[] Data)[] PngChunks(byte[] png)
    {
        var chunks = new System.Collections.Generic.List<(string, byte[])>();
        for (var offset = 8; offset + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length).ToArray();
            Assert.Equal(Crc32(png.AsSpan(offset + 4, 4 + length).ToArray()), BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length)));
            chunks.Add((type, data));
            offset += 12 + length;
        }

        return chunks.ToArray();
    }

    /// <summary>A mono 16-bit PCM WAV of silence, 8 kHz.</summary>
    internal static byte[] SilentWav(int samples)
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

    /// <summary>The size of a WAV's data chunk (walking the RIFF chunks).</summary>
    private static int DataSize(byte[] wav)
    {
        for (var offset = 12; offset + 8 <= wav.Length;)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(offset + 4));
            if (Encoding.ASCII.GetString(wav, offset, 4) == "data")
            {
                return size;
            }

            offset += 8 + size + (size & 1);
        }

        throw new InvalidOperationException("no data chunk");
    }
}
