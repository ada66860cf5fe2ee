using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using PartialFix = AiCompliance.Tests.Infrastructure.CodeFixVerifier<AiCompliance.Analyzers.InvalidServiceTargetAnalyzer, AiCompliance.CodeFixes.MakePartialCodeFixProvider>;

namespace AiCompliance.Tests.Rules.Aic008;

/// <summary>The AIC008 code fix (add 'partial'), including Fix All.</summary>
public class Aic008CodeFixTests
{
    private const string NotPartial = "it is not declared 'partial'";

    private static DiagnosticResult Aic008(int location, string type, string problem = NotPartial) =>
        PartialFix.Diagnostic(DiagnosticIds.InvalidServiceTarget).WithLocation(location).WithArguments(type, problem);

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
