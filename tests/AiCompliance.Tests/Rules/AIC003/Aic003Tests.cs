using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic003;

public partial class Aic003Tests
{
    private static async Task<ImmutableArray<Diagnostic>> RunAsync(params string[] sources)
    {
        var compilation = CSharpCompilation.Create("Aic003",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, TestReferences.ParseOptions, path: $"/0/File{i}.cs")),
            FlowVerifier.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RegistrationPresenceAnalyzer())).GetAnalyzerDiagnosticsAsync();
        return diagnostics;
    }

    private const string Calls = """
        using Microsoft.Extensions.AI;
        using System.Threading.Tasks;
        class App
        {
            async Task Run(IChatClient client)
            {
                var a = await client.GetResponseAsync("one");
                var b = await client.GetResponseAsync("two");
            }
        }
        """;

    private const string MoreCalls = """
        using Microsoft.Extensions.AI;
        using System.Threading.Tasks;
        class Early
        {
            Task<ChatResponse> Ask(IChatClient client) => client.GetResponseAsync("zero");
        }
        """;

    [Fact]
    public async Task Reported_once_at_the_first_call_in_a_stable_order_with_the_others_as_additional_locations()
    {
        // File order in the compilation must not matter: the first call by file path wins.
        var forward = await RunAsync(Calls, MoreCalls);
        var backward = await RunAsync(MoreCalls, Calls);
        foreach (var diagnostics in new[] { forward, backward })
        {
            var d = Assert.Single(diagnostics);
            Assert.Equal("AIC003", d.Id);
            Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
            Assert.Equal("This project calls 'IChatClient.GetResponseAsync' (3 AI call(s) in all) but declares no [RegisteredAiService]: a service that offers generative AI must be registered and show its number", d.GetMessage());
            Assert.Equal(2, d.AdditionalLocations.Count);
        }

        Assert.Equal("/0/File0.cs", forward[0].Location.SourceTree!.FilePath);
        Assert.Contains("client.GetResponseAsync(\"one\")", forward[0].Location.SourceTree!.ToString().Substring(forward[0].Location.SourceSpan.Start, forward[0].Location.SourceSpan.Length));
        Assert.Contains("client.GetResponseAsync(\"zero\")", backward[0].Location.SourceTree!.ToString().Substring(backward[0].Location.SourceSpan.Start, backward[0].Location.SourceSpan.Length));
    }

    [Fact]
    public async Task Counts_calls_in_every_kind_of_code_block()
    {
        // Field initializers, property getters, local functions, lambdas, constructors, operators and conditional access:
        // every call counts,
        // plus a call through a qualified static extension.
        var diagnostics = await RunAsync("""
            using Microsoft.Extensions.AI;
            using System;
            using System.Threading.Tasks;
            class App
            {
                private readonly IChatClient _client;
                private readonly Func<Task<ChatResponse>> _lazy;
                private static readonly IChatClient Shared = null!;
                private static readonly Task<ChatResponse> Warmup = Shared.GetResponseAsync("field initializer");
                public App(IChatClient client) { _client = client; _lazy = () => client.GetResponseAsync("ctor"); }
                Task<ChatResponse> Getter => _client.GetResponseAsync("getter");
                Task<ChatResponse>? Maybe(IChatClient? c) => c?.GetResponseAsync("binding");
                Task<ChatResponse> Static(IChatClient c) => ChatClientExtensions.GetResponseAsync(c, "static");
                async Task Local()
                {
                    async Task<ChatResponse> Ask() => await _client.GetResponseAsync("local");
                    await Ask();
                }
                public static App operator +(App a, App b) { _ = a._client.GetResponseAsync("operator"); return a; }
            }
            """);
        var d = Assert.Single(diagnostics);
        Assert.StartsWith("This project calls 'IChatClient.GetResponseAsync' (7 AI call(s) in all)", d.GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silent_when_a_service_is_registered()
    {
        var diagnostics = await RunAsync(Calls, """
            [AiCompliance.RegisteredAiService("Beijing-YunQue-20230821")]
            public static partial class Svc { }
            """);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Silent_when_the_service_is_registered_through_an_alias_declared_in_another_file()
    {
        // The file with the service never spells the attribute's name (the binding-free shortcut cannot see it): the
        // symbols still decide.
        var diagnostics = await RunAsync(Calls, "global using Reg = AiCompliance.RegisteredAiServiceAttribute;", """
            [Reg("Beijing-YunQue-20230821")]
            public static partial class Svc { }
            """);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Silent_when_the_registration_is_in_generated_code()
    {
        // A registration is a registration wherever it is declared (a file another tool writes, for instance).
        var diagnostics = await RunAsync(Calls, """
            // <auto-generated/>
            [AiCompliance.RegisteredAiService("Beijing-YunQue-20230821")]
            public static partial class Svc { }
            """);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Reported_when_only_text_names_the_attribute()
    {
        // Comments, strings and a look-alike attribute mention the name, but no type carries the real attribute.
        var diagnostics = await RunAsync(Calls, """
            // [RegisteredAiService("Beijing-YunQue-20230821")] is still to do
            [System.Obsolete("RegisteredAiService pending")]
            class RegisteredAiServiceAttribute : System.Attribute { }
            [RegisteredAiService]
            static partial class NotAService { }
            """);
        var d = Assert.Single(diagnostics);
        Assert.Equal("AIC003", d.Id);
    }

    [Fact]
    public async Task Silent_without_ai_calls()
    {
        var diagnostics = await RunAsync("class App { void Run() => System.Console.WriteLine(\"hi\"); }");
        Assert.Empty(diagnostics);
    }
}
