using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Semantic Kernel before 1.0 (the 0.19 previews of microsoft/semantic-kernel-starters: <c>IKernel.RunAsync</c> giving an
/// <c>SKContext</c> printed or returned from an Azure Function; 0.2x's <c>KernelResult</c>). Only 0.19's meta package is
/// served here, without its dependencies, so the surface is a compile-only stand-in with those versions' public names, and
/// the test project's SK 1.82 assemblies are left out (an app references one or the other). Also SK 1.x function filters:
/// <c>FunctionInvocationContext.Result</c> on the real 1.82.
/// </summary>
public class SemanticKernelLegacyTests
{
    private const string StandIn = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        namespace Microsoft.SemanticKernel
        {
            using Microsoft.SemanticKernel.Orchestration;
            using Microsoft.SemanticKernel.SkillDefinition;
            public interface IKernel
            {
                Task<SKContext> RunAsync(params ISKFunction[] pipeline);
                Task<SKContext> RunAsync(string input, params ISKFunction[] pipeline);
                Task<SKContext> RunAsync(ContextVariables variables, params ISKFunction[] pipeline);
                SKContext CreateNewContext();
            }
            public sealed class KernelBuilder { public IKernel Build() => throw null!; }
        }
        namespace Microsoft.SemanticKernel.Orchestration
        {
            public sealed class ContextVariables
            {
                public string Input => "";
                public void Set(string name, string? value) { }
                public bool TryGetValue(string name, out string value) { value = ""; return true; }
                public string this[string name] { get => ""; set { } }
                public override string ToString() => Input;
            }
            public sealed class SKContext
            {
                public string Result => "";
                public ContextVariables Variables => new();
                public bool ErrorOccurred => false;
                public Exception? LastException => null;
                public override string ToString() => Result;
            }
            public sealed class KernelResult
            {
                public T? GetValue<T>() => default;
                public IReadOnlyCollection<FunctionResult> FunctionResults => Array.Empty<FunctionResult>();
            }
            public sealed class FunctionResult { public T? GetValue<T>() => default; public string FunctionName => ""; }
        }
        namespace Microsoft.SemanticKernel.SkillDefinition
        {
            using Microsoft.SemanticKernel.Orchestration;
            public interface ISKFunction
            {
                string Name { get; }
                Task<SKContext> InvokeAsync(SKContext context, object? settings = null, CancellationToken cancellationToken = default);
            }
            public static class SKFunctionExtensions
            {
                public static Task<SKContext> InvokeAsync(this ISKFunction function, string? input = null, CancellationToken cancellationToken = default) => throw null!;
            }
        }
        namespace Microsoft.SemanticKernel.AI.ChatCompletion
        {
            public class ChatHistory { public void AddUserMessage(string text) { } public void AddAssistantMessage(string text) { } }
            public abstract class ChatMessageBase { public string Content => ""; }
            public interface IChatResult { Task<ChatMessageBase> GetChatMessageAsync(CancellationToken cancellationToken = default); }
            public interface IChatCompletion
            {
                ChatHistory CreateNewChat(string? instructions = null);
                Task<IReadOnlyList<IChatResult>> GetChatCompletionsAsync(ChatHistory chat, object? requestSettings = null, CancellationToken cancellationToken = default);
            }
            public static class ChatCompletionExtensions
            {
                public static Task<string> GenerateMessageAsync(this IChatCompletion chatCompletion, ChatHistory chat, object? requestSettings = null, CancellationToken cancellationToken = default) => throw null!;
            }
        }
        namespace Microsoft.SemanticKernel.AI.TextCompletion
        {
            public interface ITextCompletion { }
            public static class TextCompletionExtensions
            {
                public static Task<string> CompleteAsync(this ITextCompletion textCompletion, string text, object? requestSettings = null, CancellationToken cancellationToken = default) => throw null!;
            }
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        FlowVerifier.All.Where(r => !(r.Display ?? "").Contains("Microsoft.SemanticKernel", StringComparison.OrdinalIgnoreCase))
            .ToImmutableArray()
            .Add(EmittedAssembly.Emit("Microsoft.SemanticKernel.Abstractions", StandIn)));

    private const string Usings = """
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.Orchestration;
        using Microsoft.SemanticKernel.SkillDefinition;
        using Microsoft.SemanticKernel.AI.ChatCompletion;
        using Microsoft.SemanticKernel.AI.TextCompletion;

        """;

    [Fact]
    public Task A_kernel_run_and_a_function_invocation_report_the_contexts_text_and_not_its_error_state() =>
        FlowVerifier.VerifyAsync(Usings + Code.Header + """
            class App
            {
                async Task Run(IKernel kernel, ISKFunction joke)
                {
                    var context = new ContextVariables();
                    context.Set("input", "Time travel to dinosaur age");
                    var result = await kernel.RunAsync(context, joke);
                    Console.WriteLine([|result|]);
                    Console.WriteLine([|result.Result|]);
                    Console.WriteLine([|result.Variables.Input|]);
                    Console.WriteLine(result.ErrorOccurred);
                    Console.WriteLine(result.LastException?.Message);
                    Console.WriteLine(Svc.Label(result.Result));

                    var direct = await joke.InvokeAsync("dinosaurs");
                    Console.WriteLine([|direct.ToString()|]);
                    Console.WriteLine(joke.Name);
                }
            }
            """, new FlowRun { References = References.Value });

    [Fact]
    public Task Chat_and_text_completions_of_the_connectors_report_the_answer() =>
        FlowVerifier.VerifyAsync(Usings + Code.Header + """
            class App
            {
                async Task Run(IChatCompletion chat, ITextCompletion text)
                {
                    Console.WriteLine([|await text.CompleteAsync("Tell a joke")|]);

                    var history = chat.CreateNewChat("You are a librarian");
                    history.AddUserMessage("Hi");
                    var reply = await chat.GenerateMessageAsync(history);
                    Console.WriteLine([|reply|]);

                    var results = await chat.GetChatCompletionsAsync(history);
                    var message = await results[0].GetChatMessageAsync();
                    Console.WriteLine([|message.Content|]);
                }
            }
            """, new FlowRun { References = References.Value });

    [Fact]
    public void The_legacy_kernel_is_understood_so_AIC009_stays_quiet()
    {
        var model = FlowModel.Create(CSharpCompilation.Create("App", references: References.Value));
        Assert.True(model.HasSourceTypes);
        Assert.Empty(model.UnresolvedSdks);
    }

    // SK 1.x (the real 1.82): a function filter sees every function's result, and a prompt function's result is the
    // model's text; the starters' documentation sample prints it to the console.
    [Fact]
    public Task A_function_filter_printing_the_invocation_result_is_reported() =>
        FlowVerifier.VerifyAsync("using Microsoft.SemanticKernel;\nusing FunctionInvocationContext = Microsoft.SemanticKernel.FunctionInvocationContext;\n" + Code.Header + """
            class ConsoleOutputFilter : IFunctionInvocationFilter
            {
                public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
                {
                    Console.WriteLine(context.Function.Name);
                    await next(context);
                    object? result = context.Result.GetValue<object>();
                    Console.WriteLine([|result|]);
                    Console.WriteLine(Svc.Label(context.Result.ToString()));
                }
            }
            """);
}
