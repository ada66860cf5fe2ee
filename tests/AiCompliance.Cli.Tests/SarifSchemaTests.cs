using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using AiCompliance.Cli.Reporting;
using Xunit;

namespace AiCompliance.Cli.Tests;

/// <summary>The SARIF writer's output validates against the 2.1.0 schema, complete or not; and the check itself can fail.</summary>
[Collection(ScanCollection.Name)] // one scan of the Fixtures folders at a time
public sealed class SarifSchemaTests
{
    private readonly ScanFixture _scans;

    public SarifSchemaTests(ScanFixture scans) => _scans = scans;

    [Fact]
    public async Task A_scan_with_findings_validates()
    {
        var (run, text) = await _scans.FixtureToFileAsync("Unlabeled", "sarif");
        Assert.True(run.ExitCode == 1, run.ToString());
        SarifSchema.AssertValid(text);
    }

    [Fact]
    public void A_hand_made_incomplete_report_with_warnings_validates()
    {
        var report = ReportWriterTests.IncompleteReport(withFindings: true);
        var writer = new StringWriter();
        SarifReportWriter.Write(report, writer);
        SarifSchema.AssertValid(writer.ToString());
    }

    [Fact]
    public void The_schema_check_rejects_invalid_sarif()
    {
        var writer = new StringWriter();
        SarifReportWriter.Write(ReportWriterTests.IncompleteReport(withFindings: false), writer);
        var node = JsonNode.Parse(writer.ToString())!;
        node["runs"]![0]!["invocations"]![0]!["executionSuccessful"] = "no"; // must be a boolean
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => SarifSchema.AssertValid(node.ToJsonString()));
    }
}
