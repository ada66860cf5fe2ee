using Configured;
using Microsoft.Extensions.AI;

Console.WriteLine(Assistant.RegistrationNotice);

IChatClient client = new FakeChatClient();
var response = await client.GetResponseAsync("Hello");
Console.WriteLine(response.Text);
