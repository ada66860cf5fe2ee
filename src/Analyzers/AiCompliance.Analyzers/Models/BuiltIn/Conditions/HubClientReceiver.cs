using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// A strongly typed SignalR client: a method of the client interface called on what <c>IHubClients&lt;T&gt;</c> or
    /// <c>IHubCallerClients&lt;T&gt;</c> hands out (<c>Clients.All.ReceiveMessage(text)</c>).
    /// </summary>
    internal sealed class HubClientReceiver : SinkCondition
    {
        public static HubClientReceiver Instance { get; } = new HubClientReceiver();

        public override string Name => "an interface method called on a member of IHubClients<T> or IHubCallerClients<T>";

        public override bool Holds(CallSite site)
        {
            if (site.Method.ContainingType?.TypeKind != TypeKind.Interface || site.Invocation.Instance is null)
            {
                return false;
            }

            var owner = site.MemberRead(site.Invocation.Instance)?.ContainingType?.OriginalDefinition;
            return owner is not null &&
                   (SymbolEqualityComparer.Default.Equals(owner, site.Model.HubClients) || SymbolEqualityComparer.Default.Equals(owner, site.Model.HubCallerClients));
        }
    }
}
