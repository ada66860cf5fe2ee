using System.Linq;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// An HTTP-triggered Azure Function: a method marked <c>[Function]</c> (isolated worker) or <c>[FunctionName]</c>
    /// (in-process) with an <c>[HttpTrigger]</c> parameter; what it returns (an <c>IActionResult</c>, an
    /// <c>HttpResponseData</c>, a string) is the HTTP response, or only its <c>[HttpResult]</c> property when it returns
    /// an object of several outputs. Other triggers' return values go to output bindings.
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

        /// <summary>
        /// An isolated worker's multi-output type: the property marked <c>[HttpResult]</c> is the HTTP response; the others
        /// go to output bindings (a queue, a blob), which are not the user's.
        /// </summary>
        public override ISymbol? ReturnedMember(IMethodSymbol method)
        {
            var type = method.ReturnType as INamedTypeSymbol;
            if (type is { IsGenericType: true, TypeArguments.Length: 1 } && type.Name is "Task" or "ValueTask" &&
                type.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks")
            {
                type = type.TypeArguments[0] as INamedTypeSymbol;
            }

            for (var t = type; t is not null && t.SpecialType == SpecialType.None; t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    if (member is IPropertySymbol && HasAzureAttribute(member, "HttpResultAttribute"))
                    {
                        return member;
                    }
                }
            }

            return null;
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
