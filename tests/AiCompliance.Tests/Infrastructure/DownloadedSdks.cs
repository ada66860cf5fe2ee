using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Tests.Infrastructure;

/// <summary>
/// SDK assemblies downloaded at restore (PackageDownload, tests/Shared/DownloadedSdks.props) and referenced here as
/// metadata only: versions the test project cannot reference as packages (Azure.AI.OpenAI 1.0 betas beside 2.x), or
/// packages whose dependencies or native runtimes it must not take in (LLamaSharp, ONNX Runtime GenAI, Azure Functions).
/// Their paths come from the restore's NuGet package root, written into this assembly as <c>DownloadedSdk:key</c>
/// metadata. Nothing is downloaded or loaded at test time.
/// </summary>
public static class DownloadedSdks
{
    /// <summary>The DLL of the <c>DownloadedSdk</c> item <paramref name="key"/> as a metadata reference.</summary>
    public static MetadataReference Reference(string key)
    {
        var name = "DownloadedSdk:" + key;
        var path = typeof(DownloadedSdks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == name)?.Value;
        if (string.IsNullOrEmpty(path))
        {
            throw new InvalidOperationException($"No '{name}' metadata: add the DownloadedSdk item to tests/Shared/DownloadedSdks.props.");
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"'{path}' is missing: restore the test project (the package is a PackageDownload in tests/Shared/DownloadedSdks.props).");
        }

        return MetadataReference.CreateFromFile(path);
    }

    /// <summary>
    /// <paramref name="baseline"/> with the assembly of the same file name as each of <paramref name="keys"/> replaced
    /// by the downloaded one (Azure.AI.OpenAI 2.x out, 1.0.0-beta.6 in), or added.
    /// </summary>
    public static ImmutableArray<MetadataReference> Over(ImmutableArray<MetadataReference> baseline, params string[] keys)
    {
        var added = keys.Select(Reference).Cast<PortableExecutableReference>().ToList();
        var names = added.Select(r => Path.GetFileName(r.FilePath!)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return baseline.Where(r => r is not PortableExecutableReference { FilePath: { } file } || !names.Contains(Path.GetFileName(file)))
            .Concat(added)
            .ToImmutableArray();
    }
}
