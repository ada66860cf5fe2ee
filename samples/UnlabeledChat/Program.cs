using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.AI;
using UnlabeledChat;

// DELIBERATELY NON-COMPLIANT (see UnlabeledChat.csproj): samples/ChatWeb without the labeling wrapper. Every place
// where AI text reaches a user unlabeled carries a marker: "AIC001 expected at" the expression the error points
// to, then the sink named in the message. The tests read these markers; keep them on the reported lines.
var builder = WebApplication.CreateBuilder(args);

// The model, registered as a plain IChatClient: nothing labels its answers.
builder.Services.AddChatClient(new OfflineChatClient());

builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));

var app = builder.Build();

// The registration notice is still shown: registering is not labeling.
app.MapGet("/", () => Results.Content(ChatPage.Html, "text/html; charset=utf-8"));

app.MapGet("/api/registration", () => new RegistrationInfo(
    ChatAssistant.RegistrationNumber,
    ChatAssistant.ServiceName,
    ChatAssistant.RegistrationNotice,
    ChatAssistant.RegistrationNoticeEnglish,
    ChatAssistant.LabelText));

app.MapPost("/api/chat", async (ChatRequest request, IChatClient client, CancellationToken cancellationToken) =>
{
    if (Validate(request.Question) is { } problem)
    {
        return Results.BadRequest(new { error = problem });
    }

    var response = await client.GetResponseAsync(request.Question!, cancellationToken: cancellationToken);
    return Results.Ok(new ChatAnswer(response.Text)); // AIC001 expected at "new ChatAnswer(response.Text)" (Results.Ok)
});

app.MapGet("/api/chat", async (string q, IChatClient client, CancellationToken cancellationToken) =>
    (await client.GetResponseAsync(q, cancellationToken: cancellationToken)).Text); // AIC001 expected at "(await client" (route handler (MapGet))

app.MapPost("/api/chat/stream", (ChatRequest request, IChatClient client, HttpResponse response, CancellationToken cancellationToken) =>
    StreamAnswerAsync(request.Question, client, response, cancellationToken));
app.MapGet("/api/chat/stream", (string? q, IChatClient client, HttpResponse response, CancellationToken cancellationToken) =>
    StreamAnswerAsync(q, client, response, cancellationToken));

app.Run();

static string? Validate(string? question) =>
    string.IsNullOrWhiteSpace(question) ? "question is required"
    : question.Length > 2000 ? "question is longer than 2000 characters"
    : null;

static async Task StreamAnswerAsync(string? question, IChatClient client, HttpResponse response, CancellationToken cancellationToken)
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
        if (!string.IsNullOrEmpty(update.Text))
        {
            await response.WriteAsync(update.Text, cancellationToken); // AIC001 expected at "update.Text" (HttpResponse.WriteAsync)
            await response.Body.FlushAsync(cancellationToken);
        }
    }
}

/// <summary>A question from the page or an API client.</summary>
public sealed record ChatRequest(string? Question);

/// <summary>An answer, without any label.</summary>
public sealed record ChatAnswer(string Answer);

/// <summary>What the service is registered as, and the notice to show.</summary>
public sealed record RegistrationInfo(string RegistrationNumber, string ServiceName, string Notice, string NoticeEnglish, string LabelText);
