using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using AiCompliance.Generators;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AiCompliance.Tests.Generator;

/// <summary>
/// The pipeline caches: an unrelated edit reruns nothing observable, models hold no symbols or syntax
/// (the NetEscapades.EnumGenerators pattern), and a relevant edit does change the output.
/// </summary>
public class IncrementalTests
{
    private const string Services = """
        using AiCompliance;

        namespace App
        {
            [RegisteredAiService("Beijing-YunQue-20230821", Provider = "Co")]
            public static partial class First { }

            public partial class Outer
            {
                [RegisteredAiService("Guangdong-Plaud-20251229S0027", LabelPosition = LabelPosition.Both)]
                internal static partial class Second { }
            }
        }
        """;

    private const string Unrelated = """
        namespace App
        {
            public class Unrelated
            {
                public int Value { get; set; }
            }
        }
        """;

    private static readonly CSharpParseOptions ParseOptions = TestReferences.ParseOptions;

    /// <summary>Every step name declared in <see cref="RegisteredAiServiceGenerator.TrackingNames"/>, read by reflection.</summary>
    private static readonly string[] StepNames = typeof(RegisteredAiServiceGenerator.TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new RegisteredAiServiceGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static CSharpCompilation Compilation(bool withMeai, params string[] sources) =>
        CSharpCompilation.Create(
            "Incremental",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Test" + i + ".cs")),
            TestReferences.For(withMeai),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static GeneratorRunResult Run(ref GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        GeneratorHarness.AssertNoWarnings(output);
        var result = Assert.Single(driver.GetRunResult().Results);
        Assert.Null(result.Exception);
        return result;
    }

    private static IEnumerable<(string Step, int Index, object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string step)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), "No tracked step named '" + step + "'; tracked: " + string.Join(", ", result.TrackedSteps.Keys));
        Assert.NotEmpty(runs);
        return runs.SelectMany(run => run.Outputs.Select((o, i) => (step, i, o.Value, o.Reason)));
    }

    private static IncrementalStepRunReason[] SourceOutputReasons(GeneratorRunResult result)
    {
        Assert.True(result.TrackedOutputSteps.TryGetValue(WellKnownGeneratorOutputs.SourceOutput, out var runs), "No source output step");
        return runs.SelectMany(run => run.Outputs).Select(o => o.Reason).ToArray();
    }

    private static Dictionary<string, string> Sources(GeneratorRunResult result) =>
        result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (var step in StepNames)
        {
            var outputs = Outputs(result, step).ToList();
            Assert.NotEmpty(outputs);
            var bad = outputs.Where(o => o.Reason != IncrementalStepRunReason.Cached && o.Reason != IncrementalStepRunReason.Unchanged).ToList();
            Assert.True(bad.Count == 0, "Step '" + step + "' reran: " + string.Join(", ", bad.Select(o => "#" + o.Index + " " + o.Reason + " " + o.Value)));
        }

        // Two outputs per service (its members, its media wrappers) and one for the media labelers (emitted once per compilation).
        var sourceOutputs = SourceOutputReasons(result);
        Assert.Equal(5, sourceOutputs.Length);
        Assert.All(sourceOutputs, r => Assert.Equal(IncrementalStepRunReason.Cached, r));
    }

    [Fact]
    public void The_tracked_step_names_are_the_five_pipeline_steps()
    {
        Assert.Equal(
            new[] { "Capabilities", "Combined", "HasServices", "Services", "ValidServices" },
            StepNames.OrderBy(n => n, StringComparer.Ordinal));

        var driver = CreateDriver();
        var result = Run(ref driver, Compilation(true, Services));
        Assert.All(StepNames, name => Assert.Contains(name, result.TrackedSteps.Keys));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Adding_an_unrelated_file_reuses_every_step_and_the_output(bool withMeai)
    {
        var driver = CreateDriver();
        var compilation = Compilation(withMeai, Services);
        var first = Run(ref driver, compilation);
        Assert.Equal(2, GeneratorRun.ServiceSources(first).Length);

        var second = Run(ref driver, compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Unrelated, ParseOptions, path: "Unrelated.cs")));

        AssertAllCachedOrUnchanged(second);
        Assert.Equal(Sources(first), Sources(second));
    }

    [Fact]
    public void Editing_an_unrelated_file_reuses_every_step_and_the_output()
    {
        var driver = CreateDriver();
        var compilation = Compilation(true, Services, Unrelated);
        var first = Run(ref driver, compilation);

        var oldTree = compilation.SyntaxTrees.Single(t => t.FilePath == "Test1.cs");
        var edited = compilation.ReplaceSyntaxTree(oldTree, CSharpSyntaxTree.ParseText(Unrelated.Replace("Value", "Amount", StringComparison.Ordinal), ParseOptions, path: "Test1.cs"));
        var second = Run(ref driver, edited);

        AssertAllCachedOrUnchanged(second);
        Assert.Equal(Sources(first), Sources(second));
    }

    [Fact]
    public void Editing_the_service_file_elsewhere_reuses_the_output()
    {
        var driver = CreateDriver();
        var compilation = Compilation(true, Services);
        var first = Run(ref driver, compilation);

        // Trivia only: the parsed models are equal, so the output is reused.
        var oldTree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(oldTree, CSharpSyntaxTree.ParseText("// a comment\n" + Services, ParseOptions, path: "Test0.cs"));
        var second = Run(ref driver, edited);

        Assert.All(Outputs(second, RegisteredAiServiceGenerator.TrackingNames.Services), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(SourceOutputReasons(second), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal(Sources(first), Sources(second));
    }

    [Fact]
    public void Changing_the_registration_number_modifies_that_service_only()
    {
        var driver = CreateDriver();
        var compilation = Compilation(true, Services);
        var first = Run(ref driver, compilation);

        var oldTree = compilation.SyntaxTrees.Single();
        var changedSource = Services.Replace("Beijing-YunQue-20230821", "Beijing-YunQue-20240101", StringComparison.Ordinal);
        var second = Run(ref driver, compilation.ReplaceSyntaxTree(oldTree, CSharpSyntaxTree.ParseText(changedSource, ParseOptions, path: "Test0.cs")));

        var services = Outputs(second, RegisteredAiServiceGenerator.TrackingNames.Services).Select(o => o.Reason).ToList();
        Assert.Equal(1, services.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, services.Count(r => r == IncrementalStepRunReason.Unchanged || r == IncrementalStepRunReason.Cached));
        Assert.Contains(IncrementalStepRunReason.Modified, Outputs(second, RegisteredAiServiceGenerator.TrackingNames.ValidServices).Select(o => o.Reason));
        Assert.Contains(IncrementalStepRunReason.Modified, Outputs(second, RegisteredAiServiceGenerator.TrackingNames.Combined).Select(o => o.Reason));

        // The other service's files, this service's media wrappers (they read no label field) and the media labelers are reused.
        var sourceOutputs = SourceOutputReasons(second);
        Assert.Equal(1, sourceOutputs.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(4, sourceOutputs.Count(r => r == IncrementalStepRunReason.Cached));
        Assert.All(Outputs(second, RegisteredAiServiceGenerator.TrackingNames.HasServices), o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));

        var before = Sources(first);
        var after = Sources(second);
        Assert.NotEqual(before["AiCompliance.App.First.g.cs"], after["AiCompliance.App.First.g.cs"]);
        Assert.Contains("\"Beijing-YunQue-20240101\"", after["AiCompliance.App.First.g.cs"], StringComparison.Ordinal);
        Assert.Equal(before["AiCompliance.App.Outer.Second.g.cs"], after["AiCompliance.App.Outer.Second.g.cs"]);
    }

    [Fact]
    public void Adding_Microsoft_Extensions_AI_modifies_the_capabilities_and_the_output()
    {
        var driver = CreateDriver();
        var compilation = Compilation(false, Services);
        var first = Run(ref driver, compilation);

        var second = Run(ref driver, compilation.AddReferences(TestReferences.MeaiAbstractions));

        Assert.Contains(IncrementalStepRunReason.Modified, Outputs(second, RegisteredAiServiceGenerator.TrackingNames.Capabilities).Select(o => o.Reason));
        Assert.All(Outputs(second, RegisteredAiServiceGenerator.TrackingNames.Services), o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        // Both services' files and their media wrappers' are rewritten; the media labelers do not depend on the capabilities and are reused.
        var reasons = SourceOutputReasons(second);
        Assert.Equal(4, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Cached));
        var before = Sources(first).Where(p => !p.Key.StartsWith(GeneratorRun.MediaHintPrefix, StringComparison.Ordinal)).Select(p => p.Value).ToList();
        var after = Sources(second).Where(p => !p.Key.StartsWith(GeneratorRun.MediaHintPrefix, StringComparison.Ordinal)).Select(p => p.Value).ToList();
        Assert.Equal(2, before.Count); // without Microsoft.Extensions.AI there are no wrappers
        Assert.Equal(4, after.Count);
        Assert.All(before, s => Assert.DoesNotContain("WithLabels(", s, StringComparison.Ordinal));
        Assert.All(after, s => Assert.Contains("WithLabels(", s, StringComparison.Ordinal));
    }

    [Fact]
    public void Step_outputs_hold_no_symbols_syntax_or_compilations()
    {
        var driver = CreateDriver();
        var compilation = Compilation(true, Services);
        var results = new List<GeneratorRunResult> { Run(ref driver, compilation) };
        results.Add(Run(ref driver, compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Unrelated, ParseOptions, path: "Unrelated.cs"))));

        var strings = new List<string>();
        var values = 0;
        foreach (var result in results)
        {
            foreach (var step in StepNames)
            {
                foreach (var output in Outputs(result, step))
                {
                    values++;
                    var report = ModelWalker.Walk(output.Value, step + "[" + output.Index + "]");
                    Assert.True(report.Problems.Count == 0, string.Join("\n", report.Problems));
                    strings.AddRange(report.Strings);
                }
            }
        }

        // The walk really descends into the models: it reaches the numbers inside ServiceSpec, the nested type's
        // containing-type entry inside the EquatableArray, and the tuple built by Combine.
        Assert.True(values >= 2 * StepNames.Length);
        Assert.Contains("Beijing-YunQue-20230821", strings);
        Assert.Contains("Guangdong-Plaud-20251229S0027", strings);
        Assert.Contains("Outer", strings);
        Assert.Contains("partial class", strings);
    }

    [Fact]
    public void The_model_walker_finds_a_compilation_hidden_in_a_tuple_and_a_symbol_in_an_array()
    {
        var compilation = Compilation(false, Services);
        var symbol = compilation.GetTypeByMetadataName("App.First")!;

        var report = ModelWalker.Walk((1, ("x", new object[] { "y", compilation })), "root");
        Assert.Single(report.Problems);
        Assert.Contains("root.Item2.Item2[1]", report.Problems[0], StringComparison.Ordinal);

        report = ModelWalker.Walk(ImmutableArray.Create<object>(symbol, compilation.SyntaxTrees[0]), "root");
        Assert.Equal(2, report.Problems.Count);

        report = ModelWalker.Walk(("x", 1, ImmutableArray.Create("a", "b")), "root");
        Assert.Empty(report.Problems);
        Assert.Equal(new[] { "x", "a", "b" }, report.Strings);
    }
}
