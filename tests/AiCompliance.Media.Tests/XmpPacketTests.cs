using System.Linq;
using AiCompliance.Generated;
using XmpCore;
using Xunit;

namespace AiCompliance.Media.Tests;

/// <summary>The XMP packet of the implicit label, parsed back by XmpCore (the parser MetadataExtractor uses).</summary>
public class XmpPacketTests
{
    private const string Iptc = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";

    [Fact]
    public void The_packet_parses_and_carries_the_record_and_the_source_type()
    {
        var json = "{\"Label\":\"1\",\"ContentProducer\":\"Beijing-YunQue-20230821\",\"ProduceID\":\"a<b>&'c\"}";
        var meta = XmpMetaFactory.ParseFromString(AigcXmp.BuildPacket(new AigcMediaLabel { AigcJson = json }));

        Assert.Equal(json, meta.GetPropertyString(AigcMediaLabel.Tc260Namespace, "AIGC"));
        Assert.Equal(AigcMediaLabel.TrainedAlgorithmicMedia, meta.GetPropertyString(Iptc, "DigitalSourceType"));
        Assert.Null(meta.GetProperty(Iptc, "AISystemUsed"));
    }

    [Fact]
    public void The_latent_disclosure_is_written_only_when_asked()
    {
        var label = new AigcMediaLabel
        {
            AigcJson = "{\"Label\":\"1\"}",
            WriteLatentDisclosure = true,
            Provider = "Example \"Co\"",
            SystemName = "YunQue",
            SystemVersion = "2.1",
            CreatedUtc = "2026-12-07T20:15:00Z",
            ContentId = "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e",
        };
        var meta = XmpMetaFactory.ParseFromString(AigcXmp.BuildPacket(label));

        Assert.Equal("YunQue", meta.GetPropertyString(Iptc, "AISystemUsed"));
        Assert.Equal("2.1", meta.GetPropertyString(Iptc, "AISystemVersionUsed"));
        Assert.Equal("2026-12-07T20:15:00Z", meta.GetPropertyString("http://ns.adobe.com/xap/1.0/", "CreateDate"));
        Assert.Equal(label.ContentId, meta.GetPropertyString("http://ns.adobe.com/xap/1.0/mm/", "DocumentID"));
        Assert.Equal("Example \"Co\"", meta.GetArrayItem("http://purl.org/dc/elements/1.1/", "publisher", 1).Value);
    }

    [Fact]
    public void Merging_keeps_the_existing_properties_and_adds_the_label()
    {
        var existing = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
                       "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"><xmp:CreatorTool>Paint</xmp:CreatorTool></rdf:Description>" +
                       "</rdf:RDF></x:xmpmeta>";
        Assert.False(AigcXmp.HasAigc(existing));

        var merged = AigcXmp.MergeInto(existing, new AigcMediaLabel { AigcJson = "{\"Label\":\"1\"}" });
        var meta = XmpMetaFactory.ParseFromString(merged);

        Assert.Equal("Paint", meta.GetPropertyString("http://ns.adobe.com/xap/1.0/", "CreatorTool"));
        Assert.Equal("{\"Label\":\"1\"}", meta.GetPropertyString(AigcMediaLabel.Tc260Namespace, "AIGC"));
        Assert.True(AigcXmp.HasAigc(merged));
        Assert.Null(AigcXmp.MergeInto("<x:xmpmeta/>", new AigcMediaLabel { AigcJson = "{}" }));
    }

    [Fact]
    public void Characters_xml_forbids_are_dropped_and_markup_is_escaped()
    {
        var value = "a\u0001b\uD800c<&>\uD83D\uDE00";
        var meta = XmpMetaFactory.ParseFromString(AigcXmp.BuildPacket(new AigcMediaLabel { AigcJson = value }));

        Assert.Equal("abc<&>\uD83D\uDE00", meta.GetPropertyString(AigcMediaLabel.Tc260Namespace, "AIGC"));
        Assert.Throws<System.ArgumentException>(() => AigcXmp.BuildPacket(new AigcMediaLabel()));
    }
}
