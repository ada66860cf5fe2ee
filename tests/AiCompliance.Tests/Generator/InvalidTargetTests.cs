using System.Linq;
using AiCompliance.Generators;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AiCompliance.Tests.Generator;

/// <summary>Targets the generator cannot fill (the analyzer reports AIC008 on them) get no source, and nothing crashes.</summary>
public class InvalidTargetTests
{
    private static GeneratorRunResult RunWithoutCrash(string source)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new RegisteredAiServiceGenerator().AsSourceGenerator() },
            parseOptions: TestReferences.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(TestReferences.Compile(source, withMeai: true));
        var run = driver.GetRunResult();

        Assert.Empty(run.Diagnostics);
        var result = Assert.Single(run.Results);
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        return result;
    }

    public static TheoryData<string, string> InvalidTargets() => new()
    {
        {
            "not partial", """
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public static class Svc { }
            """
        },
        {
            "generic", """
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public partial class Svc<T> { }
            """
        },
        {
            "nested in a non-partial class", """
            using AiCompliance;
            public class Outer
            {
                [RegisteredAiService("Beijing-YunQue-20230821")]
                public static partial class Svc { }
            }
            """
        },
        {
            "nested two levels below a non-partial class", """
            using AiCompliance;
            public class Outer
            {
                public partial class Middle
                {
                    [RegisteredAiService("Beijing-YunQue-20230821")]
                    public static partial class Svc { }
                }
            }
            """
        },
        {
            "nested in a generic partial class", """
            using AiCompliance;
            public partial class Outer<T>
            {
                [RegisteredAiService("Beijing-YunQue-20230821")]
                public static partial class Svc { }
            }
            """
        },
        {
            "nested in a non-partial struct", """
            using AiCompliance;
            public struct Outer
            {
                [RegisteredAiService("Beijing-YunQue-20230821")]
                public static partial class Svc { }
            }
            """
        },
        {
            "struct", """
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public partial struct Svc { }
            """
        },
        {
            "record struct", """
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public partial record struct Svc(int X);
            """
        },
        {
            "interface", """
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public partial interface ISvc { }
            """
        },
    };

    [Theory]
    [MemberData(nameof(InvalidTargets))]
    public void Invalid_target_generates_no_source(string description, string source)
    {
        var result = RunWithoutCrash(source);

        Assert.True(result.GeneratedSources.IsEmpty, description + ": generated " + string.Join(", ", result.GeneratedSources.Select(s => s.HintName)));
    }

    [Theory]
    [MemberData(nameof(InvalidTargets))]
    public void Invalid_target_next_to_a_valid_one_only_the_valid_one_is_generated(string description, string source)
    {
        var result = RunWithoutCrash(source + """

            namespace Good
            {
                [AiCompliance.RegisteredAiService("Guangdong-Plaud-20251229S0027")]
                public static partial class Valid { }
            }
            """);

        var generated = Assert.Single(GeneratorRun.ServiceSources(result));
        Assert.True(generated.HintName == "AiCompliance.Good.Valid.g.cs", description + ": " + generated.HintName);

        // The invalid target was seen and parsed to null (so its missing file is the target check, not a missed
        // attribute), and only the valid one passed on.
        var parsed = result.TrackedSteps[RegisteredAiServiceGenerator.TrackingNames.Services].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.Equal(2, parsed.Count);
        Assert.Single(parsed, v => v is null);
        var valid = Assert.Single(result.TrackedSteps[RegisteredAiServiceGenerator.TrackingNames.ValidServices].SelectMany(s => s.Outputs));
        Assert.NotNull(valid.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"Beijing-YunQue-20230821\", \"extra\"")]
    [InlineData("\"Beijing-YunQue-20230821\", LabelText = null, ServiceName = null, Provider = null")]
    [InlineData("\"Beijing-YunQue-20230821\", LabelPosition = (LabelPosition)7, Jurisdiction = (Jurisdiction)9")]
    [InlineData("\"Beijing-YunQue-20230821\", LabelPosition = 1")]
    [InlineData("Missing.Constant")]
    public void Erroneous_attribute_arguments_do_not_crash_and_never_break_the_generated_file(string arguments)
    {
        var source = ServiceSource.Create(arguments);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new RegisteredAiServiceGenerator().AsSourceGenerator() },
            parseOptions: TestReferences.ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(TestReferences.Compile(source, withMeai: true), out var output, out var diagnostics);

        Assert.Empty(diagnostics);
        var result = Assert.Single(driver.GetRunResult().Results);
        Assert.Null(result.Exception);

        // Whatever the user's own errors, the generated file adds none.
        var generatedTrees = output.SyntaxTrees.Skip(1).ToList();
        Assert.Equal(result.GeneratedSources.Length, generatedTrees.Count);
        var inGenerated = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
            .ToList();
        Assert.True(inGenerated.Count == 0, string.Join("\n", inGenerated));
    }

    [Fact]
    public void Unknown_label_position_and_jurisdiction_fall_back_to_start_and_china()
    {
        var service = GeneratedService.Load(ServiceSource.Create("\"Beijing-YunQue-20230821\", LabelPosition = (LabelPosition)7, Jurisdiction = (Jurisdiction)9"));

        Assert.Equal("内容由人工智能生成", service.LabelText);
        Assert.Equal("内容由人工智能生成\nx", service.Label("x"));
        Assert.Contains("已备案", service.RegistrationNotice, System.StringComparison.Ordinal);
    }
}
