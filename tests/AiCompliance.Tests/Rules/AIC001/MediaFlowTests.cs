using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Images and audio: AI-generated media (Microsoft.Extensions.AI image generators and speech clients, images in chat
/// answers, OpenAI's ImageClient and AudioClient, Semantic Kernel's text-to-image and text-to-audio services) followed to
/// downloads, response bodies, SignalR and Blazor <c>&lt;img src&gt;</c>; labeled only through the generated
/// <c>LabelImage</c> / <c>LabelAudio</c> (or a user <c>[AiContentLabeler]</c>). On the real assemblies: Microsoft.Extensions.AI
/// 10.11 and 11 (this file runs in both test projects), OpenAI 2.15, Semantic Kernel 1.82.
/// </summary>
public class MediaFlowTests
{
    private const string Web = """
        #pragma warning disable MEAI001, OPENAI001, SKEXP0001
        using System.IO;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.SignalR;

        """;

    [Fact]
    public Task Image_generator_output_reaches_downloads_unless_labeled_with_LabelImage() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/draw", async (IImageGenerator images, string prompt) =>
                {
                    var response = await images.GenerateImagesAsync(prompt);
                    var image = (DataContent)response.Contents[0];
                    Console.WriteLine(response.Usage?.TotalTokenCount);
                    return Results.File([|image.Data.ToArray()|], image.MediaType, image.Name);
                });
                app.MapPost("/draw-bytes", async (IImageGenerator images, string prompt) =>
                {
                    var response = await images.GenerateAsync(new ImageGenerationRequest(prompt));
                    foreach (var content in response.Contents)
                    {
                        if (content is DataContent data)
                        {
                            return Results.Bytes([|data.Data|], data.MediaType);
                        }
                    }

                    return Results.NotFound();
                });
                app.MapPost("/draw-link", async (IImageGenerator images, string prompt) =>
                {
                    var response = await images.GenerateImagesAsync(prompt);
                    var link = response.Contents.OfType<UriContent>().First();
                    Console.WriteLine(link.MediaType);
                    return Results.Ok([|response.Contents.OfType<UriContent>().Select(u => u.Uri).ToList()|]);
                });
                app.MapPost("/edit-many", async (IImageGenerator images, IFormFile first, IFormFile second) =>
                {
                    var originals = new List<AIContent>
                    {
                        await DataContent.LoadFromAsync(first.OpenReadStream(), first.ContentType),
                        await DataContent.LoadFromAsync(second.OpenReadStream(), second.ContentType),
                    };
                    var response = await images.EditImagesAsync(originals, "merge them");
                    var merged = response.Contents.OfType<DataContent>().First();
                    return Results.Text([|merged.Base64Data.ToString()|], "text/plain"); // base64 of the image: still the image
                });
                app.MapPost("/edit", async (IImageGenerator images, IFormFile upload) =>
                {
                    using var buffer = new MemoryStream();
                    await upload.CopyToAsync(buffer);
                    var original = new DataContent(buffer.ToArray(), upload.ContentType);
                    var response = await images.EditImageAsync(original, "make it blue");
                    var edited = response.Contents.OfType<DataContent>().First();
                    await Task.Yield();
                    return Results.File([|edited.Data.ToArray()|], edited.MediaType);
                });
                app.MapPost("/draw-labeled", async (IImageGenerator images, string prompt) =>
                {
                    var response = await images.GenerateImagesAsync(prompt);
                    var image = (DataContent)response.Contents[0];
                    return Results.File(Svc.LabelImage(image.Data.ToArray(), Guid.NewGuid().ToString()), image.MediaType);
                });
                app.MapPost("/draw-labeled-content", async (IImageGenerator images, string prompt) =>
                {
                    var response = await images.GenerateImagesAsync(prompt);
                    var labeled = Svc.LabelImage(response.Contents.OfType<DataContent>().First(), "id-1");
                    return Results.Bytes(labeled.Data, labeled.MediaType);
                });
                app.MapPost("/echo", async (IFormFile upload) =>
                {
                    using var buffer = new MemoryStream();
                    await upload.CopyToAsync(buffer);
                    var mine = new DataContent(buffer.ToArray(), upload.ContentType);
                    return Results.File(mine.Data.ToArray(), mine.MediaType);
                });
            }
        }
        """);

    [Fact]
    public Task Images_in_chat_answers_are_AI_content_and_the_users_own_image_is_not() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/describe-and-draw", async (IChatClient client, IFormFile upload) =>
                {
                    using var buffer = new MemoryStream();
                    await upload.CopyToAsync(buffer);
                    var photo = new DataContent(buffer.ToArray(), upload.ContentType);
                    var response = await client.GetResponseAsync(new ChatMessage(ChatRole.User, [new TextContent("draw this as a cartoon"), photo]));
                    var drawn = response.Messages.SelectMany(m => m.Contents).OfType<DataContent>().FirstOrDefault();
                    if (drawn is null)
                    {
                        return Results.File(photo.Data.ToArray(), photo.MediaType); // the user's own upload, echoed back
                    }

                    return Results.File([|drawn.Data.ToArray()|], drawn.MediaType);
                });
                app.MapPost("/draw-labeled", async (IChatClient client) =>
                {
                    var response = await client.GetResponseAsync("draw a cat");
                    var drawn = response.Messages.SelectMany(m => m.Contents).OfType<DataContent>().First();
                    return Results.File(Svc.LabelImage(drawn, "id").Data.ToArray(), drawn.MediaType);
                });
            }
        }
        """);

    [Fact]
    public Task Speech_from_a_text_to_speech_client_reaches_the_response_body_unless_labeled_with_LabelAudio() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/speak", async (HttpContext ctx, ITextToSpeechClient tts, string text) =>
                {
                    var response = await tts.GetAudioAsync(text);
                    var audio = response.Contents.OfType<DataContent>().First();
                    ctx.Response.ContentType = audio.MediaType;
                    Console.WriteLine(response.ModelId);
                    await ctx.Response.Body.WriteAsync([|audio.Data|]);
                });
                app.MapGet("/speak-stream", async (HttpContext ctx, ITextToSpeechClient tts, string text) =>
                {
                    await foreach (var update in tts.GetStreamingAudioAsync(text))
                    {
                        Console.WriteLine(update.ResponseId);
                        Console.WriteLine(update.ModelId);
                        foreach (var content in update.Contents)
                        {
                            if (content is DataContent chunk)
                            {
                                await ctx.Response.BodyWriter.WriteAsync([|chunk.Data|]);
                            }
                        }
                    }
                });
                app.MapGet("/speak-labeled", async (HttpContext ctx, ITextToSpeechClient tts, string text) =>
                {
                    var response = await tts.GetAudioAsync(text);
                    var audio = response.Contents.OfType<DataContent>().First();
                    await ctx.Response.Body.WriteAsync(Svc.LabelAudio(audio.Data, "id", rhythmPrompt: true));
                });
            }
        }
        """);

    [Fact]
    public Task Images_and_speech_through_the_generated_labeling_wrappers_are_labeled_and_through_the_raw_clients_are_not() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app, IImageGenerator rawImages, ITextToSpeechClient rawSpeech)
            {
                var labeledImages = Svc.WithLabels(rawImages);
                IImageGenerator built = rawImages.AsBuilder().UseSvcLabels().Build();
                IImageGenerator stepped = new ImageGeneratorBuilder(rawImages).Use(inner => Svc.WithLabels(inner)).Build();
                ITextToSpeechClient speech = Svc.WithLabels(rawSpeech, rhythmPrompt: true);
                ITextToSpeechClient builtSpeech = rawSpeech.AsBuilder().UseSvcLabels().Build();
                app.MapPost("/draw", async (string prompt) =>
                {
                    var image = (DataContent)(await labeledImages.GenerateImagesAsync(prompt)).Contents[0];
                    return Results.File(image.Data.ToArray(), image.MediaType);
                });
                app.MapPost("/draw-built", async (string prompt) =>
                {
                    var image = (DataContent)(await built.GenerateAsync(new ImageGenerationRequest(prompt))).Contents[0];
                    return Results.File(image.Data.ToArray(), image.MediaType);
                });
                app.MapPost("/draw-stepped", async (string prompt) =>
                {
                    var image = (DataContent)(await stepped.GenerateImagesAsync(prompt)).Contents[0];
                    return Results.File(image.Data.ToArray(), image.MediaType);
                });
                app.MapPost("/draw-new", async (string prompt) =>
                {
                    var image = (DataContent)(await new Svc.LabeledImageGenerator(rawImages).GenerateImagesAsync(prompt)).Contents[0];
                    return Results.File(image.Data.ToArray(), image.MediaType);
                });
                app.MapPost("/draw-raw", async (string prompt) =>
                {
                    var image = (DataContent)(await rawImages.GenerateImagesAsync(prompt)).Contents[0];
                    return Results.File([|image.Data.ToArray()|], image.MediaType);
                });
                app.MapGet("/speak", async (HttpContext ctx, string text) =>
                {
                    await ctx.Response.Body.WriteAsync(((DataContent)(await speech.GetAudioAsync(text)).Contents[0]).Data);
                    await ctx.Response.Body.WriteAsync(((DataContent)(await builtSpeech.GetAudioAsync(text)).Contents[0]).Data);
                    await ctx.Response.Body.WriteAsync([|((DataContent)(await rawSpeech.GetAudioAsync(text)).Contents[0]).Data|]);
                });
            }
        }
        """);

    [Fact]
    public Task OpenAI_images_reach_downloads_SignalR_and_json_and_usage_does_not() => FlowVerifier.VerifyAsync(Web + "using OpenAI.Images;\n" + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/draw", async (ImageClient images, string prompt) =>
                {
                    GeneratedImage image = await images.GenerateImageAsync(prompt, new OpenAI.Images.ImageGenerationOptions { ResponseFormat = GeneratedImageFormat.Bytes });
                    Console.WriteLine([|image.RevisedPrompt|]); // the model's rewrite of the prompt: text it wrote
                    return Results.File([|image.ImageBytes.ToArray()|], "image/png", "image.png");
                });
                app.MapPost("/draw-url", (ImageClient images, string prompt) =>
                {
                    var image = images.GenerateImage(prompt).Value;
                    return Results.Ok([|new { url = image.ImageUri }|]); // the service's link to the image it made: shown by the page
                });
                app.MapPost("/draw-labeled", async (ImageClient images, string prompt) =>
                {
                    var image = (await images.GenerateImageAsync(prompt)).Value;
                    return Results.File(Svc.LabelImage(image.ImageBytes, Guid.NewGuid().ToString()).ToArray(), "image/png");
                });
            }
        }

        class ImageHub : Hub
        {
            private readonly ImageClient _images;
            public ImageHub(ImageClient images) => _images = images;

            public async Task Draw(string prompt)
            {
                GeneratedImageCollection images = await _images.GenerateImagesAsync(prompt, 2);
                Console.WriteLine(images.Usage);
                Console.WriteLine(images.CreatedAt);
                Console.WriteLine(images.Size);
                Console.WriteLine(images.Quality);
                Console.WriteLine(images.Background);
                Console.WriteLine(images.OutputFileFormat);
                foreach (var image in images)
                {
                    await Clients.Caller.SendAsync("image", [|image.ImageBytes.ToArray()|]);
                    await Clients.Caller.SendAsync("image", Svc.LabelImage(image.ImageBytes.ToArray(), "id"));
                }
            }
        }

        class ImagesController : ControllerBase
        {
            private readonly ImageClient _images;
            public ImagesController(ImageClient images) => _images = images;

            public async Task<IActionResult> Edit(IFormFile upload)
            {
                var edited = await _images.GenerateImageEditAsync(upload.OpenReadStream(), upload.FileName, "add a hat");
                return File([|edited.Value.ImageBytes.ToArray()|], "image/png");
            }

            public IActionResult Variation(IFormFile upload)
            {
                var variations = _images.GenerateImageVariations(upload.OpenReadStream(), upload.FileName, 3).Value;
                return File([|variations[0].ImageBytes.ToStream()|], "image/png");
            }

            public async Task<IActionResult> Edits(IFormFile upload)
            {
                var edits = (await _images.GenerateImageEditsAsync(upload.OpenReadStream(), upload.FileName, "add a hat", 2)).Value;
                return File([|edits.First().ImageBytes.ToArray()|], "image/png");
            }

            public async Task<IActionResult> Variant(IFormFile upload)
            {
                var variant = (await _images.GenerateImageVariationAsync(upload.OpenReadStream(), upload.FileName)).Value;
                return File(Svc.LabelImage(variant.ImageBytes.ToArray(), "id"), "image/png");
            }

            public async Task<FileStreamResult> Stream(string prompt) =>
                [|new FileStreamResult((await _images.GenerateImageAsync(prompt)).Value.ImageBytes.ToStream(), "image/png")|];

            public IActionResult Original(IFormFile upload) => File(upload.OpenReadStream(), upload.ContentType); // the user's upload
        }
        """);

    [Fact]
    public Task OpenAI_speech_is_AI_content_a_translation_is_model_text_and_a_transcription_of_the_users_speech_is_not() => FlowVerifier.VerifyAsync(Web + "using OpenAI.Audio;\n" + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/speak", async (AudioClient audio, string text) =>
                {
                    BinaryData speech = await audio.GenerateSpeechAsync(text, GeneratedSpeechVoice.Alloy);
                    return Results.File([|speech.ToStream()|], "audio/mpeg");
                });
                app.MapGet("/speak-sync", (AudioClient audio, string text) => Results.Bytes([|audio.GenerateSpeech(text, GeneratedSpeechVoice.Alloy).Value.ToArray()|], "audio/mpeg"));
                app.MapGet("/speak-labeled", async (AudioClient audio, string text) =>
                {
                    var speech = (await audio.GenerateSpeechAsync(text, GeneratedSpeechVoice.Alloy)).Value;
                    return Results.Bytes(Svc.LabelAudio(speech, "id", false).ToArray(), "audio/mpeg");
                });
                app.MapGet("/speak-stream", async (HttpContext ctx, AudioClient audio, string text) =>
                {
                    await foreach (var update in await audio.GenerateSpeechStreamingAsync(text, GeneratedSpeechVoice.Alloy))
                    {
                        if (update is StreamingSpeechAudioDeltaUpdate delta)
                        {
                            await ctx.Response.Body.WriteAsync([|delta.AudioBytes.ToArray()|]);
                        }
                    }
                });
                app.MapPost("/translate-sync", (AudioClient audio, IFormFile upload) =>
                {
                    var translation = audio.TranslateAudio(upload.OpenReadStream(), upload.FileName).Value;
                    return Results.Ok([|translation.Segments.Select(s => s.Text).ToList()|]);
                });
                app.MapPost("/transcribe", async (AudioClient audio, IFormFile upload) =>
                {
                    AudioTranscription transcription = await audio.TranscribeAudioAsync(upload.OpenReadStream(), upload.FileName);
                    return Results.Text(transcription.Text); // what the user said
                });
                app.MapPost("/translate", async (AudioClient audio, IFormFile upload) =>
                {
                    AudioTranslation translation = await audio.TranslateAudioAsync(upload.OpenReadStream(), upload.FileName);
                    Console.WriteLine(translation.Duration);
                    Console.WriteLine(translation.Language);
                    return Results.Text([|translation.Text|]); // English the model wrote
                });
            }
        }
        """);

    [Fact]
    public Task Semantic_kernel_images_and_audio() => FlowVerifier.VerifyAsync(Web + "using Microsoft.SemanticKernel;\nusing Microsoft.SemanticKernel.TextToImage;\nusing Microsoft.SemanticKernel.TextToAudio;\n" + Code.Header + """
        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/draw", async (ITextToImageService images, string prompt) =>
                {
                    string url = await images.GenerateImageAsync(prompt, 1024, 1024);
                    return Results.Ok([|new { url }|]);
                });
                app.MapPost("/draw-contents", async (ITextToImageService images, string prompt) =>
                {
                    var contents = await images.GetImageContentsAsync(new Microsoft.SemanticKernel.TextContent(prompt));
                    var image = contents[0];
                    Console.WriteLine(image.MimeType);
                    Console.WriteLine(image.ModelId);
                    Console.WriteLine(image.Metadata?.Count);
                    Console.WriteLine(image.Metadata);
                    return Results.File([|image.Data!.Value.ToArray()|], image.MimeType ?? "image/png");
                });
                app.MapPost("/draw-labeled", async (ITextToImageService images, string prompt) =>
                {
                    var contents = await images.GetImageContentsAsync(new Microsoft.SemanticKernel.TextContent(prompt));
                    return Results.Bytes(Svc.LabelImage(contents[0].Data!.Value, "id"), "image/png");
                });
                app.MapGet("/speak", async (HttpContext ctx, ITextToAudioService tts, string text) =>
                {
                    AudioContent audio = await tts.GetAudioContentAsync(text);
                    await ctx.Response.Body.WriteAsync([|audio.Data!.Value|]);
                    var all = await tts.GetAudioContentsAsync(text);
                    await ctx.Response.Body.WriteAsync([|all[0].Data!.Value.ToArray()|]);
                    await ctx.Response.Body.WriteAsync(Svc.LabelAudio(all[0].Data!.Value.ToArray(), "id", false));
                });
            }
        }
        """);
    [Fact]
    public Task A_generated_image_in_a_blazor_img_or_audio_src_reports_and_a_labeled_one_does_not() => FlowVerifier.VerifyAsync(Web + "using Microsoft.AspNetCore.Components;\nusing Microsoft.AspNetCore.Components.Rendering;\nusing OpenAI.Images;\n" + Code.Header + """
        public class Painter : ComponentBase
        {
            [Inject] public ImageClient Images { get; set; } = default!;
            [Inject] public IChatClient Client { get; set; } = default!;
            [Inject] public ITextToSpeechClient Speech { get; set; } = default!;
            private string _dataUrl = "";
            private string _labeledUrl = "";
            private string _audioUrl = "";
            private string _caption = "";
            private string _avatar = "/img/me.png";

            protected override async Task OnInitializedAsync()
            {
                var image = (await Images.GenerateImageAsync("a cat")).Value;
                _dataUrl = "data:image/png;base64," + Convert.ToBase64String(image.ImageBytes.ToArray());
                _labeledUrl = $"data:image/png;base64,{Convert.ToBase64String(Svc.LabelImage(image.ImageBytes.ToArray(), "id"))}";
                var speech = (await Speech.GetAudioAsync("hello")).Contents.OfType<DataContent>().First();
                _audioUrl = speech.Uri;
                _caption = (await Client.GetResponseAsync("describe it")).Text;
            }

            protected override void BuildRenderTree(RenderTreeBuilder builder)
            {
                builder.OpenElement(0, "img");
                builder.AddAttribute(1, "src", [|_dataUrl|]);
                builder.AddAttribute(2, "alt", "a cat");
                builder.CloseElement();
                builder.OpenElement(3, "img");
                builder.AddAttribute(4, "src", _labeledUrl);
                builder.CloseElement();
                builder.OpenElement(5, "img");
                builder.AddAttribute(6, "src", _avatar);
                builder.CloseElement();
                builder.OpenElement(7, "audio");
                builder.AddAttribute(8, "controls", true);
                builder.AddAttribute(9, "src", [|_audioUrl|]);
                builder.CloseElement();
                builder.OpenElement(10, "a");
                builder.AddAttribute(11, "href", _dataUrl); // a link's target is not shown as such
                builder.AddAttribute(12, "download", "cat.png");
                builder.AddContent(13, "download");
                builder.CloseElement();
                builder.OpenElement(14, "script");
                builder.AddAttribute(15, "src", _caption); // not a media element
                builder.CloseElement();
                builder.OpenElement(16, "p");
                builder.AddContent(17, [|_caption|]);
                builder.CloseElement();
            }
        }
        """);
    [Fact]
    public Task Every_OpenAI_image_generation_edit_and_variation_is_a_source() => FlowVerifier.VerifyAsync(Web + "using OpenAI.Images;\n" + Code.Header + """
        class StudioController : ControllerBase
        {
            private readonly ImageClient _images;
            public StudioController(ImageClient images) => _images = images;

            public IActionResult One(string prompt) => File([|_images.GenerateImage(prompt).Value.ImageBytes.ToArray()|], "image/png");
            public async Task<IActionResult> OneAsync(string prompt) => File([|(await _images.GenerateImageAsync(prompt)).Value.ImageBytes.ToArray()|], "image/png");
            public IActionResult Many(string prompt) => File([|_images.GenerateImages(prompt, 2).Value[0].ImageBytes.ToArray()|], "image/png");
            public async Task<IActionResult> ManyAsync(string prompt) => File([|(await _images.GenerateImagesAsync(prompt, 2)).Value[0].ImageBytes.ToArray()|], "image/png");
            public IActionResult Edit(Stream image, string prompt) => File([|_images.GenerateImageEdit(image, "a.png", prompt).Value.ImageBytes.ToArray()|], "image/png");
            public async Task<IActionResult> EditAsync(Stream image, string prompt) => File([|(await _images.GenerateImageEditAsync(image, "a.png", prompt)).Value.ImageBytes.ToArray()|], "image/png");
            public IActionResult Edits(Stream image, string prompt) => File([|_images.GenerateImageEdits(image, "a.png", prompt, 2).Value[0].ImageBytes.ToArray()|], "image/png");
            public async Task<IActionResult> EditsAsync(Stream image, string prompt) => File([|(await _images.GenerateImageEditsAsync(image, "a.png", prompt, 2)).Value[0].ImageBytes.ToArray()|], "image/png");
            public IActionResult Variation(Stream image) => File([|_images.GenerateImageVariation(image, "a.png").Value.ImageBytes.ToArray()|], "image/png");
            public async Task<IActionResult> VariationAsync(Stream image) => File([|(await _images.GenerateImageVariationAsync(image, "a.png")).Value.ImageBytes.ToArray()|], "image/png");
            public IActionResult Variations(Stream image) => File([|_images.GenerateImageVariations(image, "a.png", 2).Value[0].ImageBytes.ToArray()|], "image/png");
            public async Task<IActionResult> VariationsAsync(Stream image) => File([|(await _images.GenerateImageVariationsAsync(image, "a.png", 2)).Value[0].ImageBytes.ToArray()|], "image/png");
        }
        """);

    [Fact]
    public Task A_users_own_media_labeler_counts_as_a_label() => FlowVerifier.VerifyAsync(Web + "using OpenAI.Images;\n" + Code.Header + """
        static class Watermark
        {
            [AiContentLabeler]
            public static byte[] Stamp(byte[] image) => image; // the app's own visible and implicit label

            public static byte[] Resize(byte[] image) => image;
        }

        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/draw", async (ImageClient images, string prompt) =>
                    Results.File(Watermark.Stamp((await images.GenerateImageAsync(prompt)).Value.ImageBytes.ToArray()), "image/png"));
                app.MapPost("/draw-small", async (ImageClient images, string prompt) =>
                    Results.File([|Watermark.Resize((await images.GenerateImageAsync(prompt)).Value.ImageBytes.ToArray())|], "image/png"));
            }
        }
        """);
    [Fact]
    public async Task Messages_name_the_media_call_and_the_output()
    {
        var diagnostics = await FlowVerifier.VerifyAsync(Web + "using OpenAI.Images;\n" + Code.Header + """
            static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/draw", (ImageClient images, string prompt) => Results.File([|images.GenerateImage(prompt).Value.ImageBytes.ToArray()|], "image/png"));
                    app.MapGet("/speak", async (HttpContext ctx, ITextToSpeechClient tts) =>
                    {
                        await foreach (var update in tts.GetStreamingAudioAsync("hello"))
                        {
                            await ctx.Response.BodyWriter.WriteAsync([|((DataContent)update.Contents[0]).Data|]);
                        }
                    });
                }
            }
            """);
        Assert.Equal(
            new[]
            {
                "AI-generated content from 'ImageClient.GenerateImage' reaches 'Results.File' without a label",
                "AI-generated content from 'ITextToSpeechClient.GetStreamingAudioAsync' reaches 'HttpResponse.BodyWriter.WriteAsync' without a label",
            },
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage()));
    }
}
