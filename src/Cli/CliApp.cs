using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.Cli.Reporting;
using AiCompliance.Cli.Scanning;
using Spectre.Console;

namespace AiCompliance.Cli;

/// <summary>
/// The <c>aicompliance</c> command: parses the arguments, restores, scans, writes the report, returns the exit code
/// (0 compliant, 1 findings, 2 could not scan, 3 incomplete). Callable in-process (tests) with any writers.
/// </summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var error = TextWriter.Synchronized(console.Error);
        try
        {
            var command = CommandLine.Parse(args);
            if (command.ShowHelp)
            {
                console.Out.WriteLine(CommandLine.Usage);
                return ExitCodes.Compliant;
            }

            if (command.ShowVersion)
            {
                console.Out.WriteLine(ToolInfo.Name + " " + ToolInfo.Version);
                return ExitCodes.Compliant;
            }

            var target = ScanTarget.Resolve(command.Path);
            var report = await ScanWithProgressAsync(command, target, console, error, cancellationToken).ConfigureAwait(false);
            WriteReport(report, command, console);
            return report.ExitCode;
        }
        catch (ScanFailedException ex)
        {
            error.WriteLine("aicompliance: error: " + WorkspaceScanner.OneLine(ex.Message));
            return ExitCodes.CouldNotScan;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("aicompliance: error: cancelled");
            return ExitCodes.CouldNotScan;
        }
#pragma warning disable CA1031 // a crash must still end with exit code 2 and one line
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.WriteLine("aicompliance: error: unexpected failure: " + ex.GetType().Name + ": " + WorkspaceScanner.OneLine(ex.Message));
            return ExitCodes.CouldNotScan;
        }
    }

    private static async Task<ScanReport> ScanWithProgressAsync(CommandLine command, ScanTarget target, CliConsole console, TextWriter error, CancellationToken cancellationToken)
    {
        if (command.Quiet)
        {
            return await ScanAsync(command, target, new QuietProgress(error), cancellationToken).ConfigureAwait(false);
        }

        if (!console.InteractiveProgress)
        {
            return await ScanAsync(command, target, new PlainProgress(error), cancellationToken).ConfigureAwait(false);
        }

        // The live display goes to standard error so that a report on standard output stays clean.
        var progressConsole = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        LiveProgress? live = null;
        ScanReport? report = null;
        try
        {
            await progressConsole.Progress()
                .AutoClear(true)
                .HideCompleted(false)
                .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    live = new LiveProgress(context);
                    report = await ScanAsync(command, target, live, cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
        }
        finally
        {
            foreach (var warning in live?.Warnings ?? Array.Empty<string>())
            {
                progressConsole.MarkupLine("[yellow]warning:[/] " + Markup.Escape(warning));
            }
        }

        return report!;
    }

    private static async Task<ScanReport> ScanAsync(CommandLine command, ScanTarget target, IScanProgress progress, CancellationToken cancellationToken)
    {
        if (!command.NoRestore)
        {
            // An unchanged, restored project is not restored again (RestoreState says what "unchanged" means).
            var files = RestoreState.FilesToRestore(target);
            if (files.Count == 0)
            {
                progress.RestoreSkipped();
            }
            else
            {
                foreach (var file in files)
                {
                    progress.Restoring(ReportBuilder.Relative(target.Root, file));
                    await Restorer.RestoreAsync(file, cancellationToken).ConfigureAwait(false);
                }

                RestoreState.Stamp(target);
                progress.Restored();
            }
        }

        MSBuildRegistration.EnsureRegistered(target.Root);
        return await ScanRegisteredAsync(target, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Kept apart so that no MSBuild type is loaded before the locator has registered an MSBuild.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<ScanReport> ScanRegisteredAsync(ScanTarget target, IScanProgress progress, CancellationToken cancellationToken) =>
        WorkspaceScanner.ScanAsync(target, progress, cancellationToken);

    private static void WriteReport(ScanReport report, CommandLine command, CliConsole console)
    {
        if (command.OutputFile is null)
        {
            Write(report, command.Format, console.Out, console.OutIsTerminal);
            console.Out.Flush();
            return;
        }

        try
        {
            var full = Path.GetFullPath(command.OutputFile);
            var folder = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            using (var writer = new StreamWriter(full, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                Write(report, command.Format, writer, terminal: false);
            }

            console.Error.WriteLine($"report written to {command.OutputFile}");
            console.Error.WriteLine(report.SummaryLine);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScanFailedException($"could not write the report to '{command.OutputFile}': {ex.Message}", ex);
        }
    }

    private static void Write(ScanReport report, ReportFormat format, TextWriter writer, bool terminal)
    {
        switch (format)
        {
            case ReportFormat.Markdown:
                MarkdownReportWriter.Write(report, writer);
                break;
            case ReportFormat.Json:
                JsonReportWriter.Write(report, writer);
                break;
            case ReportFormat.Sarif:
                SarifReportWriter.Write(report, writer);
                break;
            case ReportFormat.Html:
                HtmlReportWriter.Write(report, writer, DateTimeOffset.Now);
                break;
            default:
                TableReportWriter.Write(report, TableReportWriter.CreateConsole(writer, terminal));
                break;
        }
    }
}
