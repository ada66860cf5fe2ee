using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

public class WebSinkTests
{
    private const string Web = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.SignalR;

        """;

    [Fact]
    public Task Minimal_api_handler_returns_and_results() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/ask", async (IChatClient client) => [|(await client.GetResponseAsync("hi")).Text|]);
                app.MapGet("/ok", async (IChatClient client) =>
                {
                    var r = await client.GetResponseAsync("hi");
                    return Results.Ok([|r.Text|]);
                });
                app.MapPost("/typed", async (IChatClient client) => TypedResults.Ok([|new { answer = (await client.GetResponseAsync("hi")).Text }|]));
                app.MapGet("/labeled", async (IChatClient client) => Svc.Label((await client.GetResponseAsync("hi")).Text));
                app.MapGet("/len", async (IChatClient client) => (await client.GetResponseAsync("hi")).Text.Length);
                app.MapGet("/group", [|Handlers.Ask|]);
                app.MapGet("/write", async (HttpContext ctx, IChatClient client) =>
                {
                    var r = await client.GetResponseAsync("hi");
                    await ctx.Response.WriteAsync([|r.Text|]);
                    await ctx.Response.WriteAsJsonAsync([|r|]);
                    await ctx.Response.Body.WriteAsync([|Encoding.UTF8.GetBytes(r.Text)|]);
                });
                app.MapGet("/stream", (IChatClient client) => [|Stream(client)|]);
                app.MapGet("/stream-labeled", (IChatClient client) => Svc.Label(Stream(client)));
            }

            static async IAsyncEnumerable<string> Stream(IChatClient client)
            {
                await foreach (var u in client.GetStreamingResponseAsync("hi")) { yield return u.Text; }
            }
        }

        static class Handlers
        {
            public static async Task<string> Ask(IChatClient client) => (await client.GetResponseAsync("hi")).Text;
        }
        """);

    [Fact]
    public Task Mvc_actions_and_helpers() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        [ApiController]
        [Route("chat")]
        public class ChatController : ControllerBase
        {
            private readonly IChatClient _client;
            public ChatController(IChatClient client) => _client = client;

            [HttpGet]
            public async Task<string> Get() => [|(await _client.GetResponseAsync("hi")).Text|];

            [HttpGet("ok")]
            public async Task<IActionResult> Ok2()
            {
                var r = await _client.GetResponseAsync("hi");
                return Ok([|r.Text|]);
            }

            [HttpGet("content")]
            public async Task<IActionResult> Content2() => Content([|(await _client.GetResponseAsync("hi")).Text|]);

            [HttpGet("action-result")]
            public async Task<ActionResult<string>> Typed() => [|(await _client.GetResponseAsync("hi")).Text|];

            [HttpGet("labeled")]
            public async Task<string> Labeled() => Svc.Label((await _client.GetResponseAsync("hi")).Text);

            [HttpGet("dto")]
            public async Task<Dto> GetDto() => [|new Dto { Answer = (await _client.GetResponseAsync("hi")).Text }|];

            [NonAction]
            public async Task<string> Helper() => (await _client.GetResponseAsync("hi")).Text;

            private async Task<string> PrivateHelper() => (await _client.GetResponseAsync("hi")).Text;
        }

        public class Dto { public string Answer { get; set; } = ""; }
        """);

    [Fact]
    public Task SignalR_hubs_and_hub_context() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        public interface IChatClientProxy { Task ReceiveMessage(string user, string text); }

        public class ChatHub : Hub
        {
            private readonly IChatClient _client;
            public ChatHub(IChatClient client) => _client = client;
            public async Task Send(string question)
            {
                var r = await _client.GetResponseAsync(question);
                await Clients.All.SendAsync("message", "bot", [|r.Text|]);
                await Clients.Caller.SendAsync("message", "bot", Svc.Label(r.Text));
                await Clients.All.SendCoreAsync("message", [|new object[] { r.Text }|]);
            }
        }

        public class TypedHub : Hub<IChatClientProxy>
        {
            private readonly IChatClient _client;
            public TypedHub(IChatClient client) => _client = client;
            public async Task Send(string question)
            {
                var r = await _client.GetResponseAsync(question);
                await Clients.All.ReceiveMessage("bot", [|r.Text|]);
                await Clients.Caller.ReceiveMessage(question, Svc.Label(r.Text));
            }
        }

        public class Notifier
        {
            private readonly IHubContext<ChatHub> _hub;
            public Notifier(IHubContext<ChatHub> hub) => _hub = hub;
            public Task Push(string text) => _hub.Clients.All.SendAsync("message", text);
        }

        public class Worker
        {
            public async Task Run(IChatClient client, Notifier notifier)
            {
                var r = await client.GetResponseAsync("hi");
                await notifier.Push([|r.Text|]);
            }
        }
        """);
}
