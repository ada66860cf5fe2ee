using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.CodeFixes;
using AiCompliance.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AiCompliance.Tests.Infrastructure;

/// <summary>
/// Runs the AIC001 code fix the way an IDE does, on a workspace whose project has the generator's output as ordinary
/// documents (Microsoft.CodeAnalysis.Testing cannot run the generator before the analyzer): the same references as
/// <see cref="FlowVerifier"/>, AIC001 from <see cref="UnlabeledAiOutputAnalyzer"/>, the provider's actions (or its
/// Fix All provider) applied through their operations.
/// </summary>
public sealed class CodeFixHarness
{
    private const string TestPath = "/0/Test0.cs";

    private CodeFixHarness(Solution solution, DocumentId documentId, ImmutableArray<Diagnostic> diagnostics)
    {
        Solution = solution;
        DocumentId = documentId;
        Diagnostics = diagnostics;
    }

    public static WrapWithLabelCodeFixProvider Provider { get; } = new();

    public Solution Solution { get; }

    public DocumentId DocumentId { get; }

    public Document Document => Solution.GetDocument(DocumentId)!;

    /// <summary>AIC001 in the test document, in source order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>A workspace with the test source and the generated service code; the source must compile.</summary>
    public static async Task<CodeFixHarness> CreateAsync(string source)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var project = ProjectInfo.Create(
            projectId,
            VersionStamp.Create(),
            "FixTest",
            "FixTest",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                    ["CS1705"] = ReportDiagnostic.Suppress,
                }),
            parseOptions: TestReferences.ParseOptions,
            metadataReferences: FlowVerifier.All);
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(project)
            .AddDocument(documentId, "Test0.cs", SourceText.From(source), filePath: TestPath);

        // The generator's output becomes plain documents, so the code fix sees Label as it would in a build.
        var compilation = (await solution.GetProject(projectId)!.GetCompilationAsync())!;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new RegisteredAiServiceGenerator().AsSourceGenerator() }, parseOptions: TestReferences.ParseOptions);
        var generated = driver.RunGenerators(compilation).GetRunResult().GeneratedTrees;
        Assert.NotEmpty(generated);
        foreach (var tree in generated)
        {
            var name = Path.GetFileName(tree.FilePath);
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name, await tree.GetTextAsync(), filePath: "/0/" + name);
        }

        var diagnostics = await AnalyzeAsync(solution.GetProject(projectId)!);
        return new CodeFixHarness(solution, documentId, diagnostics);
    }

    /// <summary>Compiles the project (no compiler errors allowed) and returns AIC001 of the test document in source order.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "Code does not compile:\n" + string.Join("\n", errors) + "\n\n" + (await project.Documents.First(d => d.FilePath == TestPath).GetTextAsync()));

        var before = UnlabeledAiOutputAnalyzer.InternalErrors;
        var withAnalyzers = compilation.WithAnalyzers(
            TestAnalyzers.FlowRules,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.True(diagnostics.All(d => d.Id != "AD0001"), "Analyzer threw:\n" + string.Join("\n", diagnostics.Where(d => d.Id == "AD0001")));
        Assert.True(UnlabeledAiOutputAnalyzer.InternalErrors == before, "Analyzer swallowed an exception: " + UnlabeledAiOutputAnalyzer.LastInternalError);
        return diagnostics
            .Where(d => d.Id == DiagnosticIds.UnlabeledAiOutput && d.Location.SourceTree?.FilePath == TestPath)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    /// <summary>The code actions the provider registers for one diagnostic, in registration order.</summary>
    public async Task<IReadOnlyList<CodeAction>> ActionsAsync(Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(Document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await Provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    /// <summary>Applies an action through its operations; returns the changed solution.</summary>
    public static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
    }

    /// <summary>The provider's Fix All (document scope) for one equivalence key; returns the changed solution.</summary>
    public async Task<Solution> FixAllAsync(string equivalenceKey)
    {
        var fixAll = Provider.GetFixAllProvider();
        Assert.NotNull(fixAll);
        Assert.Contains(FixAllScope.Document, fixAll.GetSupportedFixAllScopes());
        var context = new FixAllContext(
            Document,
            Provider,
            FixAllScope.Document,
            equivalenceKey,
            Provider.FixableDiagnosticIds,
            new FixedDiagnostics(Diagnostics),
            CancellationToken.None);
        var action = await fixAll.GetFixAsync(context);
        Assert.NotNull(action);
        return await ApplyAsync(action);
    }

    /// <summary>The test document's text in <paramref name="solution"/>.</summary>
    public async Task<string> TextAsync(Solution solution) => (await solution.GetDocument(DocumentId)!.GetTextAsync()).ToString();

    /// <summary>AIC001 left in the test document of <paramref name="solution"/>; asserts it compiles.</summary>
    public Task<ImmutableArray<Diagnostic>> RemainingAsync(Solution solution) => AnalyzeAsync(solution.GetProject(DocumentId.ProjectId)!);

    private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(document.FilePath == TestPath ? _diagnostics : ImmutableArray<Diagnostic>.Empty);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(ImmutableArray<Diagnostic>.Empty);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
