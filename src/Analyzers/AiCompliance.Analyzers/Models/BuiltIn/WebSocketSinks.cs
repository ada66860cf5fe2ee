namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>Sinks: a raw WebSocket's messages (chat UIs that stream answers without SignalR).</summary>
        private static void WebSocketSinks(System.Collections.Generic.List<ModelEntry> m)
        {
            Sink(m, "System.Net.WebSockets.WebSocket", "SendAsync", "Argument[0]", "WebSocket.SendAsync");
        }
    }
}
