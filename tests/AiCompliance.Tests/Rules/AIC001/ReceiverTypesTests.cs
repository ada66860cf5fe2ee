using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static AiCompliance.Tests.Rules.Aic001.PrefilterCompilations;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Before the prefilter binds a body to confirm a common name, the declared type of the mention's receiver may settle
/// it: <c>options.Value</c> of an <c>IOptions&lt;Settings&gt;</c> parameter is not <c>AskResult.Value</c>, and
/// <c>JsonContent.Create(…)</c> (a type, not a client) is no source call. Each "no" spares a body binding (on eShop, 26 of
/// 42); each case the text cannot settle (a <c>var</c>, a call, a type parameter, an alias) is still bound, and nothing
/// that produces is lost.
/// </summary>
public class ReceiverTypesTests
{
    private const string StorageCode = "using Microsoft.Extensions.Options;\n" + Code.Header + """
        class AskResult
        {
            public string Value { get; set; } = "";
            public static async Task<AskResult> Ask(IChatClient client) => new AskResult { Value = (await client.GetResponseAsync("q")).Text };
        }

        class Settings { public string Name { get; set; } = ""; }

        class Holder<T> where T : AskResult
        {
            public string Read(T item) => item.Value;
        }

        class Pages
        {
            private readonly IOptions<Settings> _options;
            public Pages(IOptions<Settings> options) { _options = options; }

            public string Parameter(IOptions<Settings> options) => options.Value.Name;
            public string Field() => this._options.Value.Name;
            public string FieldBare() => _options?.Value.Name ?? "";
            public string Local() { Lazy<string> lazy = new(() => ""); return lazy.Value; }
            public string Pattern(object o) => o is KeyValuePair<string, string> pair ? pair.Value : "";

            public string NewVar() { var result = new AskResult(); return result.Value; }
            public string Typed(AskResult result) => result.Value;
            public string FromCall(Func<AskResult> get) => get().Value;
            public string Untyped(IEnumerable<AskResult> all) => all.Select(r => r.Value).FirstOrDefault() ?? "";
            public string Shadowed(IOptions<Settings> options) { var value = ""; foreach (var options2 in new[] { new AskResult() }) { value = options2.Value; } return value + options.Value.Name; }
        }
        """;

    [Fact]
    public void A_receiver_declared_with_an_unrelated_type_spares_the_binding_and_loses_nothing()
    {
        var compilation = Library("Receivers", StorageCode);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));
        var pages = compilation.GetTypeByMetadataName("Pages")!;

        // Declared IOptions<Settings> (parameter, field with and without this.), Lazy<string>, a KeyValuePair pattern:
        // none is AskResult, an ancestor or a descendant of it, and AskResult has no ancestor outside this compilation.
        foreach (var name in new[] { "Parameter", "Field", "FieldBare", "Local", "Pattern" })
        {
            Assert.False(context.MayProduce(pages.GetMembers(name).Single()), name);
        }

        Assert.True(context.Prefilter.Spared >= 5, "spared " + context.Prefilter.Spared);

        // What the text cannot settle is bound, and what reads AskResult.Value still produces.
        foreach (var name in new[] { "NewVar", "Typed", "FromCall", "Untyped", "Shadowed" })
        {
            Assert.True(context.MayProduce(pages.GetMembers(name).Single()), name);
        }

        Assert.True(context.MayProduce(compilation.GetTypeByMetadataName("Holder`1")!.GetMembers("Read").Single()));
    }

    [Fact]
    public void An_alias_or_a_type_with_an_ancestor_outside_the_compilation_is_left_to_the_symbols()
    {
        var compilation = Library("Aliases", "using R = Answer;\n" + Code.Header + """
            class Answer : IEquatable<Answer>
            {
                public string Value { get; set; } = "";
                public bool Equals(Answer? other) => other?.Value == Value;
                public static async Task<Answer> Ask(IChatClient client) => new Answer { Value = (await client.GetResponseAsync("q")).Text };
            }

            class Page
            {
                public string Aliased(R r) => r.Value;
                public string ThroughInterface(IEquatable<Answer> e) => ((Answer)e).Value;
            }
            """);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));
        var page = compilation.GetTypeByMetadataName("Page")!;
        Assert.True(context.MayProduce(page.GetMembers("Aliased").Single()));
        Assert.True(context.MayProduce(page.GetMembers("ThroughInterface").Single()));
        Assert.Equal(0, context.Prefilter.Spared); // the file has an alias: its names are not taken from the text
    }

    [Fact]
    public void A_static_call_on_a_type_is_no_source_call_and_a_client_call_still_is()
    {
        var compilation = Library("Statics", "using Anthropic;\nusing Anthropic.Models.Messages;\nusing System.Net.Http.Json;\n" + Code.Header + """
            class Page
            {
                public System.Net.Http.HttpContent Json(object o) => JsonContent.Create(o);
                public async Task<string> Ask(AnthropicClient client, MessageCreateParams parameters) => (await client.Messages.Create(parameters)).Content.Count.ToString() + JsonContent.Create(1);
            }

            """);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));
        var page = compilation.GetTypeByMetadataName("Page")!;

        Assert.False(context.MayProduce(page.GetMembers("Json").Single()));
        Assert.True(context.Prefilter.Spared >= 1, "spared " + context.Prefilter.Spared);
        Assert.True(context.MayProduce(page.GetMembers("Ask").Single())); // client.Messages.Create: a chain, bound
    }

    // A using static hides only the names it brings in (its type's members and nested types), not every receiver of its
    // file; a global one not every receiver of the compilation. dotnet/ai-samples has one `global using static Utils;`,
    // and all 47 of its Create calls were bound before this.
    [Fact]
    public void A_using_static_hides_only_the_names_it_brings_in()
    {
        var shared = CSharpCompilation.Create(
            "SharedClients",
            new[] { CSharpSyntaxTree.ParseText("using Microsoft.Extensions.AI;\npublic static class Clients { public static IChatClient Chat { get; set; } = null!; }", TestReferences.ParseOptions) },
            FlowVerifier.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(shared.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var usings = "global using static Clients;\nglobal using static Helpers;\n";
        var page = "using System.Net.Http.Json;\n" + Code.Header + """
            static class Helpers { public static string Shout(string s) => s.ToUpperInvariant(); }

            class Page
            {
                public System.Net.Http.HttpContent Json(object o) => JsonContent.Create(Shout(o.ToString() ?? ""));
                public async Task<string> Ask() => (await Chat.GetResponseAsync("q")).Text;
            }
            """;
        var compilation = CSharpCompilation.Create(
            "UsingStatic",
            new[] { CSharpSyntaxTree.ParseText(usings, TestReferences.ParseOptions), CSharpSyntaxTree.ParseText(page, TestReferences.ParseOptions) },
            FlowVerifier.All.Add(shared.ToMetadataReference()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));
        var type = compilation.GetTypeByMetadataName("Page")!;

        // JsonContent is no member of Clients or Helpers: a type name, so its Create is no source call, unbound.
        Assert.False(context.MayProduce(type.GetMembers("Json").Single()));
        Assert.True(context.Prefilter.Spared >= 1, "spared " + context.Prefilter.Spared);

        // Chat is Clients.Chat, an IChatClient the text does not show: left to the symbols, and it produces.
        Assert.True(context.MayProduce(type.GetMembers("Ask").Single()));
    }

    // AIC001 end to end: an extension method of a static class is reached from a receiver of another type (IChatClient),
    // so its callers are still followed; the settings read through IOptions<T>.Value are not AI content.
    [Fact]
    public Task Extension_members_are_reached_from_receivers_of_other_types() => FlowVerifier.VerifyAsync("using Microsoft.Extensions.Options;\n" + Code.Header + """
        class Settings { public string Name { get; set; } = ""; }
        class Result { public string Value { get; set; } = ""; }
        static class Answers
        {
            public static async Task<Result> AskAsync(this IChatClient client, string q) => new Result { Value = (await client.GetResponseAsync(q)).Text };
        }
        class Page
        {
            async Task Run(IChatClient client, IOptions<Settings> options)
            {
                var result = await client.AskAsync("q");
                Console.WriteLine([|result.Value|]);
                Console.WriteLine(options.Value.Name);
            }
        }
        """);
}
