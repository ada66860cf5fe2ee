using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Copies: CopyTo/TryCopyTo, Array.Copy/Buffer.BlockCopy destinations, a record's <Clone>$.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>
        /// A record's synthesized clone (the flow graph's lowering of <c>with</c>): the copy holds what the original held,
        /// member by member; the initializer's assignments then overwrite members of the copy.
        /// </summary>
        private static bool IsRecordClone(IInvocationOperation invocation, IMethodSymbol method) =>
            method.Name == "<Clone>$" && method.IsImplicitlyDeclared && invocation.Instance is not null;

        /// <summary>
        /// Copies write their destination: ai.AsSpan().CopyTo(buffer), text.CopyTo(0, chars, 0, n), Array.Copy(src, dst, n)
        /// (<paramref name="inputs"/> is what the call reads from its receiver).
        /// </summary>
        private void CopyIntoDestinations(IInvocationOperation invocation, IMethodSymbol method, TaintValue inputs, ImmutableArray<TaintValue> values)
        {
            if (method.Name is "CopyTo" or "TryCopyTo" && inputs.IsTainted)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (IsBufferType(argument.Parameter?.Type))
                    {
                        StoreInto(argument.Value, inputs.Whole());
                    }
                }
            }
            else if (method.IsStatic && method.Name is "Copy" or "ConstrainedCopy" or "BlockCopy" &&
                     method.ContainingType?.Name is "Array" or "Buffer" && values.Length > 1 && values[0].IsTainted)
            {
                for (var i = 1; i < invocation.Arguments.Length; i++)
                {
                    if (IsBufferType(invocation.Arguments[i].Parameter?.Type))
                    {
                        StoreInto(invocation.Arguments[i].Value, values[0].Whole());
                    }
                }
            }
        }

        /// <summary>A destination a copy writes into: an array, <c>Span&lt;T&gt;</c> or <c>Memory&lt;T&gt;</c>.</summary>
        private static bool IsBufferType(ITypeSymbol? type) =>
            type is IArrayTypeSymbol || (type is INamedTypeSymbol { Name: "Span" or "Memory" or "Array", ContainingNamespace.Name: "System" });
    }
}
