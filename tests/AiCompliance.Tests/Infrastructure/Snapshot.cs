using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit.Sdk;

namespace AiCompliance.Tests.Infrastructure;

/// <summary>
/// Snapshot files under <c>tests/AiCompliance.Tests/Snapshots</c>. A missing or changed snapshot fails the test with a
/// line diff; <c>UPDATE_SNAPSHOTS=1</c> rewrites them instead (review the diff in git before committing).
/// </summary>
public static class Snapshot
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";

    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(FindProjectDirectory(callerPath), "Snapshots");
        var path = Path.Combine(directory, name + ".verified.txt");
        actual = Normalize(actual);
        if (Updating)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        if (!File.Exists(path))
        {
            throw new XunitException($"Snapshot '{name}' is missing ({path}). Run the tests with UPDATE_SNAPSHOTS=1 to create it, then review it.\n--- actual ---\n{actual}");
        }

        var expected = Normalize(File.ReadAllText(path));
        if (expected != actual)
        {
            throw new XunitException($"Snapshot '{name}' changed ({path}). Run with UPDATE_SNAPSHOTS=1 to accept.\n{Diff(expected, actual)}");
        }
    }

    public static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual);
        var sb = new StringBuilder();
        foreach (var line in model.Lines)
        {
            switch (line.Type)
            {
                case ChangeType.Inserted: sb.Append("+ ").AppendLine(line.Text); break;
                case ChangeType.Deleted: sb.Append("- ").AppendLine(line.Text); break;
                case ChangeType.Modified: sb.Append("~ ").AppendLine(line.Text); break;
            }
        }

        return sb.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static string FindProjectDirectory(string callerPath)
    {
        var dir = Path.GetDirectoryName(callerPath);
        while (dir is not null && !File.Exists(Path.Combine(dir, "AiCompliance.Tests.csproj")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Cannot find the test project directory from " + callerPath);
    }
}
