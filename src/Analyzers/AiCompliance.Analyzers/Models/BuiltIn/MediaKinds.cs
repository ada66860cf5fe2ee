using System;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>What a media source produces: an image or audio (for the code fix's choice of labeler).</summary>
    internal enum MediaKind
    {
        /// <summary>Not a media source (text, or a chat answer that may hold either).</summary>
        None,

        Image,

        Audio,
    }

    /// <summary>
    /// The media source rows (<c>MicrosoftExtensionsAiMedia</c>, <c>OpenAiMedia</c>, <c>SemanticKernelMedia</c>) by the
    /// description findings name them with: which kind of file they make. A translation of speech is text.
    /// </summary>
    internal static class MediaKinds
    {
        private static readonly string[] ImagePrefixes = { "IImageGenerator.", "ImageClient.", "ITextToImageService." };

        private static readonly string[] AudioPrefixes = { "ITextToSpeechClient.", "AudioClient.GenerateSpeech", "ITextToAudioService." };

        public static MediaKind Of(string sourceDescription)
        {
            foreach (var prefix in ImagePrefixes)
            {
                if (sourceDescription.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return MediaKind.Image;
                }
            }

            foreach (var prefix in AudioPrefixes)
            {
                if (sourceDescription.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return MediaKind.Audio;
                }
            }

            return MediaKind.None;
        }

        /// <summary>Whether the source answers its file as text (Semantic Kernel's <c>GenerateImageAsync</c>: a URL or base64): a text label would break it.</summary>
        public static bool AnswersMediaAsText(string sourceDescription) =>
            sourceDescription.StartsWith("ITextToImageService.GenerateImageAsync", StringComparison.Ordinal);
    }
}
