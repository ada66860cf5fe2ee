using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    // The slot state of one program point.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>
        /// The values of one program point, in slots: every state of one analysis (its lambdas and local functions
        /// included) shares one map from variables to slot numbers, so a copy at a block edge is an array copy and a
        /// join walks two arrays. A null slot is a variable not seen on this path.
        /// </summary>
        private sealed class State
        {
            private readonly Dictionary<object, int> _slots;
            private TaintValue?[] _values;

            /// <summary>While a block of finally regions runs: the slot sets that record what those regions write.</summary>
            public HashSet<int>[]? Written { get; set; }

            public State()
                : this(new Dictionary<object, int>(KeyComparer.Instance), new TaintValue?[8])
            {
            }

            private State(Dictionary<object, int> slots, TaintValue?[] values)
            {
                _slots = slots;
                _values = values;
            }

            public TaintValue this[object key]
            {
                set
                {
                    if (!_slots.TryGetValue(key, out var slot))
                    {
                        slot = _slots.Count;
                        _slots.Add(key, slot);
                    }

                    if (slot >= _values.Length)
                    {
                        Array.Resize(ref _values, Math.Max(slot + 1, _values.Length * 2));
                    }

                    _values[slot] = value;
                    if (Written is { } written)
                    {
                        foreach (var set in written)
                        {
                            set.Add(slot);
                        }
                    }
                }
            }

            public TaintValue Get(object key) => TryGet(key, out var value) ? value : TaintValue.Clean;

            public bool TryGet(object key, out TaintValue value)
            {
                if (_slots.TryGetValue(key, out var slot) && slot < _values.Length && _values[slot] is { } known)
                {
                    value = known;
                    return true;
                }

                value = TaintValue.Clean;
                return false;
            }

            public State Clone() => new State(_slots, (TaintValue?[])_values.Clone());

            /// <summary>
            /// This state after a finally region: the <paramref name="written"/> slots take their value at the end of the
            /// region (<paramref name="exit"/>), the others keep this state's.
            /// </summary>
            public State ThroughFinally(State exit, HashSet<int> written)
            {
                if (written.Count == 0)
                {
                    return this;
                }

                var result = Clone();
                foreach (var slot in written)
                {
                    if (slot >= result._values.Length)
                    {
                        Array.Resize(ref result._values, Math.Max(slot + 1, result._values.Length * 2));
                    }

                    result._values[slot] = slot < exit._values.Length ? exit._values[slot] : null;
                }

                return result;
            }

            /// <summary>A state with nothing known, sharing this one's slots.</summary>
            public State Empty() => new State(_slots, new TaintValue?[_values.Length]);

            /// <summary>Joins <paramref name="other"/> into this state; returns whether anything changed.</summary>
            public bool JoinWith(State other)
            {
                if (!ReferenceEquals(_slots, other._slots))
                {
                    throw new InvalidOperationException("states of different analyses");
                }

                var theirs = other._values;
                if (theirs.Length > _values.Length)
                {
                    Array.Resize(ref _values, theirs.Length);
                }

                var changed = false;
                for (var i = 0; i < theirs.Length; i++)
                {
                    if (theirs[i] is not { } value)
                    {
                        continue;
                    }

                    if (_values[i] is { } mine)
                    {
                        var joined = mine.Join(value);
                        if (!ReferenceEquals(joined, mine) && !joined.Equals(mine))
                        {
                            _values[i] = joined;
                            changed = true;
                        }
                    }
                    else
                    {
                        _values[i] = value;
                        changed = true;
                    }
                }

                return changed;
            }
        }

        /// <summary>Joins <paramref name="value"/> into what <paramref name="values"/> holds for the key (or sets it).</summary>
        private static void JoinInto<TKey>(Dictionary<TKey, TaintValue> values, TKey key, TaintValue value) =>
            values[key] = values.TryGetValue(key, out var old) ? old.Join(value) : value;

        private sealed class KeyComparer : IEqualityComparer<object>
        {
            public static readonly KeyComparer Instance = new KeyComparer();

            public new bool Equals(object? x, object? y) =>
                x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

            public int GetHashCode(object obj) => obj is ISymbol s ? SymbolEqualityComparer.Default.GetHashCode(s) : obj.GetHashCode();
        }
    }
}
