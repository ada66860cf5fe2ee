using System;
using System.Collections.Generic;

namespace AiCompliance.Cli;

/// <summary>The report formats of <c>--format</c>.</summary>
internal enum ReportFormat
{
    Table,
    Markdown,
    Json,
    Sarif,
    Html,
}

/// <summary>What the command line asked for.</summary>
internal sealed class CommandLine
{
    public const string Usage =
        """
        aicompliance: checks a .NET app against China's AI-content labeling rules (GB 45438-2025) with the AiCompliance
        generator and analyzers, and prints a compliance report.

        Usage:
          aicompliance scan <path> [--format table|markdown|json|sarif|html] [--output <file>] [--no-restore] [--quiet]
          aicompliance --help | --version

        <path>            a .sln, .slnx or .csproj file, or a folder (its one solution, else every .csproj below it)
        -f, --format      report format (default: table)
        -o, --output      write the report to this file instead of standard output
        --no-restore      do not run 'dotnet restore' first (the projects must be restored already)
        -q, --quiet       no progress output

        Exit codes: 0 compliant, 1 findings (an AIC diagnostic of severity warning or error), 2 could not scan,
        3 incomplete (no finding, but part of the app could not be checked: the report says what and why).
        """;

    public bool ShowHelp { get; private set; }

    public bool ShowVersion { get; private set; }

    public string Path { get; private set; } = string.Empty;

    public ReportFormat Format { get; private set; } = ReportFormat.Table;

    public string? OutputFile { get; private set; }

    public bool NoRestore { get; private set; }

    public bool Quiet { get; private set; }

    /// <summary>Parses the arguments; throws <see cref="ScanFailedException"/> (exit 2) with a one-line reason on bad usage.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        if (args.Count == 0)
        {
            throw new ScanFailedException("no command given; usage: aicompliance scan <path> [--format table|markdown|json|sarif|html] [--output <file>]");
        }

        if (args.Count == 1 && args[0] is "-h" or "--help" or "-?" or "help")
        {
            result.ShowHelp = true;
            return result;
        }

        if (args.Count == 1 && args[0] is "--version")
        {
            result.ShowVersion = true;
            return result;
        }

        if (args[0] != "scan")
        {
            throw new ScanFailedException($"unknown command '{args[0]}'; usage: aicompliance scan <path> (see aicompliance --help)");
        }

        string? path = null;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            string? inlineValue = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                inlineValue = arg[(eq + 1)..];
                arg = arg[..eq];
            }

            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    result.ShowHelp = true;
                    return result;
                case "-f" or "--format":
                    var format = inlineValue ?? Next(args, ref i, arg);
                    result.Format = format.ToUpperInvariant() switch
                    {
                        "TABLE" or "TEXT" => ReportFormat.Table,
                        "MARKDOWN" or "MD" => ReportFormat.Markdown,
                        "JSON" => ReportFormat.Json,
                        "SARIF" => ReportFormat.Sarif,
                        "HTML" => ReportFormat.Html,
                        _ => throw new ScanFailedException($"unknown format '{format}'; use table, markdown, json, sarif or html"),
                    };
                    break;
                case "-o" or "--output":
                    result.OutputFile = inlineValue ?? Next(args, ref i, arg);
                    if (result.OutputFile.Length == 0)
                    {
                        throw new ScanFailedException("--output needs a file name");
                    }

                    break;
                case "--no-restore":
                    result.NoRestore = true;
                    break;
                case "-q" or "--quiet":
                    result.Quiet = true;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        throw new ScanFailedException($"unknown option '{arg}' (see aicompliance --help)");
                    }

                    if (path is not null)
                    {
                        throw new ScanFailedException($"more than one path given ('{path}', '{arg}'); scan one solution, project or folder at a time");
                    }

                    path = arg;
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ScanFailedException("no path given; usage: aicompliance scan <path to .sln, .slnx, .csproj or folder>");
        }

        result.Path = path;
        return result;
    }

    private static string Next(IReadOnlyList<string> args, ref int i, string option)
    {
        if (i + 1 >= args.Count)
        {
            throw new ScanFailedException($"{option} needs a value");
        }

        return args[++i];
    }
}

/// <summary>The scan could not run (exit code 2); the message is the one-line reason shown to the user.</summary>
internal sealed class ScanFailedException : Exception
{
    public ScanFailedException(string reason)
        : base(reason)
    {
    }

    public ScanFailedException(string reason, Exception inner)
        : base(reason, inner)
    {
    }

    public ScanFailedException()
    {
    }
}
