using System.Collections.Generic;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// The built-in models of the SDKs and frameworks AiCompliance knows, written as rows in the same shape as the
    /// user model file, one file per area in this folder (adding an SDK = one file of rows + its tests). Rows whose
    /// type is absent from a compilation cost nothing.
    /// </summary>
    internal static partial class BuiltInModels
    {
        public static IReadOnlyList<ModelEntry> All { get; } = Build();

        /// <summary>
        /// The SDK assemblies whose source rows are above, by assembly name, with the namespace of those rows. When a
        /// compilation references one and none of its source rows resolves (a version that renamed or moved them),
        /// its calls are invisible to AIC001, and AIC009 says so.
        /// </summary>
        public static IReadOnlyList<SdkAssembly> Sdks { get; } = new[]
        {
            new SdkAssembly("Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.AI."),
            new SdkAssembly("OpenAI", "OpenAI."),
            new SdkAssembly("Azure.AI.OpenAI", "OpenAI.", "Azure.AI.OpenAI."), // 2.x: GetChatClient returns OpenAI.Chat.ChatClient; 1.0 betas: OpenAIClient
            new SdkAssembly("Microsoft.SemanticKernel.Abstractions", "Microsoft.SemanticKernel."),
            new SdkAssembly("Anthropic", "Anthropic."),
            new SdkAssembly("OllamaSharp", "OllamaSharp."),
            new SdkAssembly("Microsoft.Agents.AI.Abstractions", "Microsoft.Agents.AI."),
            new SdkAssembly("Azure.AI.Inference", "Azure.AI.Inference."),
            new SdkAssembly("LLamaSharp", "LLama."),
            new SdkAssembly("Microsoft.ML.OnnxRuntimeGenAI", "Microsoft.ML.OnnxRuntimeGenAI."),
            new SdkAssembly("Microsoft.SemanticKernel.Agents.Core", "Microsoft.SemanticKernel.Agents."),
            new SdkAssembly("Azure.AI.Agents.Persistent", "Azure.AI.Agents.Persistent."),
            new SdkAssembly("LlmTornado", "LlmTornado."),
            new SdkAssembly("Betalgo.Ranul.OpenAI", "Betalgo.Ranul.OpenAI."),
        };

        private static List<ModelEntry> Build()
        {
            var m = new List<ModelEntry>();
            MicrosoftExtensionsAi(m);
            MicrosoftExtensionsAiMedia(m);
            OpenAi(m);
            OpenAiMedia(m);
            OpenAiRealtime(m);
            AzureOpenAiLegacy(m);
            SemanticKernel(m);
            SemanticKernelMedia(m);
            SemanticKernelLegacy(m);
            SemanticKernelAgents(m);
            AzureAiAgentsPersistent(m);
            LlmTornado(m);
            Betalgo(m);
            AzureAiInference(m);
            LocalModels(m);
            Anthropic(m);
            OllamaSharp(m);
            AgentFramework(m);
            ConsoleSinks(m);
            FileSinks(m);
            SpectreConsoleSinks(m);
            MinimalApiSinks(m);
            MvcSinks(m);
            SignalRSinks(m);
            WebSocketSinks(m);
            AzureFunctionsSinks(m);
            BlazorSinks(m);
            Projections(m);
            Copies(m);
            NeutralFramework(m);
            return m;
        }

        private static void Source(List<ModelEntry> m, string type, string member, string description) =>
            m.Add(new ModelEntry(ModelKind.Source, type, member, "ReturnValue", description));

        private static void Sink(List<ModelEntry> m, string type, string member, string access, string description, SinkCondition? condition = null) =>
            m.Add(new ModelEntry(ModelKind.Sink, type, member, access, description, condition));

        /// <summary>A flow the call adds on top of the default rule, in the summary grammar ("this -> Argument[*]").</summary>
        private static void Copy(List<ModelEntry> m, string type, string member, string flow) =>
            m.Add(new ModelEntry(ModelKind.Copy, type, member, flow));

        private static void Content(List<ModelEntry> m, string type, params string[] members)
        {
            foreach (var member in members)
            {
                m.Add(new ModelEntry(ModelKind.Content, type, member));
            }
        }

        private static void Neutral(List<ModelEntry> m, string type, string member = "*") =>
            m.Add(new ModelEntry(ModelKind.Neutral, type, member));

        private static void Stores(List<ModelEntry> m, string type, string member) =>
            m.Add(new ModelEntry(ModelKind.StoresInReceiver, type, member));
    }
}
