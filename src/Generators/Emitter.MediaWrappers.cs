using System.Linq;
using AiCompliance.Internal;

namespace AiCompliance.Generators
{
    /// <summary>
    /// The media labeling wrappers of a service, in a second file of the service's partial class: the nested
    /// <c>LabeledImageGenerator</c> (a <c>DelegatingImageGenerator</c>) and <c>LabeledTextToSpeechClient</c> (a
    /// <c>DelegatingTextToSpeechClient</c>) with their <c>WithLabels</c> factories and <c>Use…Labels()</c> builder
    /// extensions, and the media step of the labeling chat client (<c>WithMediaLabels</c>, which the chat client's
    /// constructor puts under itself so images and audio in chat answers are labeled too). Each part is emitted only
    /// when the compilation has its types; the image and speech types are experimental (MEAI001) in
    /// Microsoft.Extensions.AI 10 and 11, so their part suppresses that diagnostic.
    /// </summary>
    internal static partial class Emitter
    {
        /// <summary>The diagnostic Microsoft.Extensions.AI reports for its experimental image and speech types.</summary>
        private const string ExperimentalAi = "MEAI001";

        private const string AiList = "global::System.Collections.Generic.IList<" + Ai + "AIContent>";

        /// <summary>The hint name of the wrappers' file: the service's, with a suffix no service hint name has (they never contain '-').</summary>
        public static string MediaWrappersHintName(ServiceSpec spec) =>
            spec.HintName.Substring(0, spec.HintName.Length - ".g.cs".Length) + "-MediaWrappers.g.cs";

        /// <summary>What the wrappers' file reads of a service: its names and accessibility, the label fields cleared.</summary>
        public static ServiceSpec MediaWrappersModel(ServiceSpec spec) =>
            spec with { RegistrationNumber = null, ServiceName = null, Provider = null, LabelText = null, LabelPosition = 0, Jurisdiction = 0 };

        /// <summary>The wrappers' file of one service, or null when the compilation has none of their types.</summary>
        public static string? EmitMediaWrappers(ServiceSpec spec, CompilationCapabilities caps)
        {
            var modern = caps.SupportsModernCSharp;
            var chat = modern && caps.HasChatClient && caps.HasAsyncEnumerable;
            var images = modern && caps.HasDataContent && caps.HasImageGenerator;
            var speech = modern && caps.HasDataContent && caps.HasTextToSpeechClient && caps.HasAsyncEnumerable;
            if (!chat && !images && !speech)
            {
                return null;
            }

            var generatedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"" + GeneratorName + "\", \"" + GeneratorVersion + "\")]";
            var w = new CodeWriter();
            EmitTypeOpening(w, spec, modern);
            if (images || speech)
            {
                w.Line("#pragma warning disable " + ExperimentalAi + " // the image and speech types of Microsoft.Extensions.AI are experimental");
                w.Line();
            }

            var first = true;
            if (caps.HasDataContent && (chat || images || speech))
            {
                EmitMediaContentLabeling(w, caps);
                first = false;
            }

            if (chat)
            {
                Separate(w, ref first);
                EmitChatMediaStep(w, caps, generatedCode);
            }

            if (images)
            {
                Separate(w, ref first);
                EmitImageGenerator(w, generatedCode);
            }

            if (speech)
            {
                Separate(w, ref first);
                EmitTextToSpeechClient(w, generatedCode);
            }

            w.Close();
            for (var i = 0; i < spec.ContainingTypes.Length; i++)
            {
                w.Close();
            }

            var builders = (images && caps.HasImageGeneratorBuilder) || (speech && caps.HasTextToSpeechClientBuilder);
            if (builders)
            {
                w.Line();
                EmitMediaBuilderExtensions(w, spec, caps, images, speech, chat, generatedCode);
            }

            if (spec.Namespace is not null)
            {
                w.Close();
            }

            return w.ToString();
        }

        private static void Separate(CodeWriter w, ref bool first)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
        }

        /// <summary>
        /// <c>LabelMediaContents</c> and <c>LabelMediaContent</c>: every PNG / JPEG / WebP image and WAV / MP3 audio among
        /// a response's contents replaced by its labeled copy (a fresh content id each), the AIGC record also put in the
        /// content's <c>AdditionalProperties</c>; other contents, URIs and files the labelers refuse pass through.
        /// </summary>
        private static void EmitMediaContentLabeling(CodeWriter w, CompilationCapabilities caps)
        {
            w.Line("/// <summary>");
            w.Line("/// Labels the images and audio among <paramref name=\"contents\"/> (see <see cref=\"LabelMediaContent\"/>): the same list,");
            w.Line("/// its items replaced, or a new list when it is read-only. <paramref name=\"streamed\"/>: the contents are chunks of a");
            w.Line("/// stream, where only MP3 audio is labeled (its ID3v2 tag goes before the stream's first frame; a WAV chunk's header");
            w.Line("/// would declare the chunk's size only).");
            w.Line("/// </summary>");
            w.Line("private static " + AiList + " LabelMediaContents(" + AiList + " contents, bool labelAudio, bool rhythmPrompt, bool streamed)");
            w.Open();
            w.Line("if (contents is null)");
            w.Open();
            w.Line("return new global::System.Collections.Generic.List<" + Ai + "AIContent>();");
            w.Close();
            w.Line();
            w.Line("for (var i = 0; i < contents.Count; i++)");
            w.Open();
            w.Line("var content = contents[i];");
            w.Line("var labeled = LabelMediaContent(content, labelAudio, rhythmPrompt, streamed);");
            w.Line("if (!object.ReferenceEquals(labeled, content))");
            w.Open();
            w.Line("if (contents.IsReadOnly)");
            w.Open();
            w.Line("contents = new global::System.Collections.Generic.List<" + Ai + "AIContent>(contents);");
            w.Close();
            w.Line();
            w.Line("contents[i] = labeled;");
            w.Close();
            w.Close();
            w.Line();
            w.Line("return contents;");
            w.Close();
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// An image (PNG, JPEG, WebP) or, when <paramref name=\"labelAudio\"/>, audio (WAV, MP3) <c>DataContent</c>: a copy");
            w.Line("/// with the implicit label in the file (a fresh content id) and the AIGC record in its <c>AdditionalProperties</c>.");
            w.Line("/// Media the labelers cannot label (other formats, a partial file, a file already labeled) gets the record in its");
            w.Line("/// <c>AdditionalProperties</c> only; anything else is returned as it is.");
            w.Line("/// </summary>");
            w.Line("private static " + Ai + "AIContent LabelMediaContent(" + Ai + "AIContent content, bool labelAudio, bool rhythmPrompt, bool streamed)");
            w.Open();
            w.Line("var data = content as " + Ai + "DataContent;");
            w.Line("if (data is null)");
            w.Open();
            w.Line("return content;");
            w.Close();
            w.Line();
            w.Line("var image = data.HasTopLevelMediaType(\"image\");");
            w.Line("var audio = !image && data.HasTopLevelMediaType(\"audio\");");
            w.Line("if (!image && !(audio && labelAudio))");
            w.Open();
            w.Line("return content;");
            w.Close();
            w.Line();
            w.Line("var bytes = data.Data.ToArray();");
            w.Line("if (image ? " + Media + "AigcImage.IsLabeled(bytes) : " + Media + "AigcAudio.IsLabeled(bytes))");
            w.Open();
            w.Line("return content; // labeled already (by an inner wrapper, or the provider)");
            w.Close();
            w.Line();
            w.Line("var contentId = global::System.Guid.NewGuid().ToString(\"N\");");
            w.Line("byte[]? labeled = null;");
            w.Line("try");
            w.Open();
            w.Line("if (image && " + Media + "AigcImage.Format(bytes) != null)");
            w.Open();
            w.Line("labeled = " + Media + "AigcImage.Label(bytes, MediaLabel(contentId));");
            w.Close();
            w.Line("else if (audio && " + Media + "AigcAudio.Format(bytes) is string format && (!streamed || format == " + Media + "AigcAudio.Mp3MediaType))");
            w.Open();
            w.Line("labeled = " + Media + "AigcAudio.Label(bytes, MediaLabel(contentId), rhythmPrompt && format == " + Media + "AigcAudio.WavMediaType);");
            w.Close();
            w.Close();
            w.Line("catch (" + Media + "AigcMediaFormatException)");
            w.Open();
            w.Line("// A file the labeler cannot label without breaking it (a streamed chunk, an unsupported variant): passed through.");
            w.Close();
            w.Line();
            w.Line("var result = data;");
            w.Line("if (labeled != null)");
            w.Open();
            w.Line("result = new " + Ai + "DataContent(labeled, data.MediaType)");
            w.Open();
            if (caps.DataContentHasName)
            {
                w.Line("Name = data.Name,");
            }

            w.Line("RawRepresentation = data.RawRepresentation,");
            w.Line("AdditionalProperties = data.AdditionalProperties is null ? null : new " + Ai + "AdditionalPropertiesDictionary(data.AdditionalProperties),");
            w.Close(";");
            w.Close();
            w.Line();
            w.Line("(result.AdditionalProperties ??= new " + Ai + "AdditionalPropertiesDictionary())[" + CSharpLiteral.Quote(ImplicitLabelKey) + "] = ImplicitLabelValue(contentId);");
            w.Line("return result;");
            w.Close();
        }

        /// <summary>
        /// <c>WithMediaLabels</c>: the step the labeling chat client's constructor puts under itself. With <c>DataContent</c>
        /// a private <c>DelegatingChatClient</c> that labels the images (and whole audio files) in answers, streamed or not;
        /// without it the inner client itself. It leaves the response's own <c>AdditionalProperties</c> alone: an AIGC entry
        /// there tells the text labeler that the text is labeled already.
        /// </summary>
        private static void EmitChatMediaStep(CodeWriter w, CompilationCapabilities caps, string generatedCode)
        {
            w.Line("/// <summary>The media step under the labeling chat client: labels the images and audio in its answers.</summary>");
            if (!caps.HasDataContent)
            {
                w.Line("private static " + Ai + "IChatClient WithMediaLabels(" + Ai + "IChatClient inner) => inner;");
                return;
            }

            w.Line("private static " + Ai + "IChatClient WithMediaLabels(" + Ai + "IChatClient inner) => new MediaLabelingChatClient(inner);");
            w.Line();
            w.Line("/// <summary>Labels the images and audio files in chat answers (the text is the labeling chat client's).</summary>");
            w.Line(generatedCode);
            w.Line("private sealed class MediaLabelingChatClient : " + Ai + "DelegatingChatClient");
            w.Open();
            w.Line("public MediaLabelingChatClient(" + Ai + "IChatClient innerClient)");
            w.Line("    : base(innerClient)");
            w.Open();
            w.Close();
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public override async global::System.Threading.Tasks.Task<" + Ai + "ChatResponse> GetResponseAsync(");
            w.Line("    global::System.Collections.Generic.IEnumerable<" + Ai + "ChatMessage> messages,");
            w.Line("    " + Ai + "ChatOptions? options = null,");
            w.Line("    global::System.Threading.CancellationToken cancellationToken = default)");
            w.Open();
            w.Line("var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);");
            w.Line("foreach (var message in response.Messages)");
            w.Open();
            w.Line("message.Contents = LabelMediaContents(message.Contents, true, false, false);");
            w.Close();
            w.Line();
            w.Line("return response;");
            w.Close();
            w.Line();
            EmitStreamingMediaLoop(w, "ChatResponseUpdate", "GetStreamingResponseAsync",
                "global::System.Collections.Generic.IEnumerable<" + Ai + "ChatMessage> messages", Ai + "ChatOptions", "messages", setUpdateRecord: false);
            w.Close();
        }

        /// <summary>
        /// A streaming override: images in every update are labeled; of audio, only the first chunk of an MP3 stream (it
        /// takes the ID3v2 tag that labels the whole stream; a tag in a later chunk would land in the middle of it). A WAV
        /// stream passes through: the labeler would rewrite the first chunk's header to that chunk's size, cutting off
        /// the rest of the samples.
        /// </summary>
        private static void EmitStreamingMediaLoop(CodeWriter w, string updateType, string method, string firstParameter, string optionsType, string firstArgument, bool setUpdateRecord)
        {
            w.Line("/// <inheritdoc />");
            w.Line("public override async global::System.Collections.Generic.IAsyncEnumerable<" + Ai + updateType + "> " + method + "(");
            w.Line("    " + firstParameter + ",");
            w.Line("    " + optionsType + "? options = null,");
            w.Line("    [global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default)");
            w.Open();
            w.Line("var audioSeen = false;");
            if (setUpdateRecord)
            {
                w.Line("var recorded = false;");
            }

            w.Line("await foreach (var update in " + AsyncExt + "ConfigureAwait(base." + method + "(" + firstArgument + ", options, cancellationToken), false))");
            w.Open();
            w.Line("var hasAudio = false;");
            w.Line("foreach (var content in update.Contents)");
            w.Open();
            w.Line("hasAudio = hasAudio || (content is " + Ai + "DataContent data && data.HasTopLevelMediaType(\"audio\"));");
            w.Close();
            w.Line();
            w.Line("update.Contents = LabelMediaContents(update.Contents, !audioSeen, false, true);");
            w.Line("audioSeen = audioSeen || hasAudio;");
            if (setUpdateRecord)
            {
                w.Line("if (!recorded && update.Contents.Count > 0)");
                w.Open();
                w.Line("recorded = true;");
                w.Line("(update.AdditionalProperties ??= new " + Ai + "AdditionalPropertiesDictionary())[" + CSharpLiteral.Quote(ImplicitLabelKey) + "] =");
                w.Line("    ImplicitLabelValue(update.ResponseId ?? global::System.Guid.NewGuid().ToString(\"N\"));");
                w.Close();
            }

            w.Line();
            w.Line("yield return update;");
            w.Close();
            w.Close();
        }

        /// <summary><c>WithLabels(IImageGenerator)</c> and the nested <c>LabeledImageGenerator</c>.</summary>
        private static void EmitImageGenerator(CodeWriter w, string generatedCode)
        {
            w.Line("/// <summary>");
            w.Line("/// Wraps <paramref name=\"inner\"/> so that every PNG, JPEG or WebP image it generates carries the implicit label in");
            w.Line("/// its metadata (a fresh content id each) and the AIGC record in its <c>AdditionalProperties</c>. Image links");
            w.Line("/// (<c>UriContent</c>) and other formats pass through: download and label those with <c>LabelImage</c>.");
            w.Line("/// </summary>");
            w.Line("/// <param name=\"inner\">The image generator to wrap.</param>");
            w.Line("/// <returns>The labeling image generator.</returns>");
            w.Line("public static LabeledImageGenerator WithLabels(" + Ai + "IImageGenerator inner) => new LabeledImageGenerator(inner);");
            w.Line();
            w.Line("/// <summary>An image generator whose images are labeled for this service.</summary>");
            w.Line(generatedCode);
            w.Line("public sealed class LabeledImageGenerator : " + Ai + "DelegatingImageGenerator");
            w.Open();
            w.Line("/// <summary>Creates the wrapper.</summary>");
            w.Line("/// <param name=\"innerGenerator\">The image generator to wrap.</param>");
            w.Line("public LabeledImageGenerator(" + Ai + "IImageGenerator innerGenerator)");
            w.Line("    : base(innerGenerator)");
            w.Open();
            w.Close();
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public override async global::System.Threading.Tasks.Task<" + Ai + "ImageGenerationResponse> GenerateAsync(");
            w.Line("    " + Ai + "ImageGenerationRequest request,");
            w.Line("    " + Ai + "ImageGenerationOptions? options = null,");
            w.Line("    global::System.Threading.CancellationToken cancellationToken = default)");
            w.Open();
            w.Line("var response = await base.GenerateAsync(request, options, cancellationToken).ConfigureAwait(false);");
            w.Line("response.Contents = LabelMediaContents(response.Contents, true, false, false);");
            w.Line("return response;");
            w.Close();
            w.Close();
        }

        /// <summary><c>WithLabels(ITextToSpeechClient)</c> and the nested <c>LabeledTextToSpeechClient</c>.</summary>
        private static void EmitTextToSpeechClient(CodeWriter w, string generatedCode)
        {
            w.Line("/// <summary>");
            w.Line("/// Wraps <paramref name=\"inner\"/> so that its speech is labeled: every WAV or MP3 file of a response carries the");
            w.Line("/// implicit label in its metadata (and, for WAV with <paramref name=\"rhythmPrompt\"/>, the audible rhythm prompt),");
            w.Line("/// and the response the AIGC record in its <c>AdditionalProperties</c>. Streamed: the first audio chunk of an MP3");
            w.Line("/// stream takes the ID3v2 tag that labels the whole stream; a streamed WAV cannot be labeled chunk by chunk and");
            w.Line("/// carries the record only in the first update's <c>AdditionalProperties</c> (label the whole file with");
            w.Line("/// <c>LabelAudio</c>, or use <c>GetAudioAsync</c>).");
            w.Line("/// </summary>");
            w.Line("/// <param name=\"inner\">The text-to-speech client to wrap.</param>");
            w.Line("/// <param name=\"rhythmPrompt\">Put the rhythm prompt (three short beeps) before WAV speech of whole responses.</param>");
            w.Line("/// <returns>The labeling text-to-speech client.</returns>");
            w.Line("public static LabeledTextToSpeechClient WithLabels(" + Ai + "ITextToSpeechClient inner, bool rhythmPrompt = false) => new LabeledTextToSpeechClient(inner, rhythmPrompt);");
            w.Line();
            w.Line("/// <summary>A text-to-speech client whose audio is labeled for this service.</summary>");
            w.Line(generatedCode);
            w.Line("public sealed class LabeledTextToSpeechClient : " + Ai + "DelegatingTextToSpeechClient");
            w.Open();
            w.Line("private readonly bool _rhythmPrompt;");
            w.Line();
            w.Line("/// <summary>Creates the wrapper.</summary>");
            w.Line("/// <param name=\"innerClient\">The text-to-speech client to wrap.</param>");
            w.Line("/// <param name=\"rhythmPrompt\">Put the rhythm prompt before WAV speech of whole responses.</param>");
            w.Line("public LabeledTextToSpeechClient(" + Ai + "ITextToSpeechClient innerClient, bool rhythmPrompt = false)");
            w.Line("    : base(innerClient)");
            w.Open();
            w.Line("_rhythmPrompt = rhythmPrompt;");
            w.Close();
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("public override async global::System.Threading.Tasks.Task<" + Ai + "TextToSpeechResponse> GetAudioAsync(");
            w.Line("    string text,");
            w.Line("    " + Ai + "TextToSpeechOptions? options = null,");
            w.Line("    global::System.Threading.CancellationToken cancellationToken = default)");
            w.Open();
            w.Line("var response = await base.GetAudioAsync(text, options, cancellationToken).ConfigureAwait(false);");
            w.Line("response.Contents = LabelMediaContents(response.Contents, true, _rhythmPrompt, false);");
            w.Line("(response.AdditionalProperties ??= new " + Ai + "AdditionalPropertiesDictionary())[" + CSharpLiteral.Quote(ImplicitLabelKey) + "] =");
            w.Line("    ImplicitLabelValue(response.ResponseId ?? global::System.Guid.NewGuid().ToString(\"N\"));");
            w.Line("return response;");
            w.Close();
            w.Line();
            EmitStreamingMediaLoop(w, "TextToSpeechResponseUpdate", "GetStreamingAudioAsync", "string text", Ai + "TextToSpeechOptions", "text", setUpdateRecord: true);
            w.Close();
        }

        /// <summary>
        /// <c>Use&lt;Svc&gt;Labels()</c> over <c>ImageGeneratorBuilder</c> and <c>TextToSpeechClientBuilder</c>, in a second
        /// declaration of the service's <c>…LabelingExtensions</c> class (its <c>GeneratedCode</c> attribute is on the first
        /// declaration when the chat extensions are emitted, here otherwise).
        /// </summary>
        private static void EmitMediaBuilderExtensions(CodeWriter w, ServiceSpec spec, CompilationCapabilities caps, bool images, bool speech, bool chat, string generatedCode)
        {
            var plainName = string.Concat(spec.ContainingTypes.Select(t => t.Name.TrimStart('@') + "_")) + spec.TypeName.TrimStart('@');
            var serviceType = "global::" + (spec.Namespace is null ? string.Empty : spec.Namespace + ".") +
                              string.Concat(spec.ContainingTypes.Select(t => t.Name + ".")) + spec.TypeName;
            var chatExtensions = chat && (caps.HasChatClientBuilder || caps.HasServiceCollection);
            if (!chatExtensions)
            {
                w.Line("/// <summary>Registration helpers for the labeling wrappers of the registered service " + plainName + ".</summary>");
                w.Line(generatedCode);
            }

            w.Line((spec.IsPublic ? "public" : "internal") + " static partial class " + plainName + "LabelingExtensions");
            w.Open();
            var first = true;
            if (images && caps.HasImageGeneratorBuilder)
            {
                EmitBuilderExtension(w, plainName, "ImageGeneratorBuilder", "image generator", serviceType + ".LabeledImageGenerator", string.Empty);
                first = false;
            }

            if (speech && caps.HasTextToSpeechClientBuilder)
            {
                Separate(w, ref first);
                EmitBuilderExtension(w, plainName, "TextToSpeechClientBuilder", "text-to-speech client", serviceType + ".LabeledTextToSpeechClient", ", bool rhythmPrompt = false");
            }

            w.Close();
        }

        private static void EmitBuilderExtension(CodeWriter w, string plainName, string builderType, string what, string wrapper, string extraParameter)
        {
            w.Line("/// <summary>Adds the labeling " + what + " to a pipeline (call it first so it is the outermost).</summary>");
            w.Line("/// <param name=\"builder\">The pipeline builder.</param>");
            if (extraParameter.Length > 0)
            {
                w.Line("/// <param name=\"rhythmPrompt\">Put the rhythm prompt before WAV speech of whole responses.</param>");
            }

            w.Line("/// <returns>The same builder.</returns>");
            w.Line("public static " + Ai + builderType + " Use" + plainName + "Labels(this " + Ai + builderType + " builder" + extraParameter + ")");
            w.Open();
            w.Line("if (builder is null)");
            w.Open();
            w.Line("throw new global::System.ArgumentNullException(nameof(builder));");
            w.Close();
            w.Line();
            w.Line("return builder.Use(inner => new " + wrapper + "(inner" + (extraParameter.Length > 0 ? ", rhythmPrompt" : string.Empty) + "));");
            w.Close();
        }
    }
}
