using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Shapes read in public .NET AI apps (samples, templates, reference apps) where AIC001 was wrong or silent, each
/// rewritten here in our own words on the real SDK assemblies: the cause, not the app's code.
/// </summary>
public class RealAppShapeTests
{
    // openai-dotnet's function-calling example prints its history by message kind: the user's messages are not the model's.
    [Fact]
    public Task A_history_narrowed_to_the_users_or_the_apps_messages_is_not_the_models_text() => FlowVerifier.VerifyAsync("using OpenAI.Chat;\nusing ChatMessage = OpenAI.Chat.ChatMessage;\n" + Code.Header + """
        class App
        {
            void Run(ChatClient chat)
            {
                List<ChatMessage> messages = [new SystemChatMessage("be brief"), new UserChatMessage("hi")];
                ChatCompletion completion = chat.CompleteChat(messages);
                messages.Add(new AssistantChatMessage(completion));
                foreach (ChatMessage message in messages)
                {
                    switch (message)
                    {
                        case UserChatMessage user:
                            Console.WriteLine(user.Content[0].Text);
                            break;
                        case SystemChatMessage system:
                            Console.WriteLine(system.Content[0].Text);
                            break;
                        case AssistantChatMessage assistant:
                            Console.WriteLine([|assistant.Content[0].Text|]);
                            break;
                    }

                    if (message is ToolChatMessage tool) { Console.WriteLine(tool.Content[0].Text); }
                    Console.WriteLine([|message.Content[0].Text|]); // not narrowed: the model's messages too
                }

                foreach (var user in messages.OfType<UserChatMessage>()) { Console.WriteLine(user.Content[0].Text); }
                foreach (ChatMessage message in messages)
                {
                    switch (message)
                    {
                        case UserChatMessage: Console.WriteLine(message.Content[0].Text); break; // the switched-on variable, narrowed
                        case AssistantChatMessage: Console.WriteLine([|message.Content[0].Text|]); break;
                    }

                    if (message is SystemChatMessage) { Console.WriteLine(message.Content[0].Text); }
                }
            }
        }
        """);

    // The Blazor chat template keeps the reply object in a component field and writes its text from another method.
    [Fact]
    public Task A_member_of_an_object_held_in_a_field_written_in_one_method_and_shown_in_another() => FlowVerifier.VerifyAsync(Code.Header + """
        class Reply { public string Text = ""; public List<string> Citations { get; } = new(); }
        class Page
        {
            private readonly Reply _reply = new();
            private readonly Reply _draft = new();
            async Task Ask(IChatClient client)
            {
                var r = await client.GetResponseAsync("hi");
                _reply.Text = r.Text;
                _reply.Citations.Add(r.Text);
                _draft.Text = "typing...";
            }

            void Render()
            {
                Console.WriteLine([|_reply.Text|]);
                foreach (var c in _reply.Citations) { Console.WriteLine([|c|]); }
                Console.WriteLine(_draft.Text);
            }
        }
        """);

    // The template's citations: a helper stores its argument in a field that the page renders.
    [Fact]
    public Task A_helper_that_stores_its_argument_in_a_field() => FlowVerifier.VerifyAsync(Code.Header + """
        class Page
        {
            private string? _quote;
            private string? _status;
            async Task Ask(IChatClient client) { var r = await client.GetResponseAsync("hi"); Keep(r.Text); Status("done"); }
            void Keep(string text) { _quote = text; }
            void Status(string text) => _status = text;
            void Render() { Console.WriteLine([|_quote|]); Console.WriteLine(_status); }
        }
        """);

    // eShop's chatbot: the page holds a state object whose own method fills its messages; the page renders them.
    [Fact]
    public Task Fields_of_another_object_filled_by_its_own_methods() => FlowVerifier.VerifyAsync(Code.Header + """
        class ChatState
        {
            public List<string> Messages { get; } = new();
            public string Last { get; private set; } = "";
            public string Title { get; set; } = "Chat";
            public async Task AskAsync(IChatClient client, string question)
            {
                Messages.Add(question);
                var r = await client.GetResponseAsync(question);
                Last = r.Text;
                Messages.Add(r.Text);
            }
        }

        class Page
        {
            private readonly ChatState _state = new();
            void Render()
            {
                Console.WriteLine(_state.Title);
                Console.WriteLine([|_state.Last|]);
                foreach (var m in _state.Messages) { Console.WriteLine([|m|]); }
            }
        }
        """);

    // ai-samples' evaluation runner: results collected into a list held by an object, shown later.
    [Fact]
    public Task A_collection_held_in_a_property_of_a_local_object() => FlowVerifier.VerifyAsync(Code.Header + """
        class Box { public List<string> Items { get; } = new(); public List<string> Notes { get; } = new(); }
        class App
        {
            async Task Run(IChatClient client)
            {
                var r = await client.GetResponseAsync("q");
                var box = new Box();
                box.Items.Add(r.Text);
                box.Notes.Add("note");
                Console.WriteLine([|box.Items[0]|]);
                foreach (var s in box.Items) { Console.WriteLine([|s|]); }
                Console.WriteLine(box.Notes[0]);
            }
        }
        """);

    // The template wraps an empty TextContent in the reply message first and appends to the TextContent as it streams.
    [Fact]
    public Task Text_appended_to_content_already_wrapped_in_a_message() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var content = new TextContent("");
                var message = new ChatMessage(ChatRole.Assistant, [content]);
                await foreach (var update in client.GetStreamingResponseAsync("hi")) { content.Text += update.Text; }
                Console.WriteLine([|message.Text|]);
            }
        }
        """);

    // The same in a component: the reply message is a field, rendered after the stream ends; a message the user typed,
    // built the same way from content that nothing writes later, stays clean.
    [Fact]
    public Task Content_wrapped_in_a_message_field_then_streamed_into() => FlowVerifier.VerifyAsync(Code.Header + """
        class Chat
        {
            private ChatMessage? _reply;
            private ChatMessage? _question;
            async Task Send(IChatClient client, string typed)
            {
                var asked = new TextContent(typed);
                _question = new ChatMessage(ChatRole.User, [asked]);
                var text = new TextContent("");
                _reply = new ChatMessage(ChatRole.Assistant, [text]);
                await foreach (var update in client.GetStreamingResponseAsync(typed)) { text.Text += update.Text; }
                Console.WriteLine(_question.Text);
                Console.WriteLine([|_reply.Text|]);
            }
        }
        """);

    // The template's in-progress reply: streamed into a message held in a field, rendered while the stream runs, then
    // moved to the history and the field cleared. What a field holds at an await is what a render sees.
    [Fact]
    public Task A_reply_streamed_into_a_field_is_seen_while_the_method_awaits_though_it_is_cleared_after() => FlowVerifier.VerifyAsync(Code.Header + """
        class Chat
        {
            private ChatMessage? _inProgress;
            private string _status = "";
            async Task Send(IChatClient client, string typed)
            {
                var text = new TextContent("");
                _inProgress = new ChatMessage(ChatRole.Assistant, [text]);
                await foreach (var update in client.GetStreamingResponseAsync(typed)) { text.Text += update.Text; }
                _inProgress = null;
                _status = (await client.GetResponseAsync(typed)).Text;
                _status = "done";
            }

            void Render()
            {
                Console.WriteLine([|_inProgress?.Text|]);
                Console.WriteLine(_status);
            }
        }
        """);

    // Holders are tracked for objects only: a string or a struct is copied when it is stored, so a later write to the
    // variable is not seen through what was built from it; a variable assigned a new object is not written through.
    [Fact]
    public Task Copies_and_reassignments_are_not_aliases() => FlowVerifier.VerifyAsync(Code.Header + """
        struct Pair { public string Text; }
        class Holder { public Pair Pair; public string Label = ""; public Holder(Pair pair, string label) { Pair = pair; Label = label; } }
        class App
        {
            async Task Run(IChatClient client)
            {
                var pair = new Pair { Text = "" };
                var label = "";
                var holder = new Holder(pair, label);
                var r = await client.GetResponseAsync("hi");
                pair.Text = r.Text;
                label = r.Text;
                Console.WriteLine(holder.Pair.Text);
                Console.WriteLine(holder.Label);
                var content = new TextContent("");
                var message = new ChatMessage(ChatRole.Assistant, [content]);
                content = new TextContent(r.Text);
                Console.WriteLine(message.Text);
                Console.WriteLine([|content.Text|]);
            }
        }
        """);

    // An object stored in a member of another (an initializer, or a write later) is held by it: a write through the
    // stored object's variable reaches a read of the holder; a member the stored object does not reach stays clean.
    [Fact]
    public Task An_object_stored_in_a_member_is_held_by_its_owner() => FlowVerifier.VerifyAsync(Code.Header + """
        class Part { public string Text = ""; }
        class Box { public Part? Item; public Part? Other; public string Title = ""; }
        class App
        {
            async Task Run(IChatClient client)
            {
                var first = new Part();
                var box = new Box { Item = first, Title = "t" };
                var second = new Part();
                var later = new Box();
                later.Item = second;
                var untouched = new Box { Other = new Part() };
                var r = await client.GetResponseAsync("hi");
                first.Text = r.Text;
                second.Text = r.Text;
                Console.WriteLine([|box.Item!.Text|]);
                Console.WriteLine([|later.Item!.Text|]);
                Console.WriteLine(untouched.Title);
            }
        }
        """);

    // var b = a: the same object, both ways.
    [Fact]
    public Task A_copy_of_a_reference_sees_writes_through_the_original_and_back() => FlowVerifier.VerifyAsync(Code.Header + """
        class Box { public string Text = ""; }
        class App
        {
            async Task Run(IChatClient client)
            {
                var a = new Box();
                var b = a;
                var r = await client.GetResponseAsync("hi");
                a.Text = r.Text;
                Console.WriteLine([|b.Text|]);
                var c = new Box();
                var d = c;
                d.Text = r.Text;
                Console.WriteLine([|c.Text|]);
            }
        }
        """);

    // anthropic-sdk-csharp's examples: the beta service, its tool runner, and extended thinking.
    [Fact]
    public Task Anthropic_beta_messages_tool_runner_and_thinking() => FlowVerifier.VerifyAsync(
        "using Anthropic;\nusing Anthropic.Models.Messages;\nusing Anthropic.Helpers.Beta;\nusing Beta = Anthropic.Models.Beta.Messages;\n" + Code.Header + """
        class App
        {
            async Task Run(AnthropicClient client, Beta.MessageCreateParams betaParams, MessageCreateParams parameters, IReadOnlyList<IBetaRunnableTool> tools)
            {
                var message = await client.Beta.Messages.Create(betaParams);
                foreach (var block in message.Content)
                {
                    if (block.TryPickText(out var text)) { Console.WriteLine([|text.Text|]); }
                    if (block.TryPickThinking(out var thought)) { Console.WriteLine([|thought.Thinking|]); }
                }

                Console.WriteLine(message.Usage.OutputTokens);
                Console.WriteLine(message.ID);

                await foreach (var evt in client.Beta.Messages.CreateStreaming(betaParams))
                {
                    if (evt.TryPickContentBlockDelta(out var delta) && delta.Delta.TryPickText(out var piece)) { Console.Write([|piece.Text|]); }
                }

                await foreach (var turn in client.Beta.Messages.ToolRunner(betaParams, tools))
                {
                    foreach (var block in turn.Content)
                    {
                        if (block.TryPickText(out var text)) { Console.WriteLine([|text.Text|]); }
                    }
                }

                var plain = await client.Messages.Create(parameters);
                foreach (var block in plain.Content)
                {
                    if (block.TryPickThinking(out var thought)) { Console.WriteLine([|thought.Thinking|]); }
                    if (block.TryPickToolUse(out var tool)) { Console.WriteLine(tool.ID); }
                }
            }
        }
        """);

    // openai-dotnet's assistants examples: the run's answer is read back from the thread, or streamed.
    [Fact]
    public Task OpenAI_assistants_messages_and_streamed_runs() => FlowVerifier.VerifyAsync(
        "#pragma warning disable OPENAI001\nusing OpenAI.Assistants;\n" + Code.Header + """
        class App
        {
            async Task Run(AssistantClient assistants, string assistantId, string threadId)
            {
                foreach (ThreadMessage message in assistants.GetMessages(threadId))
                {
                    foreach (MessageContent content in message.Content) { Console.WriteLine([|content.Text|]); }
                    Console.WriteLine(message.Role);
                    Console.WriteLine(message.Id);
                }

                await foreach (StreamingUpdate update in await assistants.CreateRunStreamingAsync(threadId, assistantId))
                {
                    if (update is MessageContentUpdate text) { Console.Write([|text.Text|]); }
                    Console.WriteLine(update.UpdateKind);
                }
            }
        }
        """);

    // Console samples print through a local lambda (Action<string> print = s => …; print(answer)).
    [Fact]
    public Task A_lambda_held_in_a_local_runs_with_the_arguments_of_each_call() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            async Task Run(IChatClient client)
            {
                var answer = (await client.GetResponseAsync("hi")).Text;
                Action<string> print = s => Console.WriteLine([|s|]);
                Action<string, string> pair = (who, text) => Console.WriteLine([|who + ": " + text|]);
                Func<string, string> shout = s => s.ToUpperInvariant();
                print("Thinking...");
                print(answer);
                print(Svc.Label(answer));
                pair("assistant", answer);
                Console.WriteLine([|shout(answer)|]);
                Console.WriteLine(shout("done"));
            }
        }
        """);

    // The Blazor chat template: the page hands its messages to a list, the list hands each one to an item, and the item
    // renders the text in <assistant-message markdown="…">. The report lands where each child renders it, too.
    [Fact]
    public Task Child_components_report_where_they_render_what_they_are_given() => FlowVerifier.VerifyAsync(
        "using Microsoft.AspNetCore.Components;\nusing Microsoft.AspNetCore.Components.Rendering;\n" + Code.Header + """
        public class ChatPage : ComponentBase
        {
            [Inject] public IChatClient Client { get; set; } = default!;
            private readonly List<ChatMessage> _messages = new();
            private string _title = "Chat";

            protected override async Task OnInitializedAsync()
            {
                var response = await Client.GetResponseAsync("hi");
                _messages.AddMessages(response);
            }

            protected override void BuildRenderTree(RenderTreeBuilder builder)
            {
                builder.OpenComponent<MessageList>(0);
                builder.AddComponentParameter(1, nameof(MessageList.Messages), [|_messages|]);
                builder.AddComponentParameter(2, nameof(MessageList.Title), _title);
                builder.CloseComponent();
                builder.OpenComponent<MessageItem>(3);
                builder.AddComponentParameter(4, nameof(MessageItem.Message), new ChatMessage(ChatRole.User, Svc.Label("x")));
                builder.CloseComponent();
            }
        }

        public class MessageList : ComponentBase
        {
            [Parameter] public IEnumerable<ChatMessage> Messages { get; set; } = [];
            [Parameter] public string Title { get; set; } = "";

            protected override void BuildRenderTree(RenderTreeBuilder builder)
            {
                builder.AddContent(0, Title);
                foreach (var message in Messages)
                {
                    builder.OpenComponent<MessageItem>(1);
                    builder.AddComponentParameter(2, nameof(MessageItem.Message), [|message|]);
                    builder.CloseComponent();
                }
            }
        }

        public class MessageItem : ComponentBase
        {
            [Parameter] public ChatMessage? Message { get; set; }

            protected override void BuildRenderTree(RenderTreeBuilder builder)
            {
                builder.OpenElement(0, "assistant-message");
                builder.AddAttribute(1, "markdown", [|Message?.Text|]);
                builder.AddAttribute(2, "class", Message?.Text);
                builder.CloseElement();
            }
        }
        """);

    // Console chats and the template's message item print a history by role: the user's turns are not the model's text.
    [Fact]
    public Task A_history_printed_by_role_reports_only_the_assistants_turns() => FlowVerifier.VerifyAsync(
        "using Microsoft.SemanticKernel.ChatCompletion;\nusing SkHistory = Microsoft.SemanticKernel.ChatCompletion.ChatHistory;\n" + Code.Header + """
        class App
        {
            async Task Run(IChatClient client, IChatCompletionService chat, SkHistory skHistory)
            {
                List<ChatMessage> history = [new(ChatRole.System, "be brief"), new(ChatRole.User, "hi")];
                history.AddMessages(await client.GetResponseAsync(history));
                foreach (var message in history)
                {
                    if (message.Role == ChatRole.User) { Console.WriteLine("you: " + message.Text); }
                    else if (message.Role == ChatRole.Assistant) { Console.WriteLine([|"ai: " + message.Text|]); }

                    if (message.Role != ChatRole.Assistant) { Console.WriteLine(message.Text); }
                    if (message.Role != ChatRole.System) { Console.WriteLine([|message.Text|]); } // the user's or the model's
                    Console.WriteLine([|message.Text|]);
                }

                skHistory.Add(await chat.GetChatMessageContentAsync(skHistory));
                foreach (var message in skHistory)
                {
                    if (message.Role == AuthorRole.User) { Console.WriteLine(message.Content); }
                    else { Console.WriteLine([|message.Content|]); }
                }
            }
        }
        """);

    // Razor Pages: the page model fills a property from the model; the .cshtml writes it (eShop-era and template MVC apps).
    [Fact]
    public async Task Razor_page_writes_report_on_the_cshtml_line()
    {
        const string page = "/0/Pages/Index.cshtml";
        var generated = $$"""
            #pragma checksum "{{page}}" "{8829d00f-11b8-4213-878b-770e8597ac16}" "fb683d55fe84373276e1f50c9312ec51d076458b0d6dc74ff3d081d6fdf95d1b"
            // <auto-generated/>
            #pragma warning disable 1591
            namespace Demo.Pages
            {
                #line hidden
                public class Pages_Index : global::Microsoft.AspNetCore.Mvc.RazorPages.Page
                {
                    #pragma warning disable 1998
                    public override async global::System.Threading.Tasks.Task ExecuteAsync()
                    {
                        WriteLiteral("<h1>");
            #nullable restore
            #line (2,6)-(2,17) 6 "{{page}}"
            Write(Model.Title);

            #line default
            #line hidden
            #nullable disable
                        WriteLiteral("</h1>\n<p>");
            #nullable restore
            #line (3,5)-(3,17) 6 "{{page}}"
            Write(Model.Answer);

            #line default
            #line hidden
            #nullable disable
                        WriteLiteral("</p>\n<div>");
            #nullable restore
            #line (4,7)-(4,29) 6 "{{page}}"
            Write(Html.Raw(Model.Answer));

            #line default
            #line hidden
            #nullable disable
                        WriteLiteral("</div>\n<p>");
            #nullable restore
            #line (5,5)-(5,34) 6 "{{page}}"
            Write(global::Svc.Label(Model.Answer));

            #line default
            #line hidden
            #nullable disable
                        BeginWriteAttribute("title", " title=\"", 120, "\"", 140, 1);
            #nullable restore
            #line (6,14)-(6,26) 6 "{{page}}"
            WriteAttributeValue("", 130, Model.Answer, 130, 12, false);

            #line default
            #line hidden
            #nullable disable
                        EndWriteAttribute();
                    }
                    #pragma warning restore 1998
                    [global::Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInjectAttribute]
                    public global::Microsoft.AspNetCore.Mvc.Rendering.IHtmlHelper<global::Demo.Pages.IndexModel> Html { get; private set; } = default!;
                    public global::Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<global::Demo.Pages.IndexModel> ViewData => (global::Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<global::Demo.Pages.IndexModel>)PageContext?.ViewData!;
                    public global::Demo.Pages.IndexModel Model => ViewData.Model;
                }
            }
            #pragma warning restore 1591
            """;
        const string pageModel = """
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.Mvc.RazorPages;
            using Microsoft.Extensions.AI;

            namespace Demo.Pages
            {
                public class IndexModel : PageModel
                {
                    public string Title { get; private set; } = "Ask";
                    public string Answer { get; private set; } = "";
                    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromServices] IChatClient client) => Answer = (await client.GetResponseAsync("hi")).Text;
                }
            }
            """;
        var diagnostics = await FlowVerifier.AnalyzeFilesAsync(new[] { ("/0/Test0.cs", Code.Header), ("/0/Pages/Index.cshtml.g.cs", generated), ("/0/Pages/Index.cshtml.cs", pageModel) });
        var found = diagnostics.Where(d => d.Id == "AIC001")
            .Select(d => d.Location.GetMappedLineSpan())
            .Select(span => System.IO.Path.GetFileName(span.Path) + ":" + (span.StartLinePosition.Line + 1))
            .OrderBy(x => x, System.StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[] { "Index.cshtml:3", "Index.cshtml:4", "Index.cshtml:6" }, found);
    }

    // MVC and Razor Pages apps hand answers to the view through ViewData, ViewBag and TempData.
    [Fact]
    public Task Answers_put_in_view_data_view_bag_or_temp_data_are_for_the_view_to_show() => FlowVerifier.VerifyAsync(
        "using Microsoft.AspNetCore.Mvc;\nusing Microsoft.AspNetCore.Mvc.RazorPages;\n" + Code.Header + """
        public class AskController : Controller
        {
            public async Task<IActionResult> Index([FromServices] IChatClient client)
            {
                var answer = (await client.GetResponseAsync("hi")).Text;
                ViewData["Answer"] = [|answer|];
                ViewBag.Answer = [|answer|];
                TempData["Answer"] = [|answer|];
                ViewData["Title"] = "Ask";
                ViewBag.Labeled = Svc.Label(answer);
                ViewData["Length"] = answer.Length;
                return View();
            }
        }

        public class AskPage : PageModel
        {
            public async Task OnGetAsync([FromServices] IChatClient client) => ViewData["Answer"] = [|(await client.GetResponseAsync("hi")).Text|];
        }
        """);

    // A streaming helper that is handed its token callback when it is created (_onToken = onToken, or a primary
    // constructor's parameter): the callbacks its creations pass run with the text it calls them with. A creation that
    // passes something the text does not tell (a variable) keeps the member open, so a call of it is still reported; so
    // does a public constructor, which other assemblies (or dependency injection) may call with anything. A member only
    // ever given a labeler by the compilation's creations (also a target-typed new) labels.
    [Fact]
    public Task A_callback_handed_to_the_constructor_runs_with_the_text_it_is_called_with() => FlowVerifier.VerifyAsync(Code.Header + """
        class Streamer
        {
            private readonly Action<string> _onToken;
            public Streamer(Action<string> onToken) => _onToken = onToken;

            public async Task RunAsync(IChatClient client)
            {
                await foreach (var update in client.GetStreamingResponseAsync("q"))
                {
                    _onToken([|update.Text|]);
                    _onToken(Svc.Label(update.Text));
                }
            }
        }

        class Quiet(Action<string> onToken)
        {
            private readonly Action<string> _onToken = onToken;

            public async Task RunAsync(IChatClient client) => _onToken((await client.GetResponseAsync("q")).Text);
        }

        class Open(Func<string, string> wrap)
        {
            private readonly Func<string, string> _wrap = wrap;

            public async Task RunAsync(IChatClient client) => Console.WriteLine([|_wrap((await client.GetResponseAsync("q")).Text)|]);
        }

        class Closed(Func<string, string> wrap)
        {
            private readonly Func<string, string> _wrap = wrap;

            public async Task RunAsync(IChatClient client) => Console.WriteLine(_wrap((await client.GetResponseAsync("q")).Text));
        }

        public class Exposed(Func<string, string> wrap)
        {
            private readonly Func<string, string> _wrap = wrap;

            public async Task RunAsync(IChatClient client) => Console.WriteLine([|_wrap((await client.GetResponseAsync("q")).Text)|]);
        }

        class Page
        {
            private readonly StringBuilder _log = new();

            void Wire(Func<string, string> any)
            {
                new Streamer(t => Console.Write(t));
                new Streamer(Show);
                new Quiet(t => _log.Append(t.Length));
                new Open(Svc.Label);
                new Open(any);
                Closed closed = new(Svc.Label);
                new Exposed(Svc.Label);
            }

            void Show(string text) => Console.WriteLine(text);
        }
        """);
}
