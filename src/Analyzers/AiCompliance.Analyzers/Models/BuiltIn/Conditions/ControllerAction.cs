using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>A public action of an MVC / API controller: what its body returns reaches the user.</summary>
    internal sealed class ControllerAction : SinkCondition
    {
        public static ControllerAction Instance { get; } = new ControllerAction();

        public override string Name => "a public instance method of a ControllerBase or [Controller] type, not [NonAction]";

        public override bool HoldsForBody(IMethodSymbol method, FlowModel model)
        {
            if (model.ControllerBase is null || method.MethodKind != MethodKind.Ordinary || method.IsStatic ||
                method.DeclaredAccessibility != Accessibility.Public || method.ContainingType is not { IsAbstract: false } type)
            {
                return false;
            }

            // The type first: most types are not controllers, and a method's attributes are bound on first request.
            return (FlowModel.IsOrDerives(type, model.ControllerBase) || FlowModel.HasAttribute(type, model.ControllerAttribute)) &&
                   !FlowModel.HasAttribute(method, model.NonActionAttribute);
        }
    }
}
