using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Internal;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AiCompliance.Tests.Infrastructure.AnalyzerVerifier<AiCompliance.Analyzers.MalformedRegistrationNumberAnalyzer>;

namespace AiCompliance.Tests.Rules.Aic002;

/// <summary>AIC002: a malformed registration number is reported on the argument that gives it.</summary>
public class Aic002Tests
{
    /// <summary>A service whose number is the C# literal for <paramref name="number"/>, marked as location 0.</summary>
    private static string Service(string number) => $$"""
        using AiCompliance;
        [RegisteredAiService({|#0:{{SymbolDisplay.FormatLiteral(number, quote: true)}}|})]
        public static partial class Svc { }
        """;

    private static DiagnosticResult Aic002(string shown, string problem) =>
        Verify.Diagnostic(DiagnosticIds.MalformedRegistrationNumber)
            .WithLocation(0)
            .WithSeverity(DiagnosticSeverity.Error)
            .WithArguments(shown, problem, RegistrationNumber.ExpectedShapes);

    [Theory]
    [InlineData("Beijing-YunQue-20230821")]
    [InlineData("ZheJiang-TongYiQianWen-20230901")]
    [InlineData("Beijing-DeepseekChat-202404280016")]
    [InlineData("Hunan-PinCaiMao-202412310003")]
    [InlineData("Guangdong-Plaud-20251229S0027")]
    [InlineData("Guangdong-FigCraft-20260817S0078")]
    [InlineData("zhejiang-TongYiQianWen-20230901")]
    [InlineData("ZHEJIANG-TongYiQianWen-20230901")]
    [InlineData("Shanxi-Model-20240101")]
    [InlineData("Shaanxi-Model-20240101")]
    public Task Published_numbers_are_silent(string number) => Verify.VerifyAsync($$"""
        using AiCompliance;
        [RegisteredAiService({{SymbolDisplay.FormatLiteral(number, quote: true)}})]
        public static partial class Svc { }
        """);

    [Theory]
    [InlineData("Beijing-XueQiuHuiJian-2S0033", "the date part '2' must be 8 digits (yyyyMMdd)")]
    [InlineData("Peking-X-20230821", "the province part 'Peking' is not one of the 31 province-level names in pinyin (e.g. Beijing, Zhejiang, Guangdong)")]
    [InlineData("Taiwan-X-20230821", "the province part 'Taiwan' is not one of the 31 province-level names in pinyin (e.g. Beijing, Zhejiang, Guangdong)")]
    [InlineData("Beijing-YunQue-20230230", "the date part '20230230' is not a real calendar date (yyyyMMdd)")]
    [InlineData("Beijing-YunQue-20231301", "the date part '20231301' is not a real calendar date (yyyyMMdd)")]
    [InlineData("Guangdong-Plaud-20251229s0027", "the local registration marker must be an upper-case 'S'")]
    [InlineData("Guangdong-Plaud-20251229S027", "the sequence after 'S' ('027') must be 4 digits")]
    [InlineData("Guangdong-Plaud-20251229S00271", "the sequence after 'S' ('00271') must be 4 digits")]
    [InlineData("Beijing-DeepseekChat-20240428001", "the sequence after the date ('001') must be 4 digits or absent")]
    [InlineData("Beijing-20230821", "the name part is missing between the province and the date")]
    [InlineData("Beijing--20230821", "the name part is empty")]
    [InlineData("", "the number is empty")]
    [InlineData("  ", "the number is blank (only white space)")]
    [InlineData(" Beijing-YunQue-20230821", "the number contains white space (U+0020 at index 0); write it exactly as published, without spaces")]
    [InlineData("Beijing-YunQue-20230821 ", "the number contains white space (U+0020 at index 23); write it exactly as published, without spaces")]
    [InlineData("Beijing-Yun Que-20230821", "the number contains white space (U+0020 at index 11); write it exactly as published, without spaces")]
    [InlineData("Beijing-云雀-20230821", "the name part '云雀' may only contain ASCII letters and digits, as published (found '云')")]
    [InlineData("网信算备110108823483901230031号", "this is an algorithm filing number (网信算备…号), a different register; give the service's filing or launch number")]
    public Task Malformed_number_reports_on_the_literal_naming_the_part(string number, string problem) =>
        Verify.VerifyAsync(Service(number), false, Aic002(number, problem));

    [Fact]
    public Task Null_reports_on_the_null_literal() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService({|#0:null|})]
        public static partial class Svc { }
        """, false, Aic002("null", "the number is null"));

    [Fact]
    public Task Named_constructor_argument_reports_on_its_literal() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService(registrationNumber: {|#0:"Peking-X-20230821"|}, ServiceName = "X")]
        public static partial class Svc { }
        """, false, Aic002("Peking-X-20230821", "the province part 'Peking' is not one of the 31 province-level names in pinyin (e.g. Beijing, Zhejiang, Guangdong)"));

    [Fact]
    public Task Const_field_reports_on_the_argument_expression() => Verify.VerifyAsync("""
        using AiCompliance;
        internal static class Numbers
        {
            public const string Bad = "Beijing-YunQue-20231301";
        }

        [RegisteredAiService({|#0:Numbers.Bad|})]
        public static partial class Svc { }
        """, false, Aic002("Beijing-YunQue-20231301", "the date part '20231301' is not a real calendar date (yyyyMMdd)"));

    [Fact]
    public Task Constant_concatenation_reports_on_the_whole_expression() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService({|#0:"Guangdong-Plaud-" + "20251229S027"|})]
        public static partial class Svc { }
        """, false, Aic002("Guangdong-Plaud-20251229S027", "the sequence after 'S' ('027') must be 4 digits"));

    [Fact]
    public Task Const_field_with_a_valid_number_is_silent() => Verify.VerifyAsync("""
        using AiCompliance;
        internal static class Numbers
        {
            public const string Plaud = "Guangdong-Plaud-20251229S0027";
        }

        [RegisteredAiService(Numbers.Plaud, ServiceName = "Plaud")]
        public static partial class Svc { }
        """);

    [Fact]
    public Task Unicode_escape_in_the_source_is_checked_by_value() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService({|#0:"Beijing-YunQue-20230821\u200B"|})]
        public static partial class Svc { }
        """, false, Aic002("Beijing-YunQue-20230821\u200B", "the number contains an invisible character (U+200B at index 23); write it exactly as published, without spaces"));

    [Fact]
    public Task Each_service_is_checked_separately() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821")]
        public static partial class Good { }

        [RegisteredAiService({|#0:"Beijing-XueQiuHuiJian-2S0033"|})]
        public static partial class Bad { }
        """, false, Aic002("Beijing-XueQiuHuiJian-2S0033", "the date part '2' must be 8 digits (yyyyMMdd)"));

    [Fact]
    public Task Wrong_argument_type_is_left_to_the_compiler() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService({|CS1503:42|})]
        public static partial class Svc { }
        """);

    [Fact]
    public async Task The_formatted_message_names_the_number_the_part_and_the_shapes()
    {
        var diagnostics = await AnalyzerRunner.RunAsync("""
            using AiCompliance;
            [RegisteredAiService("Beijing-XueQiuHuiJian-2S0033")]
            public static partial class Svc { }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("AIC002", diagnostic.Id);
        Assert.Equal(
            "Registration number 'Beijing-XueQiuHuiJian-2S0033' is malformed: the date part '2' must be 8 digits (yyyyMMdd); " +
            "expected 'Province-Name-yyyyMMdd[nnnn]' (national filing, e.g. 'Beijing-YunQue-20230821') or " +
            "'Province-Name-yyyyMMddSnnnn' (local registration, e.g. 'Guangdong-Plaud-20251229S0027')",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("https://github.com/aicompliance/aicompliance/blob/main/docs/rules/AIC002.md", diagnostic.Descriptor.HelpLinkUri);
        Assert.Equal("AiCompliance.Registration", diagnostic.Descriptor.Category);
    }
}
