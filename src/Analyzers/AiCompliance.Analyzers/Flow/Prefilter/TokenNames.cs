using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>
    /// The identifier tokens of one member body in order (and <c>this</c>), from one token walk: the names in any
    /// node of the body are a slice found by binary search, so no subtree is walked twice.
    /// </summary>
    internal sealed class TokenNames
    {
        private readonly List<int> _starts = new List<int>();
        private readonly List<string> _names = new List<string>();

        public TokenNames(SyntaxNode body)
        {
            foreach (var token in body.DescendantTokens())
            {
                if (token.IsKind(SyntaxKind.IdentifierToken))
                {
                    _starts.Add(token.SpanStart);
                    _names.Add(token.ValueText);
                }
                else if (token.IsKind(SyntaxKind.ThisKeyword))
                {
                    _starts.Add(token.SpanStart);
                    _names.Add("this");
                }
            }
        }

        public string[] In(SyntaxNode? node)
        {
            if (node is null)
            {
                return Array.Empty<string>();
            }

            var span = node.Span;
            var first = LowerBound(span.Start);
            var last = LowerBound(span.End);
            if (last <= first)
            {
                return Array.Empty<string>();
            }

            var names = new string[last - first];
            _names.CopyTo(first, names, 0, names.Length);
            return names;
        }

        private int LowerBound(int position)
        {
            int low = 0, high = _starts.Count;
            while (low < high)
            {
                var middle = (low + high) >> 1;
                if (_starts[middle] < position)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low;
        }
    }
}
