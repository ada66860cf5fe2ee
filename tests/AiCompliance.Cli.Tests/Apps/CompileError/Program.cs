using AiCompliance;
using Microsoft.Extensions.AI;

// The answer is labeled, so nothing is found; but the project does not compile (the last line names nothing), so
// the scanner cannot vouch for it: INCOMPLETE, never COMPLIANT.
IChatClient client = new ChatClientStub();
var answer = await client.GetResponseAsync("hello");
Console.WriteLine(Assistant.Label(answer.Text));
Console.WriteLine(undefinedVariable);
Console.WriteLine(Assistant.RegistrationNotice);
