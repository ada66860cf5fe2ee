using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AiCompliance.Tests.Infrastructure;

/// <summary>Assemblies compiled from test source into memory, for tests that need an SDK or a library as metadata.</summary>
public static class EmittedAssembly
{
    /// <summary>An in-memory assembly (emitted, so it is metadata like a package's DLL).</summary>
    public static MetadataReference Emit(string assemblyName, string source, params MetadataReference[] references)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions) },
            TestReferences.Net100.AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
