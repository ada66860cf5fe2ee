using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using AiCompliance.Skia;
using ChatWeb;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;

var builder = WebApplication.CreateBuilder(args);

// The model (offline here; any IChatClient in a real app), wrapped by the generated labeling client. The endpoints
// ask for the wrapper type, not for IChatClient: then every answer they hand out is labeled, and AIC001 can see it.
builder.Services.AddSingleton(_ => ChatAssistant.WithLabels(new OfflineChatClient()));

// The image model (offline here; any IImageGenerator in a real app).
builder.Services.AddSingleton<IImageGenerator>(_ => new OfflineImageGenerator());

// Readable JSON: Chinese text as itself rather than \uXXXX escapes.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));

var app = builder.Build();
if (ImageLabel.Warning is { } fontWarning)
{
    app.Logger.LogWarning("{Warning}", fontWarning);
}

// The chat page; the registration notice is rendered into its footer on the server.
app.MapGet("/", () => Results.Content(ChatPage.Html, "text/html; charset=utf-8"));

// The registration, for other clients (apps, about pages).
app.MapGet("/api/registration", () => new RegistrationInfo(
    ChatAssistant.RegistrationNumber,
    ChatAssistant.ServiceName,
    ChatAssistant.RegistrationNotice,
    ChatAssistant.RegistrationNoticeEnglish,
    ChatAssistant.LabelText));

// One answer as JSON: the explicit label inside "answer", the implicit one (GB 45438 Annex E) under "label".
app.MapPost("/api/chat", async (ChatRequest request, [FromServices] ChatAssistant.LabeledChatClient client, CancellationToken cancellationToken) =>
{
    if (Validate(request.Question) is { } problem)
    {
        return Results.BadRequest(new { error = problem });
    }

    var response = await client.GetResponseAsync(request.Question!, cancellationToken: cancellationToken);
    var implicitLabel = response.AdditionalProperties?.TryGetValue("AIGC", out var value) == true && value is string json
        ? JsonNode.Parse(json)
        : JsonNode.Parse(ChatAssistant.ImplicitLabelValue(response.ResponseId ?? Guid.NewGuid().ToString("N")));
    return Results.Ok(new ChatAnswer(response.Text, new JsonObject { ["AIGC"] = implicitLabel }));
});

// The answer as plain text (curl 'http://localhost:5080/api/chat?q=weather').
app.MapGet("/api/chat", async (string q, [FromServices] ChatAssistant.LabeledChatClient client, CancellationToken cancellationToken) =>
    (await client.GetResponseAsync(q, cancellationToken: cancellationToken)).Text);

// The answer streamed as plain text while the model produces it (the page reads it with fetch + ReadableStream).
app.MapPost("/api/chat/stream", (ChatRequest request, [FromServices] ChatAssistant.LabeledChatClient client, HttpResponse response, CancellationToken cancellationToken) =>
    StreamAnswerAsync(request.Question, client, response, cancellationToken));
app.MapGet("/api/chat/stream", (string? q, [FromServices] ChatAssistant.LabeledChatClient client, HttpResponse response, CancellationToken cancellationToken) =>
    StreamAnswerAsync(q, client, response, cancellationToken));

// An image answer, labeled both ways. First the visible label, drawn on the picture (AiCompliance.Skia): drawing
// re-encodes the file, which drops its metadata. Then the implicit label, written into the file's metadata by the
// generated LabelImage (XMP TC260:AIGC, IPTC trainedAlgorithmicMedia, a PNG AIGC text chunk). The page also shows the
// label as a caption under the image.
app.MapGet("/api/image", async (string? q, IImageGenerator generator, HttpResponse response, CancellationToken cancellationToken) =>
{
    if (Validate(q) is { } problem)
    {
        return Results.BadRequest(new { error = problem });
    }

    var generated = await generator.GenerateImagesAsync(q!, cancellationToken: cancellationToken);
    var picture = generated.Contents.OfType<DataContent>().First();
    var drawn = AiVisibleLabel.Draw(picture.Data.ToArray(), ImageLabel.Text);
    var labeled = ChatAssistant.LabelImage(drawn, "img-" + Guid.NewGuid().ToString("N"));
    response.Headers["X-Visible-Label"] = ImageLabel.Language;
    return Results.File(labeled, "image/png");
});

app.Run();

static string? Validate(string? question) =>
    string.IsNullOrWhiteSpace(question) ? "question is required"
    : question.Length > 2000 ? "question is longer than 2000 characters"
    : null;

static async Task StreamAnswerAsync(string? question, ChatAssistant.LabeledChatClient client, HttpResponse response, CancellationToken cancellationToken)
{
    if (Validate(question) is { } problem)
    {
        response.StatusCode = StatusCodes.Status400BadRequest;
        await response.WriteAsJsonAsync(new { error = problem }, cancellationToken);
        return;
    }

    response.ContentType = "text/plain; charset=utf-8";
    response.Headers.CacheControl = "no-cache";
    response.Headers["X-Content-Type-Options"] = "nosniff";
    await foreach (var update in client.GetStreamingResponseAsync(question!, cancellationToken: cancellationToken))
    {
        // The wrapper puts the implicit label on the first update with text; it goes out as a header (ASCII-only
        // JSON) before the first chunk is written.
        if (!response.HasStarted && update.AdditionalProperties?.TryGetValue("AIGC", out var implicitLabel) == true)
        {
            response.Headers["AIGC"] = implicitLabel?.ToString();
        }

        if (!string.IsNullOrEmpty(update.Text))
        {
            await response.WriteAsync(update.Text, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
    }
}

/// <summary>A question from the page or an API client.</summary>
public sealed record ChatRequest(string? Question);

/// <summary>A labeled answer: explicit label inside <see cref="Answer"/>, implicit label in <see cref="Label"/>.</summary>
public sealed record ChatAnswer(string Answer, JsonObject Label);

/// <summary>What the service is registered as, and the notice to show.</summary>
public sealed record RegistrationInfo(string RegistrationNumber, string ServiceName, string Notice, string NoticeEnglish, string LabelText);
