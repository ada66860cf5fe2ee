using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.AI;

namespace MvcChat.Pages;

public class AskModel(IChatClient client) : PageModel
{
    public string Question { get; private set; } = "";

    public string Answer { get; private set; } = "";

    public async Task OnGetAsync(string q = "Where is it?")
    {
        Question = q;
        Answer = (await client.GetResponseAsync(q)).Text;
        ViewData["Note"] = Answer;
    }
}
