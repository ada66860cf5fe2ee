using ConsoleChat;
using Microsoft.Extensions.AI;

// The registration must be shown prominently: print it first.
Console.WriteLine(ExampleAssistant.RegistrationNotice);
Console.WriteLine(ExampleAssistant.RegistrationNoticeEnglish);
Console.WriteLine();

// Every response from the wrapped client carries the explicit label once, and the implicit label in metadata.
IChatClient client = ExampleAssistant.WithLabels(new OfflineChatClient());

var question = args.Length > 0 ? string.Join(' ', args) : "What about the weather?";
Console.WriteLine("> " + question);
var response = await client.GetResponseAsync(question);
Console.WriteLine(response.Text);
Console.WriteLine("implicit label: " + response.AdditionalProperties?["AIGC"]);
Console.WriteLine();

Console.WriteLine("> Tell me about labels (streamed)");
await foreach (var update in client.GetStreamingResponseAsync("Tell me about labels"))
{
    Console.Write(update.Text);
}

Console.WriteLine();
