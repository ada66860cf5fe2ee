namespace MvcChat.Models;

public class AnswerModel
{
    public string Question { get; set; } = "";

    public string Answer { get; set; } = "";
}
