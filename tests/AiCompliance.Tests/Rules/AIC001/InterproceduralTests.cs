using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

public class InterproceduralTests
{
    [Fact]
    public Task Helper_returning_content_taints_its_callers() => FlowVerifier.VerifyAsync(Code.Header + """
        class Helpers
        {
            private readonly IChatClient _client;
            public Helpers(IChatClient client) => _client = client;
            public async Task<string> AskAsync(string q) => (await _client.GetResponseAsync(q)).Text;
            public async Task<string> AskTwiceAsync(string q) => await AskAsync(q) + await AskAsync(q + "?");
            public static string Constant() => "not ai";
        }
        class App
        {
            async Task Run(Helpers helpers)
            {
                var answer = await helpers.AskAsync("hi");
                Console.WriteLine([|answer|]);
                Console.WriteLine([|await helpers.AskTwiceAsync("hi")|]);
                Console.WriteLine(Helpers.Constant());
                Console.WriteLine(Svc.Label(answer));
            }
        }
        """);

    [Fact]
    public Task A_helper_analyzed_first_as_a_callee_still_reports_its_own_findings_once() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(Helper helper)
            {
                Console.WriteLine([|await helper.AskAndPrintAsync()|]);
                Console.WriteLine(Svc.Label(await helper.AskAndPrintAsync()));
            }
        }
        class Helper
        {
            private readonly IChatClient _client;
            public Helper(IChatClient client) => _client = client;
            public async Task<string> AskAndPrintAsync()
            {
                var text = (await _client.GetResponseAsync("x")).Text;
                Console.WriteLine([|text|]);
                return text;
            }
        }
        """);

    [Fact]
    public Task A_partial_method_reports_once_at_its_implementation() => FlowVerifier.VerifyAsync(Code.Header + """
        partial class Page
        {
            private readonly IChatClient _client;
            public Page(IChatClient client) => _client = client;
            private partial Task ShowAsync();
            public Task RunAsync() => ShowAsync();
        }
        partial class Page
        {
            private partial async Task ShowAsync()
            {
                Console.WriteLine([|(await _client.GetResponseAsync("x")).Text|]);
            }
        }
        """);

    [Fact]
    public async Task Helper_whose_parameter_reaches_a_sink_reports_at_the_caller()
    {
        var diagnostics = await FlowVerifier.VerifyAsync(Code.Header + """
            static class Output
            {
                public static void Show(string title, string body) => Console.WriteLine(title + ": " + body);
                public static void ShowTwice(string text) { Show("1", text); Show("2", text); }
                public static void Deep(string text) => ShowTwice(text.Trim());
            }
            class App
            {
                async Task Run(IChatClient client, string user)
                {
                    var ai = (await client.GetResponseAsync("hi")).Text;
                    Output.Show(user, [|ai|]);
                    Output.Show(user, user);
                    Output.Deep([|ai|]);
                    Output.Show("x", Svc.Label(ai));
                }
            }
            """);
        var first = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First();
        Assert.Equal("AI-generated content from 'IChatClient.GetResponseAsync' reaches 'Console.WriteLine' via 'Output.Show' without a label", first.GetMessage());
        Assert.Equal(2, first.AdditionalLocations.Count); // the source call and the sink inside the helper
        var deep = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Last();
        Assert.Equal("AI-generated content from 'IChatClient.GetResponseAsync' reaches 'Console.WriteLine' via 'Output.Deep → Output.ShowTwice → Output.Show' without a label", deep.GetMessage());
    }

    [Fact]
    public Task Extension_methods_and_async_helpers() => FlowVerifier.VerifyAsync(Code.Header + """
        static class Ext
        {
            public static string Clean(this string s) => s.Trim();
            public static async Task<string> AnswerAsync(this IChatClient client, string q)
            {
                var r = await client.GetResponseAsync(q).ConfigureAwait(false);
                return r.Text;
            }
            public static void Render(this string s) => Console.WriteLine(s);
        }
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                Console.WriteLine([|(await client.AnswerAsync("q")).Clean()|]);
                Console.WriteLine(user.Clean());
                ([|await client.AnswerAsync("q")|]).Render();
            }
        }
        """);

    [Fact]
    public Task Fields_written_in_one_method_and_read_in_another() => FlowVerifier.VerifyAsync(Code.Header + """
        class ChatPage
        {
            private readonly IChatClient _client;
            private string _lastAnswer = "";
            private string _userName = "";
            public string Status { get; set; } = "";
            private static string s_cache = "";

            public ChatPage(IChatClient client) => _client = client;

            public async Task AskAsync(string question)
            {
                _userName = question;
                var response = await _client.GetResponseAsync(question);
                _lastAnswer = response.Text;
                Status = response.Text;
                s_cache = response.Text;
            }

            public void Render()
            {
                Console.WriteLine([|_lastAnswer|]);
                Console.WriteLine(_userName);
                Console.WriteLine([|Status|]);
                Console.WriteLine([|s_cache|]);
                Console.WriteLine(Svc.Label(_lastAnswer));
            }
        }
        """);

    [Fact]
    public Task Recursion_and_cycles_terminate() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            private readonly IChatClient _client;
            public App(IChatClient client) => _client = client;
            async Task<string> A(int n) => n == 0 ? (await _client.GetResponseAsync("x")).Text : await B(n - 1);
            async Task<string> B(int n) => await A(n);
            async Task Run()
            {
                Console.WriteLine([|await A(3)|]);
                Console.WriteLine([|await B(3)|]);
            }
        }
        """);

    [Fact]
    public Task Constructors_map_arguments_to_fields() => FlowVerifier.VerifyAsync(Code.Header + """
        class Message
        {
            public Message(string body, string author) { Body = body; Author = author; }
            public string Body { get; }
            public string Author { get; }
        }
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var message = new Message(ai, "bot");
                Console.WriteLine(message.Author);
                Console.WriteLine([|message.Body|]);
                Console.WriteLine([|message|]);
            }
        }
        """);

    [Fact]
    public Task AiGenerated_and_UserFacing_attributes() => FlowVerifier.VerifyAsync(Code.Header + """
        class Gateway
        {
            [AiGenerated] public string Ask(string q) => "from an in-house model";
            [return: AiGenerated] public string Ask2(string q) => "from an in-house model";
            [AiGenerated] public string Latest { get; } = "";
        }
        class Screen
        {
            public void Show([UserFacing] string text, string debug) { }
            [UserFacing] public void Banner(string text) { }
        }
        class App
        {
            void Run(Gateway gateway, Screen screen)
            {
                screen.Show([|gateway.Ask("q")|], gateway.Ask("q"));
                screen.Banner([|gateway.Ask2("q")|]);
                screen.Show([|gateway.Latest|], "");
                screen.Show(Svc.Label(gateway.Latest), "");
            }
        }
        """);

    [Fact]
    public Task A_StringBuilder_filled_by_a_helper_carries_what_the_helper_appended() => FlowVerifier.VerifyAsync(Code.Header + """
        class Report
        {
            static void Fill(StringBuilder sb, string t) => sb.Append(t);

            static void AddSection(StringBuilder sb, string title, string body)
            {
                sb.AppendLine("## " + title);
                sb.AppendLine(body);
            }

            static void AddThrough(StringBuilder sb, string t) => Fill(sb, t.Trim());

            static async Task AppendAnswerAsync(StringBuilder sb, IChatClient client, string question) =>
                sb.AppendLine((await client.GetResponseAsync(question)).Text);

            static void Collect(List<string> lines, string t) => lines.Add("- " + t);

            static void Restart(StringBuilder sb, string t)
            {
                sb = new StringBuilder();
                sb.Append(t);
            }

            async Task Run(IChatClient client, string question)
            {
                var ai = (await client.GetResponseAsync(question)).Text;

                var filled = new StringBuilder();
                Fill(filled, ai);
                Console.WriteLine([|filled.ToString()|]);

                var sections = new StringBuilder();
                AddSection(sections, "Question", question);
                AddSection(sections, "Answer", ai);
                Console.WriteLine([|sections.ToString()|]);

                var nested = new StringBuilder();
                AddThrough(nested, ai);
                Console.WriteLine([|nested|]);

                var asked = new StringBuilder("Answer: ");
                await AppendAnswerAsync(asked, client, question);
                Console.WriteLine([|asked.ToString()|]);

                var lines = new List<string>();
                Collect(lines, ai);
                Console.WriteLine([|string.Join("\n", lines)|]);

                var restarted = new StringBuilder();
                Restart(restarted, ai); // the helper filled a new builder of its own, not this one
                Console.WriteLine(restarted.ToString());

                var labeled = new StringBuilder();
                Fill(labeled, Svc.Label(ai));
                Console.WriteLine(labeled.ToString());

                var user = new StringBuilder();
                Fill(user, question);
                AddSection(user, "Note", "written by hand");
                Console.WriteLine(user.ToString());

                var sized = new StringBuilder();
                Fill(sized, ai.Length.ToString());
                Console.WriteLine(sized.ToString());
            }
        }
        """);

    // A helper that writes a field through ?:, ?? or an initializer: the graph captures the field before the branch and
    // reads it there, which asks for the type's field summary while the helper is still being analyzed. The summary
    // computed then (with the helper cut short) used to be cached for good, without the helper's write.
    [Fact]
    public Task Fields_a_helper_writes_through_a_conditional_a_coalesce_or_an_initializer() => FlowVerifier.VerifyAsync(Code.Header + """
        class Notes
        {
            private string? _last;
            private string _summary = "";
            private List<string>? _quotes;
            private List<(string Text, int Length)>? _parts;
            private string? _user;

            public async Task RunAsync(IChatClient client, string question, bool keep)
            {
                var text = (await client.GetResponseAsync(question)).Text;
                Keep(text, keep);
                Summarize(text);
                Quote(text, keep);
                Split(text);
                Remember(question, keep);
                Keep(Svc.Label(text), keep);
            }

            private void Keep(string t, bool keep) { _last = keep ? t : null; }
            private void Summarize(string t) { _summary = t ?? "none"; }
            private void Quote(string t, bool keep) { _quotes = keep ? t.Split('\n').ToList() : null; }
            private void Split(string t) { _parts = new List<(string Text, int Length)> { (t, t.Length) }; }
            private void Remember(string q, bool keep) { _user = keep ? q : null; }

            public void Render()
            {
                Console.WriteLine([|_last|]);
                Console.WriteLine([|_summary|]);
                Console.WriteLine([|_quotes![0]|]);
                foreach (var part in _parts!) { Console.WriteLine([|part.Text|]); Console.WriteLine(part.Length); }
                Console.WriteLine(_user);
            }
        }
        """);
}
