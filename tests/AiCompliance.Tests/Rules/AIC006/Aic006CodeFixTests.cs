using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using LabelFix = AiCompliance.Tests.Infrastructure.CodeFixVerifier<AiCompliance.Analyzers.NonCompliantLabelWordingAnalyzer, AiCompliance.CodeFixes.LabelWordingCodeFixProvider>;

namespace AiCompliance.Tests.Rules.Aic006;

/// <summary>The AIC006 code fix (the standard label wording), including Fix All.</summary>
public class Aic006CodeFixTests
{
    private static DiagnosticResult Aic006(int location, string label, string problem) =>
        LabelFix.Diagnostic(Descriptors.NonCompliantLabelWording).WithLocation(location)
            .WithArguments(label, "GB 45438-2025 §5.1", problem, "内容由人工智能生成");

    private static DiagnosticResult Aic006(int location, string label) => Aic006(location, label, "it has no generation element (生成 or 合成)");

    [Fact]
    public async Task Label_fix_replaces_the_literal_with_the_standard_wording()
    {
        var test = LabelFix.Create("""
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821", LabelText = {|#0:"AI"|})]
            public static partial class Svc { }
            """, """
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821", LabelText = "内容由人工智能生成")]
            public static partial class Svc { }
            """);
        test.ExpectedDiagnostics.Add(Aic006(0, "AI"));
        test.CodeActionEquivalenceKey = nameof(LabelWordingCodeFixProvider);
        test.CodeActionVerifier = (action, verifier) => verifier.Equal("Use the standard label wording '内容由人工智能生成'", action.Title);
        await test.RunAsync();
    }

    [Fact]
    public Task Label_fix_under_combined_profiles_uses_their_joined_wording() => LabelFix.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821", Jurisdiction = Jurisdiction.China | Jurisdiction.EuropeanUnion, LabelText = {|#0:"AI生成"|})]
        public static partial class Svc { }
        """, """
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821", Jurisdiction = Jurisdiction.China | Jurisdiction.EuropeanUnion, LabelText = "内容由人工智能生成 / AI-generated")]
        public static partial class Svc { }
        """,
        LabelFix.Diagnostic(Descriptors.NonCompliantLabelWording).WithLocation(0).WithArguments(
            "AI生成",
            "the EuropeanUnion profile (AI Act Art. 50)",
            "it has no generation element (generated or synthetic or created or generiert or erzeugt or synthetisch or généré or synthétique or créé)",
            "内容由人工智能生成 / AI-generated"));

    [Fact]
    public async Task No_fix_is_offered_for_unknown_jurisdiction_bits()
    {
        const string Source = """
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821", Jurisdiction = {|#0:(Jurisdiction)8|})]
            public static partial class Svc { }
            """;
        var test = LabelFix.Create(Source, Source);
        test.ExpectedDiagnostics.Add(LabelFix.Diagnostic(Descriptors.UnknownJurisdiction).WithLocation(0).WithArguments("8", "0x8"));
        await test.RunAsync();
    }

    [Fact]
    public Task Label_fix_keeps_line_breaks_and_comments_around_the_value() => LabelFix.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService(
            "Beijing-YunQue-20230821",
            ServiceName = "YunQue",
            LabelText = /* shown first */ {|#0:"AI-generated"|} // English only
            )]
        public static partial class Svc { }
        """, """
        using AiCompliance;
        [RegisteredAiService(
            "Beijing-YunQue-20230821",
            ServiceName = "YunQue",
            LabelText = /* shown first */ "内容由人工智能生成" // English only
            )]
        public static partial class Svc { }
        """, Aic006(0, "AI-generated"));

    [Fact]
    public Task Label_fix_replaces_a_const_reference_at_the_use_site() => LabelFix.VerifyAsync("""
        using AiCompliance;
        internal static class Labels { public const string Short = "AI"; }

        [RegisteredAiService("Beijing-YunQue-20230821", LabelText = {|#0:Labels.Short|})]
        public static partial class Svc { }
        """, """
        using AiCompliance;
        internal static class Labels { public const string Short = "AI"; }

        [RegisteredAiService("Beijing-YunQue-20230821", LabelText = "内容由人工智能生成")]
        public static partial class Svc { }
        """, Aic006(0, "AI"));

    [Fact]
    public async Task Label_fix_all_fixes_every_service_in_the_file()
    {
        var test = LabelFix.Create("""
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821", LabelText = {|#0:"AI"|})]
            public static partial class First { }

            [RegisteredAiService("Guangdong-Plaud-20251229S0027", LabelText = {|#1:"生成"|})]
            public static partial class Second { }
            """, """
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821", LabelText = "内容由人工智能生成")]
            public static partial class First { }

            [RegisteredAiService("Guangdong-Plaud-20251229S0027", LabelText = "内容由人工智能生成")]
            public static partial class Second { }
            """);
        test.ExpectedDiagnostics.Add(Aic006(0, "AI"));
        test.ExpectedDiagnostics.Add(Aic006(1, "生成", "it has no AI element (人工智能 or AI)"));
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }
}
