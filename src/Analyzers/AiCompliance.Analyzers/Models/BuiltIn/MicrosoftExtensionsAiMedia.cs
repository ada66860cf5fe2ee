namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Microsoft.Extensions.AI images and audio: image generators (<c>IImageGenerator.GenerateAsync</c>, the
        /// <c>GenerateImagesAsync</c> / <c>EditImage(s)Async</c> helpers) and text-to-speech clients, whose responses hold the
        /// generated files as <c>DataContent</c> (bytes) or <c>UriContent</c> (a link the service made); a response's usage is
        /// not content (<c>UsageDetails</c>), its raw representation is (the service's payload). Of a data or URI item
        /// only the file and its address carry content: its media type and name are metadata (an image in a chat answer is a
        /// <c>DataContent</c> of the message's <c>Contents</c>, followed by the chat rows). Speech-to-text is not a source: a
        /// transcription is the user's own words.
        /// </summary>
        private static void MicrosoftExtensionsAiMedia(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Meai = "Microsoft.Extensions.AI.";
            Source(m, Meai + "IImageGenerator", "GenerateAsync", "IImageGenerator.GenerateAsync");
            Source(m, Meai + "ImageGeneratorExtensions", "GenerateImagesAsync", "IImageGenerator.GenerateImagesAsync");
            Source(m, Meai + "ImageGeneratorExtensions", "EditImageAsync", "IImageGenerator.EditImageAsync");
            Source(m, Meai + "ImageGeneratorExtensions", "EditImagesAsync", "IImageGenerator.EditImagesAsync");

            Source(m, Meai + "ITextToSpeechClient", "GetAudioAsync", "ITextToSpeechClient.GetAudioAsync");
            Source(m, Meai + "ITextToSpeechClient", "GetStreamingAudioAsync", "ITextToSpeechClient.GetStreamingAudioAsync");
            Content(m, Meai + "TextToSpeechResponse", "Contents", "ToTextToSpeechResponseUpdates");
            Content(m, Meai + "TextToSpeechResponseUpdate", "Contents");

            Content(m, Meai + "DataContent", "Data", "Base64Data", "Uri");
            Content(m, Meai + "UriContent", "Uri");
        }
    }
}
