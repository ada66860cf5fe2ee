using System.Globalization;
using System.Linq;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AiCompliance.Cli.Reporting;

/// <summary><c>--format table</c> (default): Spectre.Console tables; plain text when the console has no colors.</summary>
internal static class TableReportWriter
{
    public static void Write(ScanReport report, IAnsiConsole console)
    {
        console.Write(new Rule("[bold]AiCompliance scan[/]: " + Markup.Escape(report.Input)).LeftJustified());
        console.WriteLine();
        console.Write(new Markup(report.Compliant ? "[bold green]✔ COMPLIANT[/]" : report.HasBlockingFindings ? "[bold red]✘ NOT COMPLIANT[/]" : "[bold yellow]? INCOMPLETE[/] (nothing unlabeled was found, but part of the app was not checked)"));
        console.WriteLine();
        console.WriteLine();

        var projects = NewTable("Projects", report.Projects.Count, "Project", "Path", "Compiler errors");
        foreach (var p in report.Projects)
        {
            projects.AddRow(T(p.Name), T(p.Path), p.CompilerErrors == 0 ? T("0") : new Markup("[yellow]" + p.CompilerErrors.ToString(CultureInfo.InvariantCulture) + "[/]"));
        }

        Show(console, projects, report.Projects.Count);

        var services = NewTable("Registered services", report.Services.Count, "Service", "Number", "Valid", "Location", "Problem");
        foreach (var s in report.Services)
        {
            services.AddRow(
                T(s.Name + "\n" + s.Type),
                T(s.Number ?? "null"),
                s.Valid ? new Markup("[green]valid[/]") : new Markup("[red]invalid[/]"),
                T(s.Location.ToString()),
                T(s.Problem ?? string.Empty));
        }

        Show(console, services, report.Services.Count);

        var sources = NewTable("AI sources", report.Sources.Count, "Source", "Labeling client", "Location");
        foreach (var s in report.Sources)
        {
            sources.AddRow(T(s.Description), s.ThroughLabelingClient ? new Markup("[green]yes[/]") : T("no"), T(s.Location.ToString()));
        }

        Show(console, sources, report.Sources.Count);

        var outputs = NewTable(
            "User-facing outputs",
            report.Outputs.Count,
            "Sink",
            "Source",
            "Labeled",
            "Location");
        foreach (var o in report.Outputs)
        {
            outputs.AddRow(
                T(o.Sink + (o.Via is null ? string.Empty : " via " + o.Via)),
                T(o.Source),
                o.Labeled ? new Markup("[green]labeled[/]") : new Markup("[bold red]UNLABELED[/]"),
                T(o.Location.ToString()));
        }

        Show(console, outputs, report.Outputs.Count);

        var findings = NewTable("Findings", report.Findings.Count, "Id", "Severity", "Location", "Message");
        foreach (var f in report.Findings)
        {
            var color = f.Severity switch
            {
                "error" => "red",
                "warning" => "yellow",
                _ => "blue",
            };
            findings.AddRow(T(f.Id), new Markup("[" + color + "]" + f.Severity + "[/]"), T(f.Location.ToStringWithColumn()), T(f.Message));
        }

        Show(console, findings, report.Findings.Count);

        var incomplete = NewTable("Not checked", report.Incomplete.Count, "Project", "What failed", "Detail");
        foreach (var i in report.Incomplete)
        {
            incomplete.AddRow(T(i.Project), new Markup("[yellow]" + Markup.Escape(i.Kind) + "[/]"), T(i.Detail));
        }

        Show(console, incomplete, report.Incomplete.Count);

        if (report.Warnings.Count > 0)
        {
            console.Write(new Markup("[bold yellow]Scan warnings[/]"));
            console.WriteLine();
            foreach (var warning in report.Warnings)
            {
                console.Write(new Markup("[yellow]  warning:[/] " + Markup.Escape(warning)));
                console.WriteLine();
            }

            console.WriteLine();
        }

        var color2 = report.Compliant ? "green" : report.HasBlockingFindings ? "red" : "yellow";
        console.Write(new Markup("[bold " + color2 + "]" + Markup.Escape(report.SummaryLine) + "[/]"));
        console.WriteLine();
    }

    private static Table NewTable(string title, int count, params string[] headers)
    {
        var table = new Table()
            .Border(TableBorder.Rounded)
            .Title("[bold]" + Markup.Escape(title) + "[/] (" + count.ToString(CultureInfo.InvariantCulture) + ")");
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Markup("[bold]" + Markup.Escape(header) + "[/]")));
        }

        return table;
    }

    private static void Show(IAnsiConsole console, Table table, int count)
    {
        if (count == 0)
        {
            console.Write(new Markup(table.Title!.Text + ": [grey]none[/]"));
            console.WriteLine();
            console.WriteLine();
            return;
        }

        console.Write(table);
        console.WriteLine();
    }

    private static Text T(string text) => new Text(text);

    /// <summary>A console writing to <paramref name="writer"/>: colors only on a terminal, a wide page elsewhere.</summary>
    public static IAnsiConsole CreateConsole(System.IO.TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}
