using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic011;

/// <summary>
/// AIC011 on minimal API endpoints: a route handler that streams a chat answer to the response is a chat surface; the
/// EU interaction notice written in the same handler (or a page the project ships that shows it) covers it; another
/// handler's notice does not; a service under the China profile only, or a console app, gets no AIC011.
/// </summary>
public class EndpointTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        """;

    private const string Endpoints = """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/chat", async (IChatClient client, HttpResponse response, string q) =>
                {
                    NOTICE
                    await foreach (var update in client.GetStreamingResponseAsync(q))
                    {
                        await response.WriteAsync(update.Text);
                    }
                });
                app.MapGet("/about", () => ABOUT);
            }
        }
        """;

    private static string App(string header, string notice = "", string about = "\"about\"") =>
        Usings + header + Endpoints.Replace("NOTICE", notice, StringComparison.Ordinal).Replace("ABOUT", about, StringComparison.Ordinal);

    internal static async Task<Diagnostic[]> RunAsync(string source, params (string Path, string Text)[] pages)
    {
        var additional = pages.Select(p => (AdditionalText)new FlowVerifier.InMemoryAdditionalText(p.Path, p.Text)).ToImmutableArray();
        var diagnostics = await FlowVerifier.AnalyzeAllAsync(source, false, false, additional);
        return diagnostics.Where(d => d.Id == "AIC011").ToArray();
    }

    [Fact]
    public async Task Streaming_endpoint_without_the_notice_reports_at_its_output()
    {
        var source = App(Code.EuHeader);
        var d = Assert.Single(await RunAsync(source));
        Assert.Equal(
            "endpoint MapPost(\"/chat\") shows AI answers, but no interaction notice of 'Svc' is shown on it, its page or the layout: render Svc.InteractionNotice there (EU AI Act, Article 50(1))",
            d.GetMessage());
        Assert.Equal("update.Text", source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Theory]
    [InlineData("await response.WriteAsync(Svc.InteractionNotice + \"\\n\");")]
    [InlineData("var notice = Svc.InteractionNoticeHtml; await response.WriteAsync(notice);")]
    public async Task The_notice_written_in_the_same_handler_is_enough(string notice)
    {
        Assert.Empty(await RunAsync(App(Code.EuHeader, notice)));
    }

    [Fact]
    public async Task The_notice_of_another_endpoint_does_not_cover_the_chat()
    {
        var d = Assert.Single(await RunAsync(App(Code.EuHeader, about: "Svc.InteractionNotice")));
        Assert.StartsWith("endpoint MapPost(\"/chat\")", d.GetMessage());
    }

    [Fact]
    public async Task A_shipped_page_that_shows_the_notice_covers_the_endpoints()
    {
        var source = App(Code.EuHeader);
        Assert.Empty(await RunAsync(source, ("/app/wwwroot/index.html", "<p>You are interacting with an AI system.</p><script>fetch('/chat')</script>")));
        Assert.Empty(await RunAsync(source, ("/app/Pages/Shared/_Layout.cshtml", "<footer>@Html.Raw(Svc.InteractionNoticeHtml)</footer>")));
        Assert.Single(await RunAsync(source, ("/app/wwwroot/index.html", "<p>Ask our assistant</p>")));
        Assert.Single(await RunAsync(source, ("/app/notes.txt", "You are interacting with an AI system.")));
    }

    [Fact]
    public async Task A_service_under_the_China_profile_only_gets_no_AIC011()
    {
        Assert.Empty(await RunAsync(App(Code.Header)));
        Assert.Empty(await RunAsync(App(Code.Header.Replace("Provider = \"Co\")]", "Provider = \"Co\", Jurisdiction = Jurisdiction.China)]", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task A_chat_printed_to_the_console_is_not_a_chat_surface()
    {
        var source = Code.EuHeader + """
            class App
            {
                async Task Run(IChatClient client)
                {
                    await foreach (var update in client.GetStreamingResponseAsync("hi"))
                    {
                        Console.Write(update.Text);
                    }
                }
            }
            """;
        Assert.Empty(await RunAsync(source));
    }

    [Fact]
    public async Task A_controller_action_is_a_surface_named_by_its_method()
    {
        var source = "using Microsoft.AspNetCore.Mvc;\n" + Code.EuHeader + """
            public class ChatController : ControllerBase
            {
                private readonly IChatClient _client;

                public ChatController(IChatClient client) => _client = client;

                [HttpPost]
                public async Task<IActionResult> Ask(string q) => Ok(NOTICE(await _client.GetResponseAsync(q)).Text);
            }
            """;
        var d = Assert.Single(await RunAsync(source.Replace("NOTICE", string.Empty, StringComparison.Ordinal)));
        Assert.StartsWith("'ChatController.Ask' shows AI answers", d.GetMessage());
        Assert.Empty(await RunAsync(source.Replace("NOTICE", "Svc.InteractionNotice + ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_labeled_answer_is_still_an_answer_that_needs_the_notice()
    {
        var source = Usings + Code.EuHeader + """
            static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapGet("/ask", async (IChatClient client, string q) => Svc.Label((await client.GetResponseAsync(q)).Text));
            }
            """;
        var d = Assert.Single(await RunAsync(source));
        Assert.StartsWith("endpoint MapGet(\"/ask\")", d.GetMessage());
        Assert.Empty(await RunAsync(source.Replace("Svc.Label(", "Svc.InteractionNotice + Svc.Label(", StringComparison.Ordinal)));
    }
}
