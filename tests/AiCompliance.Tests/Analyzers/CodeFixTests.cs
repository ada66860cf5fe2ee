using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using LabelFix = AiCompliance.Tests.Infrastructure.CodeFixVerifier<AiCompliance.Analyzers.RegistrationAnalyzer, AiCompliance.CodeFixes.LabelWordingCodeFixProvider>;
using PartialFix = AiCompliance.Tests.Infrastructure.CodeFixVerifier<AiCompliance.Analyzers.RegistrationAnalyzer, AiCompliance.CodeFixes.MakePartialCodeFixProvider>;

namespace AiCompliance.Tests.Analyzers;

/// <summary>The AIC006 (standard wording) and AIC008 (add 'partial') code fixes, including Fix All.</summary>
public class CodeFixTests
{
    private const string NotPartial = "it is not declared 'partial'";

    private static DiagnosticResult Aic006(int location, string label, string problem) =>
        LabelFix.Diagnostic(DiagnosticIds.NonCompliantLabelWording).WithLocation(location)
            .WithArguments(label, "GB 45438-2025 §5.1", problem, "内容由人工智能生成");

    private static DiagnosticResult Aic006(int location, string label) => Aic006(location, label, "it has no generation element (生成 or 合成)");

    private static DiagnosticResult Aic008(int location, string type, string problem = NotPartial) =>
        PartialFix.Diagnostic(DiagnosticIds.InvalidServiceTarget).WithLocation(location).WithArguments(type, problem);

    // ---- AIC006 ----

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

    // ---- AIC008 ----

    [Fact]
    public async Task Partial_fix_adds_partial_after_public_static()
    {
        var test = PartialFix.Create("""
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public static class {|#0:Svc|} { }
            """, """
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public static partial class Svc { }
            """);
        test.ExpectedDiagnostics.Add(Aic008(0, "Svc"));
        test.CodeActionEquivalenceKey = nameof(MakePartialCodeFixProvider);
        test.CodeActionVerifier = (action, verifier) => verifier.Equal("Make 'Svc' partial", action.Title);
        await test.RunAsync();
    }

    [Fact]
    public Task Partial_fix_on_a_class_without_modifiers_keeps_the_attribute_line_and_indentation() => PartialFix.VerifyAsync("""
        using AiCompliance;
        namespace App
        {
            // The service.
            [RegisteredAiService("Beijing-YunQue-20230821")]
            class {|#0:Svc|}
            {
            }
        }
        """, """
        using AiCompliance;
        namespace App
        {
            // The service.
            [RegisteredAiService("Beijing-YunQue-20230821")]
            partial class Svc
            {
            }
        }
        """, Aic008(0, "Svc"));

    [Fact]
    public Task Partial_fix_with_the_attribute_on_the_same_line() => PartialFix.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821")] class {|#0:Svc|} { }
        """, """
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821")] partial class Svc { }
        """, Aic008(0, "Svc"));

    [Fact]
    public Task Partial_fix_makes_the_containing_types_partial_too() => PartialFix.VerifyAsync("""
        using AiCompliance;
        public class Outer
        {
            internal sealed class Middle
            {
                [RegisteredAiService("Beijing-YunQue-20230821")]
                public static class {|#0:Svc|} { }
            }
        }
        """, """
        using AiCompliance;
        public partial class Outer
        {
            internal sealed partial class Middle
            {
                [RegisteredAiService("Beijing-YunQue-20230821")]
                public static partial class Svc { }
            }
        }
        """, Aic008(0, "Svc"));

    [Fact]
    public Task Partial_fix_for_a_partial_class_in_a_non_partial_one_changes_only_the_container() => PartialFix.VerifyAsync("""
        using AiCompliance;
        public static class Outer
        {
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public static partial class {|#0:Svc|} { }
        }
        """, """
        using AiCompliance;
        public static partial class Outer
        {
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public static partial class Svc { }
        }
        """, Aic008(0, "Svc", "the containing type 'Outer' is not declared 'partial'"));

    [Fact]
    public Task No_partial_fix_for_a_generic_class()
    {
        const string source = """
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public class {|#0:Svc|}<T> { }
            """;
        return PartialFix.VerifyAsync(source, source, Aic008(0, "Svc"));
    }

    [Fact]
    public Task No_partial_fix_inside_a_generic_container()
    {
        const string source = """
            using AiCompliance;
            public class Outer<T>
            {
                [RegisteredAiService("Beijing-YunQue-20230821")]
                public static class {|#0:Svc|} { }
            }
            """;
        return PartialFix.VerifyAsync(source, source, Aic008(0, "Svc"));
    }

    [Fact]
    public Task No_partial_fix_for_a_struct()
    {
        const string source = """
            using AiCompliance;
            [{|CS0592:RegisteredAiService|}("Beijing-YunQue-20230821")]
            public struct {|#0:Svc|} { }
            """;
        return PartialFix.VerifyAsync(source, source, Aic008(0, "Svc"));
    }

    [Fact]
    public async Task Partial_fix_all_fixes_every_service_in_the_file()
    {
        var test = PartialFix.Create("""
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public static class {|#0:First|} { }

            [RegisteredAiService("Guangdong-Plaud-20251229S0027")]
            internal static class {|#1:Second|} { }
            """, """
            using AiCompliance;
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public static partial class First { }

            [RegisteredAiService("Guangdong-Plaud-20251229S0027")]
            internal static partial class Second { }
            """);
        test.ExpectedDiagnostics.Add(Aic008(0, "First"));
        test.ExpectedDiagnostics.Add(Aic008(1, "Second"));
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }

    [Fact]
    public async Task Partial_fix_all_with_two_services_in_one_non_partial_container()
    {
        var test = PartialFix.Create("""
            using AiCompliance;
            public static class Services
            {
                [RegisteredAiService("Beijing-YunQue-20230821")]
                public static class {|#0:First|} { }

                [RegisteredAiService("Guangdong-Plaud-20251229S0027")]
                public static class {|#1:Second|} { }
            }
            """, """
            using AiCompliance;
            public static partial class Services
            {
                [RegisteredAiService("Beijing-YunQue-20230821")]
                public static partial class First { }

                [RegisteredAiService("Guangdong-Plaud-20251229S0027")]
                public static partial class Second { }
            }
            """);
        test.ExpectedDiagnostics.Add(Aic008(0, "First"));
        test.ExpectedDiagnostics.Add(Aic008(1, "Second"));
        test.NumberOfIncrementalIterations = 2;
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }
}
