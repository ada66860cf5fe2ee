namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>Sinks: SignalR client proxies, weakly and strongly typed.</summary>
        private static void SignalRSinks(System.Collections.Generic.List<ModelEntry> m)
        {
            Sink(m, "Microsoft.AspNetCore.SignalR.ClientProxyExtensions", "SendAsync", "Argument[2..]", "IClientProxy.SendAsync");
            Sink(m, "Microsoft.AspNetCore.SignalR.IClientProxy", "SendCoreAsync", "Argument[1..]", "IClientProxy.SendCoreAsync");
            Sink(m, ModelEntry.AnyType, "*", "Argument[*]", "hub client '" + SinkRow.MemberPlaceholder + "'", HubClientReceiver.Instance);
        }
    }
}
