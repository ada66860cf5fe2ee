using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Tests.Infrastructure;
using Xunit;
using Verify = AiCompliance.Tests.Infrastructure.AnalyzerVerifier<AiCompliance.Analyzers.RegistrationAnalyzer>;

namespace AiCompliance.Tests.Analyzers;

public class RegistrationSmokeTests
{
    [Fact]
    public Task Malformed_number_reports_on_the_literal() => Verify.VerifyAsync("""
        using AiCompliance;
        [RegisteredAiService({|#0:"Beijing-XueQiuHuiJian-2S0033"|})]
        public static partial class Svc { }
        """, false, Verify.Diagnostic(DiagnosticIds.MalformedRegistrationNumber).WithLocation(0)
            .WithArguments("Beijing-XueQiuHuiJian-2S0033", "the date part '2' must be 8 digits (yyyyMMdd)", Internal.RegistrationNumber.ExpectedShapes));
}
