using System.Linq;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// An HTTP-triggered Azure Function: a method marked <c>[Function]</c> (isolated worker) or <c>[FunctionName]</c>
    /// (in-process) with an <c>[HttpTrigger]</c> parameter; what it returns (an <c>IActionResult</c>, an
    /// <c>HttpResponseData</c>, a string) is the HTTP response. Other triggers' return values go to output bindings.
    /// </summary>
    internal sealed class HttpTriggeredFunction : SinkCondition
    {
        public static HttpTriggeredFunction Instance { get; } = new HttpTriggeredFunction();

        public override string Name => "a [Function] / [FunctionName] method with an [HttpTrigger] parameter";

        public override bool HoldsForBody(IMethodSymbol method, FlowModel model)
        {
            return method.MethodKind == MethodKind.Ordinary &&
                   method.Parameters.Any(p => HasAzureAttribute(p, "HttpTriggerAttribute")) &&
                   (HasAzureAttribute(method, "FunctionAttribute") || HasAzureAttribute(method, "FunctionNameAttribute"));
        }

        private static bool HasAzureAttribute(ISymbol symbol, string name)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass is { } type && type.Name == name &&
                    type.ContainingNamespace?.ToDisplayString() is { } ns && ns.StartsWith("Microsoft.Azure.", System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
