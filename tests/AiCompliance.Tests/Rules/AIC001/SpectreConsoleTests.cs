using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>Spectre.Console 0.57 (the real assembly) as a sink: AnsiConsole writes and markup, IAnsiConsole, widgets, table rows.</summary>
public class SpectreConsoleTests
{
    private const string Usings = "using Spectre.Console;\n";

    [Fact]
    public Task AI_text_written_or_shown_in_a_widget_reports_and_labeled_or_plain_text_does_not() =>
        FlowVerifier.VerifyAsync(Usings + Code.Header + """
            class App
            {
                async Task Run(IChatClient client, IAnsiConsole console)
                {
                    var ai = (await client.GetResponseAsync("hi")).Text;
                    AnsiConsole.MarkupLine([|ai|]);
                    AnsiConsole.Markup([|Markup.Escape(ai)|]);
                    AnsiConsole.MarkupLineInterpolated([|$"[green]{ai}[/]"|]);
                    AnsiConsole.WriteLine([|ai|]);
                    console.WriteLine([|ai|]);
                    console.MarkupLine([|ai|]);
                    AnsiConsole.Write(new Panel([|ai|]).Header("Answer"));
                    AnsiConsole.Write(new Panel(new Markup([|ai|])));
                    AnsiConsole.Write(new Text([|ai|]));
                    var table = new Table().AddColumn("Question").AddColumn("Answer");
                    [|table.AddRow("hi", ai)|]; // a params array: reported at the call
                    AnsiConsole.Write(table);

                    AnsiConsole.MarkupLine(Svc.Label(ai));
                    AnsiConsole.Write(new Panel(Markup.Escape(Svc.Label(ai))));
                    console.WriteLine(Svc.Label(ai));
                    AnsiConsole.MarkupLine("[grey]thinking...[/]");
                    AnsiConsole.Write(new Rule("Answer"));
                    var user = AnsiConsole.Ask<string>("You:");
                    AnsiConsole.MarkupLine($"[blue]{Markup.Escape(user)}[/]");
                    table.AddRow(user, ai.Length.ToString());
                }
            }
            """);

    [Fact]
    public Task Rules_paragraphs_and_plain_writes_of_AI_text_report_and_labeled_or_plain_ones_do_not() =>
        FlowVerifier.VerifyAsync(Usings + Code.Header + """
            class App
            {
                async Task Run(IChatClient client, IAnsiConsole console)
                {
                    var ai = (await client.GetResponseAsync("hi")).Text;
                    AnsiConsole.Write(new Rule([|ai|]));
                    AnsiConsole.Write(new Rule([|$"[yellow]{Markup.Escape(ai)}[/]"|]).LeftJustified());
                    AnsiConsole.Write(new Paragraph([|ai|]));
                    AnsiConsole.Write(new Paragraph([|ai|], new Style(Color.Green)));
                    var paragraph = new Paragraph("Answer: ");
                    paragraph.Append([|ai|]);
                    AnsiConsole.Write(paragraph);
                    AnsiConsole.Write([|ai|]);
                    AnsiConsole.Write([|ai + "\n"|]);
                    console.Write([|ai|]);

                    var labeled = Svc.Label(ai);
                    AnsiConsole.Write(new Rule(Markup.Escape(labeled)));
                    AnsiConsole.Write(new Paragraph(labeled));
                    AnsiConsole.Write(new Paragraph(Svc.LabelText + "\n" + ai));
                    var labeledParagraph = new Paragraph("Answer: ");
                    labeledParagraph.Append(Svc.Label(ai));
                    AnsiConsole.Write(labeledParagraph);
                    AnsiConsole.Write(labeled);
                    console.Write(Svc.Label(ai));

                    AnsiConsole.Write(new Rule("[yellow]Answer[/]"));
                    AnsiConsole.Write(new Paragraph("Thinking..."));
                    AnsiConsole.Write("> ");
                    var user = AnsiConsole.Ask<string>("You:");
                    AnsiConsole.Write(new Rule(Markup.Escape(user)));
                    AnsiConsole.Write(new Paragraph(user));
                    AnsiConsole.Write(user);
                    AnsiConsole.Write(new Rule($"{ai.Length} characters"));
                }
            }
            """);
}
