using System.Net;
using System.Threading.Tasks;
using AiCompliance.Samples.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace AiCompliance.Samples.Tests;

/// <summary>samples/ChatWeb's image answer over HTTP: labeled visibly (drawn on) and implicitly (in the file's metadata).</summary>
[Collection(SamplesCollection.Name)]
public class ChatWebImageTests(SamplesFixture samples, ITestOutputHelper output)
{
    [Fact]
    public async Task Image_answer_carries_the_visible_label_and_the_AIGC_metadata()
    {
        var app = await samples.ChatWebAsync();
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/image?q=paint%20me%20an%20image");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        var language = Assert.Single(response.Headers.GetValues("X-Visible-Label"));
        output.WriteLine($"{png.Length} bytes, label drawn in {language}");

        var id = ImageAnswer.AssertImplicitLabel(png);
        ImageAnswer.AssertVisibleLabel(png, language == "zh-CN" ? Labels.ExplicitLabel : "AI-generated");

        // Each image gets its own ProduceID.
        var again = await client.GetByteArrayAsync("/api/image?q=another%20image");
        Assert.NotEqual(id, ImageAnswer.AssertImplicitLabel(again));
    }

    [Fact]
    public async Task Image_endpoint_refuses_a_blank_prompt()
    {
        var app = await samples.ChatWebAsync();
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/image?q=%20");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
