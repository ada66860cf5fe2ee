using Compliant;
using Microsoft.Extensions.AI;

Console.WriteLine(Assistant.RegistrationNotice);

IChatClient client = new FakeChatClient();
var response = await client.GetResponseAsync("Hello");
Console.WriteLine(Assistant.Label(response.Text));
