namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// OpenAI Realtime (speech-to-speech sessions): the updates of <c>ReceiveUpdatesAsync</c> that carry the model's text
        /// or the transcript of its spoken answer. Updates with the transcript of what the user said, session and buffer
        /// events, and tool-call arguments are not model text. Two shapes: OpenAI 2.15 (<c>RealtimeSessionClient</c>,
        /// <c>RealtimeServerUpdate…</c>) and the 2.2–2.8 betas that Azure.AI.OpenAI 2.x betas bring (<c>RealtimeSession</c>,
        /// <c>OutputDeltaUpdate</c>, keyed on their public names).
        /// </summary>
        private static void OpenAiRealtime(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Rt = "OpenAI.Realtime.";
            Source(m, Rt + "RealtimeSessionClient", "ReceiveUpdatesAsync", "RealtimeSessionClient.ReceiveUpdatesAsync");
            Content(m, Rt + "RealtimeServerUpdate", "ToString");
            Content(m, Rt + "RealtimeServerUpdateResponseOutputTextDelta", "Delta");
            Content(m, Rt + "RealtimeServerUpdateResponseOutputTextDone", "Text");
            Content(m, Rt + "RealtimeServerUpdateResponseOutputAudioTranscriptDelta", "Delta");
            Content(m, Rt + "RealtimeServerUpdateResponseOutputAudioTranscriptDone", "Transcript");
            // Items (a finished response's output, a finished conversation item): only the text and transcript of the model's
            // message parts; the user's input parts, tool calls (FunctionName, arguments), status and usage are not content
            // (read in the OpenAI examples: Response.Status, FunctionName, the user's input text).
            Content(m, Rt + "RealtimeServerUpdateResponseDone", "Response");
            Content(m, Rt + "RealtimeResponse", "OutputItems");
            Content(m, Rt + "RealtimeServerUpdateConversationItemDone", "Item");
            Content(m, Rt + "RealtimeServerUpdateConversationItemAdded", "Item");
            Content(m, Rt + "RealtimeItem", "ToString");
            Content(m, Rt + "RealtimeMessageItem", "Content");
            Content(m, Rt + "RealtimeMessageContentPart", "ToString");
            Content(m, Rt + "RealtimeOutputTextMessageContentPart", "Text");
            Content(m, Rt + "RealtimeOutputAudioMessageContentPart", "Transcript");

            // 2.2–2.8 betas.
            Source(m, Rt + "RealtimeSession", "ReceiveUpdatesAsync", "RealtimeSession.ReceiveUpdatesAsync");
            Source(m, Rt + "RealtimeSession", "ReceiveUpdates", "RealtimeSession.ReceiveUpdates");
            Content(m, Rt + "RealtimeUpdate", "ToString");
            Content(m, Rt + "OutputDeltaUpdate", "Text", "AudioTranscript");
            Content(m, Rt + "OutputTextFinishedUpdate", "Text");
            Content(m, Rt + "OutputAudioTranscriptionFinishedUpdate", "Transcript");
            Content(m, Rt + "OutputStreamingFinishedUpdate", "MessageContentParts");
        }
    }
}
