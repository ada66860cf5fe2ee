using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Spectre.Console;

namespace AiCompliance.Cli.Scanning;

/// <summary>What the scan reports while it runs.</summary>
internal interface IScanProgress
{
    void Restoring(string file);

    void Restored();

    /// <summary>Restore was not needed: every project's assets file is newer than what restore reads.</summary>
    void RestoreSkipped();

    /// <summary>A project was evaluated, built (design time) or resolved by the workspace.</summary>
    void Loading(string project, string? targetFramework, string operation, TimeSpan elapsed);

    void Loaded(int projects);

    void Analyzing(string project, int index, int total);

    /// <summary>A project entered a phase of its analysis (compiling, analyzing); projects may run side by side.</summary>
    void Phase(string project, string phase);

    void Analyzed();

    void Warning(string message);
}

/// <summary>No progress output (<c>--quiet</c>); warnings still go to standard error.</summary>
internal sealed class QuietProgress : IScanProgress
{
    private readonly TextWriter _error;

    public QuietProgress(TextWriter error) => _error = error;

    public void Restoring(string file)
    {
    }

    public void Restored()
    {
    }

    public void RestoreSkipped()
    {
    }

    public void Loading(string project, string? targetFramework, string operation, TimeSpan elapsed)
    {
    }

    public void Loaded(int projects)
    {
    }

    public void Analyzing(string project, int index, int total)
    {
    }

    public void Phase(string project, string phase)
    {
    }

    public void Analyzed()
    {
    }

    public void Warning(string message) => _error.WriteLine("warning: " + message);
}

/// <summary>Plain progress lines on standard error, for logs and redirected output.</summary>
internal sealed class PlainProgress : IScanProgress
{
    private readonly TextWriter _error;

    public PlainProgress(TextWriter error) => _error = error;

    public void Restoring(string file) => _error.WriteLine("restoring " + file);

    public void Restored()
    {
    }

    public void RestoreSkipped() => _error.WriteLine("restore skipped: already restored and unchanged since");

    public void Loading(string project, string? targetFramework, string operation, TimeSpan elapsed)
    {
        if (operation == "Resolve")
        {
            _error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loaded {project}{(targetFramework is null ? string.Empty : " (" + targetFramework + ")")} in {elapsed.TotalSeconds:0.0}s"));
        }
    }

    public void Loaded(int projects) => _error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loaded {projects} C# project{(projects == 1 ? string.Empty : "s")}"));

    public void Analyzing(string project, int index, int total) =>
        _error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"analyzing {project} ({index}/{total})"));

    public void Phase(string project, string phase) => _error.WriteLine(project + ": " + phase);

    public void Analyzed()
    {
    }

    public void Warning(string message) => _error.WriteLine("warning: " + message);
}

/// <summary>The live Spectre.Console progress display (interactive terminals); warnings are shown when it ends.</summary>
internal sealed class LiveProgress : IScanProgress
{
    private readonly ProgressContext _context;
    private readonly List<string> _warnings = new();
    private ProgressTask? _restore;
    private ProgressTask? _load;
    private ProgressTask? _analyze;

    public LiveProgress(ProgressContext context) => _context = context;

    /// <summary>The warnings seen, to print after the display has ended.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_warnings)
            {
                return _warnings.ToArray();
            }
        }
    }

    public void Restoring(string file)
    {
        _restore ??= _context.AddTask("Restoring", maxValue: 1).IsIndeterminate();
        _restore.Description = "Restoring " + Markup.Escape(Path.GetFileName(file));
    }

    public void Restored()
    {
        if (_restore is not null)
        {
            _restore.Description = "Restored";
            _restore.IsIndeterminate = false;
            _restore.Value = _restore.MaxValue;
            _restore.StopTask();
        }
    }

    public void RestoreSkipped()
    {
        var task = _context.AddTask("Restore skipped (already restored)", maxValue: 1);
        task.Value = task.MaxValue;
        task.StopTask();
    }

    public void Loading(string project, string? targetFramework, string operation, TimeSpan elapsed)
    {
        _load ??= _context.AddTask("Loading projects", maxValue: 1).IsIndeterminate();
        _load.Description = Markup.Escape($"Loading {project}{(targetFramework is null ? string.Empty : " (" + targetFramework + ")")}: {operation}");
    }

    public void Loaded(int projects)
    {
        _load ??= _context.AddTask("Loading projects", maxValue: 1);
        _load.Description = string.Create(CultureInfo.InvariantCulture, $"Loaded {projects} C# project{(projects == 1 ? string.Empty : "s")}");
        _load.IsIndeterminate = false;
        _load.Value = _load.MaxValue;
        _load.StopTask();
    }

    public void Analyzing(string project, int index, int total)
    {
        lock (_warnings)
        {
            _analyze ??= _context.AddTask("Analyzing", maxValue: total);
            _analyze.Description = Markup.Escape($"Analyzing {project} ({index}/{total})");
            _analyze.Value = index - 1;
        }
    }

    public void Phase(string project, string phase)
    {
        lock (_warnings)
        {
            _analyze ??= _context.AddTask("Analyzing", maxValue: 1);
            _analyze.Description = Markup.Escape($"{project}: {phase}");
        }
    }

    public void Analyzed()
    {
        if (_analyze is not null)
        {
            _analyze.Description = "Analyzed";
            _analyze.Value = _analyze.MaxValue;
            _analyze.StopTask();
        }
    }

    public void Warning(string message)
    {
        lock (_warnings)
        {
            _warnings.Add(message);
        }
    }
}
