using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>A call checked against a conditional row (<see cref="SinkCondition"/>): what a condition may ask of the engine.</summary>
    internal readonly struct CallSite
    {
        private readonly MethodAnalysis _analysis;

        public CallSite(MethodAnalysis analysis, IInvocationOperation invocation)
        {
            _analysis = analysis;
            Invocation = invocation;
        }

        public IInvocationOperation Invocation { get; }

        public IMethodSymbol Method => Invocation.TargetMethod;

        public FlowModel Model => _analysis.Model;

        /// <summary>
        /// The property or method whose value <paramref name="operand"/> is, looking through conversions and through a
        /// local assigned once (<c>var w = Console.Out; w.WriteLine(…)</c>); <paramref name="names"/> are the member
        /// names worth binding a local's initializer for. Null when it is something else.
        /// </summary>
        public ISymbol? MemberRead(IOperation? operand, params string[] names) => _analysis.MemberRead(operand, names);
    }
}
