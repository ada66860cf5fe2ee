using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

public class DataFlowTests
{
    [Fact]
    public Task Property_chains_and_indexers() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                Console.WriteLine([|response.Messages[0].Text|]);
                Console.WriteLine([|response.Messages.Last().Contents.OfType<TextContent>().First().Text|]);
                Console.WriteLine([|response.Messages[0]|]);
                Console.WriteLine(response.Messages.Count);
                Console.WriteLine(response.Messages[0].AuthorName);
            }
        }
        """);

    [Fact]
    public Task Collections_carry_elements_but_user_lists_stay_clean() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client, string userInput)
            {
                var history = new List<ChatMessage> { new ChatMessage(ChatRole.User, userInput) };
                var userTexts = new List<string> { userInput, "hello" };
                var response = await client.GetResponseAsync(history);
                Console.WriteLine(string.Join("\n", userTexts));
                Console.WriteLine(history[0].Text);

                var answers = new List<string>();
                answers.Add(response.Text);
                Console.WriteLine([|answers[0]|]);
                Console.WriteLine([|string.Join("\n", answers)|]);
                Console.WriteLine(answers.Count);

                var initialized = new List<string> { "x", response.Text };
                foreach (var item in initialized) { Console.WriteLine([|item|]); }

                var dict = new Dictionary<string, string>();
                dict["a"] = response.Text;
                if (dict.TryGetValue("a", out var found)) { Console.WriteLine([|found|]); }

                string[] array = { response.Text };
                Console.WriteLine([|array[0]|]);
                string[] collection = ["user", response.Text];
                Console.WriteLine([|collection[1]|]);
            }
        }
        """);

    [Fact]
    public Task Linq_maps_element_content() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                var texts = response.Messages.Select(m => m.Text);
                Console.WriteLine([|string.Join(",", texts)|]);
                var roles = response.Messages.Select(m => m.Role.Value).ToList();
                Console.WriteLine(string.Join(",", roles));
                var lengths = response.Messages.Select(m => m.Text.Length);
                Console.WriteLine(lengths.Sum());
                var filtered = response.Messages.Where(m => m.Text.Length > 3).ToList();
                Console.WriteLine([|filtered.First().Text|]);
                var typed = response.Messages.SelectMany(m => m.Contents).OfType<TextContent>();
                foreach (var t in typed) { Console.WriteLine([|t.Text|]); }
                response.Messages.ToList().ForEach(m => Console.WriteLine([|m.Text|]));
            }
        }
        """);

    [Fact]
    public Task Objects_records_and_anonymous_types_carry_content_per_member() => FlowVerifier.VerifyAsync(Code.Header + """
        public class Answer { public string Text { get; set; } = ""; public string Title { get; set; } = ""; public int Id { get; set; } }
        public record Reply(string Text, string User);
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var answer = new Answer { Text = ai, Title = user, Id = 3 };
                Console.WriteLine([|answer|]);
                Console.WriteLine(answer.Title);
                Console.WriteLine(answer.Id);
                Console.WriteLine([|answer.Text|]);

                var reply = new Reply(ai, user);
                Console.WriteLine(reply.User);
                Console.WriteLine([|reply.Text|]);

                var anon = new { Body = ai, Who = user };
                Console.WriteLine(anon.Who);
                Console.WriteLine([|anon|]);

                var later = new Answer();
                later.Title = user;
                Console.WriteLine(later);
                later.Text = ai;
                Console.WriteLine([|later|]);

                var tuple = (ai, 1);
                Console.WriteLine([|tuple.ai|]);
            }
        }
        """);

    [Fact]
    public Task Json_parsing_of_ai_text_keeps_content() => FlowVerifier.VerifyAsync(Code.Header + """
        public class Parsed { public string? Summary { get; set; } }
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                using var doc = JsonDocument.Parse(ai);
                Console.WriteLine([|doc.RootElement.GetProperty("answer").GetString()|]);
                var parsed = JsonSerializer.Deserialize<Parsed>(ai);
                Console.WriteLine([|parsed?.Summary|]);
                Console.WriteLine(doc.RootElement.GetArrayLength());
                var json = JsonSerializer.Serialize(new { text = ai });
                Console.WriteLine([|json|]);
            }
        }
        """);

    [Fact]
    public Task Out_variables_and_patterns() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            static bool TryGetAnswer(ChatResponse response, out string answer) { answer = response.Text; return answer.Length > 0; }

            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                if (TryGetAnswer(response, out var answer)) { Console.WriteLine([|answer|]); }
                if (response.Messages[0].Contents[0] is TextContent text) { Console.WriteLine([|text.Text|]); }
                if (response is { Text: var t }) { Console.WriteLine([|t|]); }
                object boxed = response.Text;
                if (boxed is string s) { Console.WriteLine([|s|]); }
            }
        }
        """);

    [Fact]
    public Task Structured_output_result_is_content() => FlowVerifier.VerifyAsync(Code.Header + """
        public record Forecast(string Summary, int Degrees);
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync<Forecast>("weather?");
                Console.WriteLine([|response.Result.Summary|]);
                Console.WriteLine(response.Result.Degrees);
                if (response.TryGetResult(out var forecast)) { Console.WriteLine([|forecast|]); }
            }
        }
        """);

    [Fact]
    public Task Lambdas_and_local_functions() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Func<string> get = () => ai;
                Console.WriteLine([|get()|]);
                Action show = () => Console.WriteLine([|ai|]);
                show();
                Print(ai);
                Print("plain");
                Console.WriteLine([|Echo(ai)|]);
                Console.WriteLine(Echo("user"));

                void Print(string s) => Console.WriteLine([|s|]);
                static string Echo(string s) => s.Trim();
            }
        }
        """);

    [Fact]
    public Task Try_catch_finally_flows() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                string text = "none";
                try
                {
                    text = (await client.GetResponseAsync("hi")).Text;
                }
                catch (Exception ex)
                {
                    Console.WriteLine(ex.Message);
                }
                finally
                {
                    Console.WriteLine([|text|]);
                }

                for (var i = 0; i < 3; i++)
                {
                    Console.WriteLine([|text|]);
                }
            }
        }
        """);

    [Fact]
    public Task Properties_with_an_explicit_backing_field_carry_what_was_written_per_object() => FlowVerifier.VerifyAsync(Code.Header + """
        class Reply
        {
            private string _text = "";
            private string _author = "";
            public string Text { get => _text; set => _text = value; }
            public string Author { get { return _author; } set { _author = value; } }
        }

        class ChatView
        {
            private readonly IChatClient _client;
            private string _answer = "";
            private string _status = "";
            private string _question = "";
            public string Answer { get => _answer; set => _answer = value; }
            public string Status { get => _status; private set => _status = value; }
            public string Question { get => _question; set => _question = value; }

            public ChatView(IChatClient client) => _client = client;

            public async Task AskAsync(string q)
            {
                Question = q;
                Status = "thinking";
                var text = (await _client.GetResponseAsync(q)).Text;
                Answer = Svc.Label(text);
                Status = $"done ({text.Length} characters)";
            }

            public void Render()
            {
                Console.WriteLine(Answer);
                Console.WriteLine(_answer);
                Console.WriteLine(Status);
                Console.WriteLine(Question);
            }
        }

        class App
        {
            async Task Run(IChatClient client, string q)
            {
                var ai = (await client.GetResponseAsync(q)).Text;

                var fromModel = new Reply { Author = "assistant" };
                fromModel.Text = ai;
                var fromUser = new Reply { Text = q, Author = "user" };
                var labeled = new Reply();
                labeled.Text = Svc.Label(ai);

                Console.WriteLine([|fromModel.Text|]);
                Console.WriteLine(fromModel.Author);
                Console.WriteLine(fromUser.Text);
                Console.WriteLine(labeled.Text);

                fromModel.Text = "cleared";
                Console.WriteLine(fromModel.Text);
            }
        }
        """);
}
