using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Cli.Scanning;

/// <summary>
/// Whether the source generators of a project really ran, as in <c>dotnet build</c>: every analyzer/generator
/// assembly loaded (a generator built for a newer compiler does not), and no generator threw (CS8784/CS8785 in a
/// build). The workspace itself says nothing about either: a Razor app whose generator failed simply has no
/// components. Thread-safe.
/// </summary>
internal sealed class GeneratorCheck
{
    private static readonly Func<Project, CancellationToken, ValueTask<GeneratorDriverRunResult?>>? RunResultAccessor = CreateRunResultAccessor();

    private readonly ConcurrentDictionary<string, string> _loadFailures = new(StringComparer.Ordinal);
    /// <summary>Per analyzer assembly: whether it declares (or yielded) a source generator; read once, in <see cref="Load"/>.</summary>
    private readonly ConcurrentDictionary<string, bool> _hasGenerators = new(StringComparer.Ordinal);

    private static readonly AsyncLocal<bool> s_simulateMissingRunResult = new();

    /// <summary>Set by tests (for their own async flow only): behave as if this Roslyn did not expose the run result.</summary>
    internal static bool SimulateMissingRunResult
    {
        get => s_simulateMissingRunResult.Value;
        set => s_simulateMissingRunResult.Value = value;
    }

    /// <summary>
    /// Loads every analyzer assembly of <paramref name="references"/> (the same instances the workspace uses) and
    /// remembers the ones that fail. Call before the workspace compiles the project.
    /// </summary>
    public void Load(IEnumerable<AnalyzerReference> references)
    {
        foreach (var reference in references)
        {
            if (reference is not AnalyzerFileReference file || _hasGenerators.ContainsKey(file.FullPath))
            {
                continue;
            }

            // Only the generators matter to the scan (it runs none of the project's analyzers): a failure to create an
            // analyzer of an assembly whose generators loaded changes nothing.
            string? failure = null;
            void OnFailed(object? sender, AnalyzerLoadFailureEventArgs e) => failure ??= Describe(e);
            file.AnalyzerLoadFailed += OnFailed;
            var loaded = 0;
            try
            {
                loaded = file.GetGenerators(LanguageNames.CSharp).Length;
            }
#pragma warning disable CA1031 // a reference that cannot be read is a load failure, never a crash of the scan
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure ??= ex.GetType().Name + ": " + ex.Message;
            }
            finally
            {
                file.AnalyzerLoadFailed -= OnFailed;
            }

            var declared = DeclaresGenerators(file.FullPath);
            _hasGenerators[file.FullPath] = declared || loaded > 0;

            // The event fires once per reference: if something enumerated the generators before, a declared generator
            // that did not load is still seen here.
            if (failure is null && declared && loaded == 0)
            {
                failure = "it declares a source generator, but none could be created";
            }

            if (failure is not null)
            {
                _loadFailures.TryAdd(file.FullPath, failure);
            }
        }
    }

    /// <summary>
    /// The problems of <paramref name="project"/>'s generators: assemblies declaring a generator that did not load,
    /// generators that threw. Analyzer-only assemblies that fail to load are returned apart (the scan does not run
    /// third-party analyzers, so they change nothing).
    /// </summary>
    public async Task<(List<string> Problems, List<string> Notes, ImmutableArray<Diagnostic> Diagnostics)> CheckAsync(Project project, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var notes = new List<string>();
        foreach (var reference in project.AnalyzerReferences.OfType<UnresolvedAnalyzerReference>())
        {
            // An analyzer project referenced with OutputItemType="Analyzer" that was never built, or a deleted package.
            var path = reference.FullPath ?? reference.Display;
            problems.Add($"analyzer or source generator assembly '{Path.GetFileName(path)}' was not found at '{path}' (not built yet?); the code it would generate is not checked");
        }

        foreach (var reference in project.AnalyzerReferences.OfType<AnalyzerFileReference>())
        {
            if (_loadFailures.TryGetValue(reference.FullPath, out var failure))
            {
                var name = Path.GetFileName(reference.FullPath);
                if (_hasGenerators.TryGetValue(reference.FullPath, out var hasGenerators) && hasGenerators)
                {
                    problems.Add($"source generator assembly '{name}' could not be loaded: {failure}; the code it generates is not checked");
                }
                else
                {
                    notes.Add($"{project.Name}: analyzer assembly '{name}' could not be loaded ({failure}); it declares no source generator, so the scan is unaffected");
                }
            }
        }

        var result = RunResultAccessor is null || SimulateMissingRunResult ? null : await RunResultAccessor(project, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            if (project.AnalyzerReferences.Any(r => r is AnalyzerFileReference f && _hasGenerators.TryGetValue(f.FullPath, out var has) && has))
            {
                problems.Add("could not verify that its source generators ran (this scanner's Roslyn does not expose the generator run result)");
            }

            return (problems, notes, ImmutableArray<Diagnostic>.Empty);
        }

        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var run in result.Results)
        {
            var generator = GeneratorName(run.Generator);
            if (run.Exception is { } exception)
            {
                problems.Add($"source generator '{generator}' failed ({exception.GetType().Name}: {exception.Message}); the code it generates is not checked");
            }

            diagnostics.AddRange(run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        return (problems, notes, diagnostics.ToImmutable());
    }

    private static string Describe(AnalyzerLoadFailureEventArgs e) => e.ErrorCode switch
    {
        AnalyzerLoadFailureEventArgs.FailureErrorCode.ReferencesNewerCompiler =>
            $"it was built for compiler {e.ReferencedCompilerVersion}, newer than this scanner's {typeof(Compilation).Assembly.GetName().Version} (update aicompliance to the Roslyn of your SDK)",
        AnalyzerLoadFailureEventArgs.FailureErrorCode.ReferencesFramework => "it references .NET Framework",
        _ => e.ErrorCode + (string.IsNullOrEmpty(e.Message) ? string.Empty : ": " + e.Message) + (e.Exception is null ? string.Empty : " (" + e.Exception.GetType().Name + ": " + e.Exception.Message + ")"),
    };

    private static string GeneratorName(ISourceGenerator generator)
    {
        var type = generator.GetGeneratorType();
        return type.Name;
    }

    /// <summary>Whether the assembly declares a type marked <c>[Generator]</c>, read from its metadata without loading it.</summary>
    internal static bool DeclaresGenerators(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return false;
            }

            var reader = pe.GetMetadataReader();
            foreach (var handle in reader.CustomAttributes)
            {
                var attribute = reader.GetCustomAttribute(handle);
                if (attribute.Parent.Kind != HandleKind.TypeDefinition)
                {
                    continue;
                }

                var name = attribute.Constructor.Kind switch
                {
                    HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                        ? reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name)
                        : null,
                    HandleKind.MethodDefinition => reader.GetString(reader.GetTypeDefinition(reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()).Name),
                    _ => null,
                };
                if (name == "GeneratorAttribute")
                {
                    return true;
                }
            }

            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            return true; // unreadable: assume the worst
        }
    }

    /// <summary>
    /// <c>Project.GetSourceGeneratorRunResultAsync</c>: internal in Roslyn (Razor's tooling reaches it the same way),
    /// present in the Roslyn this scanner is built on; null when absent, and then the check says it could not verify.
    /// </summary>
    private static Func<Project, CancellationToken, ValueTask<GeneratorDriverRunResult?>>? CreateRunResultAccessor()
    {
        var method = typeof(Project).GetMethod(
            "GetSourceGeneratorRunResultAsync",
            BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public,
            binder: null,
            new[] { typeof(CancellationToken) },
            modifiers: null);
        if (method is null || method.ReturnType != typeof(ValueTask<GeneratorDriverRunResult?>))
        {
            return null;
        }

        return method.CreateDelegate<Func<Project, CancellationToken, ValueTask<GeneratorDriverRunResult?>>>();
    }
}
