namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// OpenAI 2.x images and audio. <c>ImageClient</c>'s generations, edits and variations give a
        /// <c>GeneratedImage</c>: its bytes, the link the service made to it (an app shows it) and the prompt the model
        /// rewrote (text it wrote) are content; a collection's usage, size, quality and formats are not. <c>AudioClient</c>'s
        /// speech (<c>BinaryData</c>, or streamed audio deltas) is content, and so is a translation (English text the model
        /// wrote from the user's speech); a transcription is the user's own words, not a source.
        /// </summary>
        private static void OpenAiMedia(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Images = "OpenAI.Images.";
            foreach (var call in new[] { "GenerateImage", "GenerateImages", "GenerateImageEdit", "GenerateImageEdits", "GenerateImageVariation", "GenerateImageVariations" })
            {
                Source(m, Images + "ImageClient", call, "ImageClient." + call);
                Source(m, Images + "ImageClient", call + "Async", "ImageClient." + call + "Async");
            }

            foreach (var metadata in new[] { "ImageTokenUsage", "GeneratedImageSize", "GeneratedImageQuality", "GeneratedImageFileFormat", "GeneratedImageBackground" })
            {
                Neutral(m, Images + metadata);
            }

            const string Audio = "OpenAI.Audio.";
            Source(m, Audio + "AudioClient", "GenerateSpeech", "AudioClient.GenerateSpeech");
            Source(m, Audio + "AudioClient", "GenerateSpeechAsync", "AudioClient.GenerateSpeechAsync");
            Source(m, Audio + "AudioClient", "GenerateSpeechStreamingAsync", "AudioClient.GenerateSpeechStreamingAsync");
            Source(m, Audio + "AudioClient", "TranslateAudio", "AudioClient.TranslateAudio");
            Source(m, Audio + "AudioClient", "TranslateAudioAsync", "AudioClient.TranslateAudioAsync");
            Content(m, Audio + "AudioTranslation", "Text", "Segments");
        }
    }
}
