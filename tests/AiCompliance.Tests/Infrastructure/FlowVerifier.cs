using AiCompliance.Tests.Infrastructure;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AiCompliance.Tests.Infrastructure;

/// <summary>
/// Runs AIC001 over test code the way a build does: real SDK and ASP.NET Core assemblies, the AiCompliance generator
/// (so <c>Label</c> and <c>WithLabels</c> exist), then the analyzer. Expected reports are marked <c>[|expression|]</c>;
/// every report must be marked and every mark reported. The test code itself must compile without errors.
/// </summary>
public static class FlowVerifier
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(BuildReferences);
    private static readonly Lazy<ImmutableArray<MetadataReference>> AgentFrameworkReferences = new(() => All.AddRange(new[]
    {
        MetadataReference.CreateFromFile(typeof(Microsoft.Agents.AI.ChatClientAgent).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Agents.AI.AIAgent).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Agents.AI.Workflows.Workflow).Assembly.Location),
    }));

    public static ImmutableArray<MetadataReference> All => References.Value;

    /// <summary>
    /// <see cref="All"/> plus the Agent Framework (Microsoft.Agents.AI, its abstractions and workflows), which defines
    /// a <c>Microsoft.Extensions.AI.ChatClientExtensions</c> of its own (next to the one of Microsoft.Extensions.AI.Abstractions). Opt-in
    /// (<see cref="FlowRun.References"/>): the other tests compile against <see cref="All"/>.
    /// </summary>
    public static ImmutableArray<MetadataReference> WithAgentFramework => AgentFrameworkReferences.Value;

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var set = new Dictionary<string, MetadataReference>(StringComparer.OrdinalIgnoreCase);
        foreach (var reference in TestReferences.Net100)
        {
            set[((PortableExecutableReference)reference).Display ?? Guid.NewGuid().ToString()] = reference;
        }

        void Add(Type type)
        {
            var location = type.Assembly.Location;
            set[Path.GetFileName(location)] = MetadataReference.CreateFromFile(location);
        }

        // ASP.NET Core shared framework (implementation assemblies work as references).
        var aspnet = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.Results).Assembly.Location)!;
        foreach (var file in Directory.GetFiles(aspnet, "*.dll"))
        {
            var name = Path.GetFileName(file);
            if ((name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions", StringComparison.Ordinal) || name == "Microsoft.Net.Http.Headers.dll") && !set.ContainsKey(name))
            {
                try
                {
                    using var stream = File.OpenRead(file);
                    using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
                    if (pe.HasMetadata)
                    {
                        set[name] = MetadataReference.CreateFromFile(file);
                    }
                }
                catch (BadImageFormatException)
                {
                }
            }
        }

        // A newer Microsoft.Extensions.* in this test project's output replaces the shared framework's (on
        // Microsoft.Extensions.AI 11, its AddChatClient needs DependencyInjection.Abstractions 11: CS1705 otherwise).
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "Microsoft.Extensions.*.dll"))
        {
            var name = Path.GetFileName(file);
            if (set.TryGetValue(name, out var existing) && existing is PortableExecutableReference { FilePath: { } current } &&
                System.Reflection.AssemblyName.GetAssemblyName(file).Version > System.Reflection.AssemblyName.GetAssemblyName(current).Version)
            {
                set[name] = MetadataReference.CreateFromFile(file);
            }
        }

        Add(typeof(RegisteredAiServiceAttribute));
        Add(typeof(Microsoft.Extensions.AI.IChatClient));
        Add(typeof(Microsoft.Extensions.AI.ChatClientBuilder));
        Add(typeof(OpenAI.Chat.ChatClient));
        Add(typeof(System.ClientModel.ClientResult));
        Add(typeof(System.BinaryData)); // System.Memory.Data: OpenAI's images and speech
        Add(typeof(Azure.AI.OpenAI.AzureOpenAIClient));
        Add(typeof(Azure.Core.TokenCredential));
        Add(typeof(Microsoft.SemanticKernel.Kernel));
        Add(typeof(Microsoft.SemanticKernel.KernelExtensions));
        Add(typeof(Anthropic.AnthropicClient));
        Add(typeof(OllamaSharp.OllamaApiClient));
        Add(typeof(Azure.AI.Inference.ChatCompletionsClient));
        Add(typeof(Spectre.Console.AnsiConsole));
        Add(typeof(Spectre.Console.Style)); // Spectre.Console.Ansi
        return set.Values.ToImmutableArray();
    }

    /// <summary>Marks as they appear in a source: spans to expect AIC001 at.</summary>
    public static (string Source, List<TextSpan> Spans) ParseMarkup(string markup)
    {
        var spans = new List<TextSpan>();
        var sb = new StringBuilder();
        var stack = new Stack<int>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '[' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                stack.Push(sb.Length);
                i++;
            }
            else if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == ']' && stack.Count > 0)
            {
                var start = stack.Pop();
                spans.Add(TextSpan.FromBounds(start, sb.Length));
                i++;
            }
            else
            {
                sb.Append(markup[i]);
            }
        }

        return (sb.ToString(), spans);
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, bool allowCompilerErrors = false, params string[] extraSources)
    {
        var all = await AnalyzeAllAsync(source, allowCompilerErrors, enableReportDiagnostics: false, extraSources);
        return all.Where(d => d.Id == DiagnosticIds.UnlabeledAiOutput).ToImmutableArray();
    }

    /// <summary>Every AIC diagnostic; with <paramref name="enableReportDiagnostics"/> also AIC900/AIC901 (off by default).</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAllAsync(string source, bool allowCompilerErrors, bool enableReportDiagnostics, params string[] extraSources) =>
        AnalyzeAllAsync(source, allowCompilerErrors, enableReportDiagnostics, ImmutableArray<AdditionalText>.Empty, extraSources);

    /// <summary>As above, with additional files (pages and views) passed to the analyzers.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAllAsync(string source, bool allowCompilerErrors, bool enableReportDiagnostics, ImmutableArray<AdditionalText> additionalFiles, params string[] extraSources)
    {
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions, path: "/0/Test0.cs") };
        for (var i = 0; i < extraSources.Length; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(extraSources[i], TestReferences.ParseOptions, path: $"/0/Test{i + 1}.cs"));
        }

        return await AnalyzeTreesAsync(trees, allowCompilerErrors, enableReportDiagnostics, additionalFiles);
    }

    /// <summary>Every AIC diagnostic (and AIC900/AIC901 off) with the settings of <paramref name="run"/>.</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAllAsync(string source, FlowRun run, params string[] extraSources)
    {
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions, path: "/0/Test0.cs") };
        for (var i = 0; i < extraSources.Length; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(extraSources[i], TestReferences.ParseOptions, path: $"/0/Test{i + 1}.cs"));
        }

        return AnalyzeTreesAsync(trees, allowCompilerErrors: false, enableReportDiagnostics: false, run.AdditionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : run.AdditionalFiles, run);
    }

    /// <summary>
    /// Every AIC diagnostic for sources at chosen paths (e.g. Razor output named <c>/0/Components/Chat.razor.g.cs</c>,
    /// which the analyzer driver treats as generated code).
    /// </summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeFilesAsync(IEnumerable<(string Path, string Text)> files, bool enableReportDiagnostics = false, bool allowCompilerErrors = false, FlowRun? run = null) =>
        AnalyzeTreesAsync(
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, TestReferences.ParseOptions, path: f.Path)).ToList(),
            allowCompilerErrors,
            enableReportDiagnostics,
            ImmutableArray<AdditionalText>.Empty,
            run);

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeTreesAsync(List<SyntaxTree> trees, bool allowCompilerErrors, bool enableReportDiagnostics, ImmutableArray<AdditionalText> additionalFiles, FlowRun? run = null)
    {
        run ??= new FlowRun();
        var specific = new Dictionary<string, ReportDiagnostic>
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
            ["CS1705"] = ReportDiagnostic.Suppress,
        };
        if (enableReportDiagnostics)
        {
            specific["AIC900"] = ReportDiagnostic.Warn;
            specific["AIC901"] = ReportDiagnostic.Warn;
        }

        var compilation = CSharpCompilation.Create(
            "FlowTest",
            trees,
            run.References.IsDefault ? All : run.References,
            new CSharpCompilationOptions(run.Executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(specific));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new RegisteredAiServiceGenerator().AsSourceGenerator() }, parseOptions: TestReferences.ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out _);

        if (!allowCompilerErrors)
        {
            var errors = withGenerated.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("AIC", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, "Test code does not compile:\n" + string.Join("\n", errors));
        }

        var before = UnlabeledAiOutputAnalyzer.InternalErrors;
        var analyzers = TestAnalyzers.FlowRules;
        var withAnalyzers = withGenerated.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            run.ConfigOptions is null ? new AnalyzerOptions(additionalFiles) : new AnalyzerOptions(additionalFiles, run.ConfigOptions), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var analyzerErrors = diagnostics.Where(d => d.Id == "AD0001").ToList();
        Assert.True(analyzerErrors.Count == 0, "Analyzer threw:\n" + string.Join("\n", analyzerErrors));
        Assert.True(run.ExpectInternalErrors || UnlabeledAiOutputAnalyzer.InternalErrors == before, "Analyzer swallowed an exception: " + UnlabeledAiOutputAnalyzer.LastInternalError);
        return diagnostics.Where(d => d.Id.StartsWith("AIC", StringComparison.Ordinal)).ToImmutableArray();
    }

    /// <summary>Verifies that AIC001 is reported exactly at the marked spans of the first source.</summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, params string[] extraSources) =>
        (await VerifyAsync(markup, new FlowRun(), extraSources)).Where(d => d.Id == DiagnosticIds.UnlabeledAiOutput).ToImmutableArray();

    /// <summary>As above, with the settings of <paramref name="run"/>; returns every AIC diagnostic, not only AIC001.</summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, FlowRun run, params string[] extraSources)
    {
        var (source, expected) = ParseMarkup(markup);
        var all = await AnalyzeAllAsync(source, run, extraSources);
        var diagnostics = all.Where(d => d.Id == DiagnosticIds.UnlabeledAiOutput).ToImmutableArray();
        var actual = diagnostics.Where(d => d.Location.SourceTree?.FilePath == "/0/Test0.cs").Select(d => d.Location.SourceSpan).OrderBy(s => s.Start).ToList();
        var others = diagnostics.Where(d => d.Location.SourceTree?.FilePath != "/0/Test0.cs").ToList();
        expected = expected.OrderBy(s => s.Start).ToList();
        if (!actual.SequenceEqual(expected) || others.Count > 0)
        {
            string Show(TextSpan span)
            {
                var line = SourceText.From(source).Lines.GetLinePosition(span.Start).Line + 1;
                return $"line {line} '{source.Substring(span.Start, span.Length)}'";
            }

            Assert.Fail("AIC001 mismatch.\nExpected:\n  " + string.Join("\n  ", expected.Select(Show)) +
                        "\nActual:\n  " + string.Join("\n  ", diagnostics.Select(d => d.Location.SourceTree?.FilePath == "/0/Test0.cs" ? Show(d.Location.SourceSpan) + ": " + d.GetMessage() : d.ToString())));
        }

        return all;
    }

    /// <summary>An additional file for tests.</summary>
    public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}

/// <summary>Settings of a <see cref="FlowVerifier"/> run beyond the defaults.</summary>
public sealed class FlowRun
{
    /// <summary>The references to compile against; default: <see cref="FlowVerifier.All"/>.</summary>
    public ImmutableArray<MetadataReference> References { get; init; }

    /// <summary>Analyzer config options (.editorconfig / .globalconfig), e.g. from <see cref="ConfigFiles"/>.</summary>
    public AnalyzerConfigOptionsProvider? ConfigOptions { get; init; }

    /// <summary>Additional files handed to the analyzers (a user model file, pages).</summary>
    public ImmutableArray<AdditionalText> AdditionalFiles { get; init; }

    /// <summary>Compile an executable (top-level statements) instead of a library.</summary>
    public bool Executable { get; init; }

    /// <summary>The test makes the engine fail on purpose: the internal error count may move (it asserts on it itself).</summary>
    public bool ExpectInternalErrors { get; init; }
}

