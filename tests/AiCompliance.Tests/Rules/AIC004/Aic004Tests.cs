using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic004;

public class Aic004Tests
{
    private const string Console = """
        using System;
        using AiCompliance;

        [RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue")]
        public static partial class Svc { }

        """;

    private static async Task<Diagnostic[]> RunAsync(string source, params (string Path, string Text)[] pages)
    {
        var additional = pages.Select(p => (AdditionalText)new FlowVerifier.InMemoryAdditionalText(p.Path, p.Text)).ToImmutableArray();
        var diagnostics = await FlowVerifier.AnalyzeAllAsync(source, false, false, additional);
        return diagnostics.Where(d => d.Id == "AIC004").ToArray();
    }

    [Fact]
    public async Task Console_app_that_never_prints_the_notice_reports_at_the_service()
    {
        var d = Assert.Single(await RunAsync(Console + "class App { void Run() => System.Console.WriteLine(\"hello\"); }"));
        // (The test compilation references ASP.NET Core, so the message also offers pages and views.)
        Assert.StartsWith("The registration of 'Svc' (Beijing-YunQue-20230821) is never shown to users: pass Svc.RegistrationNotice to a user-facing output", d.GetMessage());
        Assert.Equal("Svc", d.Location.SourceTree!.ToString().Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
    }

    [Theory]
    [InlineData("System.Console.WriteLine(Svc.RegistrationNotice);")]
    [InlineData("System.Console.WriteLine($\"Service number: {Svc.RegistrationNumber}\");")]
    [InlineData("var footer = Svc.RegistrationNoticeEnglish; System.Console.Out.WriteLine(footer);")]
    [InlineData("Footer.Show(Svc.RegistrationNotice);")]
    public async Task Printing_the_notice_or_number_is_enough(string statement)
    {
        var source = Console + "static class Footer { public static void Show(string s) => System.Console.WriteLine(s); }\nclass App { void Run() { " + statement + " } }";
        Assert.Empty(await RunAsync(source));
    }

    [Fact]
    public async Task Logging_the_notice_does_not_count()
    {
        Assert.Single(await RunAsync(Console + "class App { void Run(System.IO.TextWriter log) { log.WriteLine(Svc.RegistrationNotice); System.Diagnostics.Debug.WriteLine(Svc.RegistrationNumber); } }"));
    }

    private const string Web = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using AiCompliance;

        [RegisteredAiService("Beijing-YunQue-20230821")]
        public static partial class Svc { }

        static class Endpoints { public static void Map(WebApplication app) => app.MapGet("/", () => "hello"); }
        """;

    [Fact]
    public async Task Web_app_counts_pages_and_views_that_show_the_number_or_the_notice()
    {
        Assert.Single(await RunAsync(Web));
        Assert.Single(await RunAsync(Web, ("/app/wwwroot/about.html", "<p>nothing here</p>")));
        Assert.Empty(await RunAsync(Web, ("/app/wwwroot/index.html", "<footer>备案号 Beijing-YunQue-20230821</footer>")));
        Assert.Empty(await RunAsync(Web, ("/app/Pages/Shared/_Layout.cshtml", "<footer>@Html.Raw(Svc.RegistrationNoticeHtml)</footer>")));
        Assert.Empty(await RunAsync(Web, ("/app/Components/Footer.razor", "<footer>@Svc.RegistrationNotice</footer>")));
        Assert.Single(await RunAsync(Web, ("/app/notes.txt", "Beijing-YunQue-20230821")));
    }

    [Fact]
    public async Task Web_app_returning_the_notice_from_an_endpoint_is_enough()
    {
        Assert.Empty(await RunAsync(Web.Replace("() => \"hello\"", "() => Svc.RegistrationNotice")));
    }
}
