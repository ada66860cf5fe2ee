using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using AiCompliance.Samples.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace AiCompliance.Samples.Tests;

/// <summary>samples/ChatWeb over HTTP: the page, the JSON answer, the plain-text and streamed answers.</summary>
[Collection(SamplesCollection.Name)]
public class ChatWebApiTests(SamplesFixture samples, ITestOutputHelper output)
{
    [Fact]
    public async Task Page_shows_the_registration_notice_in_its_footer()
    {
        var app = await samples.ChatWebAsync();
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        var footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..];
        Assert.Contains("<p id=\"registration-notice\" lang=\"zh-CN\">" + Labels.Notice + "</p>", footer);
        Assert.DoesNotContain("{{", html);
    }

    [Fact]
    public async Task Registration_endpoint_returns_the_generated_notice()
    {
        var app = await samples.ChatWebAsync();
        using var client = app.CreateClient();
        using var registration = JsonDocument.Parse(await client.GetStringAsync("/api/registration"));
        var root = registration.RootElement;
        Assert.Equal(Labels.RegistrationNumber, root.GetProperty("registrationNumber").GetString());
        Assert.Equal(Labels.Notice, root.GetProperty("notice").GetString());
        Assert.Equal(Labels.ExplicitLabel, root.GetProperty("labelText").GetString());
    }

    [Fact]
    public async Task Json_answer_has_the_explicit_label_inside_and_the_implicit_AIGC_label_beside()
    {
        var app = await samples.ChatWebAsync();
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/chat", new { question = "What about the weather?" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        output.WriteLine(body);
        using var json = JsonDocument.Parse(body);
        var answer = json.RootElement.GetProperty("answer").GetString()!;
        Labels.AssertLabeledOnceAtStart(answer);
        Assert.Equal(Labels.ExplicitLabel + "\nI cannot see outside, but a light jacket is rarely a bad idea.", answer);

        var label = json.RootElement.GetProperty("label");
        Assert.Equal(new[] { "AIGC" }, label.EnumerateObject().Select(p => p.Name).ToArray());
        var id = Labels.AssertAigcValue(label.GetProperty("AIGC"));
        Assert.StartsWith("resp-", id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_answer_gets_its_own_ProduceID()
    {
        var app = await samples.ChatWebAsync();
        using var client = app.CreateClient();
        async Task<string> IdAsync()
        {
            using var response = await client.PostAsJsonAsync("/api/chat", new { question = "labels?" });
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return Labels.AssertAigcValue(json.RootElement.GetProperty("label").GetProperty("AIGC"));
        }

        Assert.NotEqual(await IdAsync(), await IdAsync());
    }

    [Fact]
    public async Task Plain_text_answer_is_labeled()
    {
        var app = await samples.ChatWebAsync();
        using var client = app.CreateClient();
        var answer = await client.GetStringAsync("/api/chat?q=" + Uri.EscapeDataString("今天天气怎么样？"));
        Assert.Equal(Labels.ExplicitLabel + "\n我看不到窗外，不过带一件薄外套总不会错。", answer);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task Streamed_answer_arrives_in_chunks_and_carries_the_label_exactly_once(string method)
    {
        var app = await samples.ChatWebAsync();
        using var client = app.CreateClient();
        using var request = method == "POST"
            ? new HttpRequestMessage(HttpMethod.Post, "/api/chat/stream") { Content = JsonContent.Create(new { question = "Tell me about labels" }) }
            : new HttpRequestMessage(HttpMethod.Get, "/api/chat/stream?q=" + Uri.EscapeDataString("Tell me about labels"));
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.TransferEncodingChunked, "the answer is not streamed (no chunked transfer encoding)");

        // The implicit label travels as a header (written before the first chunk).
        Assert.True(response.Headers.TryGetValues("AIGC", out var aigc), "no AIGC header");
        using (var header = JsonDocument.Parse(string.Join(",", aigc!)))
        {
            Labels.AssertAigcValue(header.RootElement);
        }

        await using var stream = await response.Content.ReadAsStreamAsync();
        var bytes = new MemoryStream();
        var buffer = new byte[4096];
        var reads = 0;
        TimeSpan? firstChunkAt = null;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            firstChunkAt ??= clock.Elapsed;
            bytes.Write(buffer, 0, read);
            reads++;
        }

        var total = clock.Elapsed;
        var text = Encoding.UTF8.GetString(bytes.ToArray());
        output.WriteLine($"{reads} reads, first after {firstChunkAt?.TotalMilliseconds:F0} ms, all after {total.TotalMilliseconds:F0} ms:\n{text}");
        Labels.AssertLabeledOnceAtStart(text);
        Assert.Equal(Labels.ExplicitLabel + "\nGenerated content is labeled at the start, and its metadata carries an AIGC record.", text);
        Assert.True(reads > 1, "the whole answer came in one read: not streamed");
        // The model pauses 40 ms between chunks: a streamed answer is spread over time, a buffered one is not.
        Assert.True(total - firstChunkAt > TimeSpan.FromMilliseconds(200), $"the first chunk came {firstChunkAt} after the request, the end {total}: not streamed");
    }

    [Theory]
    [InlineData("/api/chat")]
    [InlineData("/api/chat/stream")]
    public async Task Empty_question_is_rejected(string path)
    {
        var app = await samples.ChatWebAsync();
        using var client = app.CreateClient();
        using var response = await client.PostAsJsonAsync(path, new { question = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(Labels.ExplicitLabel, await response.Content.ReadAsStringAsync());
    }
}
