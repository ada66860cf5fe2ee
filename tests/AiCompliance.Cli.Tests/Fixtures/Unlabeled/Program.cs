using Microsoft.Extensions.AI;
using Unlabeled;

Console.WriteLine(Assistant.RegistrationNotice);

IChatClient client = new FakeChatClient();
var response = await client.GetResponseAsync("Hello");
Console.WriteLine(response.Text);

var second = await client.GetResponseAsync("Again");
Console.WriteLine(Assistant.Label(second.Text));
