using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Outputs beyond pages and JSON: downloads (Results.File/Bytes/Stream/Text, MVC File, FileContentResult), a raw
/// WebSocket, and Azure Functions HTTP triggers (isolated worker and in-process), the latter on a compile-only stand-in
/// with the public names of Microsoft.Azure.Functions.Worker 2.x / Extensions.Http 3.x and Microsoft.Azure.WebJobs.
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

    private const string FunctionsStandIn = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        namespace Microsoft.Azure.Functions.Worker
        {
            [AttributeUsage(AttributeTargets.Method)] public sealed class FunctionAttribute : Attribute { public FunctionAttribute(string name) { } }
            public enum AuthorizationLevel { Anonymous, User, Function, System, Admin }
            [AttributeUsage(AttributeTargets.Parameter)] public sealed class HttpTriggerAttribute : Attribute { public HttpTriggerAttribute(AuthorizationLevel level, params string[] methods) { } }
            [AttributeUsage(AttributeTargets.Parameter)] public sealed class QueueTriggerAttribute : Attribute { public QueueTriggerAttribute(string queue) { } }
            public abstract class FunctionContext { }
        }
        namespace Microsoft.Azure.Functions.Worker.Http
        {
            public abstract class HttpRequestData { public abstract HttpResponseData CreateResponse(); }
            public abstract class HttpResponseData { public abstract System.IO.Stream Body { get; set; } }
            public static class HttpResponseDataExtensions
            {
                public static Task WriteStringAsync(this HttpResponseData response, string value, System.Text.Encoding? encoding = null) => Task.CompletedTask;
                public static Task WriteBytesAsync(this HttpResponseData response, byte[] value) => Task.CompletedTask;
            }
        }
        namespace Microsoft.Azure.WebJobs
        {
            [AttributeUsage(AttributeTargets.Method)] public sealed class FunctionNameAttribute : Attribute { public FunctionNameAttribute(string name) { } }
        }
        namespace Microsoft.Azure.WebJobs.Extensions.Http
        {
            public enum AuthorizationLevel { Anonymous, Function }
        }
        namespace Microsoft.Azure.WebJobs
        {
            [AttributeUsage(AttributeTargets.Parameter)] public sealed class HttpTriggerAttribute : Attribute { public HttpTriggerAttribute(Microsoft.Azure.WebJobs.Extensions.Http.AuthorizationLevel level, params string[] methods) { } }
        }
        """;

    private static readonly System.Lazy<ImmutableArray<MetadataReference>> FunctionsReferences = new(() =>
        FlowVerifier.All.Add(EmittedAssembly.Emit("Microsoft.Azure.Functions.Worker.StandIn", FunctionsStandIn)));

    [Fact]
    public Task Http_triggered_functions_report_what_they_return_or_write_and_other_triggers_do_not() => FlowVerifier.VerifyAsync("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Azure.Functions.Worker;
        using Microsoft.Azure.Functions.Worker.Http;

        """ + Code.Header + """
        class AskFunctions(IChatClient client)
        {
            [Function("ask")]
            public async Task<IActionResult> Ask([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequest request) =>
                [|new OkObjectResult((await client.GetResponseAsync("hi")).Text)|];

            [Function("ask-data")]
            public async Task<HttpResponseData> AskData([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData request)
            {
                var response = request.CreateResponse();
                await response.WriteStringAsync([|(await client.GetResponseAsync("hi")).Text|]);
                return response;
            }

            [Function("ask-text")]
            public async Task<string> AskText([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request) => [|(await client.GetResponseAsync("hi")).Text|];

            [Function("labeled")]
            public async Task<string> Labeled([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request) => Svc.Label((await client.GetResponseAsync("hi")).Text);

            [Function("summarize-queue")]
            public async Task<string> FromQueue([QueueTrigger("tickets")] string ticket) => (await client.GetResponseAsync(ticket)).Text; // to an output binding

            public async Task<string> NotAFunction(HttpRequestData request) => (await client.GetResponseAsync("hi")).Text;
        }

        class InProcess(IChatClient client)
        {
            [Microsoft.Azure.WebJobs.FunctionName("ask")]
            public async Task<IActionResult> Run([Microsoft.Azure.WebJobs.HttpTrigger(Microsoft.Azure.WebJobs.Extensions.Http.AuthorizationLevel.Function, "get")] HttpRequest request) =>
                [|new OkObjectResult((await client.GetResponseAsync("hi")).Text)|];
        }
        """, new FlowRun { References = FunctionsReferences.Value });
}
