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

    // The labeling step added as a factory, as the wrapper's own test does (ChatClientWrapperTests): labeled whether the
    // factory calls WithLabels or builds the generated client, with or without the service provider; a step that returns
    // something else is not a label.
    [Fact]
    public Task Pipeline_with_a_Use_step_returning_the_labeling_client_is_labeled() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        class App
        {
            async Task Run(IChatClient inner)
            {
                IChatClient client = new ChatClientBuilder(inner).Use(c => Svc.WithLabels(c)).Build();
                Console.WriteLine((await client.GetResponseAsync("hi")).Text);

                IChatClient built = inner.AsBuilder().Use((c, services) => new Svc.LabeledChatClient(c)).Build();
                await foreach (var update in built.GetStreamingResponseAsync("hi"))
                {
                    Console.Write(update.Text);
                }

                IChatClient passThrough = new ChatClientBuilder(inner).Use(c => c).Build();
                Console.WriteLine([|(await passThrough.GetResponseAsync("hi")).Text|]);

                IChatClient other = new ChatClientBuilder(inner).Use(c => new ChatClientBuilder(c).Build()).Build();
                Console.WriteLine([|(await other.GetResponseAsync("hi")).Text|]);
            }
        }
        """);

    // The usual Microsoft.Extensions.AI set-up: register the pipeline once, inject IChatClient everywhere. When every
    // registration adds the labeling step, what the app is given (a handler's parameter, a constructor-injected field, a
    // resolved service) is the labeling client; a client the code builds itself is not.
    [Fact]
    public Task Injected_IChatClient_is_labeled_when_every_registration_adds_the_labels() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        static class Startup
        {
            public static async Task Configure(WebApplicationBuilder builder, IChatClient model)
            {
                builder.Services.AddChatClient(model).UseFunctionInvocation().UseSvcLabels();
                builder.Services.AddKeyedChatClient("small", sp => Svc.WithLabels(model));
                builder.Services.AddKeyedChatClient("other", model).Use(inner => new Svc.LabeledChatClient(inner));
                var app = builder.Build();
                app.MapGet("/ask", async (IChatClient client, string q) => (await client.GetResponseAsync(q)).Text);
                var resolved = app.Services.GetRequiredService<IChatClient>();
                Console.WriteLine((await resolved.GetResponseAsync("hi")).Text);
                IChatClient own = new ChatClientBuilder(model).Build();
                Console.WriteLine([|(await own.GetResponseAsync("hi")).Text|]);
            }
        }

        class ChatService(IChatClient client)
        {
            private readonly IChatClient _client = client;
            public async Task Show() => Console.WriteLine((await _client.GetResponseAsync("q")).Text);
        }
        """);

    [Fact]
    public Task Injected_IChatClient_is_not_labeled_when_one_registration_lacks_the_labels() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        static class Startup
        {
            public static void Configure(WebApplicationBuilder builder, IChatClient model)
            {
                builder.Services.AddChatClient(model).UseSvcLabels();
                builder.Services.AddKeyedChatClient("raw", model).UseFunctionInvocation();
                var app = builder.Build();
                app.MapGet("/ask", async (IChatClient client, string q) => [|(await client.GetResponseAsync(q)).Text|]);
            }
        }

        class ChatService(IChatClient client)
        {
            private readonly IChatClient _client = client;
            public async Task Show() => Console.WriteLine([|(await _client.GetResponseAsync("q")).Text|]);
        }
        """);

    // The labeling client leaves structured output alone (a label would break the JSON), so its values are unlabeled
    // until the app labels them where it shows them; plain answers from the same client are labeled.
    [Fact]
    public Task Structured_output_of_the_labeling_client_still_needs_a_label() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        class App
        {
            async Task Run(IChatClient inner)
            {
                var client = Svc.WithLabels(inner);
                var suggestions = await client.GetResponseAsync<string[]>("suggest");
                Console.WriteLine([|suggestions.Result[0]|]);
                Console.WriteLine(Svc.Label(suggestions.Result[1]));
                Console.WriteLine((await client.GetResponseAsync("q")).Text);
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
