using AiCompliance;
using Microsoft.Extensions.AI;

// Labeled and compiling, but a generator of the project cannot load in this SDK's compiler (CS9057 in a build, a
// warning that is easy to miss): the code it would generate is not checked, so the scan is INCOMPLETE.
IChatClient client = new ChatClientStub();
var answer = await client.GetResponseAsync("hello");
Console.WriteLine(Assistant.Label(answer.Text));
Console.WriteLine(Assistant.RegistrationNotice);
