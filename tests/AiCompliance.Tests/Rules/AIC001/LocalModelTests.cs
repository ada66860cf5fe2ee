using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Models run in process: LLamaSharp 0.30 and ONNX Runtime GenAI 0.20 (Microsoft.ML.OnnxRuntimeGenAI.Managed), their
/// real assemblies. Only their managed DLLs are referenced, as metadata (<see cref="DownloadedSdks"/>): LLamaSharp's
/// System.Linq.Async (whose async LINQ clashes with .NET 10's) and both native runtimes stay out, and nothing is loaded.
/// </summary>
public class LocalModelTests
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        DownloadedSdks.Over(FlowVerifier.All, "LLamaSharp", "Microsoft.ML.OnnxRuntimeGenAI"));

    [Fact]
    public Task LLamaSharp_executors_and_chat_sessions_report_and_labeled_text_does_not() => FlowVerifier.VerifyAsync("""
        using LLama;
        using LLama.Abstractions;
        using LLama.Common;

        """ + Code.Header + """
        class LocalChat
        {
            async Task Run(string modelPath, string question)
            {
                var parameters = new ModelParams(modelPath) { ContextSize = 1024 };
                using var weights = LLamaWeights.LoadFromFile(parameters);
                using var context = weights.CreateContext(parameters);
                var executor = new InteractiveExecutor(context);
                var history = new ChatHistory();
                history.AddMessage(AuthorRole.System, "You are a helpful assistant.");
                var session = new ChatSession(executor, history);
                var inference = new InferenceParams { MaxTokens = 256, AntiPrompts = new List<string> { "User:" } };

                await foreach (var text in session.ChatAsync(new ChatHistory.Message(AuthorRole.User, question), inference))
                {
                    Console.Write([|text|]);
                }

                await foreach (var text in session.RegenerateAssistantMessageAsync(inference))
                {
                    Console.Write(Svc.Label(text));
                }

                await foreach (var text in executor.InferAsync(question, inference))
                {
                    Console.Write([|text|]);
                }

                var answer = new StringBuilder();
                await foreach (var text in new StatelessExecutor(weights, parameters).InferAsync(question, inference))
                {
                    answer.Append(text);
                }

                Console.WriteLine([|answer.ToString()|]);

                ILLamaExecutor any = new InstructExecutor(context);
                await foreach (var text in any.InferAsync(question))
                {
                    Console.Write([|text|]);
                }

                // The executor as a Microsoft.Extensions.AI chat client.
                IChatClient client = executor.AsChatClient();
                Console.WriteLine([|(await client.GetResponseAsync(question)).Text|]);

                // What the user typed and the model's metadata are not its text.
                Console.WriteLine(question);
                Console.WriteLine(context.ContextSize);
                Console.WriteLine(weights.ParameterCount);
            }
        }
        """, new FlowRun { References = References.Value });

    [Fact]
    public Task GenAI_decoded_tokens_and_its_chat_client_report_and_the_prompt_does_not() => FlowVerifier.VerifyAsync("""
        using Microsoft.ML.OnnxRuntimeGenAI;

        """ + Code.Header + """
        class Phi
        {
            void Generate(string modelPath, string question)
            {
                using var model = new Model(modelPath);
                using var tokenizer = new Tokenizer(model);
                var prompt = tokenizer.ApplyChatTemplate("", "[{\"role\": \"user\", \"content\": \"" + question + "\"}]", "", true);
                Console.WriteLine(prompt);
                using var sequences = tokenizer.Encode(prompt);
                using var generatorParams = new GeneratorParams(model);
                generatorParams.SetSearchOption("max_length", 2048);
                using var generator = new Generator(model, generatorParams);
                generator.AppendTokenSequences(sequences);
                using var stream = tokenizer.CreateStream();
                while (!generator.IsDone())
                {
                    generator.GenerateNextToken();
                    Console.Write([|stream.Decode(generator.GetSequence(0)[^1])|]);
                }

                Console.WriteLine([|tokenizer.Decode(generator.GetSequence(0))|]);
                Console.WriteLine(Svc.Label(tokenizer.Decode(generator.GetSequence(0))));
                Console.WriteLine(generator.GetSequence(0).Length);
                Console.WriteLine(generator.TokenCount());
            }

            async Task Chat(string modelPath)
            {
                using var client = new OnnxRuntimeGenAIChatClient(modelPath);
                var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);
                Console.WriteLine([|response.Text|]);
            }
        }
        """, new FlowRun { References = References.Value });

    [Fact]
    public void Both_are_understood_so_AIC009_stays_quiet()
    {
        // Each alone, as an app references it (the abstractions of Microsoft.Extensions.AI come with both).
        foreach (var (key, member) in new[] { ("LLamaSharp", "InferAsync"), ("Microsoft.ML.OnnxRuntimeGenAI", "Decode") })
        {
            var model = FlowModel.Create(CSharpCompilation.Create("App", references: TestReferences.For(withMeai: true).Add(DownloadedSdks.Reference(key))));
            Assert.Empty(model.UnresolvedSdks);
            Assert.Contains(member, model.SourceMemberNames);
        }

        // The check can fail: the same assembly names without the modeled types are reported.
        var llama = EmittedAssembly.Emit("LLamaSharp", "namespace LLama { public class Other { } }");
        var genAi = EmittedAssembly.Emit("Microsoft.ML.OnnxRuntimeGenAI", "namespace Microsoft.ML.OnnxRuntimeGenAI { public class Other { } }");
        var unknown = FlowModel.Create(CSharpCompilation.Create("App", references: TestReferences.Net100.Add(llama).Add(genAi)));
        Assert.Equal(2, unknown.UnresolvedSdks.Count);
    }
}
