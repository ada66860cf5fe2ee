using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Internal;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AiCompliance.Tests.Infrastructure.AnalyzerVerifier<AiCompliance.Analyzers.NonCompliantLabelWordingAnalyzer>;

namespace AiCompliance.Tests.Rules.Aic006;

/// <summary>AIC006: LabelText must have an AI element and a generation element (GB 45438-2025 §5.1).</summary>
public class Aic006Tests
{
    private const string Rule = "GB 45438-2025 §5.1";
    private const string NoGeneration = "it has no generation element (生成 or 合成)";
    private const string NoAi = "it has no AI element (人工智能 or AI)";
    private const string Neither = "it has neither an AI element (人工智能 or AI) nor a generation element (生成 or 合成)";

    private static string Service(string labelLiteral) => $$"""
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821", LabelText = {|#0:{{labelLiteral}}|})]
        public static partial class Svc { }
        """;

    private static DiagnosticResult Aic006(string shown, string problem) =>
        Verify.Diagnostic(Descriptors.NonCompliantLabelWording)
            .WithLocation(0)
            .WithSeverity(DiagnosticSeverity.Error)
            .WithArguments(shown, Rule, problem, "内容由人工智能生成");

    [Theory]
    [InlineData("人工智能生成")]
    [InlineData("AI生成")]
    [InlineData("人工智能生成合成")]
    [InlineData("本内容由人工智能生成")]
    [InlineData("内容由 AI 生成")]
    [InlineData("以下内容由人工智能生成合成")]
    [InlineData("内容由人工智能生成")] // the default wording
    [InlineData("AI合成")]
    [InlineData("ai 生成")] // the Latin element matches case-insensitively
    [InlineData("ＡＩ生成")] // full-width letters, as typed with a Chinese input method
    [InlineData("【AI生成】")]
    [InlineData("AI-generated / 由AI生成")]
    public Task Compliant_wording_is_silent(string label) => Verify.VerifyAsync($$"""
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821", LabelText = {{SymbolDisplay.FormatLiteral(label, quote: true)}})]
        public static partial class Svc { }
        """);

    [Theory]
    [InlineData("AI", NoGeneration)]
    [InlineData("人工智能", NoGeneration)]
    [InlineData("AI-generated", NoGeneration)]
    [InlineData("AI-generated content", NoGeneration)]
    [InlineData("生成", NoAi)]
    [InlineData("合成内容", NoAi)]
    [InlineData("DETAIL生成", NoAi)] // "AI" inside a Latin word does not count
    [InlineData("Paint生成", NoAi)]
    [InlineData("机器生成", NoAi)]
    [InlineData("仅供参考", Neither)]
    [InlineData("", "the label is empty")]
    [InlineData("   ", "the label is empty")]
    public Task Non_compliant_wording_reports_on_the_LabelText_value(string label, string problem) =>
        Verify.VerifyAsync(Service(SymbolDisplay.FormatLiteral(label, quote: true)), false, Aic006(label, problem));

    [Fact]
    public Task No_LabelText_is_silent() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", Provider = "ExampleCo")]
        public static partial class Svc { }
        """);

    [Fact]
    public Task Null_LabelText_reports() => Verify.VerifyAsync(Service("null"), false, Aic006("null", "the label is null"));

    [Fact]
    public Task Const_LabelText_reports_on_the_argument_expression() => Verify.VerifyAsync("""
        using AiCompliance;
        internal static class Labels
        {
            public const string Short = "AI";
        }

        [RegisteredAiService("Beijing-YunQue-20230821", LabelText = {|#0:Labels.Short|})]
        public static partial class Svc { }
        """, false, Aic006("AI", NoGeneration));

    [Fact]
    public Task Explicit_China_jurisdiction_is_checked() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821", Jurisdiction = Jurisdiction.China, LabelText = {|#0:"AI"|})]
        public static partial class Svc { }
        """, false, Aic006("AI", NoGeneration));

    [Fact]
    public Task Unknown_jurisdiction_bits_are_reported_on_the_argument_and_the_rest_is_checked_as_China() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821", Jurisdiction = {|#1:(Jurisdiction)8|}, LabelText = {|#0:"AI"|})]
        public static partial class Svc { }
        """, false,
        Aic006("AI", NoGeneration),
        Verify.Diagnostic(Descriptors.UnknownJurisdiction).WithLocation(1).WithArguments("8", "0x8"));

    [Fact]
    public Task Unknown_bits_next_to_known_ones_are_reported_once_without_a_LabelText() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821", Jurisdiction = {|#1:Jurisdiction.EuropeanUnion | (Jurisdiction)48|})]
        public static partial class Svc { }
        """, false,
        Verify.Diagnostic(Descriptors.UnknownJurisdiction).WithLocation(1).WithArguments("50", "0x30"));

    [Fact]
    public Task Every_known_combination_is_not_an_unknown_jurisdiction() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService("Beijing-A-20230821", Jurisdiction = Jurisdiction.Default)]
        public static partial class A { }
        [RegisteredAiService("Beijing-B-20230821", Jurisdiction = Jurisdiction.China | Jurisdiction.EuropeanUnion | Jurisdiction.California)]
        public static partial class B { }
        [RegisteredAiService("Beijing-C-20230821", Jurisdiction = (Jurisdiction)7)]
        public static partial class C { }
        """);

    [Fact]
    public Task Label_and_number_are_both_reported() => RegistrationRulesVerifier.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService({|#1:"Peking-X-20230821"|}, LabelText = {|#0:"AI"|})]
        public static partial class Svc { }
        """, false,
        Aic006("AI", NoGeneration),
        RegistrationRulesVerifier.Diagnostic(DiagnosticIds.MalformedRegistrationNumber).WithLocation(1)
            .WithArguments("Peking-X-20230821", "the province part 'Peking' is not one of the 31 province-level names in pinyin (e.g. Beijing, Zhejiang, Guangdong)", RegistrationNumber.ExpectedShapes));

    [Fact]
    public async Task The_diagnostic_carries_the_suggested_wording_and_a_precise_message()
    {
        var diagnostics = await AnalyzerRunner.RunAsync("""
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821", LabelText = "AI")]
            public static partial class Svc { }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("AIC006", diagnostic.Id);
        Assert.Equal(
            "Label text 'AI' does not meet GB 45438-2025 §5.1: it has no generation element (生成 or 合成); use wording such as '内容由人工智能生成'",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("内容由人工智能生成", diagnostic.Properties[NonCompliantLabelWordingAnalyzer.SuggestedLabelProperty]);
        Assert.Equal("AiCompliance.Labeling", diagnostic.Descriptor.Category);
    }

    [Theory]
    [InlineData("AI", NoGeneration)]
    [InlineData("DETAIL生成", NoAi)]
    [InlineData("OpenAI生成", NoAi)]
    [InlineData("ＡＩ", NoGeneration)]
    [InlineData("AI生成", null)]
    [InlineData("ＡＩ合成", null)]
    [InlineData("由AI2.0生成", null)]
    public void CheckLabelWording_directly(string label, string? problem) =>
        Assert.Equal(problem, JurisdictionProfile.China.CheckLabelWording(label));
}
