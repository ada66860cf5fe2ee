using System;
using System.Collections.Generic;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Flow.Prefilter;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Rules
{
    /// <summary>
    /// The calls of a syntax tree that the flow model knows as AI sources (AIC003's question: does this project call an
    /// LLM SDK?). Independent of where the answer goes, so of the AIC001 prefilter: the tree's text is scanned for the
    /// source rows' member names, and only a name that starts a call there (<c>name(</c> or <c>name&lt;</c>) is
    /// bound. A tree that names no source member costs one pass over its characters and no syntax or binding.
    /// </summary>
    internal sealed class SourceCalls
    {
        private readonly FlowModel _model;
        private readonly NameTable _names;

        public SourceCalls(FlowModel model)
        {
            _model = model;
            _names = new NameTable(model.SourceCallNames);
        }

        /// <summary>How many calls were bound to check their target (the benchmark's phase timers read it).</summary>
        public int Bound => Volatile.Read(ref _bound);

        private int _bound;

        /// <summary>The source calls of the tree of <paramref name="semanticModel"/>, in text order, with the row's description.</summary>
        /// <param name="semanticModel">The tree's semantic model.</param>
        /// <param name="cancellationToken">Cancels.</param>
        /// <param name="ruledOut">
        /// Whether a call of that name is already known to be no source call (the AIC001 index's confirmations:
        /// <see cref="ProducerIndex.RulesOutSourceCall"/>): it is not bound again.
        /// </param>
        public List<(InvocationExpressionSyntax Call, string Description)> In(SemanticModel semanticModel, CancellationToken cancellationToken, Func<SyntaxNode, string, bool>? ruledOut = null)
        {
            var found = new List<(InvocationExpressionSyntax, string)>();
            var tree = semanticModel.SyntaxTree;
            var text = tree.GetText(cancellationToken).ToString();
            SyntaxNode? root = null;
            for (var i = 0; i < text.Length;)
            {
                if (!NameScanner.IsNameStart(text[i]) || (i > 0 && NameScanner.IsNamePart(text[i - 1])))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < text.Length && NameScanner.IsNamePart(text[i]))
                {
                    i++;
                }

                if (!_names.TryFind(text, start, i - start, out _) || !StartsCall(text, i))
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                root ??= tree.GetRoot(cancellationToken);
                var token = root.FindToken(start);
                if (token.SpanStart != start || !token.IsKind(SyntaxKind.IdentifierToken) || token.Parent is not SimpleNameSyntax name ||
                    InvocationOf(name) is not { } invocation)
                {
                    continue; // in a comment or a string, or a name that is not called
                }

                if (ruledOut is not null && ruledOut(invocation, name.Identifier.ValueText))
                {
                    continue; // the index bound this body for the name already, or the receivers' types ruled it out
                }

                Interlocked.Increment(ref _bound);
                if (semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol target &&
                    (!IsOwnCode(target, semanticModel.Compilation) || _model.IsModeledDirectly(target)) &&
                    _model.Find(target)?.SourceDescription is { } description)
                {
                    found.Add((invocation, description));
                }
            }

            return found;
        }

        /// <summary>
        /// A member of this compilation (a fake <c>IChatClient</c>, a wrapper) is not an SDK call by itself: where its body
        /// calls the SDK, that call counts. A member a row names itself (a user's aicompliance.json source) still counts.
        /// </summary>
        private static bool IsOwnCode(IMethodSymbol target, Compilation compilation)
        {
            var definition = (target.ReducedFrom ?? target).OriginalDefinition;
            return SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, compilation.Assembly);
        }

        /// <summary>After the name: an argument list or a type argument list (whitespace skipped).</summary>
        private static bool StartsCall(string text, int k)
        {
            while (k < text.Length && char.IsWhiteSpace(text[k]))
            {
                k++;
            }

            return k < text.Length && (text[k] == '(' || text[k] == '<');
        }

        /// <summary>The invocation whose target is <paramref name="name"/> (<c>name(…)</c>, <c>x.name(…)</c>, <c>x?.name(…)</c>).</summary>
        private static InvocationExpressionSyntax? InvocationOf(SimpleNameSyntax name)
        {
            SyntaxNode expression = name;
            if (name.Parent is MemberAccessExpressionSyntax access && access.Name == name)
            {
                expression = access;
            }
            else if (name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name)
            {
                expression = binding;
            }

            return expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression ? invocation : null;
        }
    }
}
