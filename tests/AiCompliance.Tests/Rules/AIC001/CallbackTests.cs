using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// A callback stored by a method of the type that holds it (<c>OnToken(Action&lt;string&gt; handler) =&gt; _onToken = handler</c>),
/// as streaming helpers and SDK wrappers in public apps take their token handlers: what the method's calls pass runs
/// with the text the holder calls it with.
/// </summary>
public class CallbackTests
{
    // Each call's argument is followed: a printing lambda or method group reports where the holder calls it with AI
    // text; a holder whose every call passes a labeler labels. A call that passes something the text does not tell (a
    // parameter), a public setter (other assemblies may call it), a setter used as a delegate, or one that implements an
    // interface keeps the member open: its calls stay reported, and it is no labeler.
    [Fact]
    public Task A_callback_handed_to_a_method_runs_with_the_text_it_is_called_with() => FlowVerifier.VerifyAsync(Code.Header + """
        class Streamer
        {
            private Action<string>? _onToken;
            internal void OnToken(Action<string> handler) => _onToken = handler;

            public async Task RunAsync(IChatClient client)
            {
                await foreach (var update in client.GetStreamingResponseAsync("q"))
                {
                    _onToken?.Invoke([|update.Text|]);
                    _onToken?.Invoke(Svc.Label(update.Text));
                }
            }
        }

        class Closed
        {
            private Func<string, string> _wrap = Svc.Label;
            internal void Use(Func<string, string> wrap) { _wrap = wrap; }

            public async Task RunAsync(IChatClient client) => Console.WriteLine(_wrap((await client.GetResponseAsync("q")).Text));
        }

        class Open
        {
            private Func<string, string> _wrap = Svc.Label;
            internal void Use(Func<string, string> wrap) { _wrap = wrap; }

            public async Task RunAsync(IChatClient client) => Console.WriteLine([|_wrap((await client.GetResponseAsync("q")).Text)|]);
        }

        public class Exposed
        {
            private Func<string, string> _wrap = Svc.Label;
            public void Use(Func<string, string> wrap) { _wrap = wrap; }

            public async Task RunAsync(IChatClient client) => Console.WriteLine([|_wrap((await client.GetResponseAsync("q")).Text)|]);
        }

        class Escaped
        {
            private Func<string, string> _wrap = Svc.Label;
            internal void Use(Func<string, string> wrap) { _wrap = wrap; }

            public async Task RunAsync(IChatClient client) => Console.WriteLine([|_wrap((await client.GetResponseAsync("q")).Text)|]);
        }

        interface IWrapped { void Use(Func<string, string> wrap); }

        class Implemented : IWrapped
        {
            private Func<string, string> _wrap = Svc.Label;
            void IWrapped.Use(Func<string, string> wrap) { _wrap = wrap; }
            internal void UseToo(Func<string, string> wrap) { ((IWrapped)this).Use(wrap); }

            public async Task RunAsync(IChatClient client) => Console.WriteLine([|_wrap((await client.GetResponseAsync("q")).Text)|]);
        }

        class Page
        {
            void Wire(Func<string, string> any, Streamer streamer, Closed closed, Open open, Exposed exposed, Escaped escaped)
            {
                streamer.OnToken(t => Console.Write(t));
                closed.Use(Svc.Label);
                closed.Use(wrap: Svc.Label);
                open.Use(Svc.Label);
                open.Use(any);
                exposed.Use(Svc.Label);
                escaped.Use(Svc.Label);
                Action<Func<string, string>> later = escaped.Use;
            }
        }
        """);
}
