using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AiCompliance.Tests.Infrastructure.AnalyzerVerifier<AiCompliance.Analyzers.InvalidServiceTargetAnalyzer>;

namespace AiCompliance.Tests.Rules.Aic008;

/// <summary>AIC008: [RegisteredAiService] on a class the generator cannot fill, reported at the class identifier.</summary>
public class Aic008Tests
{
    private static DiagnosticResult Aic008(string type, string problem) =>
        Verify.Diagnostic(DiagnosticIds.InvalidServiceTarget)
            .WithLocation(0)
            .WithSeverity(DiagnosticSeverity.Error)
            .WithArguments(type, problem);

    [Fact]
    public Task Non_partial_class_reports() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821")]
        public static class {|#0:Svc|} { }
        """, false, Aic008("Svc", "it is not declared 'partial'"));

    [Fact]
    public Task Generic_partial_class_reports() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821")]
        public partial class {|#0:Svc|}<T> { }
        """, false, Aic008("Svc", "it is generic"));

    [Fact]
    public Task Nested_in_non_partial_class_reports() => Verify.VerifyAsync("""
        using AiCompliance;
        public class Outer
        {
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public static partial class {|#0:Svc|} { }
        }
        """, false, Aic008("Svc", "the containing type 'Outer' is not declared 'partial'"));

    [Fact]
    public Task Nested_two_levels_reports_the_outermost_non_partial_type() => Verify.VerifyAsync("""
        using AiCompliance;
        public class Outermost
        {
            public partial class Middle
            {
                [RegisteredAiService("Beijing-YunQue-20230821")]
                public static partial class {|#0:Svc|} { }
            }
        }
        """, false, Aic008("Svc", "the containing type 'Outermost' is not declared 'partial'"));

    [Fact]
    public Task Nested_in_generic_partial_class_reports() => Verify.VerifyAsync("""
        using AiCompliance;
        public partial class Outer<T>
        {
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public static partial class {|#0:Svc|} { }
        }
        """, false, Aic008("Svc", "the containing type 'Outer' is generic"));

    [Fact]
    public Task File_local_class_reports() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821")]
        file static partial class {|#0:Svc|} { }
        """, false, Aic008("Svc", "it is file-local ('file' types cannot be extended from another file)"));

    [Fact]
    public Task Nested_in_file_local_class_reports() => Verify.VerifyAsync("""
        using AiCompliance;
        file partial class Outer
        {
            [RegisteredAiService("Beijing-YunQue-20230821")]
            public static partial class {|#0:Svc|} { }
        }
        """, false, Aic008("Svc", "the containing type 'Outer' is file-local"));

    [Fact]
    public Task Partial_struct_reports_next_to_the_compiler_error() => Verify.VerifyAsync("""
        using AiCompliance;
        [{|CS0592:RegisteredAiService|}("Beijing-YunQue-20230821")]
        public partial struct {|#0:Svc|} { }
        """, false, Aic008("Svc", "it is not a class"));

    [Fact]
    public Task Partial_record_struct_reports_next_to_the_compiler_error() => Verify.VerifyAsync("""
        using AiCompliance;
        [{|CS0592:RegisteredAiService|}("Beijing-YunQue-20230821")]
        public partial record struct {|#0:Svc|}(int X);
        """, false, Aic008("Svc", "it is not a class"));

    [Fact]
    public Task Static_partial_class_is_silent() => Verify.VerifyAsync("""
        using AiCompliance;
        namespace App.Services;

        [RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", LabelText = "本内容由人工智能生成")]
        public static partial class YunQue { }
        """);

    [Fact]
    public Task Nested_in_partial_classes_is_silent() => Verify.VerifyAsync("""
        using AiCompliance;
        namespace App
        {
            public partial class Outer
            {
                internal static partial class Middle
                {
                    [RegisteredAiService("Guangdong-Plaud-20251229S0027")]
                    public static partial class Svc { }
                }
            }
        }
        """);

    [Fact]
    public Task Partial_declared_in_two_parts_is_silent() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService("Beijing-YunQue-20230821")]
        public static partial class Svc { }

        public static partial class Svc
        {
            public static int Other => 1;
        }
        """);

    [Fact]
    public Task Generic_class_and_bad_number_are_both_reported() => RegistrationRulesVerifier.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService({|#1:"Beijing-YunQue-2023"|})]
        public partial class {|#0:Svc|}<T> { }
        """, false,
        Aic008("Svc", "it is generic"),
        RegistrationRulesVerifier.Diagnostic(DiagnosticIds.MalformedRegistrationNumber).WithLocation(1)
            .WithArguments("Beijing-YunQue-2023", "the date part '2023' must be 8 digits (yyyyMMdd)", Internal.RegistrationNumber.ExpectedShapes));

    [Fact]
    public async Task Without_the_attributes_assembly_a_look_alike_attribute_is_ignored()
    {
        var test = new CSharpAnalyzerTest<InvalidServiceTargetAnalyzer, DefaultVerifier>
        {
            TestCode = """
                using System;
                namespace Other
                {
                    [AttributeUsage(AttributeTargets.Class)]
                    public sealed class RegisteredAiServiceAttribute : Attribute
                    {
                        public RegisteredAiServiceAttribute(string registrationNumber) { }
                        public string? LabelText { get; set; }
                    }

                    [RegisteredAiService("Peking-X-2S0033", LabelText = "AI")]
                    public class NotPartial<T> { }
                }
                """,
            ReferenceAssemblies = TestReferences.NoDownload,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Net100); // no AiCompliance.Attributes

        await test.RunAsync();
    }

    [Fact]
    public Task With_the_attributes_assembly_a_look_alike_in_another_namespace_is_ignored() => Verify.VerifyAsync("""
        using System;
        namespace Other
        {
            [AttributeUsage(AttributeTargets.Class)]
            public sealed class RegisteredAiServiceAttribute : Attribute
            {
                public RegisteredAiServiceAttribute(string registrationNumber) { }
            }

            [RegisteredAiService("Peking-X-2S0033")]
            public class NotPartial<T> { }
        }
        """);

    [Fact]
    public async Task The_formatted_message_says_what_to_declare()
    {
        var diagnostics = await AnalyzerRunner.RunAsync("""
            using AiCompliance;
            public class Outer
            {
                [RegisteredAiService("Beijing-YunQue-20230821")]
                public static partial class Svc { }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("AIC008", diagnostic.Id);
        Assert.Equal(
            "[RegisteredAiService] on 'Svc' generates nothing: the containing type 'Outer' is not declared 'partial'; " +
            "declare it as a non-generic 'static partial class' (every containing type partial too)",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("AiCompliance.Usage", diagnostic.Descriptor.Category);
    }
}
