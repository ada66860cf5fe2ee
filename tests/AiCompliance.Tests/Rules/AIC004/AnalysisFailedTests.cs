using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Tests.Infrastructure;
using Xunit;
using static AiCompliance.Tests.Infrastructure.EngineFailureCollection;

namespace AiCompliance.Tests.Rules.Aic004;

/// <summary>AIC004 when the engine fails: a method that was not analyzed leaves "never shown" unknown.</summary>
[Collection(EngineFailureCollection.Name)]
public class AnalysisFailedTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("Show", true)]
    public async Task AIC004_is_not_claimed_when_a_method_was_not_analyzed(string? failing, bool expectFailure)
    {
        // The only method that shows the notice: when its analysis fails, "never shown" cannot be known.
        const string Source = """
            class App
            {
                void Show(IChatClient client) => Console.WriteLine(Svc.RegistrationNotice + client.GetType().Name);
            }
            """;
        var withoutNotice = await FlowVerifier.VerifyAsync(Code.Header + Source.Replace("Svc.RegistrationNotice", "\"hello\""), new FlowRun());
        Assert.Contains(withoutNotice, d => d.Id == DiagnosticIds.RegistrationNeverShown); // the rule does fire in this setup

        var run = failing is null ? new FlowRun() : new FlowRun { ConfigOptions = GlobalConfig(failing), ExpectInternalErrors = true };
        var diagnostics = await FlowVerifier.VerifyAsync(Code.Header + Source, run);
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.RegistrationNeverShown);
        Assert.Equal(expectFailure, diagnostics.Any(d => d.Id == DiagnosticIds.AnalysisFailed));
    }
}
