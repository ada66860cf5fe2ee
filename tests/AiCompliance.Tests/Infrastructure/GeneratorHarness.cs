using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using AiCompliance.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AiCompliance.Tests.Infrastructure;

/// <summary>Runs the generator over a compilation, checks the result compiles cleanly, and loads it to run.</summary>
public static class GeneratorHarness
{
    public static (CSharpCompilation Output, GeneratorDriverRunResult Result) Run(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new RegisteredAiServiceGenerator().AsSourceGenerator() },
            parseOptions: (CSharpParseOptions)compilation.SyntaxTrees.First().Options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        return ((CSharpCompilation)output, driver.GetRunResult());
    }

    /// <summary>The generated sources, by hint name.</summary>
    public static IReadOnlyDictionary<string, string> Generate(string source, bool withMeai = false, CSharpParseOptions? parseOptions = null)
    {
        var (output, result) = Run(TestReferences.Compile(source, withMeai, parseOptions: parseOptions));
        AssertNoWarnings(output);
        return result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
    }

    /// <summary>Every diagnostic of warning level or above, with generated code included, fails the test.</summary>
    public static void AssertNoWarnings(Compilation compilation)
    {
        var problems = compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning || d.IsWarningAsError)
            .ToList();
        Assert.True(problems.Count == 0, "Generated code does not compile cleanly:\n" + string.Join("\n", problems) + "\n\n" +
            string.Join("\n\n", compilation.SyntaxTrees.Skip(1).Select(t => t.ToString())));
    }

    /// <summary>Generates, compiles with the generated code and loads the assembly into a collectible context.</summary>
    public static Assembly GenerateAndLoad(string source, bool withMeai = false)
    {
        var (output, _) = Run(TestReferences.Compile(source, withMeai, assemblyName: "Gen" + Guid.NewGuid().ToString("N")));
        AssertNoWarnings(output);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        context.Resolving += (ctx, name) => AssemblyLoadContext.Default.LoadFromAssemblyName(name);
        return context.LoadFromStream(stream);
    }
}
