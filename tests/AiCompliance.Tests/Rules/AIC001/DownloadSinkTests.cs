using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Downloads (ASP.NET Core 10, the real assemblies): <c>Results.Stream</c> / <c>TypedResults.Stream</c> over AI text report
/// and labeled ones do not; labeled (and plain) <c>Results.Bytes</c>, <c>Results.File</c> and MVC <c>FileContentResult</c>
/// do not report either (their unlabeled positives are in <see cref="HostedOutputTests"/>).
/// </summary>
public class DownloadSinkTests
{
    private const string Web = """
        using System.IO;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        """;

    [Fact]
    public Task Results_Stream_over_AI_text_reports_and_over_labeled_or_plain_text_does_not() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/export", async (IChatClient client) =>
                {
                    var answer = (await client.GetResponseAsync("report")).Text;
                    var stream = new MemoryStream(Encoding.UTF8.GetBytes(answer));
                    return Results.Stream([|stream|], "text/plain", "report.txt");
                });
                app.MapGet("/export-typed", async (IChatClient client) =>
                    TypedResults.Stream([|new MemoryStream(Encoding.UTF8.GetBytes((await client.GetResponseAsync("report")).Text))|], "text/markdown", "report.md"));

                app.MapGet("/export-labeled", async (IChatClient client) =>
                {
                    var answer = (await client.GetResponseAsync("report")).Text;
                    var stream = new MemoryStream(Encoding.UTF8.GetBytes(Svc.Label(answer)));
                    return Results.Stream(stream, "text/plain", "report.txt");
                });
                app.MapGet("/export-typed-labeled", async (IChatClient client) =>
                    TypedResults.Stream(new MemoryStream(Encoding.UTF8.GetBytes(Svc.Label((await client.GetResponseAsync("report")).Text))), "text/markdown", "report.md"));
                app.MapGet("/export-plain", () => Results.Stream(new MemoryStream(Encoding.UTF8.GetBytes("static report")), "text/plain"));
            }
        }
        """);

    [Fact]
    public Task Labeled_or_plain_bytes_files_and_file_content_results_do_not_report() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/bytes-labeled", async (IChatClient client) =>
                    Results.Bytes(Encoding.UTF8.GetBytes(Svc.Label((await client.GetResponseAsync("report")).Text)), "text/plain", "report.txt"));
                app.MapGet("/bytes-typed-labeled", async (IChatClient client) =>
                    TypedResults.Bytes(Encoding.UTF8.GetBytes(Svc.Label((await client.GetResponseAsync("report")).Text)), "text/plain", "report.txt"));
                app.MapGet("/file-labeled", async (IChatClient client) =>
                {
                    var answer = (await client.GetResponseAsync("report")).Text;
                    var labeled = Svc.LabelText + "\n" + answer;
                    return Results.File(new MemoryStream(Encoding.UTF8.GetBytes(labeled)), "text/markdown", "report.md");
                });
                app.MapGet("/file-labeled-bytes", async (IChatClient client) =>
                    Results.File(Encoding.UTF8.GetBytes(Svc.Label((await client.GetResponseAsync("report")).Text)), "text/plain", "report.txt"));
                app.MapGet("/bytes-plain", () => Results.Bytes(Encoding.UTF8.GetBytes("static"), "text/plain"));
                app.MapGet("/file-plain", () => Results.File(new MemoryStream(Encoding.UTF8.GetBytes("static")), "text/plain"));
            }
        }

        class ExportController : ControllerBase
        {
            private readonly IChatClient _client;
            public ExportController(IChatClient client) => _client = client;

            public async Task<FileContentResult> Labeled() =>
                new FileContentResult(Encoding.UTF8.GetBytes(Svc.Label((await _client.GetResponseAsync("report")).Text)), "text/plain");

            public async Task<IActionResult> LabeledResult()
            {
                var bytes = Encoding.UTF8.GetBytes(Svc.Label((await _client.GetResponseAsync("report")).Text));
                return new FileContentResult(bytes, "text/plain") { FileDownloadName = "report.txt" };
            }

            public FileContentResult Plain() => new FileContentResult(Encoding.UTF8.GetBytes("static"), "text/plain");

            public async Task<FileContentResult> Unlabeled() =>
                [|new FileContentResult(Encoding.UTF8.GetBytes((await _client.GetResponseAsync("report")).Text), "text/plain") { FileDownloadName = "report.txt" }|];
        }
        """);
}
