using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Outputs beyond pages and JSON: downloads (Results.File/Bytes/Stream/Text, MVC File, FileContentResult), a raw
/// WebSocket, and Azure Functions HTTP triggers, on the real assemblies (downloaded at restore, referenced as metadata:
/// <see cref="DownloadedSdks"/>) of the isolated worker (Microsoft.Azure.Functions.Worker 2.52, Extensions.Http 3.3) and
/// of the in-process model (Microsoft.Azure.WebJobs 3.0, Extensions.Http 3.2), each in a compilation of its own as in an app.
/// </summary>
public class HostedOutputTests
{
    private const string Web = """
        using System.IO;
        using System.Net.WebSockets;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        """;

    [Fact]
    public Task Downloads_and_websocket_messages_report_and_labeled_ones_do_not() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/export.txt", async (IChatClient client) => Results.Text([|(await client.GetResponseAsync("report")).Text|], "text/plain"));
                app.MapGet("/export.bin", async (IChatClient client) => Results.Bytes([|Encoding.UTF8.GetBytes((await client.GetResponseAsync("report")).Text)|], "text/plain", "report.txt"));
                app.MapGet("/export.md", async (IChatClient client) => Results.File([|new MemoryStream(Encoding.UTF8.GetBytes((await client.GetResponseAsync("report")).Text))|], "text/markdown", "report.md"));
                app.MapGet("/labeled.txt", async (IChatClient client) => Results.Text(Svc.Label((await client.GetResponseAsync("report")).Text), "text/plain"));
                app.MapGet("/plain.txt", () => Results.Text("static", "text/plain"));
                app.MapGet("/events", (IChatClient client) => TypedResults.ServerSentEvents([|Answers(client)|]));
                app.MapGet("/labeled-events", (IChatClient client) => TypedResults.ServerSentEvents(Svc.Label(Answers(client))));
            }

            static async IAsyncEnumerable<string> Answers(IChatClient client)
            {
                await foreach (var update in client.GetStreamingResponseAsync("hi"))
                {
                    yield return update.Text;
                }
            }
        }

        class ExportController : ControllerBase
        {
            private readonly IChatClient _client;
            public ExportController(IChatClient client) => _client = client;
            public async Task<IActionResult> Download() => File([|Encoding.UTF8.GetBytes((await _client.GetResponseAsync("report")).Text)|], "text/plain", "report.txt");
            public async Task<FileContentResult> Raw() => [|new FileContentResult(Encoding.UTF8.GetBytes((await _client.GetResponseAsync("report")).Text), "text/plain")|];
            public async Task<IActionResult> Labeled() => File(Encoding.UTF8.GetBytes(Svc.Label((await _client.GetResponseAsync("report")).Text)), "text/plain");
        }

        class Streamer
        {
            public async Task Pump(WebSocket socket, IChatClient client)
            {
                await foreach (var update in client.GetStreamingResponseAsync("hi"))
                {
                    await socket.SendAsync([|Encoding.UTF8.GetBytes(update.Text)|], WebSocketMessageType.Text, true, CancellationToken.None);
                }

                await socket.SendAsync(Encoding.UTF8.GetBytes(Svc.LabelText), WebSocketMessageType.Text, true, CancellationToken.None);
                await socket.SendAsync(Encoding.UTF8.GetBytes(Svc.Label((await client.GetResponseAsync("hi")).Text)), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        """);

    /// <summary>Azure Functions, isolated worker (Microsoft.Azure.Functions.Worker 2.52, its HTTP, timer and queue extensions, the ASP.NET Core integration).</summary>
    private static readonly System.Lazy<ImmutableArray<MetadataReference>> IsolatedWorker = new(() => DownloadedSdks.Over(
        FlowVerifier.All,
        "Microsoft.Azure.Functions.Worker",
        "Microsoft.Azure.Functions.Worker.Core",
        "Microsoft.Azure.Functions.Worker.Extensions.Abstractions",
        "Microsoft.Azure.Functions.Worker.Extensions.Http",
        "Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore",
        "Microsoft.Azure.Functions.Worker.Extensions.Timer",
        "Microsoft.Azure.Functions.Worker.Extensions.Storage.Queues"));

    /// <summary>Azure Functions, in process (WebJobs 3.0: Microsoft.Azure.WebJobs.Core, Extensions.Http 3.2, Extensions 3.0 for timers).</summary>
    private static readonly System.Lazy<ImmutableArray<MetadataReference>> InProcess = new(() => DownloadedSdks.Over(
        FlowVerifier.All,
        "Microsoft.Azure.WebJobs",
        "Microsoft.Azure.WebJobs.Extensions.Http",
        "Microsoft.Azure.WebJobs.Extensions"));

    [Fact]
    public Task Isolated_worker_http_functions_report_what_they_return_or_write_and_other_triggers_do_not() => FlowVerifier.VerifyAsync("""
        using System.IO;
        using System.Net;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Azure.Functions.Worker;
        using Microsoft.Azure.Functions.Worker.Builder;
        using Microsoft.Azure.Functions.Worker.Http;
        using Microsoft.Extensions.Hosting;

        """ + Code.Header + """
        static class Program
        {
            static void Main(string[] args)
            {
                var builder = FunctionsApplication.CreateBuilder(args);
                builder.ConfigureFunctionsWebApplication();
                builder.Build().Run();
            }
        }

        class AskFunctions(IChatClient client)
        {
            [Function("ask")]
            public async Task<IActionResult> Ask([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest request) =>
                [|new OkObjectResult((await client.GetResponseAsync(await new StreamReader(request.Body).ReadToEndAsync())).Text)|];

            [Function("ask-data")]
            public async Task<HttpResponseData> AskData([HttpTrigger(AuthorizationLevel.Function, "post")] HttpRequestData request)
            {
                var question = await request.ReadAsStringAsync() ?? "";
                var answer = (await client.GetResponseAsync(question)).Text;
                var response = request.CreateResponse(HttpStatusCode.OK);
                response.Headers.Add("Content-Type", "text/plain; charset=utf-8");
                await response.WriteStringAsync([|answer|]);
                response.WriteString([|answer|]);
                await response.WriteBytesAsync([|Encoding.UTF8.GetBytes(answer)|]);
                response.WriteBytes([|Encoding.UTF8.GetBytes(answer)|]);
                await response.WriteAsJsonAsync([|new { answer }|]);
                await response.WriteStringAsync(Svc.Label(answer));
                await response.WriteAsJsonAsync(new { answer = Svc.Label(answer), question });
                await response.WriteStringAsync(question);
                return response;
            }

            [Function("ask-text")]
            public async Task<string> AskText([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request) => [|(await client.GetResponseAsync("hi")).Text|];

            [Function("labeled")]
            public async Task<string> Labeled([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request) => Svc.Label((await client.GetResponseAsync("hi")).Text);

            [Function("summarize-queue")]
            [QueueOutput("summaries")]
            public async Task<string> FromQueue([QueueTrigger("tickets")] string ticket) => (await client.GetResponseAsync(ticket)).Text;

            [Function("nightly-digest")]
            [QueueOutput("digests")]
            public async Task<string> Digest([TimerTrigger("0 0 6 * * *")] TimerInfo timer) => (await client.GetResponseAsync("digest")).Text;

            public async Task<string> NotAFunction(HttpRequestData request) => (await client.GetResponseAsync("hi")).Text;

            // Several outputs: only the [HttpResult] property is the response; the queue gets the raw text.
            [Function("ask-and-archive")]
            public async Task<AskOutput> AskAndArchive([HttpTrigger(AuthorizationLevel.Function, "post")] HttpRequest request)
            {
                var answer = (await client.GetResponseAsync("hi")).Text;
                return new AskOutput { Archived = answer, Result = new OkObjectResult(Svc.Label(answer)) };
            }

            [Function("ask-and-archive-raw")]
            public async Task<AskOutput> AskAndArchiveRaw([HttpTrigger(AuthorizationLevel.Function, "post")] HttpRequest request)
            {
                var answer = (await client.GetResponseAsync("hi")).Text;
                return [|new AskOutput { Archived = Svc.Label(answer), Result = new OkObjectResult(answer) }|];
            }
        }

        public class AskOutput
        {
            [QueueOutput("answers")]
            public string? Archived { get; set; }

            [HttpResult]
            public IActionResult Result { get; set; } = null!;
        }
        """, new FlowRun { References = IsolatedWorker.Value, Executable = true });

    [Fact]
    public Task In_process_http_functions_report_what_they_return_and_other_triggers_do_not() => FlowVerifier.VerifyAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Azure.WebJobs;
        using Microsoft.Azure.WebJobs.Extensions.Http;
        using Microsoft.Extensions.Logging;

        """ + Code.Header + """
        public class AskFunction(IChatClient client)
        {
            [FunctionName("Ask")]
            public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "get", "post", Route = null)] HttpRequest req, ILogger log)
            {
                string question = req.Query["q"];
                log.LogInformation("Asked: {Question}", question);
                var answer = (await client.GetResponseAsync(question)).Text;
                log.LogInformation("Answered: {Answer}", answer);
                return [|new OkObjectResult(answer)|];
            }

            [FunctionName("AskLabeled")]
            public async Task<IActionResult> Labeled([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest req) =>
                new OkObjectResult(Svc.Label((await client.GetResponseAsync("hi")).Text));

            [FunctionName("Nightly")]
            public async Task<string> Nightly([TimerTrigger("0 0 6 * * *")] TimerInfo timer, ILogger log) => (await client.GetResponseAsync("digest")).Text;
        }
        """, new FlowRun { References = InProcess.Value });
}
