using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>Any <c>Stream</c> method called on <c>HttpResponse.Body</c> (or <c>BodyWriter</c>): what it writes reaches the client.</summary>
    internal sealed class ResponseBodyReceiver : SinkCondition
    {
        public static ResponseBodyReceiver Instance { get; } = new ResponseBodyReceiver();

        public override string Name => "a Stream method called on HttpResponse.Body";

        public override bool Holds(CallSite site) =>
            site.MemberRead(site.Invocation.Instance) is IPropertySymbol { Name: "Body" or "BodyWriter" } property &&
            FlowModel.IsOrDerives(property.ContainingType, site.Model.HttpResponse) &&
            FlowModel.IsOrDerives(site.Method.ContainingType, site.Model.Stream);
    }
}
