using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.AI;
using MvcChat.Models;

namespace MvcChat.Controllers;

public class HomeController(IChatClient client) : Controller
{
    public async Task<IActionResult> Index(string q = "What is in the kit?")
    {
        var answer = (await client.GetResponseAsync(q)).Text;
        ViewData["Answer"] = answer;
        ViewBag.Summary = answer;
        ViewData["Labeled"] = Assistant.Label(answer);
        ViewData["Unused"] = answer;
        return View(new AnswerModel { Question = q, Answer = answer });
    }
}
