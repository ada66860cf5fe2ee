using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using static AiCompliance.Tests.Rules.Aic001.PrefilterCompilations;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// The binding-free prefilter decides which methods are analyzed at all. These tests hold both sides of it: a field is
/// followed into its readers whenever a method stores AI content in it, however the store is written (recall), and a
/// field that AI methods only update with clean values does not drag its readers into the analysis (cost).
/// </summary>
public class PrefilterTests
{
    // Each case stores AI content into _last in one method; Show() prints it and must get AIC001.
    [Theory]
    [InlineData("_last = r.Text;")]
    [InlineData("var t = r.Text; var u = t.Trim(); _last = u;")]
    [InlineData("this._last = r.Text;")]
    [InlineData("_last += r.Text;")]
    [InlineData("_last = r.Text.Length > 0 ? r.Text : \"none\";")]
    [InlineData("_last = r switch { { Text: var t } => t };")]
    [InlineData("if (r is { Text: var t }) { _last = t; }")]
    [InlineData("foreach (var m in r.Messages) { _last = m.Text; }")]
    [InlineData("r.Messages.ToList().ForEach(m => _last = m.Text);")]
    [InlineData("void Keep(string s) => _last = s; Keep(r.Text);")]
    [InlineData("(_last, var n) = (r.Text, 1);")]
    [InlineData("_last = (from m in r.Messages select m.Text).First();")]
    [InlineData("Store(r.Text, out _last);")]
    public Task Field_written_with_ai_content_reaches_its_reader(string store) => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            private string _last = "";
            private readonly IChatClient _client;
            public App(IChatClient client) { _client = client; }

            public async Task Ask()
            {
                var r = await _client.GetResponseAsync("hi");
                STORE
            }

            public void Show() => Console.WriteLine([|_last|]);

            private static void Store(string value, out string target) => target = value;
        }
        """.Replace("STORE", store));

    [Fact]
    public Task Builder_field_appended_with_ai_content_reaches_its_reader() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            private readonly StringBuilder _transcript = new StringBuilder();
            private readonly List<string> _answers = new List<string>();

            public async Task Ask(IChatClient client)
            {
                var r = await client.GetResponseAsync("hi");
                _transcript.Append(r.Text);
                _answers?.Add(r.Text);
            }

            public void Show()
            {
                Console.WriteLine([|_transcript.ToString()|]);
                Console.WriteLine([|_answers[0]|]);
            }
        }
        """);

    [Fact]
    public Task Labeling_client_stored_by_the_constructor_keeps_its_responses_labeled() => FlowVerifier.VerifyAsync(Code.Header + """
        class App
        {
            private readonly IChatClient _client;
            private int _calls;
            public App(IChatClient inner) { _client = Svc.WithLabels(inner); }

            public async Task Ask()
            {
                _calls++;
                var r = await _client.GetResponseAsync("hi");
                Console.WriteLine(r.Text);
            }
        }
        """);

    private const string StatusCode = Code.Header + """
        class App
        {
            private string _status = "idle";
            private string _last = "";
            private int _count;
            private readonly Dictionary<string, int> _seen = new Dictionary<string, int>();

            public async Task Ask(IChatClient client, string id)
            {
                var r = await client.GetResponseAsync("hi " + id);
                _status = "answered " + id;
                _count++;
                _seen[id] = _count;
                _last = r.Text;
            }

            public string Status() { return _status + _count + _seen.Count; }

            public void ShowLast() { Console.WriteLine(_last); }
        }
        """;

    [Fact]
    public void Fields_updated_with_clean_values_next_to_an_ai_call_do_not_make_their_readers_producers()
    {
        var compilation = Library("Prefilter", StatusCode);
        var context = new FlowContext(FlowModel.Create(compilation));
        var app = compilation.GetTypeByMetadataName("App")!;

        Assert.True(context.MayProduce(app.GetMembers("Ask").Single()));
        Assert.True(context.MayWriteContent(app.GetMembers("Ask").Single()));
        Assert.True(context.MayProduce(app.GetMembers("ShowLast").Single()));
        Assert.False(context.MayProduce(app.GetMembers("Status").Single()));
        Assert.False(context.MayWriteContent(app.GetMembers("ShowLast").Single()));
        Assert.False(context.MayProduce(app.InstanceConstructors.Single()));
    }

    private const string CommonNamesCode = """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;

        public class Relay
        {
            private readonly HttpClient _http = new HttpClient();
            private string _logger = "";

            // SendAsync and InvokeAsync are source rows' names (OllamaSharp, Semantic Kernel), but not these calls.
            public Task<HttpResponseMessage> Forward(HttpRequestMessage request) => _http.SendAsync(request);

            public void Error(string text) { _logger = text; }
        }

        public class Chat
        {
            private string _logger = "";

            public async Task Ask(IChatClient client)
            {
                var r = await client.GetResponseAsync("hi");
                Error(r.Text);
            }

            public void Error(string text) { _logger = text; }
        }

        public class Other
        {
            private string _logger = "";

            public void Log(Relay relay) { relay.Error(_logger); Console.WriteLine(_logger); }
        }

        public class Poster
        {
            // A local's declared type would bind the body around it: the symbols decide this one.
            public async Task<string> Post() { var http = new HttpClient(); return (await http.SendAsync(new HttpRequestMessage())).ReasonPhrase ?? ""; }
        }
        """;

    [Fact]
    public void Common_names_count_only_where_their_symbol_is_a_source_or_the_producing_member()
    {
        var compilation = Library("Prefilter", CommonNamesCode);
        var context = new FlowContext(FlowModel.Create(compilation));

        Assert.True(context.MayProduce(compilation.GetTypeByMetadataName("Chat")!.GetMembers("Ask").Single()));

        // HttpClient.SendAsync binds to no source row; relay.Error is Relay's, not the producing Chat.Error; Other's
        // _logger is its own field, not Chat's, which Chat.Error writes.
        Assert.False(context.MayProduce(compilation.GetTypeByMetadataName("Relay")!.GetMembers("Forward").Single()));
        Assert.False(context.MayProduce(compilation.GetTypeByMetadataName("Other")!.GetMembers("Log").Single()));
        Assert.False(context.MayProduce(compilation.GetTypeByMetadataName("Poster")!.GetMembers("Post").Single()));
        Assert.True(context.Prefilter.Confirmations > 0);
    }

    private const string CarryOverEdited = Code.Header + """
        class Sender
        {
            public async Task<string> Post() { var http = new System.Net.Http.HttpClient(); return (await http.SendAsync(new System.Net.Http.HttpRequestMessage())).ReasonPhrase ?? ""; }
        }
        """;

    [Fact]
    public void A_keystroke_binds_again_only_the_edited_documents_bodies()
    {
        var kept = CSharpSyntaxTree.ParseText(CommonNamesCode, TestReferences.ParseOptions, path: "/0/Kept.cs");
        var edited = CSharpSyntaxTree.ParseText(CarryOverEdited, TestReferences.ParseOptions, path: "/0/Edited.cs");
        var first = CSharpCompilation.Create("Prefilter", new[] { kept, edited }, FlowVerifier.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var before = new FlowContext(FlowModel.Create(first));
        _ = before.Prefilter.Index;
        Assert.True(before.Prefilter.ConfirmationsBound >= 2); // bodies of both documents were bound to confirm SendAsync

        // The IDE's next compilation: one document edited, the other tree kept.
        var typed = edited.WithChangedText(edited.GetText().WithChanges(new TextChange(new TextSpan(edited.GetText().Length, 0), "\n")));
        var second = first.ReplaceSyntaxTree(edited, typed);
        var after = new FlowContext(FlowModel.Create(second));
        Assert.False(after.MayProduce(second.GetTypeByMetadataName("Relay")!.GetMembers("Forward").Single()));
        Assert.True(after.MayProduce(second.GetTypeByMetadataName("Chat")!.GetMembers("Ask").Single()));
        Assert.Equal(after.Prefilter.Confirmations, before.Prefilter.Confirmations);
        Assert.Equal(1, after.Prefilter.ConfirmationsBound); // only Sender.Post, in the edited document

        // A build parses every tree anew: nothing is carried over.
        var rebuilt = CSharpCompilation.Create("Prefilter", new[] { CSharpSyntaxTree.ParseText(CommonNamesCode, TestReferences.ParseOptions, path: "/0/Kept.cs"), CSharpSyntaxTree.ParseText(CarryOverEdited, TestReferences.ParseOptions, path: "/0/Edited.cs") }, FlowVerifier.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var fresh = new FlowContext(FlowModel.Create(rebuilt));
        _ = fresh.Prefilter.Index;
        Assert.Equal(before.Prefilter.ConfirmationsBound, fresh.Prefilter.ConfirmationsBound);
    }

    private const string KeptMaker = "using System.IO;\n" + Code.Header + """
        class Maker
        {
            // Create is a source row's name; File is no name of this code, so the receivers' check asks whether Maker
            // inherits a member named File (a base-type walk) before it rules the call out without binding.
            public void Make() => File.Create("a").Dispose();
        }
        """;

    private const string EditedChat = Code.Header + """
        class Page
        {
            private string _last = "";

            public async Task Ask(IChatClient client) { _last = "?"; await Task.CompletedTask; }

            public void Show() => Console.WriteLine(_last);
        }
        """;

    [Fact]
    public void A_keystroke_keeps_the_other_documents_base_type_answers_and_builds_the_index_a_build_would()
    {
        var kept = CSharpSyntaxTree.ParseText(KeptMaker, TestReferences.ParseOptions, path: "/0/Maker.cs");
        var edited = CSharpSyntaxTree.ParseText(EditedChat, TestReferences.ParseOptions, path: "/0/Page.cs");
        var first = CSharpCompilation.Create("Keystroke", new[] { kept, edited }, FlowVerifier.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var before = new FlowContext(FlowModel.Create(first));
        Assert.False(before.MayProduce(first.GetTypeByMetadataName("Maker")!.GetMembers("Make").Single()));
        Assert.False(before.MayProduce(first.GetTypeByMetadataName("Page")!.GetMembers("Show").Single()));
        Assert.True(before.Prefilter.InheritanceLookups >= 1);

        // The edit makes the page's field hold the answer: the kept document's answers are reused, and the index of the
        // keystroke's compilation says what a build's index of the same text says.
        var text = edited.GetText().ToString().Replace("_last = \"?\";", "_last = (await client.GetResponseAsync(\"q\")).Text;", StringComparison.Ordinal);
        var typed = edited.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text));
        var second = first.ReplaceSyntaxTree(edited, typed);
        var after = new FlowContext(FlowModel.Create(second));
        Assert.True(after.MayProduce(second.GetTypeByMetadataName("Page")!.GetMembers("Show").Single()));
        Assert.False(after.MayProduce(second.GetTypeByMetadataName("Maker")!.GetMembers("Make").Single()));
        Assert.Equal(0, after.Prefilter.InheritanceLookups);

        var rebuilt = CSharpCompilation.Create("Keystroke", new[] { CSharpSyntaxTree.ParseText(KeptMaker, TestReferences.ParseOptions, path: "/0/Maker.cs"), CSharpSyntaxTree.ParseText(text, TestReferences.ParseOptions, path: "/0/Page.cs") }, FlowVerifier.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var fresh = new FlowContext(FlowModel.Create(rebuilt));
        Assert.Equal(fresh.Prefilter.Index.ProducerCount, after.Prefilter.Index.ProducerCount);
        Assert.Equal(fresh.Prefilter.Index.Names.OrderBy(n => n, StringComparer.Ordinal), after.Prefilter.Index.Names.OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(fresh.Prefilter.Index.Types.OrderBy(n => n, StringComparer.Ordinal), after.Prefilter.Index.Types.OrderBy(n => n, StringComparer.Ordinal));
        Assert.True(fresh.Prefilter.InheritanceLookups >= 1); // a build parses anew: nothing carried over
    }

    private const string ComponentCode = "using Microsoft.AspNetCore.Components;\nusing Microsoft.SemanticKernel;\n" + Code.Header + """
        public class Answer : ComponentBase
        {
            [Parameter] public EventCallback<string> Done { get; set; }

            // InvokeAsync is a source row's name (Semantic Kernel); neither call is one, and the declarations tell.
            public Task Refresh() => InvokeAsync(StateHasChanged);

            public Task Fire(string text) => Done.InvokeAsync(text);
        }

        public class Agent
        {
            private readonly Kernel _kernel = new Kernel();

            public async Task<string> Ask(KernelFunction function) => (await _kernel.InvokeAsync(function)).ToString();
        }
        """;

    [Fact]
    public void Bare_inherited_calls_and_receivers_typed_in_signatures_are_settled_from_declarations()
    {
        var compilation = Library("Receivers", ComponentCode);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));
        var answer = compilation.GetTypeByMetadataName("Answer")!;

        Assert.False(context.MayProduce(answer.GetMembers("Refresh").Single())); // ComponentBase.InvokeAsync
        Assert.False(context.MayProduce(answer.GetMembers("Fire").Single())); // EventCallback<string>.InvokeAsync
        Assert.True(context.MayProduce(compilation.GetTypeByMetadataName("Agent")!.GetMembers("Ask").Single())); // Kernel.InvokeAsync
        Assert.Equal(1, context.Prefilter.Confirmations); // only Agent.Ask's body is bound: the field's type may have a source
    }

    private const string LambdaArgumentsCode = Code.Header + """
        public class Slider
        {
            public int[] Value { get; set; } = new int[0];

            public void Show() => Console.WriteLine(Value.Length);
        }

        public class Chat
        {
            private readonly List<string> _history = new();

            public async Task<string> Ask(IChatClient client, Lazy<int[]> lazy)
            {
                var positives = lazy.Value.Where(x => x > 0).Count(); // reads Lazy's Value: stores nothing into it
                var response = await client.GetResponseAsync("q");
                _history.AddRange(response.Messages.Select(m => m.Text)); // stores the answer's texts
                return response.Text + positives;
            }

            public void Print() => Console.WriteLine(string.Join(",", _history));
        }
        """;

    [Fact]
    public void A_lambdas_parameters_are_not_stored_into_the_receiver_of_the_call_it_is_passed_to()
    {
        var compilation = Library("Lambdas", LambdaArgumentsCode);
        var context = new FlowContext(FlowModel.Create(compilation));

        Assert.False(context.MayProduce(compilation.GetTypeByMetadataName("Slider")!.GetMembers("Show").Single()));
        Assert.True(context.MayProduce(compilation.GetTypeByMetadataName("Chat")!.GetMembers("Print").Single()));
    }

    private const string SendingCallsCode = Code.Header + """
        public class Relay
        {
            private readonly System.Net.Http.HttpClient _http = new();
            private readonly StringBuilder _sb = new();

            public async Task Ask(IChatClient client)
            {
                var answer = (await client.GetResponseAsync("q")).Text;
                await _http.PostAsync("https://example.org", new System.Net.Http.StringContent(answer)); // sends: stores nothing in _http
                _sb.Append(answer); // a builder's mutator stores it
            }

            public string Limit() => _http.Timeout.ToString();

            public void Print() => Console.WriteLine(_sb.ToString());
        }
        """;

    [Fact]
    public void Only_calls_that_may_store_make_their_receiver_hold_content()
    {
        var compilation = Library("Sending", SendingCallsCode);
        var context = new FlowContext(FlowModel.Create(compilation));
        var relay = compilation.GetTypeByMetadataName("Relay")!;

        Assert.False(context.MayProduce(relay.GetMembers("Limit").Single()));
        Assert.True(context.MayProduce(relay.GetMembers("Print").Single()));
    }

    private const string StorageCode = Code.Header + """
        class Message
        {
            public Message(string content) { Content = content; }
            public string Content { get; set; }
        }

        class Chat
        {
            public async Task Fill(IChatClient client, Message message) { message.Content = (await client.GetResponseAsync("q")).Text; }
        }

        class Reader
        {
            public void Show(Message message) => Console.WriteLine(message.Content);
        }

        class Download
        {
            public async Task<string> Read(System.Net.Http.HttpResponseMessage response) => await response.Content.ReadAsStringAsync();
        }
        """;

    [Fact]
    public void Storage_written_through_another_object_is_that_types_and_an_assignment_is_not_a_read()
    {
        var compilation = Library("Storage", StorageCode);
        var context = new FlowContext(FlowModel.Create(compilation));

        // Chat.Fill writes Message.Content from AI: a reader of a Message's Content produces...
        Assert.True(context.MayProduce(compilation.GetTypeByMetadataName("Reader")!.GetMembers("Show").Single()));

        // ...HttpResponseMessage.Content is another type's member of that name (its symbol says so)...
        Assert.False(context.MayProduce(compilation.GetTypeByMetadataName("Download")!.GetMembers("Read").Single()));

        // ...and the constructor only assigns Content: it reads nothing that produces.
        Assert.False(context.MayProduce(compilation.GetTypeByMetadataName("Message")!.InstanceConstructors.Single()));
    }

    private const string DispatchCode = Code.Header + """
        interface IHasValue { string Value { get; } }
        class AskResult : IHasValue
        {
            public string Value { get; set; } = "";
            public static async Task<AskResult> Ask(IChatClient client) => new AskResult { Value = (await client.GetResponseAsync("q")).Text };
        }
        class Settings { public string Name { get; set; } = ""; }
        class Controller
        {
            private readonly string _name;
            public Controller(Microsoft.Extensions.Options.IOptions<Settings> options) { _name = options.Value.Name; }
            public string Show(IHasValue result) => result.Value;
            public string Lazy(System.Lazy<string> lazy) => lazy.Value;
        }
        """;

    [Fact]
    public void An_interface_member_counts_only_when_the_producing_type_implements_that_interface()
    {
        var compilation = Library("Dispatch", DispatchCode);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));
        var controller = compilation.GetTypeByMetadataName("Controller")!;

        // IHasValue.Value may dispatch to AskResult.Value, which holds AI text...
        Assert.True(context.MayProduce(controller.GetMembers("Show").Single()));

        // ...IOptions<T>.Value (an interface member AskResult does not implement) and Lazy<T>.Value cannot.
        Assert.False(context.MayProduce(controller.InstanceConstructors.Single()));
        Assert.False(context.MayProduce(controller.GetMembers("Lazy").Single()));
    }

    [Fact]
    public async Task Status_reader_is_not_reported_and_the_ai_field_reader_is()
    {
        var diagnostics = await FlowVerifier.AnalyzeAsync(StatusCode);
        var aic001 = diagnostics.Where(d => d.Id == "AIC001").ToList();
        var single = Assert.Single(aic001);
        Assert.Contains("_last", single.Location.SourceTree!.GetText(CancellationToken.None).ToString(single.Location.SourceSpan));
    }
}

/// <summary>Names are resolved per type before any binding: a same-named member of another type does not count, an inherited one does.</summary>
public class PrefilterScopeTests
{
    private const string Collision = Code.Header + """
        class Orders
        {
            public async Task<string> ProcessOrder(IChatClient client) => (await client.GetResponseAsync("hi")).Text;
        }

        static class Tools
        {
            public static int Checksum(string text) => text.Length;
            public static async Task<string> Ask(IChatClient client) => (await client.GetResponseAsync("hi")).Text;
        }

        class Billing
        {
            public int ProcessOrder(int id) => id * 2;
            public int Checksum(string text) => text.Length;
            public int Run(int id) { return ProcessOrder(id) + this.ProcessOrder(id) + Tools.Checksum("x"); }
            public async Task<string> AskTools(IChatClient client) => await Tools.Ask(client);
        }
        """;

    [Fact]
    public void A_call_to_a_same_named_member_of_another_type_does_not_make_a_producer()
    {
        var compilation = Library("Scope", Collision);
        var context = new FlowContext(FlowModel.Create(compilation));
        var billing = compilation.GetTypeByMetadataName("Billing")!;
        Assert.True(context.MayProduce(compilation.GetTypeByMetadataName("Orders")!.GetMembers("ProcessOrder").Single()));
        Assert.False(context.MayProduce(billing.GetMembers("ProcessOrder").Single()));
        Assert.False(context.MayProduce(billing.GetMembers("Run").Single()));
        Assert.True(context.MayProduce(billing.GetMembers("AskTools").Single()));
    }

    [Fact]
    public Task An_inherited_ai_member_called_without_qualifier_is_followed() => FlowVerifier.VerifyAsync(Code.Header + """
        class BaseAgent
        {
            protected async Task<string> Answer(IChatClient client) => (await client.GetResponseAsync("hi")).Text;
        }

        class Agent : BaseAgent
        {
            protected string Answer(int code) => code.ToString();
            public async Task Run(IChatClient client)
            {
                Console.WriteLine(Answer(1));
                Console.WriteLine([|await Answer(client)|]);
            }
        }
        """);

    [Fact]
    public Task A_type_qualified_static_ai_helper_is_followed() => FlowVerifier.VerifyAsync(Code.Header + """
        static class Tools
        {
            public static async Task<string> Ask(IChatClient client) => (await client.GetResponseAsync("hi")).Text;
        }

        class Other
        {
            public static string Ask(int id) => id.ToString();
        }

        class App
        {
            public async Task Run(IChatClient client)
            {
                Console.WriteLine(Other.Ask(1));
                Console.WriteLine([|await Tools.Ask(client)|]);
            }
        }
        """);
}

/// <summary>
/// Types are told apart by namespace before any binding: two folders' (or two projects merged into one build's)
/// <c>ChatService</c> are two types, and a qualifier resolves through the file's namespace and usings.
/// </summary>
public class PrefilterNamespaceTests
{
    private const string TwoChatServices = Code.Header + """
        namespace Shop
        {
            static class ChatService
            {
                public static async Task<string> Answer(IChatClient client) => (await client.GetResponseAsync("hi")).Text;
            }

            class ShopPage { public async Task Show(IChatClient c) => Console.WriteLine(MARK_SHOP); }
        }

        namespace Admin
        {
            static class ChatService
            {
                public static Task<string> Answer(IChatClient client) => Task.FromResult("ok");
            }

            class AdminPage { public async Task Show(IChatClient c) => Console.WriteLine(await ChatService.Answer(c)); }
        }

        namespace Admin.Reports
        {
            class Report { public async Task Show(IChatClient c) => Console.WriteLine(await ChatService.Answer(c)); }
        }

        namespace Other
        {
            using Shop;

            class Imported { public async Task Show(IChatClient c) => Console.WriteLine(MARK_IMPORTED); }
        }

        namespace Both
        {
            using Shop;
            using AdminService = Admin.ChatService;

            class Qualified { public async Task Show(IChatClient c) => Console.WriteLine(await AdminService.Answer(c)); }
        }
        """;

    [Fact]
    public void A_same_named_type_of_another_namespace_does_not_make_its_callers_producers()
    {
        var compilation = Library("Namespaces", TwoChatServices.Replace("MARK_SHOP", "await ChatService.Answer(c)").Replace("MARK_IMPORTED", "await ChatService.Answer(c)"));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));
        bool Produces(string type) => context.MayProduce(compilation.GetTypeByMetadataName(type)!.GetMembers("Show").Single());
        Assert.True(Produces("Shop.ShopPage"));
        Assert.True(Produces("Other.Imported")); // using Shop;
        Assert.False(Produces("Admin.AdminPage")); // its own namespace's ChatService
        Assert.False(Produces("Admin.Reports.Report")); // the enclosing namespace's
    }

    [Fact]
    public Task Flows_through_the_right_namespace_are_reported_and_the_others_are_not() => FlowVerifier.VerifyAsync(
        TwoChatServices.Replace("MARK_SHOP", "[|await ChatService.Answer(c)|]").Replace("MARK_IMPORTED", "[|await ChatService.Answer(c)|]"));
}

/// <summary>
/// A member whose callers or readers can get no content from it (a flag, a count, a <c>Task</c> method taking strings)
/// does not make them producers when it produces; one that can hand content back (a builder argument, an
/// <c>out</c>, a callback, a returned string) does.
/// </summary>
public class PrefilterContentFreeTests
{
    private const string Source = Code.Header + """
        enum Stage { Idle, Done }

        class Chat
        {
            private readonly IChatClient _client;
            private readonly Microsoft.Extensions.Logging.ILogger<Chat> _logger;
            public Chat(IChatClient client, Microsoft.Extensions.Logging.ILogger<Chat> logger) { _client = client; _logger = logger; }
            public bool Answered { get; private set; }
            public Stage Stage { get; private set; }
            public int Length { get; private set; }

            public async Task SaveAsync(string prompt) { var r = await _client.GetResponseAsync(prompt); Answered = true; Stage = Stage.Done; Length = r.Text.Length; Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(_logger, "saved"); }
            public async Task Fill(StringBuilder sb) => sb.Append((await _client.GetResponseAsync("q")).Text);
            public async Task Each(Action<string> onText) => onText((await _client.GetResponseAsync("q")).Text);
            public async Task<string> Ask() => (await _client.GetResponseAsync("q")).Text;
        }

        class Page
        {
            public async Task<string> Status(Chat chat) { await chat.SaveAsync("hi"); return chat.Answered + " " + chat.Stage + " " + chat.Length; }
            public async Task<string> Builder(Chat chat) { var sb = new StringBuilder(); await chat.Fill(sb); return sb.ToString(); }
            public async Task Callback(Chat chat) => await chat.Each(t => Console.WriteLine(t));
            public async Task<string> Returned(Chat chat) => await chat.Ask();
        }
        """;

    [Fact]
    public void A_class_named_like_an_enum_of_another_namespace_still_holds_content()
    {
        var compilation = Library("EnumClash", Code.Header + """
            namespace Flags { enum Status { Idle, Done } }

            namespace Chat
            {
                class Status { public string Text = ""; }

                class Page
                {
                    private Status _current = new();
                    public async Task Ask(IChatClient client) => _current = new Status { Text = (await client.GetResponseAsync("q")).Text };
                    public string Show() => _current.Text;
                }
            }
            """);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));
        Assert.True(context.MayProduce(compilation.GetTypeByMetadataName("Chat.Page")!.GetMembers("Show").Single()));
    }

    [Fact]
    public void Only_members_that_can_hand_content_back_make_their_callers_producers()
    {
        var compilation = Library("ContentFree", Source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));
        var page = compilation.GetTypeByMetadataName("Page")!;
        Assert.True(context.MayProduce(compilation.GetTypeByMetadataName("Chat")!.GetMembers("SaveAsync").Single()));
        Assert.False(context.MayProduce(page.GetMembers("Status").Single())); // a flag, an enum, a count, a Task taking a string
        Assert.True(context.MayProduce(page.GetMembers("Builder").Single()));
        Assert.True(context.MayProduce(page.GetMembers("Callback").Single()));
        Assert.True(context.MayProduce(page.GetMembers("Returned").Single()));
    }
}

/// <summary>A library compilation of one source file over the test references (the prefilter tests' subject).</summary>
internal static class PrefilterCompilations
{
    public static CSharpCompilation Library(string name, string source) => CSharpCompilation.Create(
        name,
        new[] { CSharpSyntaxTree.ParseText(source, TestReferences.ParseOptions) },
        FlowVerifier.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
