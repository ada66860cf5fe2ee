using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Blazor components: RenderTreeBuilder sinks, MarkupString and component parameters, in hand-written components and
/// in Razor output. The Razor output below is what the .NET 10 Razor source generator emits for the components
/// shown in the comments (captured from a real build and trimmed: same <c>#line</c> directives, same builder calls);
/// the generator itself targets a newer Roslyn than the tests load, so it is not run here.
/// </summary>
public class BlazorTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Components;
        using Microsoft.AspNetCore.Components.Rendering;

        """;

    /// <summary>The generator's own path for Components/Chat.razor.</summary>
    private const string GeneratorPath = "Microsoft.CodeAnalysis.Razor.Compiler/Microsoft.NET.Sdk.Razor.SourceGenerators.RazorSourceGenerator/Components/Chat_razor.g.cs";

    // ------------------------------------------------------------------ hand-written components

    [Fact]
    public Task Hand_written_render_tree_sinks() => FlowVerifier.VerifyAsync(Usings + Code.Header + """
        public class Answer : ComponentBase
        {
            [Inject] public IChatClient Client { get; set; } = default!;
            private string _text = "";
            private string _question = "";
            private readonly List<string> _history = new();

            protected override async Task OnInitializedAsync()
            {
                var r = await Client.GetResponseAsync(_question);
                _text = r.Text;
                _history.Add(r.Text);
            }

            protected override void BuildRenderTree(RenderTreeBuilder builder)
            {
                builder.AddContent(0, [|_text|]);
                builder.AddMarkupContent(1, [|_text|]);
                builder.AddContent(2, new MarkupString([|_text|]));
                builder.AddContent(3, Svc.Label(_text));
                builder.AddContent(4, (MarkupString)Svc.Label(_text));
                builder.AddContent(5, _question);
                builder.AddContent(6, _text.Length);
                foreach (var h in _history)
                {
                    builder.AddContent(7, [|h|]);
                }

                builder.OpenElement(8, "input");
                builder.AddAttribute(9, "title", [|_text|]); // an element attribute the page shows
                builder.AddAttribute(9, "class", _text); // never shown as text
                builder.AddAttribute(9, "href", "view?q=" + _text);
                builder.AddAttribute(9, "onclick", _text);
                builder.AddAttribute(9, "placeholder", Svc.Label(_text));
                builder.CloseElement();
                builder.OpenElement(8, "assistant-message");
                builder.AddAttribute(9, "markdown", [|_text|]); // the chat template's element: its script renders the markdown
                builder.AddAttribute(9, "data-" + "x", [|_text|]); // a name the code does not tell
                builder.CloseElement();
                builder.OpenComponent<Child>(10);
                builder.AddAttribute(11, "Text", [|_text|]); // a component parameter (Razor output before .NET 8)
                builder.AddComponentParameter(12, "Text", [|_text|]);
                builder.AddComponentParameter(13, "Text", Svc.Label(_text));
                builder.AddAttribute(14, "ChildContent", (RenderFragment)(b => b.AddContent(15, [|_text|])));
                builder.CloseComponent();
                builder.AddContent(16, (RenderFragment)(b => b.AddMarkupContent(17, [|_text|])));
                builder.AddMarkupContent(18, "<hr />");
            }
        }

        public class Child : ComponentBase
        {
            [Parameter] public string? Text { get; set; }
            [Parameter] public RenderFragment? ChildContent { get; set; }

            protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, [|Text|]); // what the parent hands it
        }
        """);

    [Fact]
    public async Task Hand_written_sink_names()
    {
        var (source, _) = FlowVerifier.ParseMarkup(Usings + Code.Header + """
            public class Answer : ComponentBase
            {
                [Inject] public IChatClient Client { get; set; } = default!;
                private string _text = "";
                protected override async Task OnInitializedAsync() => _text = (await Client.GetResponseAsync("hi")).Text;

                protected override void BuildRenderTree(RenderTreeBuilder builder)
                {
                    builder.AddContent(0, _text);
                    builder.AddMarkupContent(1, _text);
                    builder.AddContent(2, (MarkupString)_text);
                    builder.OpenComponent<Child>(3);
                    builder.AddComponentParameter(4, nameof(Child.Text), _text);
                    builder.CloseComponent();
                }
            }

            public class Child : ComponentBase
            {
                [Parameter] public string? Text { get; set; }
            }
            """);
        var diagnostics = await FlowVerifier.AnalyzeAsync(source);
        Assert.Equal(
            new[] { "RenderTreeBuilder.AddContent", "RenderTreeBuilder.AddMarkupContent", "MarkupString", "component parameter Child.Text" },
            diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(Sink).ToArray());
    }

    // ------------------------------------------------------------------ Razor output

    /*
     * Components/Chat.razor:
     *   1  @inject IChatClient Client
     *   2  <h3>Chat</h3>
     *   3  <p>@_answer</p>
     *   4  <div>@((MarkupString)_html)</div>
     *   5  <Child Text="@_answer" />
     *   6  @foreach (var m in _messages)
     *   7  {
     *   8      <li>@m</li>
     *   9  }
     *  10  <p>@Svc.Label(_answer)</p>
     *  11  <p>@_question</p>
     *  12  <Child Text="@Svc.Label(_answer)"><b>@_answer</b></Child>
     *  13  @code {
     *  14      (ChatCode below)
     *  ..  }
     */
    private const string ChatCode = """

            private string _answer = "";
            private string _html = "";
            private string _question = "";
            private readonly List<string> _messages = new();

            private async Task SendAsync()
            {
                _answer = "";
                await foreach (var update in Client.GetStreamingResponseAsync(_question))
                {
                    _answer += update.Text;
                    StateHasChanged();
                }

                _messages.Add(_answer);
                var response = await Client.GetResponseAsync(_question);
                _html = response.Text;
                Console.WriteLine(response.Text); // not a component sink: silent in Razor output
            }

        """;

    internal static string ChatOutput(string razorPath, bool withCode) => $$"""
        #pragma checksum "{{razorPath}}" "{8829d00f-11b8-4213-878b-770e8597ac16}" "fb683d55fe84373276e1f50c9312ec51d076458b0d6dc74ff3d081d6fdf95d1b"
        // <auto-generated/>
        #pragma warning disable 1591
        namespace Demo.Components
        {
            #line default
            using global::System;
            using global::System.Collections.Generic;
            using global::System.Linq;
            using global::System.Threading.Tasks;
            using global::Microsoft.AspNetCore.Components;
            using global::Microsoft.Extensions.AI;
            #line default
            #line hidden
            #nullable restore
            public partial class Chat : global::Microsoft.AspNetCore.Components.ComponentBase
            #nullable disable
            {
                #pragma warning disable 1998
                protected override void BuildRenderTree(global::Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder __builder)
                {
                    __builder.AddMarkupContent(0, "<h3>Chat</h3>\n");
                    __builder.OpenElement(1, "p");
        #nullable restore
        #line (3,5)-(3,12) 24 "{{razorPath}}"
        __builder.AddContent(2, _answer

        #line default
        #line hidden
        #nullable disable
                    );
                    __builder.CloseElement();
                    __builder.AddMarkupContent(3, "\n");
                    __builder.OpenElement(4, "div");
        #nullable restore
        #line (4,8)-(4,27) 24 "{{razorPath}}"
        __builder.AddContent(5, (MarkupString)_html

        #line default
        #line hidden
        #nullable disable
                    );
                    __builder.CloseElement();
                    __builder.AddMarkupContent(6, "\n");
                    __builder.OpenComponent<global::Demo.Components.Child>(7);
                    __builder.AddComponentParameter(8, nameof(global::Demo.Components.Child.
        #nullable restore
        #line (5,8)-(5,12) "{{razorPath}}"
        Text

        #line default
        #line hidden
        #nullable disable
                    ), global::Microsoft.AspNetCore.Components.CompilerServices.RuntimeHelpers.TypeCheck<global::System.String>(
        #nullable restore
        #line (5,15)-(5,22) "{{razorPath}}"
        _answer

        #line default
        #line hidden
        #nullable disable
                    ));
                    __builder.CloseComponent();
        #nullable restore
        #line (6,2)-(8,1) "{{razorPath}}"
        foreach (var m in _messages)
        {

        #line default
        #line hidden
        #nullable disable

                    __builder.OpenElement(9, "li");
        #nullable restore
        #line (8,10)-(8,11) 25 "{{razorPath}}"
        __builder.AddContent(10, m

        #line default
        #line hidden
        #nullable disable
                    );
                    __builder.CloseElement();
        #nullable restore
        #line (9,1)-(10,1) "{{razorPath}}"
        }

        #line default
        #line hidden
        #nullable disable

                    __builder.OpenElement(11, "p");
        #nullable restore
        #line (10,5)-(10,23) 25 "{{razorPath}}"
        __builder.AddContent(12, Svc.Label(_answer)

        #line default
        #line hidden
        #nullable disable
                    );
                    __builder.CloseElement();
                    __builder.OpenElement(13, "p");
        #nullable restore
        #line (11,5)-(11,14) 25 "{{razorPath}}"
        __builder.AddContent(14, _question

        #line default
        #line hidden
        #nullable disable
                    );
                    __builder.CloseElement();
                    __builder.OpenComponent<global::Demo.Components.Child>(15);
                    __builder.AddComponentParameter(16, nameof(global::Demo.Components.Child.
        #nullable restore
        #line (12,8)-(12,12) "{{razorPath}}"
        Text

        #line default
        #line hidden
        #nullable disable
                    ), global::Microsoft.AspNetCore.Components.CompilerServices.RuntimeHelpers.TypeCheck<global::System.String>(
        #nullable restore
        #line (12,15)-(12,33) "{{razorPath}}"
        Svc.Label(_answer)

        #line default
        #line hidden
        #nullable disable
                    ));
                    __builder.AddAttribute(17, "ChildContent", (global::Microsoft.AspNetCore.Components.RenderFragment)((__builder2) => {
                        __builder2.OpenElement(18, "b");
        #nullable restore
        #line (12,39)-(12,46) 26 "{{razorPath}}"
        __builder2.AddContent(19, _answer

        #line default
        #line hidden
        #nullable disable
                        );
                        __builder2.CloseElement();
                    }
                    ));
                    __builder.CloseComponent();
                }
                #pragma warning restore 1998
        {{(withCode ? $$"""
        #nullable restore
        #line (1,2)-(1,27) "{{razorPath}}"
        [global::Microsoft.AspNetCore.Components.InjectAttribute] private IChatClient Client { get; set; } = default!;

        #line default
        #line hidden
        #nullable disable
        #nullable restore
        #line (13,8)-(34,1) "{{razorPath}}"
        {{ChatCode}}
        #line default
        #line hidden
        #nullable disable
        """ : string.Empty)}}
            }
        }
        #pragma warning restore 1591
        """;

    /// <summary>Components/Chat.razor.cs: the @code block moved to a code-behind partial class.</summary>
    private const string ChatCodeBehind = $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Components;
        using Microsoft.Extensions.AI;

        namespace Demo.Components;

        public partial class Chat
        {
            [Inject] private IChatClient Client { get; set; } = default!;
        {{ChatCode}}
        }
        """;

    /// <summary>Components/Child.razor: <c>&lt;span&gt;@Text&lt;/span&gt;@ChildContent</c> and its two parameters.</summary>
    internal const string ChildOutput = """
        // <auto-generated/>
        #pragma warning disable 1591
        namespace Demo.Components
        {
            #line default
            using global::Microsoft.AspNetCore.Components;
            #line default
            #line hidden
            public partial class Child : global::Microsoft.AspNetCore.Components.ComponentBase
            {
                protected override void BuildRenderTree(global::Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder __builder)
                {
                    __builder.OpenElement(0, "span");
        #nullable restore
        #line (1,8)-(1,12) 24 "/0/Components/Child.razor"
        __builder.AddContent(1, Text

        #line default
        #line hidden
        #nullable disable
                    );
                    __builder.CloseElement();
        #nullable restore
        #line (2,2)-(2,14) 24 "/0/Components/Child.razor"
        __builder.AddContent(2, ChildContent

        #line default
        #line hidden
        #nullable disable
                    );
                }
        #nullable restore
        #line (3,8)-(6,1) "/0/Components/Child.razor"

            [Parameter] public string? Text { get; set; }
            [Parameter] public RenderFragment? ChildContent { get; set; }

        #line default
        #line hidden
        #nullable disable
            }
        }
        #pragma warning restore 1591
        """;

    /// <summary>The expected AIC001 reports on Chat.razor: file:line and the sink each names.</summary>
    private static readonly string[] ChatExpected =
    {
        "Chat.razor:3 RenderTreeBuilder.AddContent",
        "Chat.razor:4 MarkupString",
        "Chat.razor:5 component parameter Child.Text",
        "Chat.razor:8 RenderTreeBuilder.AddContent",
        "Chat.razor:12 RenderTreeBuilder.AddContent",
        "Child.razor:1 RenderTreeBuilder.AddContent", // the child renders what Chat.razor:5 hands it
    };

    [Theory]
    [InlineData("/0/Components/Chat.razor.g.cs")] // older Razor builds (obj/.../Razor/Components/Chat.razor.g.cs)
    [InlineData(GeneratorPath)] // the Razor source generator's hint name
    [InlineData("/0/obj/Chat.g.cs")] // any generated tree whose #line directives map to a .razor file
    public async Task Razor_output_reports_component_sinks_on_the_razor_line(string path)
    {
        var diagnostics = await Analyze(
            (path, ChatOutput("/0/Components/Chat.razor", withCode: true)),
            ("/0/Components/Child.razor.g.cs", ChildOutput));
        Assert.Equal(ChatExpected, Describe(diagnostics, "AIC001"));
        Assert.All(diagnostics.Where(d => d.Id == "AIC001" && !d.Location.SourceTree!.FilePath.Contains("Child", StringComparison.Ordinal)), d =>
        {
            Assert.Equal(path, d.Location.SourceTree!.FilePath); // in the generated tree, shown at the mapped .razor line
            Assert.EndsWith(".razor", d.Location.GetMappedLineSpan().Path, StringComparison.Ordinal);
            Assert.True(d.Location.GetMappedLineSpan().HasMappedPath);
        });
    }

    [Fact]
    public async Task Razor_output_reports_at_the_expression_not_the_scaffolding()
    {
        var source = ChatOutput("/0/Components/Chat.razor", withCode: true);
        var diagnostics = await Analyze(("/0/Components/Chat.razor.g.cs", source), ("/0/Components/Child.razor.g.cs", ChildOutput));
        var texts = diagnostics.Where(d => d.Id == "AIC001" && d.Location.SourceTree!.FilePath.EndsWith("Chat.razor.g.cs", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length))
            .ToArray();

        // The component parameter is wrapped in RuntimeHelpers.TypeCheck<string>(…) on hidden lines: the report
        // narrows to the mapped expression. Column too: @_answer on line 3 starts at column 5.
        Assert.Equal(new[] { "_answer", "_html", "_answer", "m", "_answer" }, texts);
        var first = diagnostics.Where(d => d.Id == "AIC001" && d.Location.SourceTree!.FilePath.EndsWith("Chat.razor.g.cs", StringComparison.Ordinal)).OrderBy(d => d.Location.SourceSpan.Start).First().Location.GetMappedLineSpan();
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(2, 4), first.StartLinePosition);
    }

    [Fact]
    public async Task Fields_of_a_partial_component_written_in_the_code_behind()
    {
        var diagnostics = await Analyze(
            (GeneratorPath, ChatOutput("/0/Components/Chat.razor", withCode: false)),
            ("/0/Components/Chat.razor.cs", ChatCodeBehind),
            ("/0/Components/Child.razor.g.cs", ChildOutput));

        // The code-behind is ordinary code: its Console.WriteLine reports there, as anywhere.
        var expected = ChatExpected.Where(d => d.StartsWith("Chat.", StringComparison.Ordinal))
            .Append("Chat.razor.cs:30 Console.WriteLine")
            .Concat(ChatExpected.Where(d => d.StartsWith("Child.", StringComparison.Ordinal))); // in path order
        Assert.Equal(expected, Describe(diagnostics, "AIC001"));
    }

    [Fact]
    public async Task Labeled_and_user_text_rendered_stays_silent()
    {
        const string Component = """
            // <auto-generated/>
            namespace Demo.Components
            {
                using global::System.Threading.Tasks;
                using global::Microsoft.AspNetCore.Components;
                using global::Microsoft.Extensions.AI;
                #line hidden
                public partial class Labeled : global::Microsoft.AspNetCore.Components.ComponentBase
                {
                    protected override void BuildRenderTree(global::Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder __builder)
                    {
                        __builder.OpenElement(0, "p");
            #nullable restore
            #line (2,5)-(2,19) 24 "/0/Components/Labeled.razor"
            __builder.AddContent(1, _shown

            #line default
            #line hidden
            #nullable disable
                        );
                        __builder.CloseElement();
            #nullable restore
            #line (3,5)-(3,19) 24 "/0/Components/Labeled.razor"
            __builder.AddContent(2, _question

            #line default
            #line hidden
            #nullable disable
                        );
            #nullable restore
            #line (4,5)-(4,19) 24 "/0/Components/Labeled.razor"
            __builder.AddContent(3, (MarkupString)_shown

            #line default
            #line hidden
            #nullable disable
                        );
                    }
            #nullable restore
            #line (5,8)-(15,1) "/0/Components/Labeled.razor"

                [Inject] private IChatClient Client { get; set; } = default!;
                private string _shown = "";
                private string _question = "";

                private async Task AskAsync()
                {
                    await foreach (var update in Client.GetStreamingResponseAsync(_question))
                    {
                        _shown += Svc.Label(update.Text);
                    }
                }

            #line default
            #line hidden
            #nullable disable
                }
            }
            """;
        var diagnostics = await Analyze(("/0/Components/Labeled_razor.g.cs", Component));
        Assert.Empty(Describe(diagnostics, "AIC001"));

        // With the report-only rules on, the labeled output is listed on the .razor lines, and so is the source call
        // of the @code block (the scanner's inventory of a Blazor app would be empty otherwise).
        var all = await Analyze(enableReportDiagnostics: true, ("/0/Components/Labeled_razor.g.cs", Component));
        Assert.Equal(new[] { "Labeled.razor:2 RenderTreeBuilder.AddContent", "Labeled.razor:4 MarkupString" }, Describe(all, "AIC900"));
        var source = Assert.Single(all, d => d.Id == "AIC901");
        var mapped = source.Location.GetMappedLineSpan();
        Assert.Equal("/0/Components/Labeled.razor", mapped.Path);
        Assert.Equal(12, mapped.StartLinePosition.Line + 1);
        Assert.Contains("IChatClient.GetStreamingResponseAsync", source.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_generated_code_stays_silent()
    {
        const string Body = """
            {
                using System;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Components;
                using Microsoft.Extensions.AI;

                public class {0} : ComponentBase
                {
                    [Inject] private IChatClient Client { get; set; } = default!;
                    private string _text = "";

                    private async Task AskAsync()
                    {
                        var r = await Client.GetResponseAsync("hi");
                        Console.WriteLine(r.Text);
                        _text = r.Text;
                    }

                    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
                    {
                        builder.AddContent(0, _text);
                        builder.AddContent(1, (MarkupString)_text);
                    }
                }
            }
            """;
        string Generated(string name) => "// <auto-generated/>\nnamespace Gen\n" + Body.Replace("{0}", name, StringComparison.Ordinal);

        var diagnostics = await Analyze(
            ("/0/Other.g.cs", Generated("Other")), // generated, not Razor
            ("/0/Designer.designer.cs", Generated("Designer")),
            ("/0/AiCompliance.Chat_razor.g.cs", Generated("Ours"))); // named like AiCompliance's own output
        Assert.DoesNotContain(diagnostics, d => d.Location.SourceTree?.FilePath.StartsWith("/0/", StringComparison.Ordinal) == true && d.Location.SourceTree.FilePath != "/0/Test0.cs");
        Assert.DoesNotContain(diagnostics, d => d.Id != "AIC004");

        // The same code, hand-written, reports everywhere.
        var handWritten = await Analyze(("/0/Other.cs", "namespace Gen\n" + Body.Replace("{0}", "Other", StringComparison.Ordinal)));
        Assert.Equal(3, handWritten.Count(d => d.Id == "AIC001"));
    }

    [Fact]
    public async Task Analyzer_own_generated_service_file_stays_silent()
    {
        // The generated Svc partial (AiCompliance.Svc.g.cs) calls the inner client and labels; nothing in it reports.
        var diagnostics = await Analyze(
            enableReportDiagnostics: true,
            ("/0/Components/Chat.razor.g.cs", ChatOutput("/0/Components/Chat.razor", withCode: true)),
            ("/0/Components/Child.razor.g.cs", ChildOutput));
        Assert.DoesNotContain(diagnostics, d => d.Location.SourceTree?.FilePath.Contains("AiCompliance.", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(diagnostics, d => d.Location.SourceTree is null && d.Id != "AIC004");
    }

    [Fact]
    public void Razor_output_is_recognized_by_name_or_line_mapping()
    {
        bool Is(string path, string text) => AiCompliance.Analyzers.UnlabeledAiOutputAnalyzer.IsRazorOutput(
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text, TestReferences.ParseOptions, path: path), default);

        Assert.True(Is("/obj/Pages/Index.razor.g.cs", "class C { }"));
        Assert.True(Is("/obj/Pages/Index.cshtml.g.cs", "class C { }"));
        Assert.True(Is(GeneratorPath, "class C { }"));
        Assert.True(Is("/obj/x.g.cs", "class C {\n#line 3 \"/src/Pages/Index.razor\"\nint x;\n#line hidden\n}"));
        Assert.False(Is("/obj/x.g.cs", "class C {\n#line 3 \"/src/Model.tt\"\nint x;\n#line hidden\n}"));
        Assert.False(Is("/obj/x.g.cs", "class C { }"));
        Assert.False(Is("AiCompliance.Generators/AiCompliance.Generators.RegisteredAiServiceGenerator/AiCompliance.Svc.g.cs", "class C { }"));
        Assert.False(Is("/obj/AiCompliance.Chat_razor.g.cs", "class C { }"));
    }

    // ------------------------------------------------------------------ helpers

    private static Task<ImmutableArray<Diagnostic>> Analyze(params (string Path, string Text)[] files) => Analyze(false, files);

    private static Task<ImmutableArray<Diagnostic>> Analyze(bool enableReportDiagnostics, params (string Path, string Text)[] files) =>
        FlowVerifier.AnalyzeFilesAsync(new[] { ("/0/Test0.cs", Code.Header) }.Concat(files), enableReportDiagnostics);

    /// <summary>"File.razor:line sink" for each diagnostic with the id, at its mapped location, sorted by file and line.</summary>
    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics, string id) =>
        diagnostics.Where(d => d.Id == id)
            .Select(d => (Span: d.Location.GetMappedLineSpan(), Sink: Sink(d)))
            .OrderBy(x => Path.GetFileName(x.Span.Path), StringComparer.Ordinal).ThenBy(x => x.Span.StartLinePosition.Line)
            .Select(x => $"{Path.GetFileName(x.Span.Path)}:{x.Span.StartLinePosition.Line + 1} {x.Sink}")
            .ToArray();

    private static string Sink(Diagnostic diagnostic) =>
        Regex.Match(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), "reaches '([^']*)'").Groups[1].Value;
}
