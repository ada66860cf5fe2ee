using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// What this thread is computing, as a stack of frames (method results, field summaries, lambda results), and which
    /// of them each answer leaned on. A request for something already in progress on the thread (a cycle) or past the
    /// depth bound is answered conservatively: a <em>cut</em> against the frame it would re-enter (the outermost one for
    /// the depth bound). What was computed leaning on a cut against a frame below its own is provisional: it holds only
    /// while that frame is in progress, so it is kept with that frame and reused until then (each body analyzed once per
    /// cycle: recomputing at every level was exponential on Microsoft.Extensions.AI's own source). A frame that ends
    /// leaning on one further down hands its provisional answers to that one (they are all one cycle, as in Tarjan's
    /// strongly connected components); a frame that ends final (the cycle's root) drops them, and they are computed
    /// again when asked. Keeping them for the whole outermost request instead let an answer computed inside one cycle
    /// (a component's field summary, while its parent's render tree was in progress) be reused after that cycle had
    /// ended by a sibling request, which then cached a result missing what the parent passes. Engine state, per thread.
    /// </summary>
    internal static class RequestFrames
    {
        [ThreadStatic]
        private static List<Frame>? t_frames;

        [ThreadStatic]
        private static Dictionary<object, int>? t_positions;

        /// <summary>Whether this thread computes nothing: the outermost request is over.</summary>
        public static bool NothingInProgress => (t_frames?.Count ?? 0) == 0;

        /// <summary>Where <paramref name="key"/> (a method, a type, a lambda) is in progress on this thread, if it is.</summary>
        public static bool TryGetPosition(object key, out int position)
        {
            position = -1;
            return t_positions is { } positions && positions.TryGetValue(key, out position);
        }

        /// <summary>Starts computing <paramref name="key"/> (not in progress on this thread: see <see cref="TryGetPosition"/>).</summary>
        public static Frame Push(object key)
        {
            var frames = t_frames ??= new List<Frame>();
            var positions = t_positions ??= new Dictionary<object, int>(KeyComparer.Instance);
            var frame = new Frame(key, frames.Count);
            frames.Add(frame);
            positions[key] = frame.Position;
            return frame;
        }

        /// <summary>
        /// Ends <paramref name="frame"/> (the top one). Returns the position of the lowest-standing frame below it that its
        /// answer leaned on through a cut (the highest such position), or -1 when the answer is final; the frame below
        /// inherits that dependency.
        /// </summary>
        public static int Pop(Frame frame)
        {
            var frames = t_frames!;
            var index = frames.Count - 1;
            while (index >= 0 && !ReferenceEquals(frames[index], frame))
            {
                index--; // never expected: an inner frame left without popping (an exception is popped in its finally)
            }

            for (var i = frames.Count - 1; i >= Math.Max(index, 0); i--)
            {
                t_positions!.Remove(frames[i].Key);
                frames.RemoveAt(i);
            }

            frame.Ended = true;
            if (frame.CutBelow >= 0)
            {
                frame.HandedTo = frames[frame.CutBelow]; // one cycle with that frame: what leaned on this one now leans on it
                CutAt(frame.CutBelow);
            }

            return frame.CutBelow;
        }

        /// <summary>The answer being computed leans on a conservative answer for the frame at <paramref name="position"/>.</summary>
        public static void CutAt(int position)
        {
            if (position < 0 || t_frames is not { Count: > 0 } frames)
            {
                return;
            }

            var top = frames[frames.Count - 1];
            if (position < top.Position && position > top.CutBelow)
            {
                top.CutBelow = position; // a cut against the top frame itself ends with it (one round, like the outermost)
            }
        }

        /// <summary>The answer being computed leans on the depth bound: it is final only at the outermost level.</summary>
        public static void CutAtOutermost() => CutAt(0);

        /// <summary>The frame at <paramref name="position"/> (in progress), for a provisional answer that leans on it.</summary>
        public static Frame At(int position) => t_frames![position];

        /// <summary>
        /// Whether a provisional answer that leaned on <paramref name="frame"/> still holds (that frame, or the one it was
        /// handed to when it ended, is in progress); if it does, the answer being computed now leans on that frame too.
        /// </summary>
        public static bool Reuse(Frame frame)
        {
            var live = frame;
            while (live.Ended && live.HandedTo is { } next)
            {
                live = next;
            }

            if (live.Ended)
            {
                return false; // the cycle's root has ended: compute it again
            }

            CutAt(live.Position);
            return true;
        }

        internal sealed class Frame
        {
            public Frame(object key, int position)
            {
                Key = key;
                Position = position;
            }

            public object Key { get; }

            public int Position { get; }

            public bool Ended { get; set; }

            /// <summary>When it ended leaning on a frame further down: that frame (same cycle).</summary>
            public Frame? HandedTo { get; set; }

            /// <summary>The highest position below this frame that a cut inside it was against; -1: none.</summary>
            public int CutBelow { get; set; } = -1;
        }

        /// <summary>Symbols by symbol equality, anything else (a lambda's syntax) by reference.</summary>
        private sealed class KeyComparer : IEqualityComparer<object>
        {
            public static readonly KeyComparer Instance = new KeyComparer();

            public new bool Equals(object? x, object? y) =>
                x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : ReferenceEquals(x, y);

            public int GetHashCode(object obj) =>
                obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }

    /// <summary>Answers of this thread that lean on a frame still in progress (see <see cref="RequestFrames"/>).</summary>
    internal sealed class ProvisionalStore<TKey, TValue>
        where TKey : notnull
    {
        private readonly Dictionary<TKey, (TValue Value, RequestFrames.Frame Frame)> _entries;

        public ProvisionalStore(IEqualityComparer<TKey> comparer)
        {
            _entries = new Dictionary<TKey, (TValue, RequestFrames.Frame)>(comparer);
        }

        public bool TryGet(TKey key, out TValue value)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                if (RequestFrames.Reuse(entry.Frame))
                {
                    value = entry.Value;
                    return true;
                }

                _entries.Remove(key); // the frame it leaned on has ended: compute it again
            }

            value = default!;
            return false;
        }

        public void Add(TKey key, TValue value, int leansOn) => _entries[key] = (value, RequestFrames.At(leansOn));
    }
}
