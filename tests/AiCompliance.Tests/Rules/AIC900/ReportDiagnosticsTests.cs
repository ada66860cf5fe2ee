using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic900;

/// <summary>AIC900 (labeled output) and AIC901 (source call): off by default, complete when enabled.</summary>
public class ReportDiagnosticsTests
{
    private const string Source = Code.Header + """
        class App
        {
            async Task Run(IChatClient inner)
            {
                var response = await inner.GetResponseAsync("hi");
                Console.WriteLine(Svc.Label(response.Text));
                Console.WriteLine(response.Text);
                var labeledClient = Svc.WithLabels(inner);
                Console.WriteLine((await labeledClient.GetResponseAsync("x")).Text);
                Console.WriteLine(Svc.LabelText + "\n" + response.Text);
            }
        }
        """;

    [Fact]
    public async Task Off_by_default()
    {
        var diagnostics = await FlowVerifier.AnalyzeAllAsync(Source, false, enableReportDiagnostics: false);
        Assert.DoesNotContain(diagnostics, d => d.Id is "AIC900" or "AIC901");
        Assert.Single(diagnostics, d => d.Id == "AIC001");
    }

    [Fact]
    public async Task When_enabled_every_labeled_output_and_source_call_is_listed()
    {
        var diagnostics = await FlowVerifier.AnalyzeAllAsync(Source, false, enableReportDiagnostics: true);
        var text = Source;
        string At(Microsoft.CodeAnalysis.Diagnostic d) => text.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length);

        var labeled = diagnostics.Where(d => d.Id == "AIC900").Select(At).ToList();
        Assert.Equal(new[] { "Svc.Label(response.Text)", "(await labeledClient.GetResponseAsync(\"x\")).Text", "Svc.LabelText + \"\\n\" + response.Text" }, labeled);
        var sources = diagnostics.Where(d => d.Id == "AIC901").Select(d => d.GetMessage()).ToList();
        Assert.Equal(new[] { "'IChatClient.GetResponseAsync' produces AI-generated content", "'IChatClient.GetResponseAsync' produces AI-generated content (through the labeling client)" }, sources);
        Assert.Single(diagnostics, d => d.Id == "AIC001");
    }

    [Fact]
    public async Task Source_calls_labeled_outputs_and_tampering_inside_local_functions_are_listed_too()
    {
        const string source = Code.Header + """
            class App
            {
                async Task Run(IChatClient inner)
                {
                    async Task<string> Ask() => (await inner.GetResponseAsync("q")).Text;
                    void Show(string text) => Console.WriteLine(Svc.Label(text));
                    string Strip(string text) => text.Replace(Svc.LabelText, "");
                    async Task Nested() { async Task<string> Deeper() => (await inner.GetResponseAsync("r")).Text; Console.WriteLine(Svc.Label(await Deeper())); }
                    Show(await Ask());
                    Console.WriteLine(Strip(Svc.Label("x")));
                    await Nested();
                }
            }
            """;
        var diagnostics = await FlowVerifier.AnalyzeAllAsync(source, false, enableReportDiagnostics: true);
        string At(Microsoft.CodeAnalysis.Diagnostic d) => source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length);
        Assert.Equal(new[] { "inner.GetResponseAsync(\"q\")", "inner.GetResponseAsync(\"r\")" }, diagnostics.Where(d => d.Id == "AIC901").Select(At).OrderBy(x => x, System.StringComparer.Ordinal).ToArray());
        Assert.Equal(new[] { "Svc.Label(await Deeper())", "Svc.Label(text)" }, diagnostics.Where(d => d.Id == "AIC900").Select(At).OrderBy(x => x, System.StringComparer.Ordinal).ToArray());
        Assert.Single(diagnostics, d => d.Id == "AIC005");
        Assert.DoesNotContain(diagnostics, d => d.Id == "AIC001");
    }
}
