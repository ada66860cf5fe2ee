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
/// Models run in process: LLamaSharp 0.30 and ONNX Runtime GenAI 0.20. Both are served, but LLamaSharp brings
/// System.Linq.Async (its async LINQ collides with .NET 10's) and GenAI native runtimes, so the tests compile against
/// stand-ins with their public names (assembly names included, for AIC009).
/// </summary>
public class LocalModelTests
{
    private const string StandIn = """
        using System.Collections.Generic;
        using System.Threading;
        namespace LLama.Abstractions
        {
            public interface IInferenceParams { }
            public interface ILLamaExecutor { IAsyncEnumerable<string> InferAsync(string text, IInferenceParams? inferenceParams = null, CancellationToken token = default); }
        }
        namespace LLama.Common
        {
            public enum AuthorRole { User, Assistant, System }
            public class ChatHistory { public class Message { public Message(AuthorRole role, string content) { } } }
            public class InferenceParams : LLama.Abstractions.IInferenceParams { }
        }
        namespace LLama
        {
            public abstract class StatefulExecutorBase : LLama.Abstractions.ILLamaExecutor
            {
                public virtual IAsyncEnumerable<string> InferAsync(string text, LLama.Abstractions.IInferenceParams? inferenceParams = null, CancellationToken token = default) => null!;
            }
            public class InteractiveExecutor : StatefulExecutorBase { }
            public class StatelessExecutor : LLama.Abstractions.ILLamaExecutor
            {
                public IAsyncEnumerable<string> InferAsync(string text, LLama.Abstractions.IInferenceParams? inferenceParams = null, CancellationToken token = default) => null!;
            }
            public class ChatSession
            {
                public ChatSession(LLama.Abstractions.ILLamaExecutor executor) { }
                public IAsyncEnumerable<string> ChatAsync(LLama.Common.ChatHistory.Message message, LLama.Abstractions.IInferenceParams? inferenceParams = null, CancellationToken cancellationToken = default) => null!;
            }
        }
        """;

    private const string GenAiStandIn = """
        using System;
        namespace Microsoft.ML.OnnxRuntimeGenAI
        {
            public sealed class Model : IDisposable { public Model(string path) { } public void Dispose() { } }
            public sealed class Tokenizer : IDisposable
            {
                public Tokenizer(Model model) { }
                public string Decode(ReadOnlySpan<int> sequence) => "";
                public TokenizerStream CreateStream() => null!;
                public void Dispose() { }
            }
            public sealed class TokenizerStream : IDisposable { public string Decode(int token) => ""; public void Dispose() { } }
            public sealed class Generator : IDisposable
            {
                public bool IsDone() => true;
                public void GenerateNextToken() { }
                public ReadOnlySpan<int> GetSequence(ulong index) => default;
                public void Dispose() { }
            }
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        FlowVerifier.All.Add(EmittedAssembly.Emit("LLamaSharp", StandIn)).Add(EmittedAssembly.Emit("Microsoft.ML.OnnxRuntimeGenAI", GenAiStandIn)));

    [Fact]
    public Task LLamaSharp_executors_and_chat_sessions_and_GenAI_decoding_report_and_labeled_text_does_not() => FlowVerifier.VerifyAsync("""
        using LLama;
        using LLama.Common;
        using Microsoft.ML.OnnxRuntimeGenAI;

        """ + Code.Header + """
        class App
        {
            async Task Run(InteractiveExecutor executor, StatelessExecutor stateless, ChatSession session, Tokenizer tokenizer, Generator generator)
            {
                await foreach (var text in executor.InferAsync("hi"))
                {
                    Console.Write([|text|]);
                }

                await foreach (var text in stateless.InferAsync("hi"))
                {
                    Console.Write(Svc.Label(text));
                }

                await foreach (var text in session.ChatAsync(new ChatHistory.Message(AuthorRole.User, "hi")))
                {
                    Console.Write([|text|]);
                }

                using var stream = tokenizer.CreateStream();
                while (!generator.IsDone())
                {
                    generator.GenerateNextToken();
                    var sequence = generator.GetSequence(0);
                    Console.Write([|stream.Decode(sequence[sequence.Length - 1])|]);
                }

                Console.WriteLine([|tokenizer.Decode(generator.GetSequence(0))|]);
                Console.WriteLine(generator.GetSequence(0).Length);
            }
        }
        """, new FlowRun { References = References.Value });

    [Fact]
    public void Both_are_understood_so_AIC009_stays_quiet()
    {
        var model = FlowModel.Create(CSharpCompilation.Create("App", references: References.Value));
        Assert.Empty(model.UnresolvedSdks);
        Assert.Contains("InferAsync", model.SourceMemberNames);
        Assert.Contains("Decode", model.SourceMemberNames);
    }
}
