using System;
using System.Linq;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AiCompliance.Tests.Generator;

/// <summary>
/// The emitted source for each supported shape, compared with reviewed snapshots (Snapshots/Generator.*.verified.txt).
/// Every generated compilation must also compile without any warning.
/// </summary>
public class GeneratorSnapshotTests
{
    private const string ChatClientType = "LabeledChatClient";
    private const string WithLabels = "WithLabels(";
    private const string StreamLabel = "IAsyncEnumerable<string> Label(";

    private static GeneratorRunResult Generate(string source, bool withMeai, LanguageVersion languageVersion = LanguageVersion.Latest) =>
        GeneratorRun.RunClean(GeneratorRun.Compile(source, withMeai, languageVersion)).Result;

    private static string Single(GeneratorRunResult result, string expectedHintName)
    {
        var generated = Assert.Single(GeneratorRun.ServiceSources(result));
        Assert.Equal(expectedHintName, generated.HintName);
        return generated.SourceText.ToString();
    }

    [Fact]
    public void Minimal_without_Microsoft_Extensions_AI()
    {
        var result = Generate(ServiceSource.Create("\"" + ServiceSource.NationalNumber + "\""), withMeai: false);
        var text = Single(result, "AiCompliance.App.Svc.g.cs");

        Assert.Contains("public const string RegistrationNumber = \"" + ServiceSource.NationalNumber + "\";", text, StringComparison.Ordinal);
        Assert.Contains("#nullable enable", text, StringComparison.Ordinal);
        Assert.Contains(StreamLabel, text, StringComparison.Ordinal);
        Assert.DoesNotContain(ChatClientType, text, StringComparison.Ordinal);
        Assert.DoesNotContain(WithLabels, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.Extensions.AI", text, StringComparison.Ordinal);
        Snapshot.Match("Generator.Minimal", GeneratorRun.Describe(result));
    }

    [Fact]
    public void Minimal_with_Microsoft_Extensions_AI()
    {
        var result = Generate(ServiceSource.Create("\"" + ServiceSource.NationalNumber + "\""), withMeai: true);
        var text = Single(result, "AiCompliance.App.Svc.g.cs");

        Assert.Contains("public sealed class " + ChatClientType + " : global::Microsoft.Extensions.AI.DelegatingChatClient", text, StringComparison.Ordinal);
        Assert.Contains("public static " + ChatClientType + " " + WithLabels, text, StringComparison.Ordinal);
        Snapshot.Match("Generator.MinimalWithMeai", GeneratorRun.Describe(result));
    }

    [Fact]
    public void With_and_without_Microsoft_Extensions_AI_differ_only_by_the_chat_client()
    {
        var source = ServiceSource.Create("\"" + ServiceSource.NationalNumber + "\"");
        var without = Single(Generate(source, withMeai: false), "AiCompliance.App.Svc.g.cs");
        var with = Single(Generate(source, withMeai: true), "AiCompliance.App.Svc.g.cs");

        // Without Microsoft.Extensions.AI the file ends with the closing braces of the class and the namespace; with it,
        // the same text is followed by WithLabels, LabeledChatClient and the DataContent media labelers before those braces.
        const string ClassAndNamespaceEnd = "    }\n}\n";
        Assert.EndsWith(ClassAndNamespaceEnd, without, StringComparison.Ordinal);
        Assert.EndsWith(ClassAndNamespaceEnd, with, StringComparison.Ordinal);
        var common = without.Substring(0, without.Length - ClassAndNamespaceEnd.Length);
        Assert.StartsWith(common, with, StringComparison.Ordinal);
        var added = with.Substring(common.Length, with.Length - common.Length - ClassAndNamespaceEnd.Length);
        Assert.Contains(WithLabels, added, StringComparison.Ordinal);
        Assert.Contains("class " + ChatClientType, added, StringComparison.Ordinal);
        Assert.Contains("DataContent LabelImage(", added, StringComparison.Ordinal);
        Assert.DoesNotContain("DataContent", common, StringComparison.Ordinal);
    }

    [Fact]
    public void All_properties_set()
    {
        var result = Generate(ServiceSource.Create(
            "\"" + ServiceSource.LocalNumber + "\", ServiceName = \"Plaud Note\", Provider = \"PlaudCo\", LabelText = \"本内容由AI生成\", " +
            "LabelPosition = LabelPosition.Start, Jurisdiction = Jurisdiction.China"), withMeai: true);
        var text = Single(result, "AiCompliance.App.Svc.g.cs");

        Assert.Contains("public const string ServiceName = \"Plaud Note\";", text, StringComparison.Ordinal);
        Assert.Contains("public const string ContentProducer = \"PlaudCo\";", text, StringComparison.Ordinal);
        Assert.Contains("public const string LabelText = \"本内容由AI生成\";", text, StringComparison.Ordinal);
        Assert.Contains("已登记", text, StringComparison.Ordinal);
        Snapshot.Match("Generator.AllProperties", GeneratorRun.Describe(result));
    }

    [Theory]
    [InlineData(LabelPosition.End)]
    [InlineData(LabelPosition.Both)]
    public void Label_position(LabelPosition position)
    {
        var result = Generate(ServiceSource.WithPosition(position), withMeai: true);
        var text = Single(result, "AiCompliance.App.Svc.g.cs");

        Assert.Contains("text = text + \"\\n\" + LabelText;", text, StringComparison.Ordinal);
        Assert.Contains("yield return \"\\n\" + LabelText;", text, StringComparison.Ordinal);
        Assert.Equal(position == LabelPosition.Both, text.Contains("text = LabelText + \"\\n\" + text;", StringComparison.Ordinal));
        Snapshot.Match("Generator.LabelPosition" + position, GeneratorRun.Describe(result));
    }

    [Fact]
    public void Two_services_generate_two_files_with_distinct_hint_names()
    {
        var source = """
            using AiCompliance;

            namespace App
            {
                [RegisteredAiService("Beijing-YunQue-20230821")]
                public static partial class Svc { }
            }

            namespace Other
            {
                [RegisteredAiService("Guangdong-Plaud-20251229S0027", LabelPosition = LabelPosition.End)]
                internal static partial class Svc { }
            }
            """;
        var result = Generate(source, withMeai: true);

        Assert.Equal(2, GeneratorRun.ServiceSources(result).Length);
        Assert.Equal(
            new[] { "AiCompliance.App.Svc.g.cs", "AiCompliance.Other.Svc.g.cs" },
            GeneratorRun.ServiceSources(result).Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal));
        var app = result.GeneratedSources.Single(s => s.HintName == "AiCompliance.App.Svc.g.cs").SourceText.ToString();
        var other = result.GeneratedSources.Single(s => s.HintName == "AiCompliance.Other.Svc.g.cs").SourceText.ToString();
        Assert.Contains("namespace App", app, StringComparison.Ordinal);
        Assert.Contains("\"Beijing-YunQue-20230821\"", app, StringComparison.Ordinal);
        Assert.DoesNotContain("Plaud", app, StringComparison.Ordinal);
        Assert.Contains("namespace Other", other, StringComparison.Ordinal);
        Assert.Contains("\"Guangdong-Plaud-20251229S0027\"", other, StringComparison.Ordinal);
        Assert.DoesNotContain("YunQue", other, StringComparison.Ordinal);
        Snapshot.Match("Generator.TwoServices", GeneratorRun.Describe(result));
    }

    [Fact]
    public void Global_namespace()
    {
        var result = Generate(ServiceSource.Create("\"" + ServiceSource.NationalNumber + "\"", ns: null), withMeai: true);
        var text = Single(result, "AiCompliance.Svc.g.cs");

        Assert.DoesNotContain(text.Split('\n'), l => l.StartsWith("namespace", StringComparison.Ordinal));
        Assert.Contains("\npartial class Svc\n{", text, StringComparison.Ordinal);
        Snapshot.Match("Generator.GlobalNamespace", GeneratorRun.Describe(result));
    }

    [Fact]
    public void Nested_in_partial_class_and_partial_record()
    {
        var source = """
            using AiCompliance;
            namespace App;

            public static partial class Outer
            {
                public partial record Middle(int X)
                {
                    [RegisteredAiService("Beijing-YunQue-20230821")]
                    internal static partial class Svc { }
                }
            }

            public partial record struct Point(int X, int Y)
            {
                [RegisteredAiService("Guangdong-Plaud-20251229S0027")]
                public static partial class Svc { }
            }
            """;
        var result = Generate(source, withMeai: true);

        Assert.Equal(
            new[] { "AiCompliance.App.Outer.Middle.Svc.g.cs", "AiCompliance.App.Point.Svc.g.cs" },
            GeneratorRun.ServiceSources(result).Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal));
        var nested = result.GeneratedSources.Single(s => s.HintName == "AiCompliance.App.Outer.Middle.Svc.g.cs").SourceText.ToString();
        Assert.Contains("    partial class Outer\n    {\n        partial record Middle\n        {\n            partial class Svc\n", nested, StringComparison.Ordinal);
        var inStruct = result.GeneratedSources.Single(s => s.HintName == "AiCompliance.App.Point.Svc.g.cs").SourceText.ToString();
        Assert.Contains("    partial record struct Point\n    {\n        partial class Svc\n", inStruct, StringComparison.Ordinal);
        Snapshot.Match("Generator.Nested", GeneratorRun.Describe(result));
    }

    [Fact]
    public void CSharp7_3_emits_no_nullable_directive_and_no_async_members_but_compiles()
    {
        var result = Generate(ServiceSource.Create("\"" + ServiceSource.NationalNumber + "\""), withMeai: true, LanguageVersion.CSharp7_3);
        var text = Single(result, "AiCompliance.App.Svc.g.cs");

        Assert.DoesNotContain("#nullable", text, StringComparison.Ordinal);
        Assert.DoesNotContain("IAsyncEnumerable", text, StringComparison.Ordinal);
        Assert.DoesNotContain("async ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ChatClientType, text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"[\w>\]]\?\s", text); // no nullable annotations such as "string? x"
        Assert.Contains("public static string Label(string text)", text, StringComparison.Ordinal);
        Snapshot.Match("Generator.CSharp7_3", GeneratorRun.Describe(result));
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp7, false)]
    [InlineData(LanguageVersion.CSharp7_1, false)]
    [InlineData(LanguageVersion.CSharp7_2, false)]
    [InlineData(LanguageVersion.CSharp7_3, false)]
    [InlineData(LanguageVersion.CSharp8, true)]
    [InlineData(LanguageVersion.CSharp9, true)]
    [InlineData(LanguageVersion.CSharp10, true)]
    [InlineData(LanguageVersion.CSharp11, true)]
    [InlineData(LanguageVersion.CSharp12, true)]
    [InlineData(LanguageVersion.CSharp13, true)]
    [InlineData(LanguageVersion.Latest, true)]
    [InlineData(LanguageVersion.Preview, true)]
    public void Every_language_version_compiles_cleanly_and_runs(LanguageVersion languageVersion, bool modern)
    {
        var (output, result) = GeneratorRun.RunClean(GeneratorRun.Compile(
            ServiceSource.Create("\"" + ServiceSource.NationalNumber + "\", LabelText = \"AI生成\""), withMeai: true, languageVersion));
        var text = Single(result, "AiCompliance.App.Svc.g.cs");

        Assert.Equal(modern, text.Contains("#nullable enable", StringComparison.Ordinal));
        Assert.Equal(modern, text.Contains(StreamLabel, StringComparison.Ordinal));
        Assert.Equal(modern, text.Contains(WithLabels, StringComparison.Ordinal));

        var service = new GeneratedService(GeneratorRun.Load(output).GetType("App.Svc")!);
        Assert.Equal("AI生成\nhello", service.Label("hello"));
        Assert.Equal(modern, service.FindMethod("WithLabels", typeof(Microsoft.Extensions.AI.IChatClient)) is not null);
    }

    [Theory]
    [InlineData(NullableContextOptions.Disable)]
    [InlineData(NullableContextOptions.Warnings)]
    [InlineData(NullableContextOptions.Annotations)]
    [InlineData(NullableContextOptions.Enable)]
    public void Compiles_without_warnings_with_docs_checked_all_warning_waves_and_any_nullable_context(NullableContextOptions nullable)
    {
        var source = """
            using AiCompliance;
            namespace App;

            /// <summary>The service.</summary>
            [RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", Provider = "Co", LabelPosition = LabelPosition.Both)]
            public static partial class Svc { }
            """;
        var compilation = GeneratorRun.Compile(source, withMeai: true, LanguageVersion.Latest, DocumentationMode.Diagnose, warningLevel: 9999, nullable);
        var (_, result) = GeneratorRun.RunClean(compilation);
        Assert.Single(GeneratorRun.ServiceSources(result));
    }
}
