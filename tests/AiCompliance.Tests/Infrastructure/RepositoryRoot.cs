using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace AiCompliance.Tests.Infrastructure;

/// <summary>The repository's root (the folder holding Toolkit.sln), found from this source file's path.</summary>
public static class RepositoryRoot
{
    public static string Find([CallerFilePath] string path = "")
    {
        var dir = Path.GetDirectoryName(path);
        while (dir is not null && !File.Exists(Path.Combine(dir, "Toolkit.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Toolkit.sln not found above " + path);
    }
}
