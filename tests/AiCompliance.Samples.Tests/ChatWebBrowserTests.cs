using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.Samples.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace AiCompliance.Samples.Tests;

/// <summary>
/// samples/ChatWeb in a real browser: headless Chromium driven over the DevTools protocol (no Playwright download).
/// The screenshot is kept in artifacts/e2e/chatweb.png.
/// </summary>
[Collection(SamplesCollection.Name)]
public class ChatWebBrowserTests(SamplesFixture samples, ITestOutputHelper output)
{
    // The last answer on the page: its state ("streaming", "done", "error"), chunks received, text so far.
    private const string LastAnswer = """
        (() => {
          const turns = document.querySelectorAll('#log .turn');
          const turn = turns[turns.length - 1];
          const a = turn && turn.querySelector('.answer');
          const aigc = turn && turn.querySelector('.aigc code');
          return a ? { turns: turns.length, state: a.dataset.state, chunks: Number(a.dataset.chunks), text: a.textContent, aigc: aigc ? aigc.textContent : null } : null;
        })()
        """;

    [ChromiumFact]
    public async Task Browser_asks_and_sees_the_streamed_labeled_answer_and_the_registration_notice()
    {
        if (!HeadlessChromium.IsInstalled)
        {
            Assert.Fail(HeadlessChromium.MissingMessage + " CI=true: the browser test must run.");
        }

        var app = await samples.ChatWebAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        await using var browser = await HeadlessChromium.LaunchAsync(1024, 768, TimeSpan.FromSeconds(60));
        await using var page = await browser.ConnectToPageAsync(ct);
        await page.SendAsync("Runtime.enable", null, ct);
        await page.SendAsync("Page.enable", null, ct);

        var navigation = await page.SendAsync("Page.navigate", new { url = app.BaseAddress.ToString() }, ct);
        Assert.False(navigation.TryGetProperty("errorText", out var navError), "navigation failed: " + navError);
        await page.WaitForAsync("document.readyState === 'complete' && !!document.getElementById('question')", TimeSpan.FromSeconds(30), ct);

        // The registration notice is in the footer, visible without scrolling.
        var footer = await page.EvaluateAsync("""
            (() => {
              const p = document.getElementById('registration-notice');
              const r = p.getBoundingClientRect();
              return { text: p.textContent, visible: r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight, inFooter: !!p.closest('footer') };
            })()
            """, ct);
        Assert.Equal(Labels.Notice, footer.GetProperty("text").GetString());
        Assert.Matches(@"^生成式人工智能服务 \S+ 已备案，编号：[A-Za-z]+-[A-Za-z]+-\d{8}", footer.GetProperty("text").GetString());
        Assert.True(footer.GetProperty("inFooter").GetBoolean(), "the notice is not in the footer");
        Assert.True(footer.GetProperty("visible").GetBoolean(), "the notice is not visible in the viewport");

        // Ask two questions the way a user does: type, click Send, watch the answer stream in.
        await AskAsync(page, "What about the weather?", "I cannot see outside, but a light jacket is rarely a bad idea.", 1, ct);
        await AskAsync(page, "今天天气怎么样？", "我看不到窗外，不过带一件薄外套总不会错。", 2, ct);

        // A question for a picture: the answer text, then the image with the label drawn on and as a caption.
        await AskAsync(page, "Paint me an image of a sunny day", "Here is a picture of a sunny day, painted by the offline image model.", 3, ct);
        await CheckImageAnswerAsync(page, ct);

        Assert.True(page.PageErrors.Count == 0, "page errors:\n" + string.Join("\n", page.PageErrors));

        var screenshot = await page.SendAsync("Page.captureScreenshot", new { format = "png" }, ct);
        Directory.CreateDirectory(samples.E2eOutputDir);
        var png = Path.Combine(samples.E2eOutputDir, "chatweb.png");
        await File.WriteAllBytesAsync(png, Convert.FromBase64String(screenshot.GetProperty("data").GetString()!), ct);
        var html = await page.EvaluateAsync("document.documentElement.outerHTML", ct);
        await File.WriteAllTextAsync(Path.ChangeExtension(png, ".html"), html.GetString(), ct);
        output.WriteLine("screenshot: " + png);
        Console.WriteLine("ChatWeb screenshot: " + png);
        if (!HasCjkFont())
        {
            // The DOM checks above do not depend on fonts; only the picture does.
            output.WriteLine("note: no CJK font installed (fc-list :lang=zh is empty): Chinese text shows as boxes in the screenshot; apt-get install fonts-wqy-microhei");
        }

        Assert.True(new FileInfo(png).Length > 1000, "the screenshot is empty");
    }

    /// <summary>
    /// The image answer on the page: loaded, visible, captioned with the label; its bytes (fetched by the page from the
    /// image's own URL) carry the AIGC metadata and the visible label.
    /// </summary>
    private async Task CheckImageAnswerAsync(CdpSession page, CancellationToken ct)
    {
        var figure = await page.PollAsync(
            """
            (() => {
              const turns = document.querySelectorAll('#log .turn');
              const f = turns[turns.length - 1].querySelector('figure.image-answer');
              if (!f) { return null; }
              const img = f.querySelector('img');
              const caption = f.querySelector('figcaption');
              const r = img.getBoundingClientRect();
              return { complete: img.complete, width: img.naturalWidth, height: img.naturalHeight, src: img.src,
                       shown: r.width > 0 && r.height > 0, caption: caption.textContent,
                       captionShown: caption.getBoundingClientRect().height > 0 };
            })()
            """,
            v => v.ValueKind == JsonValueKind.Object && v.GetProperty("complete").GetBoolean(),
            TimeSpan.FromSeconds(30),
            ct);
        output.WriteLine("image answer: " + figure.GetRawText());
        Assert.Equal((ImageAnswer.Width, ImageAnswer.Height), (figure.GetProperty("width").GetInt32(), figure.GetProperty("height").GetInt32()));
        Assert.True(figure.GetProperty("shown").GetBoolean(), "the image is not shown");
        Assert.Equal(Labels.ExplicitLabel, figure.GetProperty("caption").GetString());
        Assert.True(figure.GetProperty("captionShown").GetBoolean(), "the caption is not shown");

        // The bytes the browser got for that image (same URL, same session), and the label language the server drew.
        var fetched = await page.EvaluateAsync(
            """
            (async () => {
              const src = document.querySelector('#log .turn:last-child figure.image-answer img').src;
              const response = await fetch(src);
              const bytes = new Uint8Array(await response.arrayBuffer());
              let binary = '';
              for (let i = 0; i < bytes.length; i++) { binary += String.fromCharCode(bytes[i]); }
              return { language: response.headers.get('X-Visible-Label'), type: response.headers.get('Content-Type'), data: btoa(binary) };
            })()
            """,
            ct);
        Assert.Equal("image/png", fetched.GetProperty("type").GetString());
        var png = Convert.FromBase64String(fetched.GetProperty("data").GetString()!);
        ImageAnswer.AssertImplicitLabel(png);
        ImageAnswer.AssertVisibleLabel(png, fetched.GetProperty("language").GetString() == "zh-CN" ? Labels.ExplicitLabel : "AI-generated");
    }

    private static bool HasCjkFont()
    {
        try
        {
            using var fcList = Process.Start(new ProcessStartInfo("fc-list", ":lang=zh family") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var fonts = fcList.StandardOutput.ReadToEnd();
            fcList.WaitForExit(10_000);
            return fonts.Trim().Length > 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private async Task AskAsync(CdpSession page, string question, string expectedAnswer, int turn, CancellationToken ct)
    {
        await page.EvaluateAsync("document.getElementById('question').focus()", ct);
        await page.SendAsync("Input.insertText", new { text = question }, ct);
        var typed = await page.EvaluateAsync("document.getElementById('question').value", ct);
        Assert.Equal(question, typed.GetString());
        await page.EvaluateAsync("document.getElementById('send').click()", ct);

        // Poll while it streams; remember whether some, but not all, of the answer was on the page at some point.
        var sawPartial = false;
        var answer = await page.PollAsync(
            LastAnswer,
            v =>
            {
                if (v.ValueKind != JsonValueKind.Object || v.GetProperty("turns").GetInt32() != turn)
                {
                    return false;
                }

                var state = v.GetProperty("state").GetString();
                sawPartial |= state == "streaming" && v.GetProperty("text").GetString()!.Length > 0;
                return state != "streaming";
            },
            TimeSpan.FromSeconds(30),
            ct);

        var text = answer.GetProperty("text").GetString()!;
        var chunks = answer.GetProperty("chunks").GetInt32();
        output.WriteLine($"turn {turn}: {chunks} chunks, partial answer seen while polling: {sawPartial}\n{text}");
        Assert.Equal("done", answer.GetProperty("state").GetString());
        Labels.AssertLabeledOnceAtStart(text);
        Assert.Equal(Labels.ExplicitLabel + "\n" + expectedAnswer, text);
        Assert.True(chunks > 1, $"the page got the answer in {chunks} chunk(s): not streamed");

        // The implicit label of the stream, as the page shows it.
        var aigc = answer.GetProperty("aigc").GetString();
        Assert.False(string.IsNullOrEmpty(aigc), "the page shows no AIGC metadata");
        using var json = JsonDocument.Parse(aigc!);
        Labels.AssertAigcValue(json.RootElement);
    }
}
