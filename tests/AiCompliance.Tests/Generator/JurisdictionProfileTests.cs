using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Xml.Linq;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AiCompliance.Tests.Generator;

/// <summary>
/// The profile matrix (China, EuropeanUnion, California, all three): the generated members for each, compared with
/// reviewed snapshots (Snapshots/Generator.Profile.*.verified.txt) in a web compilation (ASP.NET Core and Blazor
/// referenced, so the HTML and markup members are there); the interaction notice values read back from the compiled
/// class; unknown bits parsed away; the California latent disclosure written into images and audio.
/// </summary>
public class JurisdictionProfileTests
{
    private const string Chinese = "您正在与人工智能系统交互。";
    private const string English = "You are interacting with an AI system.";
    private const string Iptc = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";

    private static readonly MetadataReference[] WebReferences =
    {
        MetadataReference.CreateFromFile(typeof(Microsoft.AspNetCore.Components.MarkupString).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location),
    };

    private static CSharpCompilation WebCompilation(string source) =>
        CSharpCompilation.Create(
            "Gen" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions, path: "Test0.cs") },
            TestReferences.For(withMeai: true).AddRange(WebReferences),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static string Arguments(string jurisdiction) =>
        "\"" + ServiceSource.NationalNumber + "\", Provider = \"ExampleCo\", SystemVersion = \"2.1\", Jurisdiction = " + jurisdiction;

    private static string GeneratedText(string arguments, bool web = false)
    {
        var source = ServiceSource.Create(arguments);
        var result = GeneratorRun.RunClean(web ? WebCompilation(source) : GeneratorRun.Compile(source, withMeai: true)).Result;
        return Assert.Single(GeneratorRun.ServiceSources(result)).SourceText.ToString();
    }

    [Theory]
    [InlineData("China", "Jurisdiction.China", "内容由人工智能生成", Chinese)]
    [InlineData("EuropeanUnion", "Jurisdiction.EuropeanUnion", "AI-generated", English)]
    [InlineData("California", "Jurisdiction.California", "AI-generated", English)]
    [InlineData("All", "Jurisdiction.China | Jurisdiction.EuropeanUnion | Jurisdiction.California", "内容由人工智能生成 / AI-generated", Chinese + " " + English)]
    public void Each_profile_generates_its_wording_and_notice(string name, string jurisdiction, string label, string notice)
    {
        var (output, result) = GeneratorRun.RunClean(WebCompilation(ServiceSource.Create(Arguments(jurisdiction))));
        var text = Assert.Single(GeneratorRun.ServiceSources(result)).SourceText.ToString();
        Snapshot.Match("Generator.Profile." + name, GeneratorRun.Describe(result));

        var type = GeneratorRun.Load(output).GetType("App.Svc")!;
        var service = new GeneratedService(type);
        Assert.Equal(label, service.LabelText);
        Assert.Equal(notice, service.Constant("InteractionNotice"));
        Assert.Equal("<p class=\"ai-interaction-notice\" role=\"note\">" + notice + "</p>", service.StaticProperty("InteractionNoticeHtml"));
        var markup = type.GetProperty("InteractionNoticeMarkup", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        Assert.Equal(service.StaticProperty("InteractionNoticeHtml"), ((Microsoft.AspNetCore.Components.MarkupString)markup).Value);

        // The latent disclosure is asked for by the California profile only.
        var californian = jurisdiction.Contains("California", StringComparison.Ordinal);
        Assert.Equal(californian, text.Contains("WriteLatentDisclosure = true", StringComparison.Ordinal));
        Assert.Equal(californian, text.Contains("SystemVersion = \"2.1\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_Blazor_there_is_no_markup_member_but_the_text_and_HTML_forms_are_there()
    {
        var text = GeneratedText(Arguments("Jurisdiction.EuropeanUnion"));

        Assert.Contains("public const string InteractionNotice = \"" + English + "\";", text, StringComparison.Ordinal);
        Assert.Contains("public static string InteractionNoticeHtml => ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InteractionNoticeMarkup", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RegistrationNoticeHtml", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_and_an_unnamed_jurisdiction_generate_exactly_what_China_does()
    {
        var china = GeneratedText("\"" + ServiceSource.NationalNumber + "\", Jurisdiction = Jurisdiction.China");

        Assert.Equal(china, GeneratedText("\"" + ServiceSource.NationalNumber + "\""));
        Assert.Equal(china, GeneratedText("\"" + ServiceSource.NationalNumber + "\", Jurisdiction = Jurisdiction.Default"));
    }

    [Theory]
    [InlineData("(Jurisdiction)8", "Jurisdiction.China")] // unknown bits only: China
    [InlineData("(Jurisdiction)(-8)", "Jurisdiction.China")] // every unknown bit set
    [InlineData("(Jurisdiction)10", "Jurisdiction.EuropeanUnion")] // the unknown bit 8 is dropped
    [InlineData("(Jurisdiction)(64 | 4 | 1)", "Jurisdiction.China | Jurisdiction.California")]
    public void The_parser_reads_the_known_bits_and_drops_the_rest(string value, string same)
    {
        Assert.Equal(GeneratedText(Arguments(same)), GeneratedText(Arguments(value)));
    }

    [Fact]
    public void A_California_service_writes_the_latent_disclosure_into_images_and_audio()
    {
        var service = GeneratedService.Load(ServiceSource.Create(
            "\"" + ServiceSource.NationalNumber + "\", ServiceName = \"YunQue\", Provider = \"ExampleCo\", SystemVersion = \"2.1\", " +
            "Jurisdiction = Jurisdiction.China | Jurisdiction.California"));
        var before = DateTime.UtcNow.AddSeconds(-1);

        var image = Xmp(MediaLabelingTests.Invoke<byte[]>(service, "LabelImage", MediaLabelingTests.OnePixelPng(), "img-7"), png: true);
        var audio = Xmp(MediaLabelingTests.Invoke<byte[]>(service, "LabelAudio", MediaLabelingTests.SilentWav(800), "aud-7", false), png: false);

        foreach (var (xmp, id) in new[] { (image, "img-7"), (audio, "aud-7") })
        {
            Assert.Equal("YunQue", Property(xmp, Iptc, "AISystemUsed"));
            Assert.Equal("2.1", Property(xmp, Iptc, "AISystemVersionUsed"));
            Assert.Equal(id, Property(xmp, "http://ns.adobe.com/xap/1.0/mm/", "DocumentID"));
            Assert.Equal("ExampleCo", xmp.Descendants(XName.Get("li", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")).Single().Value);
            var created = DateTime.ParseExact(Property(xmp, "http://ns.adobe.com/xap/1.0/", "CreateDate")!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            Assert.InRange(created, before, DateTime.UtcNow.AddSeconds(1));
            Assert.Contains("\"ContentProducer\":\"ExampleCo\"", Property(xmp, "http://www.tc260.org.cn/ns/AIGC/1.0/", "AIGC"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Jurisdiction.China")]
    [InlineData("Jurisdiction.EuropeanUnion")]
    public void Without_California_no_latent_field_is_written(string jurisdiction)
    {
        var service = GeneratedService.Load(ServiceSource.Create(Arguments(jurisdiction)));

        var xmp = Xmp(MediaLabelingTests.Invoke<byte[]>(service, "LabelImage", MediaLabelingTests.OnePixelPng(), "img-8"), png: true);

        Assert.Equal("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia", Property(xmp, Iptc, "DigitalSourceType"));
        Assert.Null(Property(xmp, Iptc, "AISystemUsed"));
        Assert.Null(Property(xmp, Iptc, "AISystemVersionUsed"));
        Assert.Null(Property(xmp, "http://ns.adobe.com/xap/1.0/mm/", "DocumentID"));
        Assert.Null(Property(xmp, "http://ns.adobe.com/xap/1.0/", "CreateDate"));
    }

    private static string? Property(XDocument xmp, string ns, string name) => xmp.Descendants(XName.Get(name, ns)).SingleOrDefault()?.Value;

    /// <summary>The XMP packet of a labeled PNG (the iTXt chunk) or WAV (the _PMX chunk), parsed with System.Xml.</summary>
    private static XDocument Xmp(byte[] file, bool png)
    {
        byte[] packet;
        if (png)
        {
            var data = MediaLabelingTests.PngChunks(file).Single(c => c.Type == "iTXt" && Encoding.Latin1.GetString(c.Data).StartsWith("XML:com.adobe.xmp\0", StringComparison.Ordinal)).Data;
            var at = Array.IndexOf(data, (byte)0) + 3; // keyword NUL, compression flag, method
            Assert.Equal(0, data[Array.IndexOf(data, (byte)0) + 1]); // not compressed
            at = Array.IndexOf(data, (byte)0, at) + 1; // language tag
            at = Array.IndexOf(data, (byte)0, at) + 1; // translated keyword
            packet = data[at..];
        }
        else
        {
            packet = WavChunk(file, "_PMX");
        }

        return XDocument.Parse(Encoding.UTF8.GetString(packet).TrimEnd('\0'));
    }

    private static byte[] WavChunk(byte[] wav, string id)
    {
        for (var offset = 12; offset + 8 <= wav.Length;)
        {
            var size = BitConverter.ToInt32(wav, offset + 4);
            if (Encoding.ASCII.GetString(wav, offset, 4) == id)
            {
                return wav[(offset + 8)..(offset + 8 + size)];
            }

            offset += 8 + size + (size & 1);
        }

        throw new InvalidDataException("no " + id + " chunk");
    }
}
