using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>The labeled path is the easy path in DI apps: register the generated client, inject it by type.</summary>
public class DependencyInjectionTests
{
    private const string Web = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;

        """;

    [Fact]
    public Task Endpoint_injecting_the_generated_labeled_client_is_silent_plain_client_reports() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        static class Startup
        {
            public static void Configure(WebApplicationBuilder builder, IChatClient model)
            {
                builder.Services.AddSvcLabeledChatClient(_ => model);
                var app = builder.Build();
                app.MapGet("/labeled", async (Svc.LabeledChatClient client, string q) => (await client.GetResponseAsync(q)).Text);
                app.MapGet("/plain", async (IChatClient client, string q) => [|(await client.GetResponseAsync(q)).Text|]);
                app.MapGet("/notice", () => Svc.RegistrationNoticeHtml);
            }
        }
        """);

    [Fact]
    public Task Pipeline_built_with_the_generated_Use_extension_is_labeled() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        class App
        {
            async Task Run(IChatClient inner)
            {
                IChatClient client = new ChatClientBuilder(inner).UseSvcLabels().Build();
                Console.WriteLine((await client.GetResponseAsync("hi")).Text);

                IChatClient other = inner.AsBuilder().UseSvcLabels().Build();
                Console.WriteLine((await other.GetResponseAsync("hi")).Text);

                IChatClient unlabeled = new ChatClientBuilder(inner).Build();
                Console.WriteLine([|(await unlabeled.GetResponseAsync("hi")).Text|]);
            }
        }
        """);

    [Fact]
    public Task Labeled_client_kept_in_a_field_from_the_constructor_is_silent() => FlowVerifier.VerifyAsync(Code.Header + """
        class ChatService
        {
            private readonly IChatClient _client;
            private readonly IChatClient _raw;
            public ChatService(IChatClient inner) { _client = Svc.WithLabels(inner); _raw = inner; }
            public async Task Show() => Console.WriteLine((await _client.GetResponseAsync("q")).Text);
            public async Task ShowRaw() => Console.WriteLine([|(await _raw.GetResponseAsync("q")).Text|]);
        }
        """);
}
