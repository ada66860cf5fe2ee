using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>
    /// Answers kept with a syntax node, for the next compilation that holds the same tree: in the IDE a keystroke makes a
    /// new compilation in which every other document keeps its tree, so only the edited document's questions are asked
    /// again. A build parses its trees anew: nothing carries over. An answer that depends on symbols can go stale only
    /// when an edit elsewhere changes what it was about; it is asked again once its own document is edited. Keys that
    /// depend on the model's rows carry <see cref="ProducerPrefilter"/>'s rows id. Thread-safe.
    /// </summary>
    internal sealed class NodeAnswers<TKey, TValue>
        where TKey : notnull
    {
        private readonly ConditionalWeakTable<SyntaxNode, ConcurrentDictionary<TKey, TValue>> _table = new ConditionalWeakTable<SyntaxNode, ConcurrentDictionary<TKey, TValue>>();
        private readonly ConditionalWeakTable<SyntaxNode, ConcurrentDictionary<TKey, TValue>>.CreateValueCallback _create = _ => new ConcurrentDictionary<TKey, TValue>();

        /// <summary>The answer kept with <paramref name="node"/> for <paramref name="key"/>, else <paramref name="answer"/>'s, kept.</summary>
        public TValue Get<TState>(SyntaxNode node, TKey key, TState state, Func<TState, TValue> answer)
        {
            var answers = _table.GetValue(node, _create);
            if (answers.TryGetValue(key, out var known))
            {
                return known;
            }

            var value = answer(state);
            answers[key] = value;
            return value;
        }
    }
}
