using System.Linq;
using System.Threading.Tasks;
using AiCompliance.CodeFixes;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// The AIC001 code fix: wrap the unlabeled expression in <c>Service.Label(...)</c>. Every test compares the fixed
/// document exactly and then runs the analyzer again on it: the fixed code compiles and has no AIC001 left.
/// </summary>
public class Aic001CodeFixTests
{
    private const string SvcTitle = "Label with 'Svc.Label(...)'";

    private const string Web = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        """;

    private const string OtherService = """

        namespace Other.Ns
        {
            [RegisteredAiService("Shanghai-XiaoHe-20240101")]
            public static partial class OtherSvc { }
        }
        """;

    /// <summary>
    /// The marked span must be the only AIC001; the action titled <paramref name="title"/> must turn the source
    /// into <paramref name="expected"/> and leave no AIC001.
    /// </summary>
    private static async Task VerifyFixAsync(string markup, string expected, string title = SvcTitle)
    {
        var (source, spans) = FlowVerifier.ParseMarkup(markup);
        var harness = await CodeFixHarness.CreateAsync(source);
        Assert.Equal(spans, harness.Diagnostics.Select(d => d.Location.SourceSpan));
        var diagnostic = Assert.Single(harness.Diagnostics);

        var actions = await harness.ActionsAsync(diagnostic);
        var action = actions.SingleOrDefault(a => a.Title == title);
        Assert.True(action is not null, $"No action '{title}'; offered: {string.Join(", ", actions.Select(a => "'" + a.Title + "'"))}");

        var fixedSolution = await CodeFixHarness.ApplyAsync(action);
        Assert.Equal(expected, await harness.TextAsync(fixedSolution));
        Assert.Empty(await harness.RemainingAsync(fixedSolution));
    }

    private static string InRun(string statements) => Code.Header + """
        class App
        {
            async Task Run(IChatClient client, bool flag, string? user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;

        """ + statements + """

            }
        }
        """;

    // ---- text ----

    [Fact]
    public async Task String_argument_of_a_sink_is_wrapped_with_the_registered_service()
    {
        var markup = Code.Header + """
            class App
            {
                async Task Run(IChatClient client)
                {
                    var response = await client.GetResponseAsync("hi");
                    Console.WriteLine([|response.Text|]);
                }
            }
            """;
        await VerifyFixAsync(markup, Code.Header + """
            class App
            {
                async Task Run(IChatClient client)
                {
                    var response = await client.GetResponseAsync("hi");
                    Console.WriteLine(Svc.Label(response.Text));
                }
            }
            """);

        // One action, titled after the service, keyed by its full name (what Fix All matches on).
        var (source, _) = FlowVerifier.ParseMarkup(markup);
        var harness = await CodeFixHarness.CreateAsync(source);
        var action = Assert.Single(await harness.ActionsAsync(Assert.Single(harness.Diagnostics)));
        Assert.Equal(SvcTitle, action.Title);
        Assert.Equal(WrapWithLabelCodeFixProvider.EquivalenceKeyPrefix + "global::Svc", action.EquivalenceKey);
    }

    [Theory]
    [InlineData("\"Answer: \" + ai")]
    [InlineData("$\"Answer: {ai}!\"")]
    [InlineData("ai + \" (\" + user + \")\"")]
    [InlineData("flag ? ai : \"fallback\"")]
    [InlineData("user ?? ai")]
    [InlineData("ai.Trim()")]
    [InlineData("string.Format(\"{0}\", ai)")]
    public Task Composite_text_expression_is_wrapped_whole(string expression) => VerifyFixAsync(
        InRun("        Console.WriteLine([|" + expression + "|]);"),
        InRun("        Console.WriteLine(Svc.Label(" + expression + "));"));

    [Fact]
    public Task Results_ok_argument_in_a_minimal_api_lambda() => VerifyFixAsync(Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/ok", async (IChatClient client) =>
                {
                    var r = await client.GetResponseAsync("hi");
                    return Results.Ok([|r.Text|]);
                });
            }
        }
        """, Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/ok", async (IChatClient client) =>
                {
                    var r = await client.GetResponseAsync("hi");
                    return Results.Ok(Svc.Label(r.Text));
                });
            }
        }
        """);

    [Fact]
    public Task Expression_bodied_route_lambda_body_is_wrapped() => VerifyFixAsync(Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/ask", async (IChatClient client) => [|(await client.GetResponseAsync("hi")).Text|]);
            }
        }
        """, Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/ask", async (IChatClient client) => Svc.Label((await client.GetResponseAsync("hi")).Text));
            }
        }
        """);

    [Fact]
    public Task Expression_bodied_controller_action_is_wrapped() => VerifyFixAsync(Web + Code.Header + """
        [ApiController]
        [Route("chat")]
        public class ChatController : ControllerBase
        {
            private readonly IChatClient _client;
            public ChatController(IChatClient client) => _client = client;

            [HttpGet]
            public async Task<string> Get() => [|(await _client.GetResponseAsync("hi")).Text|];
        }
        """, Web + Code.Header + """
        [ApiController]
        [Route("chat")]
        public class ChatController : ControllerBase
        {
            private readonly IChatClient _client;
            public ChatController(IChatClient client) => _client = client;

            [HttpGet]
            public async Task<string> Get() => Svc.Label((await _client.GetResponseAsync("hi")).Text);
        }
        """);

    [Fact]
    public Task Block_lambda_return_is_wrapped() => VerifyFixAsync(Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", async (IChatClient client) =>
                {
                    var r = await client.GetResponseAsync("hi");
                    return [|r.Text|];
                });
            }
        }
        """, Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/a", async (IChatClient client) =>
                {
                    var r = await client.GetResponseAsync("hi");
                    return Svc.Label(r.Text);
                });
            }
        }
        """);

    [Fact]
    public Task Argument_of_a_helper_that_writes_it_is_wrapped_at_the_call() => VerifyFixAsync(Code.Header + """
        class App
        {
            static void Print(string text) => Console.WriteLine(text);

            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Print([|ai|]);
            }
        }
        """, Code.Header + """
        class App
        {
            static void Print(string text) => Console.WriteLine(text);

            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Print(Svc.Label(ai));
            }
        }
        """);

    [Fact]
    public Task Receiver_of_an_extension_that_writes_it_is_wrapped() => VerifyFixAsync(Code.Header + """
        static class Ext
        {
            public static void Show(this string text) => Console.WriteLine(text);
        }

        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                [|ai|].Show();
            }
        }
        """, Code.Header + """
        static class Ext
        {
            public static void Show(this string text) => Console.WriteLine(text);
        }

        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Svc.Label(ai).Show();
            }
        }
        """);

    // ---- chat objects and streams ----

    [Fact]
    public Task Chat_response_given_to_console_is_labeled_through_its_text() => VerifyFixAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                Console.WriteLine([|response|]);
            }
        }
        """, Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                Console.WriteLine(Svc.Label(response.Text));
            }
        }
        """);

    [Fact]
    public Task Awaited_chat_response_is_parenthesized_before_its_text() => VerifyFixAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                Console.WriteLine([|await client.GetResponseAsync("hi")|]);
            }
        }
        """, Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                Console.WriteLine(Svc.Label((await client.GetResponseAsync("hi")).Text));
            }
        }
        """);

    [Fact]
    public Task Streamed_update_is_labeled_through_its_text() => VerifyFixAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                await foreach (var update in client.GetStreamingResponseAsync("hi"))
                {
                    Console.Write([|update|]);
                }
            }
        }
        """, Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                await foreach (var update in client.GetStreamingResponseAsync("hi"))
                {
                    Console.Write(Svc.Label(update.Text));
                }
            }
        }
        """);

    [Fact]
    public Task Chat_response_returned_from_a_route_lambda_becomes_labeled_text() => VerifyFixAsync(Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/raw", async (IChatClient client) => [|await client.GetResponseAsync("hi")|]);
            }
        }
        """, Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/raw", async (IChatClient client) => Svc.Label((await client.GetResponseAsync("hi")).Text));
            }
        }
        """);

    [Fact]
    public Task Stream_returned_from_a_handler_gets_the_stream_overload() => VerifyFixAsync(Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/stream", (IChatClient client) => [|Stream(client)|]);
            }

            static async IAsyncEnumerable<string> Stream(IChatClient client)
            {
                await foreach (var u in client.GetStreamingResponseAsync("hi")) { yield return u.Text; }
            }
        }
        """, Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/stream", (IChatClient client) => Svc.Label(Stream(client)));
            }

            static async IAsyncEnumerable<string> Stream(IChatClient client)
            {
                await foreach (var u in client.GetStreamingResponseAsync("hi")) { yield return u.Text; }
            }
        }
        """);

    // ---- services ----

    private const string TwoServicesBody = """
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                Console.WriteLine([|response.Text|]);
            }
        }
        """;

    [Fact]
    public async Task Two_services_offer_one_fix_each_and_the_other_namespace_is_qualified()
    {
        var (source, _) = FlowVerifier.ParseMarkup(Code.Header + TwoServicesBody + OtherService);
        var harness = await CodeFixHarness.CreateAsync(source);
        var actions = await harness.ActionsAsync(Assert.Single(harness.Diagnostics));
        Assert.Equal(new[] { SvcTitle, "Label with 'Other.Ns.OtherSvc.Label(...)'" }, actions.Select(a => a.Title));
        Assert.Equal(
            new[] { WrapWithLabelCodeFixProvider.EquivalenceKeyPrefix + "global::Svc", WrapWithLabelCodeFixProvider.EquivalenceKeyPrefix + "global::Other.Ns.OtherSvc" },
            actions.Select(a => a.EquivalenceKey));

        var fixedSolution = await CodeFixHarness.ApplyAsync(actions[1]);
        Assert.Equal(
            source.Replace("Console.WriteLine(response.Text);", "Console.WriteLine(Other.Ns.OtherSvc.Label(response.Text));"),
            await harness.TextAsync(fixedSolution));
        Assert.Empty(await harness.RemainingAsync(fixedSolution));
    }

    [Fact]
    public Task Service_of_an_imported_namespace_gets_its_short_name() => VerifyFixAsync(
        "using Other.Ns;\n" + Code.Header + TwoServicesBody + OtherService,
        "using Other.Ns;\n" + Code.Header + TwoServicesBody.Replace("[|response.Text|]", "OtherSvc.Label(response.Text)") + OtherService,
        "Label with 'OtherSvc.Label(...)'");

    [Fact]
    public Task Service_name_hidden_by_a_local_is_qualified_with_global() => VerifyFixAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var Svc = await client.GetResponseAsync("hi");
                Console.WriteLine([|Svc.Text|]);
            }
        }
        """, Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var Svc = await client.GetResponseAsync("hi");
                Console.WriteLine(global::Svc.Label(Svc.Text));
            }
        }
        """, "Label with 'global::Svc.Label(...)'");

    // ---- no fix ----

    [Fact]
    public async Task Objects_method_groups_and_typed_parameters_get_no_fix()
    {
        var (source, spans) = FlowVerifier.ParseMarkup(Web + Code.Header + """
            public class Dto { public string Answer { get; set; } = ""; }

            static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/typed", async (IChatClient client) => TypedResults.Ok([|new { answer = (await client.GetResponseAsync("hi")).Text }|]));
                    app.MapGet("/dto", async (IChatClient client) => [|new Dto { Answer = (await client.GetResponseAsync("hi")).Text }|]);
                    app.MapGet("/group", [|Handlers.Ask|]);
                    app.MapGet("/json", async (HttpContext ctx, IChatClient client) =>
                    {
                        var r = await client.GetResponseAsync("hi");
                        await ctx.Response.WriteAsJsonAsync([|r|]);
                        await ctx.Response.Body.WriteAsync([|Encoding.UTF8.GetBytes(r.Text)|]);
                        Show([|r|]);
                        [|r|].ShowExt();
                    });
                }

                static void Show(ChatResponse response) => Console.WriteLine(response.Text);
            }

            static class Ext
            {
                public static void ShowExt(this ChatResponse response) => Console.WriteLine(response.Text);
            }

            static class Handlers
            {
                public static async Task<string> Ask(IChatClient client) => (await client.GetResponseAsync("hi")).Text;
            }
            """);
        var harness = await CodeFixHarness.CreateAsync(source);
        Assert.Equal(spans.OrderBy(s => s.Start), harness.Diagnostics.Select(d => d.Location.SourceSpan));
        foreach (var diagnostic in harness.Diagnostics)
        {
            var actions = await harness.ActionsAsync(diagnostic);
            Assert.True(actions.Count == 0, $"Unexpected fix for '{source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length)}': {string.Join(", ", actions.Select(a => a.Title))}");
        }
    }

    // ---- formatting ----

    [Fact]
    public Task Comments_and_line_breaks_around_and_inside_the_expression_are_kept() => VerifyFixAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                Console.WriteLine(  /* answer */ [|"Answer: "
                    + response.Text   // the model's text
                    + "."|]  // end
                );
            }
        }
        """, Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                Console.WriteLine(  /* answer */ Svc.Label("Answer: "
                    + response.Text   // the model's text
                    + ".")  // end
                );
            }
        }
        """);

    // ---- Fix All ----

    private const string ThreeFindings = """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/ask", async (IChatClient client) => (await client.GetResponseAsync("hi")).Text);
                app.MapGet("/console", async (IChatClient client) =>
                {
                    var response = await client.GetResponseAsync("hi");
                    Console.WriteLine(response);
                    return Results.Ok("Answer: " + response.Text);
                });
            }
        }
        """;

    [Fact]
    public async Task Fix_all_in_document_labels_every_finding_with_the_chosen_service()
    {
        var source = Web + Code.Header + ThreeFindings + OtherService;
        var harness = await CodeFixHarness.CreateAsync(source);
        Assert.Equal(3, harness.Diagnostics.Length);

        var fixedSolution = await harness.FixAllAsync(WrapWithLabelCodeFixProvider.EquivalenceKeyPrefix + "global::Svc");
        Assert.Equal(Web + Code.Header + """
            static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapGet("/ask", async (IChatClient client) => Svc.Label((await client.GetResponseAsync("hi")).Text));
                    app.MapGet("/console", async (IChatClient client) =>
                    {
                        var response = await client.GetResponseAsync("hi");
                        Console.WriteLine(Svc.Label(response.Text));
                        return Results.Ok(Svc.Label("Answer: " + response.Text));
                    });
                }
            }
            """ + OtherService, await harness.TextAsync(fixedSolution));
        Assert.Empty(await harness.RemainingAsync(fixedSolution));

        // The other service's key applies that service everywhere.
        var other = await harness.FixAllAsync(WrapWithLabelCodeFixProvider.EquivalenceKeyPrefix + "global::Other.Ns.OtherSvc");
        var otherText = await harness.TextAsync(other);
        Assert.Equal(3, otherText.Split("Other.Ns.OtherSvc.Label(").Length - 1);
        Assert.DoesNotContain("Svc.Label(", otherText.Replace("Other.Ns.OtherSvc.Label(", string.Empty));
        Assert.Empty(await harness.RemainingAsync(other));
    }
    // ---- images and audio ----

    private const string Media = """
        #pragma warning disable MEAI001, OPENAI001, SKEXP0001
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using OpenAI.Images;
        using OpenAI.Audio;

        """;

    private static string MediaApp(string body) => Media + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {

        """ + body + """

            }
        }
        """;

    [Fact]
    public Task Generated_image_bytes_are_labeled_with_LabelImage_and_a_fresh_content_id() => VerifyFixAsync(
        MediaApp("""
                    app.MapPost("/draw", async (ImageClient images, string prompt) =>
                        Results.File([|(await images.GenerateImageAsync(prompt)).Value.ImageBytes.ToArray()|], "image/png"));
            """),
        MediaApp("""
                    app.MapPost("/draw", async (ImageClient images, string prompt) =>
                        Results.File(Svc.LabelImage((await images.GenerateImageAsync(prompt)).Value.ImageBytes.ToArray(), global::System.Guid.NewGuid().ToString()), "image/png"));
            """),
        "Label image with 'Svc.LabelImage(...)'");

    [Fact]
    public Task An_image_saved_through_its_stream_is_labeled_before_the_stream_is_read() => VerifyFixAsync(
        MediaApp("""
                    app.MapPost("/save", async (ImageClient images, string prompt) =>
                    {
                        var image = (await images.GenerateImageAsync(prompt)).Value;
                        using var file = System.IO.File.OpenWrite("cat.png");
                        await [|image.ImageBytes.ToStream()|].CopyToAsync(file);
                    });
            """),
        MediaApp("""
                    app.MapPost("/save", async (ImageClient images, string prompt) =>
                    {
                        var image = (await images.GenerateImageAsync(prompt)).Value;
                        using var file = System.IO.File.OpenWrite("cat.png");
                        await Svc.LabelImage(image.ImageBytes, global::System.Guid.NewGuid().ToString()).ToStream().CopyToAsync(file);
                    });
            """),
        "Label image with 'Svc.LabelImage(...)'");

    [Fact]
    public Task Generated_speech_is_labeled_with_LabelAudio_over_its_own_container() => VerifyFixAsync(
        MediaApp("""
                    app.MapGet("/speak", async (AudioClient audio, string text) =>
                    {
                        BinaryData speech = await audio.GenerateSpeechAsync(text, GeneratedSpeechVoice.Alloy);
                        return Results.Ok([|speech|]);
                    });
            """),
        MediaApp("""
                    app.MapGet("/speak", async (AudioClient audio, string text) =>
                    {
                        BinaryData speech = await audio.GenerateSpeechAsync(text, GeneratedSpeechVoice.Alloy);
                        return Results.Ok(Svc.LabelAudio(speech, global::System.Guid.NewGuid().ToString(), false));
                    });
            """),
        "Label audio with 'Svc.LabelAudio(...)'");

    [Fact]
    public Task Speech_memory_from_a_text_to_speech_client_gets_the_memory_overload() => VerifyFixAsync(
        MediaApp("""
                    app.MapGet("/speak", async (HttpContext ctx, ITextToSpeechClient tts, string text) =>
                    {
                        var audio = (await tts.GetAudioAsync(text)).Contents.OfType<DataContent>().First();
                        await ctx.Response.Body.WriteAsync([|audio.Data|]);
                    });
            """),
        MediaApp("""
                    app.MapGet("/speak", async (HttpContext ctx, ITextToSpeechClient tts, string text) =>
                    {
                        var audio = (await tts.GetAudioAsync(text)).Contents.OfType<DataContent>().First();
                        await ctx.Response.Body.WriteAsync(Svc.LabelAudio(audio.Data, global::System.Guid.NewGuid().ToString(), false));
                    });
            """),
        "Label audio with 'Svc.LabelAudio(...)'");

    [Fact]
    public async Task A_chat_answers_data_content_is_offered_both_labelers_and_its_bytes_none()
    {
        var (source, spans) = FlowVerifier.ParseMarkup(MediaApp("""
                    app.MapPost("/draw", async (IChatClient client) =>
                    {
                        var drawn = (await client.GetResponseAsync("draw a cat")).Messages.SelectMany(m => m.Contents).OfType<DataContent>().First();
                        Console.WriteLine([|drawn.Data.ToArray()|]);
                        return Results.Ok([|drawn|]);
                    });
            """));
        var harness = await CodeFixHarness.CreateAsync(source);
        Assert.Equal(spans.OrderBy(s => s.Start), harness.Diagnostics.Select(d => d.Location.SourceSpan));
        Assert.Empty(await harness.ActionsAsync(harness.Diagnostics[0])); // bytes of a chat answer: text or a file, the code does not tell

        var actions = await harness.ActionsAsync(harness.Diagnostics[1]);
        Assert.Equal(new[] { "Label image with 'Svc.LabelImage(...)'", "Label audio with 'Svc.LabelAudio(...)'" }, actions.Select(a => a.Title));
        var fixedSolution = await CodeFixHarness.ApplyAsync(actions[0]);
        Assert.Contains("return Results.Ok(Svc.LabelImage(drawn, global::System.Guid.NewGuid().ToString()));", await harness.TextAsync(fixedSolution));
        Assert.Single(await harness.RemainingAsync(fixedSolution)); // the bytes printed above
    }

    [Fact]
    public async Task A_file_shown_as_text_gets_no_text_label_and_a_revised_prompt_does()
    {
        var (source, spans) = FlowVerifier.ParseMarkup("using Microsoft.AspNetCore.Components;\nusing Microsoft.AspNetCore.Components.Rendering;\nusing Microsoft.SemanticKernel.TextToImage;\n" + MediaApp("""
                    app.MapPost("/draw", async (ITextToImageService images, string prompt) => Results.Text([|await images.GenerateImageAsync(prompt, 512, 512)|]));
                    app.MapPost("/prompt", async (ImageClient images, string prompt) => Results.Text([|(await images.GenerateImageAsync(prompt)).Value.RevisedPrompt|]));
            """) + """

            public class Painter : ComponentBase
            {
                [Inject] public ImageClient Images { get; set; } = default!;
                private string _dataUrl = "";

                protected override async Task OnInitializedAsync() =>
                    _dataUrl = "data:image/png;base64," + Convert.ToBase64String((await Images.GenerateImageAsync("a cat")).Value.ImageBytes.ToArray());

                protected override void BuildRenderTree(RenderTreeBuilder builder)
                {
                    builder.OpenElement(0, "img");
                    builder.AddAttribute(1, "src", [|_dataUrl|]);
                    builder.CloseElement();
                }
            }
            """);
        var harness = await CodeFixHarness.CreateAsync(source);
        Assert.Equal(spans.OrderBy(s => s.Start), harness.Diagnostics.Select(d => d.Location.SourceSpan));
        Assert.Empty(await harness.ActionsAsync(harness.Diagnostics[0]));
        Assert.Equal(new[] { SvcTitle }, (await harness.ActionsAsync(harness.Diagnostics[1])).Select(a => a.Title));
        Assert.Empty(await harness.ActionsAsync(harness.Diagnostics[2]));
    }
}
