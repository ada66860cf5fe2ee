using AiCompliance.Internal;

namespace AiCompliance.Generators
{
    /// <summary>
    /// The media members of a service class: <c>LabelImage</c> and <c>LabelAudio</c> over the byte containers the
    /// compilation has, forwarding to the dependency-free labelers of <see cref="MediaSources"/> with the service's
    /// implicit label.
    /// </summary>
    internal static partial class Emitter
    {
        private const string Media = "global::AiCompliance.Generated.";

        /// <param name="w">The writer.</param>
        /// <param name="caps">What the compilation has.</param>
        /// <param name="labeler">The <c>[AiContentLabeler]</c> attribute line, when the compilation has the attribute.</param>
        /// <param name="latentSystemVersion">
        /// Null: no California SB 942 latent disclosure. Otherwise the profile asks for it, with this system version
        /// (empty: none written).
        /// </param>
        private static void EmitMediaLabeling(CodeWriter w, CompilationCapabilities caps, string? labeler, string? latentSystemVersion)
        {
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Writes the implicit label into an image's metadata: PNG, JPEG or WebP, as XMP (<c>TC260:AIGC</c> with the");
            w.Line("/// GB 45438-2025 Annex E record, IPTC <c>DigitalSourceType</c> = <c>trainedAlgorithmicMedia</c>), and for PNG a");
            w.Line("/// text chunk <c>AIGC</c>. The image stays valid and otherwise byte-identical; an image that already carries an");
            w.Line("/// AIGC record is returned unchanged. The visible label (text near or on the image) is still the app's to show.");
            w.Line("/// </summary>");
            w.Line("/// <param name=\"image\">The image file's bytes (not changed).</param>");
            w.Line("/// <param name=\"contentId\">This provider's unique id for the image (<c>ProduceID</c>).</param>");
            w.Line("/// <returns>A new array: the labeled image.</returns>");
            w.Line("/// <exception cref=\"global::System.FormatException\">The bytes are not a PNG, JPEG or WebP image the labeler can label without breaking it.</exception>");
            Labeler(w, labeler);
            w.Line("public static byte[] LabelImage(byte[] image, string contentId) => " + Media + "AigcImage.Label(image, MediaLabel(contentId));");
            EmitContainerOverloads(w, caps, labeler, "LabelImage", "image");
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Labels an audio file: WAV (a <c>LIST/INFO</c> <c>AIGC</c> entry and XMP in a <c>_PMX</c> chunk) or MP3 (ID3v2");
            w.Line("/// <c>TXXX:AIGC</c> and XMP), and for WAV with PCM or float samples, when asked, an audible rhythm prompt (three");
            w.Line("/// short beeps) before the content, as the Labeling Measures allow for audio. A file that already carries an AIGC");
            w.Line("/// record is returned unchanged.");
            w.Line("/// </summary>");
            w.Line("/// <param name=\"audio\">The audio file's bytes (not changed).</param>");
            w.Line("/// <param name=\"contentId\">This provider's unique id for the audio (<c>ProduceID</c>).</param>");
            w.Line("/// <param name=\"rhythmPrompt\">WAV only: put the rhythm prompt at the start (an MP3 with it is an error).</param>");
            w.Line("/// <returns>A new array: the labeled audio.</returns>");
            w.Line("/// <exception cref=\"global::System.FormatException\">The bytes are not a WAV or MP3 file the labeler can label without breaking it.</exception>");
            Labeler(w, labeler);
            w.Line("public static byte[] LabelAudio(byte[] audio, string contentId, bool rhythmPrompt) => " + Media + "AigcAudio.Label(audio, MediaLabel(contentId), rhythmPrompt);");
            EmitContainerOverloads(w, caps, labeler, "LabelAudio", "audio");
            w.Line();
            EmitMediaLabel(w, latentSystemVersion);
        }

        /// <summary>
        /// <c>MediaLabel(contentId)</c>: the Annex E record and the IPTC source type, and under the California profile the
        /// SB 942 latent disclosure (provider, system name and version, creation time at labeling, the content id).
        /// </summary>
        private static void EmitMediaLabel(CodeWriter w, string? latentSystemVersion)
        {
            if (latentSystemVersion is null)
            {
                w.Line("/// <summary>The implicit label of one image or audio file of this service (the Annex E record, the IPTC source type).</summary>");
                w.Line("/// <param name=\"contentId\">This provider's unique id for the content (<c>ProduceID</c>).</param>");
                w.Line("/// <returns>A new label, for the media labelers.</returns>");
                w.Line("internal static " + Media + "AigcMediaLabel MediaLabel(string contentId)");
                w.Open();
                w.Line("return new " + Media + "AigcMediaLabel { AigcJson = ImplicitLabelValue(contentId) };");
                w.Close();
                return;
            }

            w.Line("/// <summary>");
            w.Line("/// The implicit label of one image or audio file of this service: the Annex E record, the IPTC source type and");
            w.Line("/// the California SB 942 latent disclosure (provider, system name and version, creation time, unique id).");
            w.Line("/// </summary>");
            w.Line("/// <param name=\"contentId\">This provider's unique id for the content (<c>ProduceID</c>, the disclosure's unique id).</param>");
            w.Line("/// <returns>A new label, for the media labelers; its creation time is now (UTC).</returns>");
            w.Line("internal static " + Media + "AigcMediaLabel MediaLabel(string contentId)");
            w.Open();
            w.Line("return new " + Media + "AigcMediaLabel");
            w.Open();
            w.Line("AigcJson = ImplicitLabelValue(contentId),");
            w.Line("WriteLatentDisclosure = true,");
            w.Line("Provider = ContentProducer,");
            w.Line("SystemName = ServiceName,");
            if (latentSystemVersion.Length > 0)
            {
                w.Line("SystemVersion = " + CSharpLiteral.Quote(latentSystemVersion) + ",");
            }

            w.Line("CreatedUtc = global::System.DateTime.UtcNow.ToString(\"yyyy-MM-dd'T'HH:mm:ss'Z'\", global::System.Globalization.CultureInfo.InvariantCulture),");
            w.Line("ContentId = contentId,");
            w.Close(";");
            w.Close();
        }

        /// <summary>The same labeler over <c>ReadOnlyMemory&lt;byte&gt;</c> and <c>BinaryData</c>, where the compilation has them.</summary>
        private static void EmitContainerOverloads(CodeWriter w, CompilationCapabilities caps, string? labeler, string name, string parameter)
        {
            var audio = name == "LabelAudio";
            var tail = audio ? ", bool rhythmPrompt" : string.Empty;
            var pass = audio ? ", rhythmPrompt" : string.Empty;
            if (caps.HasReadOnlyMemory)
            {
                w.Line();
                w.Line("/// <summary>Like <see cref=\"" + name + "(byte[], string" + (audio ? ", bool" : string.Empty) + ")\"/>, over memory (copied; the input is not changed).</summary>");
                Labeler(w, labeler);
                w.Line("public static global::System.ReadOnlyMemory<byte> " + name + "(global::System.ReadOnlyMemory<byte> " + parameter + ", string contentId" + tail + ") => " + name + "(" + parameter + ".ToArray(), contentId" + pass + ");");
            }

            if (caps.HasBinaryData)
            {
                w.Line();
                w.Line("/// <summary>Like <see cref=\"" + name + "(byte[], string" + (audio ? ", bool" : string.Empty) + ")\"/>, over <see cref=\"global::System.BinaryData\"/> (its media type kept where the type has one).</summary>");
                Labeler(w, labeler);
                w.Line("public static global::System.BinaryData " + name + "(global::System.BinaryData " + parameter + ", string contentId" + tail + ")");
                w.Open();
                w.Line("if (" + parameter + " == null) throw new global::System.ArgumentNullException(\"" + parameter + "\");");
                w.Line("return new global::System.BinaryData(" + name + "(" + parameter + ".ToArray(), contentId" + pass + ")" + (caps.BinaryDataHasMediaType ? ", " + parameter + ".MediaType" : string.Empty) + ");");
                w.Close();
            }
        }

        /// <summary>
        /// <c>LabelImage</c> / <c>LabelAudio</c> over Microsoft.Extensions.AI's <c>DataContent</c> (images in chat answers,
        /// image generators' and speech clients' results), where the compilation has it: emitted after the chat client,
        /// with the other Microsoft.Extensions.AI members.
        /// </summary>
        private static void EmitDataContentOverloads(CodeWriter w, CompilationCapabilities caps, string? labeler)
        {
            if (!caps.HasDataContent)
            {
                return;
            }

            foreach (var (name, parameter) in new[] { ("LabelImage", "image"), ("LabelAudio", "audio") })
            {
                var audio = name == "LabelAudio";
                var tail = audio ? ", bool rhythmPrompt" : string.Empty;
                var pass = audio ? ", rhythmPrompt" : string.Empty;
                w.Line();
                w.Line("/// <summary>Like <see cref=\"" + name + "(byte[], string" + (audio ? ", bool" : string.Empty) + ")\"/>, over a chat message's data (its media type and name kept).</summary>");
                Labeler(w, labeler);
                w.Line("public static " + Ai + "DataContent " + name + "(" + Ai + "DataContent " + parameter + ", string contentId" + tail + ")");
                w.Open();
                w.Line("if (" + parameter + " == null) throw new global::System.ArgumentNullException(\"" + parameter + "\");");
                w.Line("return new " + Ai + "DataContent(" + name + "(" + parameter + ".Data.ToArray(), contentId" + pass + "), " + parameter + ".MediaType)" + (caps.DataContentHasName ? " { Name = " + parameter + ".Name }" : string.Empty) + ";");
                w.Close();
            }
        }

        private static void Labeler(CodeWriter w, string? labeler)
        {
            if (labeler is not null)
            {
                w.Line(labeler);
            }
        }
    }
}
