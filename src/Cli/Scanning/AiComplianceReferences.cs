using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using AiCompliance.Analyzers;
using AiCompliance.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Cli.Scanning;

/// <summary>
/// The analyzers and the generator this CLI was built with, as analyzer references a loaded project can carry in
/// place of whatever AiCompliance version the project references itself.
/// </summary>
internal static class AiComplianceReferences
{
    /// <summary>Every concrete <see cref="DiagnosticAnalyzer"/> of the AiCompliance.Analyzers assembly.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(UnlabeledAiOutputAnalyzer).Assembly
        .GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>The analyzers, as a reference.</summary>
    public static AnalyzerReference AnalyzerReference { get; } =
        new AnalyzerImageReference(Analyzers, display: "AiCompliance analyzers (aicompliance CLI)");

    /// <summary>The generator, as a reference (<see cref="AnalyzerImageReference"/> cannot carry generators).</summary>
    public static AnalyzerReference GeneratorReference { get; } = new GeneratorImageReference(
        ImmutableArray.Create(new RegisteredAiServiceGenerator().AsSourceGenerator()),
        "AiCompliance generator (aicompliance CLI)");

    /// <summary>Every descriptor the analyzers support, by id.</summary>
    public static ImmutableDictionary<string, DiagnosticDescriptor> Descriptors { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Whether the reference is an AiCompliance assembly (from a package or a project reference).</summary>
    public static bool IsAiComplianceReference(AnalyzerReference reference)
    {
        if (ReferenceEquals(reference, AnalyzerReference) || ReferenceEquals(reference, GeneratorReference))
        {
            return true;
        }

        var name = reference.FullPath is { Length: > 0 } path ? Path.GetFileNameWithoutExtension(path) : reference.Display;
        return name is not null && name.StartsWith("AiCompliance.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An in-memory reference that provides source generators (and no analyzers).</summary>
    private sealed class GeneratorImageReference : AnalyzerReference
    {
        private readonly ImmutableArray<ISourceGenerator> _generators;

        public GeneratorImageReference(ImmutableArray<ISourceGenerator> generators, string display)
        {
            _generators = generators;
            Display = display;
        }

        public override string? FullPath => null;

        public override string Display { get; }

        public override object Id => this;

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzersForAllLanguages() => ImmutableArray<DiagnosticAnalyzer>.Empty;

        public override ImmutableArray<DiagnosticAnalyzer> GetAnalyzers(string language) => ImmutableArray<DiagnosticAnalyzer>.Empty;

        public override ImmutableArray<ISourceGenerator> GetGeneratorsForAllLanguages() => _generators;

        public override ImmutableArray<ISourceGenerator> GetGenerators(string language) =>
            language == LanguageNames.CSharp ? _generators : ImmutableArray<ISourceGenerator>.Empty;
    }
}
