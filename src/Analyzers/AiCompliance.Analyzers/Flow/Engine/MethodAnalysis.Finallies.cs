using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    // The finally regions of one graph (their end states, what they write, the branches waiting on them).
    internal sealed partial class MethodAnalysis
    {
        /// <summary>
        /// The finally regions of one graph: the state at the end of each (joined over its runs), the slots its blocks
        /// write, and the latest state of each branch through it (it goes on again when that end state changes).
        /// </summary>
        private sealed class Finallies
        {
            private readonly Dictionary<int, State> _exits = new Dictionary<int, State>();
            private readonly Dictionary<int, HashSet<int>> _written = new Dictionary<int, HashSet<int>>();
            private readonly Dictionary<int, Dictionary<ControlFlowBranch, (State State, int Index)>> _waiting = new Dictionary<int, Dictionary<ControlFlowBranch, (State, int)>>();
            private readonly Dictionary<int, HashSet<int>[]?> _enclosing = new Dictionary<int, HashSet<int>[]?>();

            /// <summary>The written-slot sets of the finally regions <paramref name="block"/> is in (innermost first), or null.</summary>
            public HashSet<int>[]? EnclosingFinallies(BasicBlock block)
            {
                if (_enclosing.TryGetValue(block.Ordinal, out var known))
                {
                    return known;
                }

                List<HashSet<int>>? sets = null;
                for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
                {
                    if (region.Kind == ControlFlowRegionKind.Finally)
                    {
                        (sets ??= new List<HashSet<int>>()).Add(WrittenIn(region.FirstBlockOrdinal));
                    }
                }

                return _enclosing[block.Ordinal] = sets?.ToArray();
            }

            /// <summary>Records the latest state of <paramref name="branch"/> on entering its finally region number <paramref name="index"/>.</summary>
            public void Wait(int finallyStart, ControlFlowBranch branch, State state, int index)
            {
                if (!_waiting.TryGetValue(finallyStart, out var waiting))
                {
                    _waiting[finallyStart] = waiting = new Dictionary<ControlFlowBranch, (State, int)>();
                }

                waiting[branch] = (state, index);
            }

            /// <summary>
            /// Records the state at the end of the finally region that <paramref name="block"/> closes; when it changed,
            /// returns the branches to take again from that region on.
            /// </summary>
            public List<(ControlFlowBranch Branch, State State, int Index)>? OnFinallyEnd(BasicBlock block, State state)
            {
                for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
                {
                    if (region.Kind != ControlFlowRegionKind.Finally || region.LastBlockOrdinal != block.Ordinal)
                    {
                        continue;
                    }

                    var first = region.FirstBlockOrdinal;
                    bool changed;
                    if (_exits.TryGetValue(first, out var exit))
                    {
                        changed = exit.JoinWith(state);
                    }
                    else
                    {
                        _exits[first] = state.Clone();
                        changed = true;
                    }

                    return changed && _waiting.TryGetValue(first, out var waiting)
                        ? waiting.Select(w => (w.Key, w.Value.State, w.Value.Index)).ToList()
                        : null;
                }

                return null;
            }

            public bool TryGetExit(int finallyStart, out State exit, out HashSet<int> written)
            {
                written = WrittenIn(finallyStart);
                return _exits.TryGetValue(finallyStart, out exit!);
            }

            private HashSet<int> WrittenIn(int finallyStart)
            {
                if (!_written.TryGetValue(finallyStart, out var written))
                {
                    _written[finallyStart] = written = new HashSet<int>();
                }

                return written;
            }
        }
    }
}
