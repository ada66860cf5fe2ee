using AiCompliance;
using Microsoft.Extensions.AI;

// The answer is labeled and the app compiles, but the flow engine fails on Answer (an injected failure): its outputs
// are not checked, so the scanner cannot vouch for the app: AIC009 at the method, INCOMPLETE, never COMPLIANT.
#pragma warning disable AIC009
Console.WriteLine(Assistant.RegistrationNotice);
Console.WriteLine(await Answer(new ChatClientStub()));

static async Task<string> Answer(IChatClient client) => Assistant.Label((await client.GetResponseAsync("hello")).Text);
