using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.CodeFixes;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Fix = AiCompliance.Tests.Infrastructure.CodeFixVerifier<AiCompliance.Analyzers.UndeclaredAiReturnAnalyzer, AiCompliance.CodeFixes.AddAiGeneratedCodeFixProvider>;

namespace AiCompliance.Tests.Rules.Aic010;

/// <summary>
/// AIC010: a library's public member that returns unlabeled AI content asks for [AiGenerated], so the projects that call
/// it see the content (each project is analyzed on its own); the fix adds the attribute.
/// </summary>
public class Aic010Tests
{
    internal const string Library = Code.Header + """
        public class Summarizer
        {
            private readonly IChatClient _client;
            private string _last = "";
            public Summarizer(IChatClient client) => _client = client;

            public async Task<string> SummarizeAsync(string text) { var r = await _client.GetResponseAsync(text); _last = r.Text; return r.Text; }
            public string Last => _last;
            public async Task<string> LabeledAsync(string text) => Svc.Label((await _client.GetResponseAsync(text)).Text);
            [AiGenerated] public async Task<string> DeclaredAsync(string text) => (await _client.GetResponseAsync(text)).Text;
            public async Task<int> CountAsync(string text) => (await _client.GetResponseAsync(text)).Text.Length;
            internal async Task<string> InternalAsync(string text) => (await _client.GetResponseAsync(text)).Text;
            private async Task<string> PrivateAsync(string text) => (await _client.GetResponseAsync(text)).Text;
            public string Echo(string text) => text;
        }

        public sealed class EchoClient : IChatClient
        {
            private readonly IChatClient _inner;
            public EchoClient(IChatClient inner) => _inner = inner;
            public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => await _inner.GetResponseAsync(messages, options, cancellationToken);
            public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => _inner.GetStreamingResponseAsync(messages, options, cancellationToken);
            public object? GetService(Type serviceType, object? serviceKey = null) => null;
            public void Dispose() { }
        }

        public sealed class Caching : DelegatingChatClient
        {
            public Caching(IChatClient inner) : base(inner) { }
            public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => await base.GetResponseAsync(messages, options, cancellationToken);
        }

        public interface IAnswers { [AiGenerated] Task<string> AnswerAsync(string question); }

        public class Answers : IAnswers
        {
            private readonly IChatClient _client;
            public Answers(IChatClient client) => _client = client;
            public async Task<string> AnswerAsync(string question) => (await _client.GetResponseAsync(question)).Text; // the interface says so
        }

        public class BaseReply { private string _text = ""; [AiGenerated] public virtual string Text => _text; public void Set(string t) => _text = t; }

        public class Reply : BaseReply
        {
            private readonly IChatClient _client;
            public Reply(IChatClient client) => _client = client;
            private string _answer = "";
            public async Task Fill() => _answer = (await _client.GetResponseAsync("q")).Text;
            public override string Text => _answer; // the base property says so
        }

        internal class Hidden
        {
            public async Task<string> AskAsync(IChatClient client) => (await client.GetResponseAsync("q")).Text;
        }
        """;

    [Fact]
    public async Task Public_members_of_a_library_returning_unlabeled_content_are_reported_once_each()
    {
        var diagnostics = (await FlowVerifier.AnalyzeAllAsync(Library, false, false)).Where(d => d.Id == DiagnosticIds.UndeclaredAiReturn).ToList();
        Assert.Equal(
            new[]
            {
                "'Summarizer.SummarizeAsync(string)' returns AI-generated content from 'IChatClient.GetResponseAsync' to other projects; mark it [AiGenerated] so their builds see that it is AI content",
                "'Summarizer.Last' returns AI-generated content from 'IChatClient.GetResponseAsync' to other projects; mark it [AiGenerated] so their builds see that it is AI content",
            },
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage()).ToArray());
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Equal(new[] { "SummarizeAsync", "Last" }, diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => Library.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)).ToArray());
    }

    [Fact]
    public async Task An_app_is_not_called_by_other_projects()
    {
        var diagnostics = await FlowVerifier.AnalyzeAllAsync(Library.Replace("[RegisteredAiService", "Console.WriteLine(\"app\");\n[RegisteredAiService"), new FlowRun { Executable = true });
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.UndeclaredAiReturn);
    }

    [Fact]
    public async Task An_endpoint_or_action_returning_content_is_an_output_not_an_api()
    {
        var diagnostics = await FlowVerifier.AnalyzeAllAsync("using Microsoft.AspNetCore.Mvc;\n" + Code.Header + """
            public class ChatController : ControllerBase
            {
                [HttpGet("ask")]
                public async Task<string> Ask([FromServices] IChatClient client) => (await client.GetResponseAsync("q")).Text;
            }
            """, false, false);
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.UndeclaredAiReturn);
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.UnlabeledAiOutput);
    }

    [Fact]
    public Task The_fix_marks_the_method_and_imports_the_namespace() => VerifyFixAsync("""
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;

        namespace Lib
        {
            public class Summarizer
            {
                /// <summary>Summarizes.</summary>
                public async Task<string> {|#0:SummarizeAsync|}(IChatClient client, string text) => (await client.GetResponseAsync(text)).Text;
            }
        }
        """, """
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;
        using AiCompliance;

        namespace Lib
        {
            public class Summarizer
            {
                /// <summary>Summarizes.</summary>
                [AiGenerated]
                public async Task<string> SummarizeAsync(IChatClient client, string text) => (await client.GetResponseAsync(text)).Text;
            }
        }
        """, "Summarizer.SummarizeAsync(IChatClient, string)");

    [Fact]
    public Task The_fix_goes_before_existing_attributes_of_a_property() => VerifyFixAsync("""
        using System;
        using System.Threading.Tasks;
        using AiCompliance;
        using Microsoft.Extensions.AI;

        public class Holder
        {
            private string _text = "";
            public async Task Fill(IChatClient client) => _text = (await client.GetResponseAsync("q")).Text;
            [Obsolete("use Fill")]
            public string {|#0:Text|} => _text;
        }
        """, """
        using System;
        using System.Threading.Tasks;
        using AiCompliance;
        using Microsoft.Extensions.AI;

        public class Holder
        {
            private string _text = "";
            public async Task Fill(IChatClient client) => _text = (await client.GetResponseAsync("q")).Text;
            [AiGenerated]
            [Obsolete("use Fill")]
            public string Text => _text;
        }
        """, "Holder.Text");

    private static Task VerifyFixAsync(string source, string fixedSource, string member)
    {
        var test = Fix.Create(source, fixedSource, withMeai: true);
        test.ExpectedDiagnostics.Add(Fix.Diagnostic(DiagnosticIds.UndeclaredAiReturn).WithLocation(0).WithArguments(member, "IChatClient.GetResponseAsync"));
        test.CodeActionVerifier = (action, verifier) => verifier.Equal("Mark it [AiGenerated]", action.Title);
        return test.RunAsync();
    }
}
