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

    [Fact]
    public async Task The_label_escaped_into_a_pattern_or_replaced_in_a_builder_is_reported()
    {
        var reported = await TamperingAsync("""
            class Cleaner
            {
                public static string A(string text) => Regex.Replace(text, Regex.Escape(Svc.LabelText), "");
                public static string B(string text) => Regex.Replace(text, $"^{Regex.Escape(Svc.LabelText)}\\s*", string.Empty);
                public static string C(string text) => new Regex(Regex.Escape(Svc.LabelText)).Replace(text, "");
                public static string D(string text) => text.Replace(Svc.LabelText + "\n", "");
                public static string E(StringBuilder sb) => sb.Replace(Svc.LabelText, "").ToString();
            }
            """);
        Assert.Equal(new[]
        {
            "Regex.Replace(text, Regex.Escape(Svc.LabelText), \"\")",
            "Regex.Replace(text, $\"^{Regex.Escape(Svc.LabelText)}\\\\s*\", string.Empty)",
            "new Regex(Regex.Escape(Svc.LabelText)).Replace(text, \"\")",
            "text.Replace(Svc.LabelText + \"\\n\", \"\")",
            "sb.Replace(Svc.LabelText, \"\")",
        }, reported);
    }

    [Fact]
    public async Task Escaping_the_label_for_HTML_and_replacing_line_breaks_are_not_tampering()
    {
        var reported = await TamperingAsync("""
            class Page
            {
                public static string A(string text) => text.Replace(Svc.LabelText, System.Net.WebUtility.HtmlEncode(Svc.LabelText));
                public static string B(string text) => text.Replace(Svc.LabelText, $"<b>{Svc.LabelText}</b>");
                public static string C(string text) => new Regex("\\[(\\d+)\\]").Replace(text, Svc.LabelText);
                public static string D(string text) => Regex.Replace(text, Regex.Escape("<"), "&lt;");

                async Task Run(IChatClient client)
                {
                    var sb = new StringBuilder();
                    sb.Append(Svc.Label((await client.GetResponseAsync("hi")).Text));
                    Console.WriteLine(System.Net.WebUtility.HtmlEncode(sb.ToString()));
                    Console.WriteLine(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(sb.ToString()));
                    sb.Replace("\n", "<br>");
                    sb.Replace('\r', ' ');
                    Console.WriteLine(sb.ToString());
                }
            }
            """);
        Assert.Empty(reported);
    }

    [Fact]
    public async Task Cutting_a_builder_that_holds_labeled_text_is_reported()
    {
        var reported = await TamperingAsync("""
            class App
            {
                async Task Run(IChatClient client, string word)
                {
                    var sb = new StringBuilder();
                    sb.Append(Svc.Label((await client.GetResponseAsync("hi")).Text));
                    sb.Remove(0, 5);
                    sb.Replace(word, "***");
                    Console.WriteLine(sb.ToString());

                    var plain = new StringBuilder();
                    plain.Append((await client.GetResponseAsync("hi")).Text);
                    plain.Remove(0, 5);
                    Console.WriteLine(Svc.Label(plain.ToString()));
                }
            }
            """);
        Assert.Equal(new[] { "sb.Remove(0, 5)", "sb.Replace(word, \"***\")" }, reported);
    }
}
