using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// Any <c>Stream</c> method called on <c>HttpResponse.Body</c>, or any method of the <c>PipeWriter</c>
    /// <c>HttpResponse.BodyWriter</c> (<c>WriteAsync(bytes)</c>): what it writes reaches the client.
    /// </summary>
    internal sealed class ResponseBodyReceiver : SinkCondition
    {
        public static ResponseBodyReceiver Instance { get; } = new ResponseBodyReceiver();

        public override string Name => "a Stream method called on HttpResponse.Body, or a method of HttpResponse.BodyWriter";

        public override bool Holds(CallSite site) =>
            site.MemberRead(site.Invocation.Instance) is IPropertySymbol { Name: "Body" or "BodyWriter" } property &&
            FlowModel.IsOrDerives(property.ContainingType, site.Model.HttpResponse) &&
            (property.Name == "BodyWriter" || FlowModel.IsOrDerives(site.Method.ContainingType, site.Model.Stream));

        public override string Describe(CallSite site, string description) =>
            site.MemberRead(site.Invocation.Instance) is IPropertySymbol { Name: "BodyWriter" }
                ? description.Replace("HttpResponse.Body.", "HttpResponse.BodyWriter.")
                : description;
    }
}
