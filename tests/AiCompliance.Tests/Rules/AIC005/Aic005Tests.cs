using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic005;

public class Aic005Tests
{
    private static async Task<string[]> TamperingAsync(string body)
    {
        var (source, _) = FlowVerifier.ParseMarkup("using System.Text.RegularExpressions;\n" + Code.Header + body);
        var diagnostics = await FlowVerifier.AnalyzeAllAsync(source, false, enableReportDiagnostics: false);
        return diagnostics.Where(d => d.Id == "AIC005")
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length))
            .ToArray();
    }

    [Fact]
    public async Task Cutting_labeled_text_is_reported_and_cutting_before_labeling_is_not()
    {
        var reported = await TamperingAsync("""
            class App
            {
                async Task Run(IChatClient client)
                {
                    var ai = (await client.GetResponseAsync("hi")).Text;
                    var labeled = Svc.Label(ai);
                    Console.WriteLine(labeled.Substring(0, 80));
                    Console.WriteLine(labeled.Remove(0, 3));
                    Console.WriteLine(labeled.Split('\n')[1]);
                    Console.WriteLine(labeled.Trim('内'));
                    Console.WriteLine(Regex.Replace(labeled, "^.*\n", ""));
                    Console.WriteLine(labeled[10..]);
                    Console.WriteLine(labeled.Trim());
                    Console.WriteLine(labeled.ToUpperInvariant());
                    Console.WriteLine(labeled.Replace("\n", "<br>"));
                    Console.WriteLine(labeled.Trim(' ', '.'));
                    Console.WriteLine(Svc.Label(ai.Substring(0, 80)));
                    Console.WriteLine(Svc.Label(ai.Trim('x')));
                }
            }
            """);
        Assert.Equal(new[]
        {
            "labeled.Substring(0, 80)",
            "labeled.Remove(0, 3)",
            "labeled.Split('\\n')",
            "labeled.Trim('内')",
            "Regex.Replace(labeled, \"^.*\\n\", \"\")",
            "labeled[10..]",
        }, reported);
    }

    [Fact]
    public async Task Searching_the_label_text_to_remove_it_is_reported_anywhere()
    {
        var reported = await TamperingAsync("""
            class Cleaner
            {
                public static string Strip(string text) => text.Replace(Svc.LabelText, "");
                public static string Strip2(string text) => Regex.Replace(text, Svc.LabelText, "");
                public static string Keep(string text) => text.Replace("foo", "bar");
            }
            """);
        Assert.Equal(new[] { "text.Replace(Svc.LabelText, \"\")", "Regex.Replace(text, Svc.LabelText, \"\")" }, reported);
    }

    [Fact]
    public async Task Unlabeled_text_cut_is_not_tampering()
    {
        var reported = await TamperingAsync("""
            class App
            {
                async Task Run(IChatClient client, string user)
                {
                    var ai = (await client.GetResponseAsync("hi")).Text;
                    Console.WriteLine(Svc.Label(ai.Substring(0, 3)));
                    Console.WriteLine(user.Substring(1));
                }
            }
            """);
        Assert.Empty(reported);
    }
}
