namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Semantic Kernel images and audio: <c>ITextToImageService</c> (<c>GenerateImageAsync</c> answers a URL or base64
        /// text; <c>GetImageContentsAsync</c> image contents) and <c>ITextToAudioService</c> (audio contents). Of an image or
        /// audio content the file carries content (<c>Data</c>, <c>DataUri</c>, <c>Uri</c>): the MIME type, model id and
        /// metadata of any content do not. Audio-to-text is not a source (the user's own words).
        /// </summary>
        private static void SemanticKernelMedia(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Sk = "Microsoft.SemanticKernel.";
            Source(m, Sk + "TextToImage.ITextToImageService", "GetImageContentsAsync", "ITextToImageService.GetImageContentsAsync");
            Source(m, Sk + "TextToImage.TextToImageServiceExtensions", "GenerateImageAsync", "ITextToImageService.GenerateImageAsync");
            Source(m, Sk + "TextToAudio.ITextToAudioService", "GetAudioContentsAsync", "ITextToAudioService.GetAudioContentsAsync");
            Source(m, Sk + "TextToAudio.TextToAudioServiceExtensions", "GetAudioContentAsync", "ITextToAudioService.GetAudioContentAsync");
            // Every content's MIME type, model id and metadata (usage, ids) are not the model's output.
            Neutral(m, Sk + "KernelContent", "MimeType");
            Neutral(m, Sk + "KernelContent", "ModelId");
            Neutral(m, Sk + "KernelContent", "Metadata");
        }
    }
}
