using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    // Exception regions: handler seeding (catch, filter, finally) and branches through finally blocks.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>
        /// Handlers (catch, filter, finally) are also entered by exceptions, not by branches: each gets every state its
        /// try region had (block starts and ends; a finally block gets it on top of the branches through it), again
        /// each round until nothing changes. Only when no handler changes does any other block still unreached but
        /// reachable get everything seen so far (a block after a catch is reached from the catch once it has run).
        /// Returns whether any block was queued.
        /// </summary>
        private static bool SeedUnreachedBlocks(ImmutableArray<BasicBlock> blocks, State initial, State?[] inputs, State?[]? outputs, Worklist worklist)
        {
            var pending = false;
            State? all = null;
            for (var pass = 0; pass < 2 && !pending; pass++)
            {
                for (var i = 0; i < blocks.Length; i++)
                {
                    if (!blocks[i].IsReachable)
                    {
                        continue;
                    }

                    var guarded = outputs is null ? null : TryRegionHandledAt(blocks[i]);
                    if ((inputs[i] is not null && guarded is null) || (pass == 0) == (guarded is null))
                    {
                        continue;
                    }

                    var seed = guarded is not null ? TryRegionStates(guarded, initial, inputs, outputs!) : (all ??= AllStates(initial, inputs));
                    if (inputs[i] is null)
                    {
                        inputs[i] = seed.Clone();
                    }
                    else if (!inputs[i]!.JoinWith(seed))
                    {
                        continue;
                    }

                    worklist.Add(i);
                    pending = true;
                }
            }

            return pending;
        }

        /// <summary>Every state the blocks of the try region <paramref name="guarded"/> had, at their starts and ends.</summary>
        private static State TryRegionStates(ControlFlowRegion guarded, State initial, State?[] inputs, State?[] outputs)
        {
            var seed = initial.Empty();
            var thrown = TaintValue.Clean;
            for (var j = guarded.FirstBlockOrdinal; j <= guarded.LastBlockOrdinal; j++)
            {
                JoinIfAny(seed, inputs[j]);
                JoinIfAny(seed, outputs[j]);
                thrown = outputs[j] is { } output ? thrown.Join(output.Get(ThrownKey)) : thrown;
            }

            seed[ThrownKey] = thrown; // what the region threw (its first block's input may hold what was thrown before it)
            return seed;
        }

        /// <summary>The join of every block input seen so far.</summary>
        private static State AllStates(State initial, State?[] inputs)
        {
            var all = initial.Empty();
            foreach (var input in inputs)
            {
                JoinIfAny(all, input);
            }

            return all;
        }

        private static void JoinIfAny(State into, State? state)
        {
            if (state is not null)
            {
                into.JoinWith(state);
            }
        }

        /// <summary>
        /// The branch runs finally blocks on its way (innermost first): each one starts from the states of the
        /// branches through it and hands on what it writes; what it leaves alone keeps this branch's value.
        /// Until a finally block has run to its end, the branch waits there (it goes on when it has): then null.
        /// Otherwise the state after the last of them.
        /// </summary>
        private static State? ThroughFinallies(ControlFlowBranch branch, State state, int fromRegion, State?[] inputs, Worklist worklist, Finallies finallies)
        {
            for (var index = fromRegion; index < branch.FinallyRegions.Length; index++)
            {
                var first = branch.FinallyRegions[index].FirstBlockOrdinal;
                finallies.Wait(first, branch, state, index);
                Enter(first, state, inputs, worklist);
                if (!finallies.TryGetExit(first, out var exit, out var written))
                {
                    return null;
                }

                state = state.ThroughFinally(exit, written);
            }

            return state;
        }

        /// <summary>The try region whose handler (catch, filter or finally) starts at <paramref name="block"/>, or null.</summary>
        private static ControlFlowRegion? TryRegionHandledAt(BasicBlock block)
        {
            for (var region = block.EnclosingRegion; region is not null && region.FirstBlockOrdinal == block.Ordinal; region = region.EnclosingRegion)
            {
                if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.Filter or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Finally)
                {
                    for (var outer = region.EnclosingRegion; outer is not null; outer = outer.EnclosingRegion)
                    {
                        if (outer.Kind is ControlFlowRegionKind.TryAndCatch or ControlFlowRegionKind.TryAndFinally)
                        {
                            return outer.NestedRegions.FirstOrDefault(r => r.Kind == ControlFlowRegionKind.Try);
                        }
                    }

                    return null;
                }
            }

            return null;
        }

        /// <summary>
        /// Whether <paramref name="block"/> is in the try region of a catch or filter (a try region that only has a
        /// finally, as using, foreach and lock make, gets its blocks' start and end states only: its finally block
        /// hands on what it writes and nothing else).
        /// </summary>
        /// <summary>Whether the block is the first of a try region that has catch handlers.</summary>
        private static bool StartsCaughtTry(BasicBlock block)
        {
            for (var region = block.EnclosingRegion; region is not null && region.FirstBlockOrdinal == block.Ordinal; region = region.EnclosingRegion)
            {
                if (region.Kind == ControlFlowRegionKind.Try && region.EnclosingRegion?.Kind == ControlFlowRegionKind.TryAndCatch)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InCaughtTryRegion(BasicBlock block)
        {
            for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
            {
                if (region.Kind == ControlFlowRegionKind.Try && region.EnclosingRegion?.Kind == ControlFlowRegionKind.TryAndCatch)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasRegion(ControlFlowRegion region, ControlFlowRegionKind kind)
        {
            if (region.Kind == kind)
            {
                return true;
            }

            foreach (var nested in region.NestedRegions)
            {
                if (HasRegion(nested, kind))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
