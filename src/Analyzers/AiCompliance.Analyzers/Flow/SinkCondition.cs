using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// The predicate of a built-in row that holds only for some calls of its member, where a name is not enough (the
    /// rows are in <c>Models/BuiltIn</c>, the predicates in <c>Models/BuiltIn/Conditions</c>). An argument sink asks
    /// <see cref="Holds(CallSite)"/> at each call; a <c>ReturnValue</c> sink (what a method's body returns reaches
    /// the user) asks <see cref="HoldsForBody"/> of the method analyzed. Stateless: one instance serves every compilation.
    /// </summary>
    internal abstract class SinkCondition
    {
        /// <summary>How the row prints (tests, docs): "receiver is Console.Out or Console.Error".</summary>
        public abstract string Name { get; }

        /// <summary>Whether the row applies to this call.</summary>
        public virtual bool Holds(CallSite site) => false;

        /// <summary>Whether the row applies to the body of <paramref name="method"/> (rows with access <c>ReturnValue</c>).</summary>
        public virtual bool HoldsForBody(IMethodSymbol method, FlowModel model) => false;

        /// <summary>
        /// For a body the row holds for: the member of the returned object that alone reaches the user (an Azure Functions
        /// <c>[HttpResult]</c> property beside output bindings), or null when the whole returned value does.
        /// </summary>
        public virtual ISymbol? ReturnedMember(IMethodSymbol method) => null;

        /// <summary>How a finding names the sink at this call; by default the row's description.</summary>
        public virtual string Describe(CallSite site, string description) => description;

        public override string ToString() => Name;
    }
}
