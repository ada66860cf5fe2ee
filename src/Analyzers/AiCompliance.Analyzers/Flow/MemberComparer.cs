using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// Members of a value compared by their definition: <c>Res&lt;T&gt;.Msg</c> written in a generic method and
    /// <c>Res&lt;int&gt;.Msg</c> read by its caller are the same slot of the object (found in a public app, where a generic
    /// search result carried the model's explanation).
    /// </summary>
    internal sealed class MemberComparer : IEqualityComparer<ISymbol>
    {
        public static readonly MemberComparer Instance = new MemberComparer();

        public bool Equals(ISymbol? x, ISymbol? y) => SymbolEqualityComparer.Default.Equals(x?.OriginalDefinition, y?.OriginalDefinition);

        public int GetHashCode(ISymbol obj) => SymbolEqualityComparer.Default.GetHashCode(obj.OriginalDefinition);
    }
}
