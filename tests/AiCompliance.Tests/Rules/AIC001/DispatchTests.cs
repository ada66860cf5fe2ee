using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Calls through interfaces and base classes: the usual shape of DI code (an IAnswerService with an LLM-backed
/// implementation, injected into an endpoint). The analysis follows every override and implementation in the
/// compilation that can produce content.
/// </summary>
public class DispatchTests
{
    private const string Web = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        """;

    [Fact]
    public Task Service_interface_injected_into_an_endpoint_reports_at_the_handler() => FlowVerifier.VerifyAsync(Web + Code.Header + """
        public interface IAnswerService { Task<string> AnswerAsync(string question); string Greeting(); }

        public sealed class LlmAnswerService : IAnswerService
        {
            private readonly IChatClient _client;
            public LlmAnswerService(IChatClient client) => _client = client;
            public async Task<string> AnswerAsync(string question) => (await _client.GetResponseAsync(question)).Text;
            public string Greeting() => "hello";
        }

        static class Endpoints
        {
            public static void Map(WebApplication app)
            {
                app.MapGet("/ask", async (IAnswerService answers, string q) => [|await answers.AnswerAsync(q)|]);
                app.MapGet("/labeled", async (IAnswerService answers, string q) => Svc.Label(await answers.AnswerAsync(q)));
                app.MapGet("/hello", (IAnswerService answers) => answers.Greeting());
            }
        }
        """);

    [Fact]
    public Task Implementation_that_labels_its_answer_is_silent() => FlowVerifier.VerifyAsync(Code.Header + """
        public interface IAnswerService { Task<string> AnswerAsync(string question); }

        public sealed class LabeledAnswers : IAnswerService
        {
            private readonly IChatClient _client;
            public LabeledAnswers(IChatClient client) => _client = client;
            public async Task<string> AnswerAsync(string question) => Svc.Label((await _client.GetResponseAsync(question)).Text);
        }

        class App
        {
            async Task Run(IAnswerService answers) => Console.WriteLine(await answers.AnswerAsync("q"));
        }
        """);

    [Fact]
    public Task Abstract_base_with_an_ai_override_and_explicit_interface_implementation_report() => FlowVerifier.VerifyAsync(Code.Header + """
        public interface IWriter { string Write(string topic); }

        public abstract class Writer
        {
            public abstract Task<string> DraftAsync(string topic);
        }

        public sealed class AiWriter : Writer, IWriter
        {
            private readonly IChatClient _client;
            public AiWriter(IChatClient client) => _client = client;
            public override async Task<string> DraftAsync(string topic) => (await _client.GetResponseAsync(topic)).Text;
            string IWriter.Write(string topic) => _client.GetResponseAsync(topic).GetAwaiter().GetResult().Text;
        }

        public sealed class CannedWriter : Writer
        {
            public override Task<string> DraftAsync(string topic) => Task.FromResult("canned " + topic);
        }

        class App
        {
            async Task Run(Writer writer, IWriter direct, CannedWriter canned)
            {
                Console.WriteLine([|await writer.DraftAsync("x")|]);
                Console.WriteLine([|direct.Write("x")|]);
                Console.WriteLine(await canned.DraftAsync("x"));
            }
        }
        """);

    [Fact]
    public Task Implementation_whose_parameter_reaches_a_sink_reports_at_the_argument() => FlowVerifier.VerifyAsync(Code.Header + """
        public interface IPresenter { void Present(string text); }

        public sealed class ConsolePresenter : IPresenter
        {
            public void Present(string text) => Console.WriteLine(text);
        }

        public sealed class SilentPresenter : IPresenter
        {
            public void Present(string text) { }
        }

        class App
        {
            async Task Run(IPresenter presenter, IChatClient client)
            {
                var r = await client.GetResponseAsync("hi");
                presenter.Present([|r.Text|]);
                presenter.Present(Svc.Label(r.Text));
                presenter.Present("plain");
            }
        }
        """);

    [Fact]
    public Task Generic_interface_implementation_reports() => FlowVerifier.VerifyAsync(Code.Header + """
        public interface IQuery<T> { Task<T> RunAsync(string input); }

        public sealed class SummaryQuery : IQuery<string>
        {
            private readonly IChatClient _client;
            public SummaryQuery(IChatClient client) => _client = client;
            public async Task<string> RunAsync(string input) => (await _client.GetResponseAsync("Summarize: " + input)).Text;
        }

        public sealed class LengthQuery : IQuery<int>
        {
            public Task<int> RunAsync(string input) => Task.FromResult(input.Length);
        }

        class App
        {
            async Task Run(IQuery<string> summary, IQuery<int> length)
            {
                Console.WriteLine([|await summary.RunAsync("doc")|]);
                Console.WriteLine(await length.RunAsync("doc"));
            }
        }
        """);
}
