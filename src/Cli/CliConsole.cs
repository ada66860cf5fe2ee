using System;
using System.IO;
using Spectre.Console;

namespace AiCompliance.Cli;

/// <summary>Where the CLI writes: the report to <see cref="Out"/>, progress, warnings and errors to <see cref="Error"/>.</summary>
internal sealed class CliConsole
{
    public CliConsole(TextWriter @out, TextWriter error, bool outIsTerminal = false, bool interactiveProgress = false)
    {
        Out = @out;
        Error = error;
        OutIsTerminal = outIsTerminal;
        InteractiveProgress = interactiveProgress;
    }

    /// <summary>The report (unless <c>--output</c> is given).</summary>
    public TextWriter Out { get; }

    /// <summary>Progress lines, warnings and the one-line reason of a failed scan.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether <see cref="Out"/> is a terminal (colors and the terminal's width for the table format).</summary>
    public bool OutIsTerminal { get; }

    /// <summary>Whether to show the live progress display (on standard error) instead of plain progress lines.</summary>
    public bool InteractiveProgress { get; }

    public static CliConsole FromSystemConsole() => new(
        Console.Out,
        Console.Error,
        outIsTerminal: !Console.IsOutputRedirected,
        interactiveProgress: AnsiConsole.Profile.Capabilities.Interactive && !Console.IsErrorRedirected);
}
