using System.Collections.Generic;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// The built-in models of the SDKs and frameworks AiCompliance knows, written as rows in the same shape as the
    /// user model file. Rows whose type is absent from a compilation cost nothing.
    /// </summary>
    internal static class BuiltInModels
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
            new SdkAssembly("Azure.AI.OpenAI", "OpenAI."), // Azure's GetChatClient returns OpenAI.Chat.ChatClient
            new SdkAssembly("Microsoft.SemanticKernel.Abstractions", "Microsoft.SemanticKernel."),
            new SdkAssembly("Anthropic", "Anthropic."),
            new SdkAssembly("OllamaSharp", "OllamaSharp."),
        };

        private static List<ModelEntry> Build()
        {
            var m = new List<ModelEntry>();

            // ---- Microsoft.Extensions.AI ----
            const string Meai = "Microsoft.Extensions.AI.";
            Source(m, Meai + "IChatClient", "GetResponseAsync", "IChatClient.GetResponseAsync");
            Source(m, Meai + "IChatClient", "GetStreamingResponseAsync", "IChatClient.GetStreamingResponseAsync");
            Source(m, Meai + "ChatClientExtensions", "GetResponseAsync", "IChatClient.GetResponseAsync");
            Source(m, Meai + "ChatClientExtensions", "GetStreamingResponseAsync", "IChatClient.GetStreamingResponseAsync");
            Source(m, Meai + "ChatClientStructuredOutputExtensions", "GetResponseAsync", "IChatClient.GetResponseAsync<T>");
            Content(m, Meai + "ChatResponse", "Text", "Messages", "ToString", "ToChatResponseUpdates");
            Content(m, Meai + "ChatResponse`1", "Result", "TryGetResult", "Text", "Messages", "ToString", "ToChatResponseUpdates");
            Content(m, Meai + "ChatMessage", "Text", "Contents", "ToString");
            Content(m, Meai + "ChatResponseUpdate", "Text", "Contents", "ToString");
            Content(m, Meai + "TextContent", "Text", "ToString");
            Content(m, Meai + "TextReasoningContent", "Text", "ToString");
            Neutral(m, Meai + "ChatRole");
            Neutral(m, Meai + "ChatFinishReason");
            Neutral(m, Meai + "UsageDetails");
            Neutral(m, Meai + "ChatOptions");
            Stores(m, Meai + "ChatResponseExtensions", "AddMessages");

            // ---- OpenAI / Azure OpenAI 2.x (Azure's GetChatClient returns OpenAI.Chat.ChatClient) ----
            Source(m, "OpenAI.Chat.ChatClient", "CompleteChat", "ChatClient.CompleteChat");
            Source(m, "OpenAI.Chat.ChatClient", "CompleteChatAsync", "ChatClient.CompleteChatAsync");
            Source(m, "OpenAI.Chat.ChatClient", "CompleteChatStreaming", "ChatClient.CompleteChatStreaming");
            Source(m, "OpenAI.Chat.ChatClient", "CompleteChatStreamingAsync", "ChatClient.CompleteChatStreamingAsync");
            Content(m, "OpenAI.Chat.ChatCompletion", "Content", "Refusal", "ToString");
            Content(m, "OpenAI.Chat.ChatMessageContentPart", "Text", "Refusal", "ToString");
            Content(m, "OpenAI.Chat.StreamingChatCompletionUpdate", "ContentUpdate", "RefusalUpdate");
            Neutral(m, "OpenAI.Chat.ChatTokenUsage");
            Neutral(m, "OpenAI.Chat.ChatFinishReason");
            Neutral(m, "OpenAI.Chat.ChatMessageRole");
            // Responses API (2.15: ResponsesClient / ResponseResult; streaming only as CreateResponseStreamingAsync).
            Source(m, "OpenAI.Responses.ResponsesClient", "CreateResponse", "ResponsesClient.CreateResponse");
            Source(m, "OpenAI.Responses.ResponsesClient", "CreateResponseAsync", "ResponsesClient.CreateResponseAsync");
            Source(m, "OpenAI.Responses.ResponsesClient", "CreateResponseStreamingAsync", "ResponsesClient.CreateResponseStreamingAsync");
            Content(m, "OpenAI.Responses.ResponseResult", "GetOutputText", "OutputItems", "ToString");
            Neutral(m, "OpenAI.Responses.ResponseTokenUsage");

            // ---- Semantic Kernel ----
            const string Sk = "Microsoft.SemanticKernel.";
            Source(m, Sk + "ChatCompletion.IChatCompletionService", "GetChatMessageContentsAsync", "IChatCompletionService.GetChatMessageContentsAsync");
            Source(m, Sk + "ChatCompletion.IChatCompletionService", "GetStreamingChatMessageContentsAsync", "IChatCompletionService.GetStreamingChatMessageContentsAsync");
            Source(m, Sk + "ChatCompletion.ChatCompletionServiceExtensions", "GetChatMessageContentAsync", "IChatCompletionService.GetChatMessageContentAsync");
            Source(m, Sk + "ChatCompletion.ChatCompletionServiceExtensions", "GetChatMessageContentsAsync", "IChatCompletionService.GetChatMessageContentsAsync");
            Source(m, Sk + "ChatCompletion.ChatCompletionServiceExtensions", "GetStreamingChatMessageContentsAsync", "IChatCompletionService.GetStreamingChatMessageContentsAsync");
            Source(m, Sk + "TextGeneration.ITextGenerationService", "GetTextContentsAsync", "ITextGenerationService.GetTextContentsAsync");
            Source(m, Sk + "TextGeneration.ITextGenerationService", "GetStreamingTextContentsAsync", "ITextGenerationService.GetStreamingTextContentsAsync");
            Source(m, Sk + "TextGeneration.TextGenerationExtensions", "GetTextContentAsync", "ITextGenerationService.GetTextContentAsync");
            Source(m, Sk + "TextGeneration.TextGenerationExtensions", "GetTextContentsAsync", "ITextGenerationService.GetTextContentsAsync");
            Source(m, Sk + "TextGeneration.TextGenerationExtensions", "GetStreamingTextContentsAsync", "ITextGenerationService.GetStreamingTextContentsAsync");
            Source(m, Sk + "Kernel", "InvokeAsync", "Kernel.InvokeAsync");
            Source(m, Sk + "Kernel", "InvokeStreamingAsync", "Kernel.InvokeStreamingAsync");
            Source(m, Sk + "KernelExtensions", "InvokePromptAsync", "Kernel.InvokePromptAsync");
            Source(m, Sk + "KernelExtensions", "InvokePromptStreamingAsync", "Kernel.InvokePromptStreamingAsync");
            Source(m, Sk + "KernelFunction", "InvokeAsync", "KernelFunction.InvokeAsync");
            Source(m, Sk + "KernelFunction", "InvokeStreamingAsync", "KernelFunction.InvokeStreamingAsync");
            Content(m, Sk + "FunctionResult", "GetValue", "ToString", "Value");
            Content(m, Sk + "ChatMessageContent", "Content", "Items", "ToString");
            Content(m, Sk + "StreamingChatMessageContent", "Content", "Items", "ToString");
            Content(m, Sk + "TextContent", "Text", "ToString");
            Content(m, Sk + "StreamingTextContent", "Text", "ToString");
            Neutral(m, Sk + "ChatCompletion.AuthorRole");

            // ---- Anthropic ----
            Source(m, "Anthropic.Services.IMessageService", "Create", "Messages.Create");
            Source(m, "Anthropic.Services.IMessageService", "CreateStreaming", "Messages.CreateStreaming");
            Source(m, "Anthropic.Services.MessageServiceExtensions", "Create", "Messages.Create<T>");
            Content(m, "Anthropic.Models.Messages.Message", "Content", "ToString");
            Content(m, "Anthropic.Models.Messages.ContentBlock", "TryPickText", "Value", "ToString", "Json");
            Content(m, "Anthropic.Models.Messages.TextBlock", "Text", "ToString");
            Neutral(m, "Anthropic.Models.Messages.Usage");

            // ---- OllamaSharp ----
            Source(m, "OllamaSharp.IOllamaApiClient", "ChatAsync", "OllamaApiClient.ChatAsync");
            Source(m, "OllamaSharp.IOllamaApiClient", "GenerateAsync", "OllamaApiClient.GenerateAsync");
            Source(m, "OllamaSharp.OllamaApiClientExtensions", "GenerateAsync", "OllamaApiClient.GenerateAsync");
            Source(m, "OllamaSharp.Chat", "SendAsync", "Chat.SendAsync");
            Source(m, "OllamaSharp.Chat", "SendAsAsync", "Chat.SendAsAsync");
            Content(m, "OllamaSharp.Models.Chat.ChatResponseStream", "Message", "ToString");
            Content(m, "OllamaSharp.Models.Chat.Message", "Content", "ToString");
            Content(m, "OllamaSharp.Models.GenerateResponseStream", "Response", "ToString");

            // ---- Sinks: console ----
            Sink(m, "System.Console", "Write", "Argument[*]", "Console.Write");
            Sink(m, "System.Console", "WriteLine", "Argument[*]", "Console.WriteLine");
            foreach (var writer in new[] { "Write", "WriteLine", "WriteAsync", "WriteLineAsync" })
            {
                m.Add(new ConsoleWriterSinkEntry(writer));
            }

            // ---- Sinks: ASP.NET Core minimal APIs ----
            const string Http = "Microsoft.AspNetCore.Http.";
            foreach (var results in new[] { "Results", "TypedResults" })
            {
                foreach (var member in new[] { "Ok", "Content", "Json", "Text", "Created", "CreatedAtRoute", "Accepted", "AcceptedAtRoute", "Stream", "ServerSentEvents", "Bytes", "File", "BadRequest", "NotFound", "Conflict", "UnprocessableEntity", "Problem", "ValidationProblem" })
                {
                    Sink(m, Http + results, member, "Argument[*]", results + "." + member);
                }
            }

            Sink(m, Http + "HttpResponseWritingExtensions", "WriteAsync", "Argument[1]", "HttpResponse.WriteAsync");
            Sink(m, Http + "HttpResponseJsonExtensions", "WriteAsJsonAsync", "Argument[1]", "HttpResponse.WriteAsJsonAsync");
            foreach (var map in new[] { "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback" })
            {
                Sink(m, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions", map, "Argument[*].ReturnValue", "route handler (" + map + ")");
            }

            // ---- Sinks: MVC ----
            const string Mvc = "Microsoft.AspNetCore.Mvc.";
            foreach (var member in new[] { "Ok", "Content", "Created", "CreatedAtAction", "CreatedAtRoute", "Accepted", "AcceptedAtAction", "AcceptedAtRoute", "BadRequest", "NotFound", "Conflict", "UnprocessableEntity", "Problem", "File" })
            {
                Sink(m, Mvc + "ControllerBase", member, "Argument[*]", "ControllerBase." + member);
            }

            foreach (var member in new[] { "Json", "View", "PartialView" })
            {
                Sink(m, Mvc + "Controller", member, "Argument[*]", "Controller." + member);
            }

            // ---- Sinks: SignalR ----
            Sink(m, "Microsoft.AspNetCore.SignalR.ClientProxyExtensions", "SendAsync", "Argument[2..]", "IClientProxy.SendAsync");
            Sink(m, "Microsoft.AspNetCore.SignalR.IClientProxy", "SendCoreAsync", "Argument[1..]", "IClientProxy.SendCoreAsync");

            // ---- Sinks: Blazor / Razor components (see RazorSinks; AddAttribute on a component is recognized in code) ----
            const string Components = "Microsoft.AspNetCore.Components.";
            Sink(m, Components + "Rendering.RenderTreeBuilder", "AddContent", "Argument[1..]", RazorSinks.AddContent); // the value, or a template and its value
            Sink(m, Components + "Rendering.RenderTreeBuilder", "AddMarkupContent", "Argument[1]", RazorSinks.AddMarkupContent);
            Sink(m, Components + "Rendering.RenderTreeBuilder", "AddComponentParameter", "Argument[2]", RazorSinks.ComponentParameter);
            Sink(m, Components + "MarkupString", ".ctor", "Argument[0]", RazorSinks.MarkupString);
            Sink(m, Components + "MarkupString", "op_Explicit", "Argument[0]", RazorSinks.MarkupString);
            Neutral(m, Components + "EventCallback");
            Neutral(m, Components + "EventCallback`1");

            // ---- Projections (content reaches the result only through the selector) ----
            foreach (var linq in new[] { "System.Linq.Enumerable", "System.Linq.Queryable", "System.Linq.AsyncEnumerable", "System.Linq.ParallelEnumerable" })
            {
                m.Add(new ModelEntry(ModelKind.Projection, linq, "Select"));
                m.Add(new ModelEntry(ModelKind.Projection, linq, "SelectMany"));
            }

            m.Add(new ModelEntry(ModelKind.Projection, "System.Collections.Generic.List`1", "ConvertAll"));
            m.Add(new ModelEntry(ModelKind.Projection, "System.Array", "ConvertAll"));

            // ---- Neutral framework types that look like they could carry text ----
            Neutral(m, "System.Threading.CancellationToken");
            Neutral(m, "System.Type");
            Neutral(m, "System.Text.Encoding");
            return m;
        }

        private static void Source(List<ModelEntry> m, string type, string member, string description) =>
            m.Add(new ModelEntry(ModelKind.Source, type, member, "ReturnValue", description));

        private static void Sink(List<ModelEntry> m, string type, string member, string access, string description) =>
            m.Add(new ModelEntry(ModelKind.Sink, type, member, access, description));

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

    /// <summary>An SDK assembly AiCompliance models: its assembly name and the namespace prefix of its source rows.</summary>
    internal sealed class SdkAssembly
    {
        public SdkAssembly(string assemblyName, string sourceNamespace)
        {
            AssemblyName = assemblyName;
            SourceNamespace = sourceNamespace;
        }

        public string AssemblyName { get; }

        public string SourceNamespace { get; }
    }

    /// <summary>
    /// The Blazor / Razor component sinks. They are the only sinks reported in Razor-generated code (the
    /// <c>.razor.g.cs</c> output of the Razor compiler), where each report lands on the mapped <c>.razor</c> line.
    /// </summary>
    /// <remarks>
    /// A value handed to a child component's parameter (<c>AddComponentParameter</c>, or <c>AddAttribute</c> right
    /// after <c>OpenComponent</c> in older output) counts as shown: the child renders its parameters, and following
    /// it into the child would need points-to analysis. <c>MarkupString</c> (its constructor and the explicit
    /// conversion) is a sink of its own: it only exists to put raw HTML on a page, and what it produces is not
    /// followed further, so <c>@((MarkupString)ai)</c> is reported once.
    /// </remarks>
    internal static class RazorSinks
    {
        public const string AddContent = "RenderTreeBuilder.AddContent";
        public const string AddMarkupContent = "RenderTreeBuilder.AddMarkupContent";
        public const string MarkupString = "MarkupString";
        public const string ComponentParameter = "component parameter";

        public static bool IsRazorSink(string sink) =>
            sink == AddContent || sink == AddMarkupContent || sink == MarkupString ||
            sink.StartsWith(ComponentParameter, System.StringComparison.Ordinal);
    }

    /// <summary>A TextWriter write that is a sink only when the writer is <c>Console.Out</c> or <c>Console.Error</c>.</summary>
    internal sealed class ConsoleWriterSinkEntry : ModelEntry
    {
        public ConsoleWriterSinkEntry(string member)
            : base(ModelKind.Sink, "System.IO.TextWriter", member, "Argument[*]", "Console.Out." + member)
        {
        }
    }
}
