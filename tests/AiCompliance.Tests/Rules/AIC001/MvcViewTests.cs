using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Rules.AIC001;

/// <summary>
/// MVC views and Razor Pages (.cshtml) that render what a controller or page model hands them: the model of
/// <c>return View(model)</c>, <c>ViewData["Key"]</c> and <c>ViewBag.Key</c>. The views are written in the shape the
/// Razor source generator of the .NET 10 SDK gives them (read from a real build with
/// <c>EmitCompilerGeneratedFiles</c>): a class <c>Views_Home_Index : RazorPage&lt;TModel&gt;</c> in
/// <c>AspNetCoreGeneratedDocument</c> with its <c>RazorCompiledItemMetadataAttribute("Identifier", "/Views/Home/Index.cshtml")</c>,
/// and one <c>Write(expr)</c> under a <c>#line (l,c)-(l,c) 6 "….cshtml"</c> directive per <c>@expr</c>.
/// AIC001 reports on the .cshtml line where the view renders the content; a write the views of the compilation do not
/// read (views of another project, a view name or key the code does not tell) is reported where it is written.
/// </summary>
public class MvcViewTests
{
    private const string Models = """
        namespace Demo.Models
        {
            public class AnswerModel
            {
                public string Question { get; set; } = "";
                public string Answer { get; set; } = "";
            }
        }
        """;

    private const string Usings = "using Microsoft.AspNetCore.Mvc;\nusing Microsoft.AspNetCore.Mvc.RazorPages;\nusing Demo.Models;\n";

    [Fact]
    public async Task A_model_passed_to_the_view_reports_where_the_view_renders_it()
    {
        const string controller = """
            public class HomeController : Controller
            {
                public async Task<IActionResult> Index([FromServices] IChatClient client, string q)
                {
                    var answer = (await client.GetResponseAsync(q)).Text;
                    return View(new AnswerModel { Question = q, Answer = answer });
                }
            }
            """;
        var view = RazorView.Mvc("/Views/Home/Index.cshtml", "AnswerModel",
            RazorView.Write(7, 10, "Model.Question"),
            RazorView.Write(8, 9, "Model.Answer"),
            RazorView.Write(9, 11, "Html.Raw(Model.Answer)"),
            RazorView.Write(10, 9, "global::Svc.Label(Model.Answer)"),
            RazorView.Attribute(11, 19, "title", "Model.Answer"));
        Assert.Equal(new[] { "Index.cshtml:11", "Index.cshtml:8", "Index.cshtml:9" }, await ReportsAsync(controller, view));
    }

    [Fact]
    public async Task A_named_view_and_a_partial_view_report_where_they_render_the_model()
    {
        const string controller = """
            public class AskController : Controller
            {
                public async Task<IActionResult> Other([FromServices] IChatClient client) =>
                    View("Answer", new AnswerModel { Answer = (await client.GetResponseAsync("q")).Text });

                public async Task<IActionResult> Part([FromServices] IChatClient client) =>
                    PartialView("_AnswerPartial", new AnswerModel { Answer = (await client.GetResponseAsync("q")).Text });
            }
            """;
        var answer = RazorView.Mvc("/Views/Ask/Answer.cshtml", "AnswerModel", RazorView.Write(3, 5, "Model.Answer"));
        var partial = RazorView.Mvc("/Views/Shared/_AnswerPartial.cshtml", "Demo.Models.AnswerModel", RazorView.Write(2, 5, "Model.Answer"));
        Assert.Equal(new[] { "Answer.cshtml:3", "_AnswerPartial.cshtml:2" }, await ReportsAsync(controller, answer, partial));
    }

    [Fact]
    public async Task A_model_member_that_is_not_ai_content_or_is_labeled_is_not_reported()
    {
        const string controller = """
            public class HomeController : Controller
            {
                public async Task<IActionResult> Index([FromServices] IChatClient client, string q)
                {
                    var answer = (await client.GetResponseAsync(q)).Text;
                    return View(new AnswerModel { Question = q, Answer = Svc.Label(answer) });
                }

                public IActionResult Echo(string q) => View("Index", new AnswerModel { Question = q, Answer = q });
            }
            """;
        var view = RazorView.Mvc("/Views/Home/Index.cshtml", "AnswerModel",
            RazorView.Write(2, 6, "Model.Question"),
            RazorView.Write(3, 5, "Model.Answer"),
            RazorView.Write(4, 7, "Html.Raw(Model.Answer)"));
        Assert.Empty(await ReportsAsync(controller, view));
    }

    [Fact]
    public async Task View_data_and_view_bag_report_where_a_view_renders_the_key()
    {
        const string controller = """
            public class HomeController : Controller
            {
                public async Task<IActionResult> Index([FromServices] IChatClient client)
                {
                    var answer = (await client.GetResponseAsync("q")).Text;
                    ViewData["Answer"] = answer;
                    ViewBag.Summary = answer;
                    ViewData["Hidden"] = answer;
                    ViewData["Title"] = "Ask";
                    ViewBag.Labeled = Svc.Label(answer);
                    return View();
                }
            }
            """;
        var view = RazorView.Mvc("/Views/Home/Index.cshtml", "dynamic",
            RazorView.Write(2, 5, "ViewData[\"Answer\"]"),
            RazorView.Write(3, 5, "ViewBag.Summary"),
            RazorView.Write(4, 5, "ViewData[\"Title\"]"),
            RazorView.Write(5, 5, "ViewBag.Labeled"),
            RazorView.Write(6, 5, "ViewData[\"Shown\"]"));
        Assert.Equal(new[] { "Index.cshtml:2", "Index.cshtml:3" }, await ReportsAsync(controller, view));
    }

    [Fact]
    public async Task View_data_is_shared_by_key_between_view_bag_layouts_and_pages()
    {
        // ViewBag.X and ViewData["X"] are one entry; the layout (another view) renders what the action put there; a
        // page model's ViewData reaches its page.
        const string code = """
            public class HomeController : Controller
            {
                public async Task<IActionResult> Index([FromServices] IChatClient client)
                {
                    ViewBag.Title = (await client.GetResponseAsync("q")).Text;
                    return View();
                }
            }

            namespace Demo.Pages
            {
                public class AskModel : PageModel
                {
                    public async Task OnGetAsync([FromServices] IChatClient client) => ViewData["Answer"] = (await client.GetResponseAsync("q")).Text;
                }
            }
            """;
        var layout = RazorView.Mvc("/Views/Shared/_Layout.cshtml", "dynamic", RazorView.Write(6, 12, "ViewData[\"Title\"]"));
        var page = RazorView.Page("/Pages/Ask.cshtml", "Demo.Pages.AskModel", RazorView.Write(4, 5, "ViewData[\"Answer\"]"));
        Assert.Equal(new[] { "Ask.cshtml:4", "_Layout.cshtml:6" }, await ReportsAsync(code, layout, page));
    }

    [Fact]
    public async Task User_input_in_view_data_or_the_model_is_not_reported()
    {
        const string controller = """
            public class HomeController : Controller
            {
                public IActionResult Index(string q)
                {
                    ViewData["Answer"] = q;
                    ViewBag.Summary = q.Trim();
                    return View(new AnswerModel { Answer = q });
                }
            }
            """;
        var view = RazorView.Mvc("/Views/Home/Index.cshtml", "AnswerModel",
            RazorView.Write(2, 5, "ViewData[\"Answer\"]"),
            RazorView.Write(3, 5, "ViewBag.Summary"),
            RazorView.Write(4, 5, "Model.Answer"));
        Assert.Empty(await ReportsAsync(controller, view));
    }

    // No view of this compilation can be matched: the views are precompiled in another project, the view name is
    // computed, the key is not a constant, or the view hands its model to something the analysis does not follow
    // (Html.DisplayFor, a partial tag helper). The content is reported where it is handed over, as before.
    [Fact]
    public Task Without_a_matching_view_the_write_or_the_view_call_is_reported() => FlowVerifier.VerifyAsync(Usings + Code.Header + """
        public class HomeController : Controller
        {
            public async Task<IActionResult> Index([FromServices] IChatClient client, string name, string key)
            {
                var answer = (await client.GetResponseAsync("q")).Text;
                ViewData[key] = [|answer|];
                ViewBag.Answer = [|answer|];
                TempData["Answer"] = [|answer|];
                if (name.Length > 3)
                {
                    return View(name, [|new AnswerModel { Answer = answer }|]);
                }

                return View([|new AnswerModel { Answer = answer }|]);
            }
        }
        """, Models);

    // Views are there, but none can be matched to what is handed over: a view of another name, a helper's View() (the
    // view is the calling action's), a view that reads view data under a key it computes.
    [Fact]
    public async Task With_views_that_cannot_be_matched_the_write_or_the_view_call_is_reported()
    {
        const string controller = """
            public class HomeController : Controller
            {
                public async Task<IActionResult> Index([FromServices] IChatClient client)
                {
                    var answer = (await client.GetResponseAsync("q")).Text;
                    ViewData["Answer"] = answer;
                    if (answer.Length > 10)
                    {
                        return View("Missing", new AnswerModel { Answer = answer });
                    }

                    return Show(new AnswerModel { Answer = answer });
                }

                private IActionResult Show(AnswerModel model) => View(model);
            }
            """;
        var view = RazorView.Mvc("/Views/Home/Index.cshtml", "AnswerModel",
            RazorView.Write(2, 5, "Model.Answer"),
            RazorView.Write(3, 5, "ViewData[Model.Question]"));
        var text = Usings + Code.Header + controller;
        Assert.Equal(
            new[] { LineOf(text, "ViewData[\"Answer\"]"), LineOf(text, "View(\"Missing\""), LineOf(text, "return Show(") }.Select(l => "Test0.cs:" + l).OrderBy(x => x, System.StringComparer.Ordinal),
            await ReportsAsync(controller, view));
    }

    [Fact]
    public async Task A_view_that_hands_its_model_on_keeps_the_report_at_the_view_call()
    {
        const string controller = """
            public class HomeController : Controller
            {
                public async Task<IActionResult> Index([FromServices] IChatClient client) =>
                    View(new AnswerModel { Answer = (await client.GetResponseAsync("q")).Text });
            }
            """;
        var view = RazorView.Mvc("/Views/Home/Index.cshtml", "AnswerModel",
            RazorView.Write(2, 5, "Html.DisplayFor(m => m.Answer)"));
        var diagnostics = await FlowVerifier.AnalyzeFilesAsync(Files(controller, view));
        var found = diagnostics.Where(d => d.Id == "AIC001").Select(Where).ToArray();
        Assert.Equal(new[] { "Test0.cs:" + (LineOf(Usings + Code.Header + controller, "View(new") ) }, found);
    }

    private static int LineOf(string text, string fragment) => text.Substring(0, text.IndexOf(fragment, System.StringComparison.Ordinal)).Count(c => c == '\n') + 1;

    private static IEnumerable<(string Path, string Text)> Files(string code, params (string Path, string Text)[] views) =>
        new[] { ("/0/Test0.cs", Usings + Code.Header + code), ("/0/Models.cs", Models) }.Concat(views);

    private static string Where(Microsoft.CodeAnalysis.Diagnostic d)
    {
        var span = d.Location.GetMappedLineSpan();
        return System.IO.Path.GetFileName(span.Path) + ":" + (span.StartLinePosition.Line + 1);
    }

    private static async Task<string[]> ReportsAsync(string code, params (string Path, string Text)[] views)
    {
        var diagnostics = await FlowVerifier.AnalyzeFilesAsync(Files(code, views));
        return diagnostics.Where(d => d.Id == "AIC001").Select(Where).OrderBy(x => x, System.StringComparer.Ordinal).ToArray();
    }
}

/// <summary>
/// Builds Razor-generated view code in the shape the .NET 10 SDK's Razor source generator writes it (file
/// <c>Views/Home/Index_cshtml.g.cs</c>, class <c>AspNetCoreGeneratedDocument.Views_Home_Index</c>).
/// </summary>
internal static class RazorView
{
    /// <summary>An MVC view (<c>RazorPage&lt;TModel&gt;</c>) at <paramref name="identifier"/> (<c>/Views/Home/Index.cshtml</c>).</summary>
    public static (string Path, string Text) Mvc(string identifier, string model, params string[] body) =>
        Build(identifier, "mvc.1.0.view", $$"""
            global::Microsoft.AspNetCore.Mvc.Razor.RazorPage<
            #nullable restore
            #line (1,8)-(1,{{8 + model.Length}}) "/0{{identifier}}"
            {{model}}

            #line default
            #line hidden
            #nullable disable
                >
            """, body, $$"""
                    [global::Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInjectAttribute]
                    public global::Microsoft.AspNetCore.Mvc.Rendering.IHtmlHelper<{{model}}> Html { get; private set; } = default!;
            """);

    /// <summary>A Razor Page (<c>@page</c>, <c>@model</c>): <c>Page</c>, with its own <c>ViewData</c> and <c>Model</c>.</summary>
    public static (string Path, string Text) Page(string identifier, string model, params string[] body) =>
        Build(identifier, "mvc.1.0.razor-page", "global::Microsoft.AspNetCore.Mvc.RazorPages.Page", body, $$"""
                    [global::Microsoft.AspNetCore.Mvc.Razor.Internal.RazorInjectAttribute]
                    public global::Microsoft.AspNetCore.Mvc.Rendering.IHtmlHelper<{{model}}> Html { get; private set; } = default!;
            public global::Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<{{model}}> ViewData => (global::Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<{{model}}>)PageContext?.ViewData!;
                    public {{model}} Model => ViewData.Model;
            """);

    /// <summary><c>@expr</c> at (<paramref name="line"/>, <paramref name="column"/>) of the .cshtml file.</summary>
    public static string Write(int line, int column, string expression) => $$"""
        #nullable restore
        #line ({{line}},{{column}})-({{line}},{{column + expression.Length}}) 6 "{FILE}"
        Write({{expression}}

        #line default
        #line hidden
        #nullable disable
                    );
                    WriteLiteral("</p>\n    <p>");
        """;

    /// <summary><c>name="@expr"</c> at (<paramref name="line"/>, <paramref name="column"/>).</summary>
    public static string Attribute(int line, int column, string name, string expression) => $$"""
                    BeginWriteAttribute("{{name}}", " {{name}}=\"", 190, "\"", 211, 1);
                    WriteAttributeValue("", 198, 
        #nullable restore
        #line ({{line}},{{column}})-({{line}},{{column + expression.Length}}) "{FILE}"
        {{expression}}

        #line default
        #line hidden
        #nullable disable
                    , 198, 13, false);
                    EndWriteAttribute();
        """;

    private static (string Path, string Text) Build(string identifier, string kind, string baseType, string[] body, string members)
    {
        var className = identifier.TrimStart('/').Replace(".cshtml", string.Empty).Replace('/', '_');
        var file = "/0" + identifier;
        var text = new StringBuilder();
        text.Append($$"""
            #pragma checksum "{{file}}" "{8829d00f-11b8-4213-878b-770e8597ac16}" "5aedf60a5b2871477fdde075e73664b3c36293c6e6dd77967457b5ce03a84fc4"
            // <auto-generated/>
            #pragma warning disable 1591
            [assembly: global::Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemAttribute(typeof(AspNetCoreGeneratedDocument.{{className}}), @"{{kind}}", @"{{identifier}}")]
            namespace AspNetCoreGeneratedDocument
            {
                #line default
                using global::System;
                using global::System.Collections.Generic;
                using global::System.Linq;
                using global::System.Threading.Tasks;
                using global::Microsoft.AspNetCore.Mvc;
                using global::Microsoft.AspNetCore.Mvc.Rendering;
                using global::Microsoft.AspNetCore.Mvc.ViewFeatures;
            #nullable restore
            #line (2,2)-(2,20) "/0/Views/_ViewImports.cshtml"
            using Demo.Models

            #nullable disable
                ;
                #line default
                #line hidden
                [global::Microsoft.AspNetCore.Razor.Hosting.RazorCompiledItemMetadataAttribute("Identifier", "{{identifier}}")]
                [global::System.Runtime.CompilerServices.CreateNewOnMetadataUpdateAttribute]
                #nullable restore
                internal sealed class {{className}} : {{baseType}}
                #nullable disable
                {
                    #pragma warning disable 1998
                    public async override global::System.Threading.Tasks.Task ExecuteAsync()
                    {
                        WriteLiteral("<div class=\"text-center\">\n    <p>");

            """);
        foreach (var part in body)
        {
            text.Append(part.Replace("{FILE}", file)).Append('\n');
        }

        text.Append($$"""
                        WriteLiteral("\n</div>\n");
                    }
                    #pragma warning restore 1998
                    #nullable restore
            {{members}}
                    #nullable disable
                }
            }
            #pragma warning restore 1591

            """);
        var generated = identifier.TrimStart('/').Replace(".cshtml", "_cshtml.g.cs");
        return ("/0/obj/generated/Microsoft.CodeAnalysis.Razor.Compiler/Microsoft.NET.Sdk.Razor.SourceGenerators.RazorSourceGenerator/" + generated, text.ToString());
    }
}
