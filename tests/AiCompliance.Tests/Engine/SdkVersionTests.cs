using Xunit;

namespace AiCompliance.Tests.Engine;

/// <summary>
/// This suite is compiled twice: AiCompliance.Tests against Microsoft.Extensions.AI 10.11, and AiCompliance.Tests.OnMeai11
/// (the same sources) against 11.0. Every flow test compiles its code against the SDK assembly of the build it runs in,
/// so each build must really hold the version it claims.
/// </summary>
public class SdkVersionTests
{
    [Fact]
    public void The_suite_runs_on_the_Microsoft_Extensions_AI_version_its_project_claims()
    {
        var version = typeof(Microsoft.Extensions.AI.IChatClient).Assembly.GetName().Version!;
#if MEAI11
        Assert.Equal(11, version.Major);
#else
        Assert.Equal(10, version.Major);
        Assert.Equal(11, version.Minor);
#endif
    }
}
