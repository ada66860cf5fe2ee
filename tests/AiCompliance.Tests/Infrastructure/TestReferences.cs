using System;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace AiCompliance.Tests.Infrastructure;

/// <summary>Metadata references that never download: .NET 10 reference assemblies plus assemblies this project ships with.</summary>
public static class TestReferences
{
    /// <summary>The attributes assembly of the package (lib/netstandard2.0).</summary>
    public static MetadataReference Attributes { get; } = MetadataReference.CreateFromFile(typeof(RegisteredAiServiceAttribute).Assembly.Location);

    /// <summary>Microsoft.Extensions.AI.Abstractions as referenced by this test project.</summary>
    public static MetadataReference MeaiAbstractions { get; } = MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.AI.IChatClient).Assembly.Location);

    public static ImmutableArray<MetadataReference> Net100 { get; } = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

    /// <summary>Core references plus the attributes, optionally Microsoft.Extensions.AI.Abstractions.</summary>
    public static ImmutableArray<MetadataReference> For(bool withMeai) =>
        withMeai ? Net100.Add(Attributes).Add(MeaiAbstractions) : Net100.Add(Attributes);

    /// <summary>For Microsoft.CodeAnalysis.Testing: no reference package (nothing to download); references are added explicitly.</summary>
    public static ReferenceAssemblies NoDownload { get; } = new ReferenceAssemblies("net10.0");

    public static CSharpParseOptions ParseOptions { get; } = new CSharpParseOptions(LanguageVersion.Latest);

    public static CSharpCompilation Compile(string source, bool withMeai = false, string assemblyName = "TestProject", CSharpParseOptions? parseOptions = null) =>
        CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions ?? ParseOptions, path: "Test0.cs") },
            For(withMeai),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
}
