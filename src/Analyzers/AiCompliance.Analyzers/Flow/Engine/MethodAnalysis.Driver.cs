using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // The fixpoint driver: the worklist loop over one graph, block visits, branches between blocks, returns.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>Walks one graph to a fixpoint from <paramref name="initial"/>; returns the join of what it returns.</summary>
        private TaintValue Run(ControlFlowGraph cfg, State initial)
        {
            var savedGraph = _graph;
            var savedState = _state;
            var savedReturn = _returnValue;
            _graph = cfg;
            _returnValue = TaintValue.Clean;
            try
            {
                RunToFixpoint(cfg, initial);
                return _returnValue;
            }
            finally
            {
                _graph = savedGraph;
                _state = savedState;
                _returnValue = savedReturn;
            }
        }

        /// <summary>
        /// The worklist loop of <see cref="Run"/>: visits blocks until no input changes, then seeds the handlers and
        /// the blocks still unreached (<see cref="SeedUnreachedBlocks"/>) and goes on while that changes anything.
        /// </summary>
        private void RunToFixpoint(ControlFlowGraph cfg, State initial)
        {
            var blocks = cfg.Blocks;
            var inputs = new State?[blocks.Length];
            var visits = new int[blocks.Length];
            inputs[0] = initial;
            var worklist = new Worklist(blocks.Length);
            // With exception handlers, the state each block of a try region ends with (an exception after its last
            // operation enters the handler with it).
            var hasTry = HasRegion(cfg.Root, ControlFlowRegionKind.Try);
            var outputs = hasTry ? new State?[blocks.Length] : null;
            var finallies = hasTry && HasRegion(cfg.Root, ControlFlowRegionKind.Finally) ? new Finallies() : null;
            worklist.Add(0);
            while (true)
            {
                while (worklist.TryTakeLowest(out var ordinal))
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    if (visits[ordinal]++ > MaxBlockVisits)
                    {
                        continue;
                    }

                    VisitBlock(blocks[ordinal], inputs, outputs, worklist, finallies);
                }

                if (!SeedUnreachedBlocks(blocks, initial, inputs, outputs, worklist))
                {
                    break;
                }
            }
        }

        /// <summary>Runs the operations of one block from its input state and hands its end state to its successors.</summary>
        private void VisitBlock(BasicBlock block, State?[] inputs, State?[]? outputs, Worklist worklist, Finallies? finallies)
        {
            var ordinal = block.Ordinal;
            _state = inputs[ordinal]!.Clone();
            if (StartsCaughtTry(block) && _state.Get(ThrownKey).IsTainted)
            {
                _state[ThrownKey] = TaintValue.Clean; // its handlers catch what this try region throws, not what was thrown before it
            }

            var finallyRegions = finallies?.EnclosingFinallies(block);
            _state.Written = finallyRegions;

            // In a try region, an exception can leave after any operation: remember every state on the way.
            var during = outputs is not null && InCaughtTryRegion(block) ? _state.Clone() : null;
            foreach (var operation in block.Operations)
            {
                Eval(operation);
                during?.JoinWith(_state);
            }

            if (block.BranchValue is { } branchValue)
            {
                var value = Eval(branchValue);
                if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
                {
                    OnReturn(branchValue, value);
                }
                else if (block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Throw)
                {
                    Throw(value);
                    during?.JoinWith(_state); // the handler starts from it
                }
            }

            _state.Written = null;
            if (outputs is not null)
            {
                outputs[ordinal] = during ?? _state;
            }

            var end = _state;
            if (finallyRegions is not null && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling &&
                finallies!.OnFinallyEnd(block, end) is { } waiting)
            {
                // The finally block's end state changed: the branches waiting on it go on with it.
                foreach (var (branch, state, index) in waiting)
                {
                    Flow(branch, state, index, inputs, worklist, finallies);
                }
            }

            var (whenTrue, whenFalse) = block.BranchValue is { } condition && block.ConditionalSuccessor is not null ? RefineOnMessage(condition, end) : (end, end);
            var conditional = block.ConditionKind == ControlFlowConditionKind.WhenTrue ? whenTrue : whenFalse;
            Flow(block.FallThroughSuccessor, ReferenceEquals(conditional, whenTrue) ? whenFalse : whenTrue, 0, inputs, worklist, finallies);
            Flow(block.ConditionalSuccessor, conditional, 0, inputs, worklist, finallies);
        }

        /// <summary>
        /// A branch on a message's kind (<c>case UserChatMessage:</c>, a type no content is modeled in) or role
        /// (<c>if (message.Role == ChatRole.User)</c>, <c>Role != ChatRole.Assistant</c>; the role types are
        /// <see cref="MessageRoles"/>): where the message is the user's, the app's or a tool's, it holds no model
        /// text, so a history printed by role reports only the assistant's turns. The states for the true and the false
        /// branch (the same state when the condition is something else).
        /// </summary>
        private (State WhenTrue, State WhenFalse) RefineOnMessage(IOperation condition, State end)
        {
            var (tested, matched) = condition switch
            {
                IIsPatternOperation { Pattern: IDeclarationPatternOperation declaration } isPattern => (isPattern.Value, declaration.MatchedType),
                IIsPatternOperation { Pattern: ITypePatternOperation type } isPattern => (isPattern.Value, type.MatchedType),
                IIsTypeOperation isType => (isType.ValueOperand, isType.TypeOperand),
                _ => (null, null),
            };
            if (matched is not null && !_model.IsContentCapable(matched) && EntityOf(tested) is { } narrowed)
            {
                // case UserChatMessage u: / message is SystemChatMessage: the message itself is that kind on the true branch.
                var cleared = end.Clone();
                cleared[narrowed] = TaintValue.Clean;
                return (cleared, end);
            }

            if (condition is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } test)
            {
                return (end, end);
            }

            var (roleRead, role) = RoleOf(test.RightOperand) is { } right ? (test.LeftOperand, right) : (test.RightOperand, RoleOf(test.LeftOperand));
            if (role is null || Unwrap(roleRead) is not IPropertyReferenceOperation { Property.Name: "Role", Instance: { } message } || EntityOf(message) is not { } key)
            {
                return (end, end);
            }

            // Equal to a role that writes no model text, or not equal to the assistant's: that branch is not the model's.
            var cleanWhenTrue = (role == MessageRoles.Assistant) == (test.OperatorKind == BinaryOperatorKind.NotEquals);
            var refined = end.Clone();
            refined[key] = TaintValue.Clean;
            return cleanWhenTrue ? (refined, end) : (end, refined);
        }

        /// <summary>The role a static role property names (<see cref="MessageRoles"/>), or null.</summary>
        private static string? RoleOf(IOperation operand) =>
            Unwrap(operand) is IPropertyReferenceOperation { Instance: null, Property: var property } ? MessageRoles.Of(property) : null;

        /// <summary>
        /// Takes <paramref name="branch"/> with <paramref name="state"/>, from its finally region number
        /// <paramref name="fromRegion"/> on (0 for a branch just leaving its block).
        /// </summary>
        private void Flow(ControlFlowBranch? branch, State state, int fromRegion, State?[] inputs, Worklist worklist, Finallies? finallies)
        {
            if (branch?.Destination is not { } destination)
            {
                return;
            }

            if (finallies is not null && !branch.FinallyRegions.IsEmpty)
            {
                if (ThroughFinallies(branch, state, fromRegion, inputs, worklist, finallies) is not { } after)
                {
                    return;
                }

                state = after;
            }

            if (destination.Kind == BasicBlockKind.Exit && ReferenceEquals(_graph, _rootGraph))
            {
                RecordExit(state);
            }

            Enter(destination.Ordinal, state, inputs, worklist);
        }

        /// <summary>Joins <paramref name="state"/> into the input of block <paramref name="ordinal"/>; queues the block when that changed it.</summary>
        private static void Enter(int ordinal, State state, State?[] inputs, Worklist worklist)
        {
            var target = inputs[ordinal];
            if (target is null)
            {
                inputs[ordinal] = state.Clone();
                worklist.Add(ordinal);
            }
            else if (target.JoinWith(state))
            {
                worklist.Add(ordinal);
            }
        }

        /// <summary>Leaving the method with <paramref name="state"/>: records what the type's fields and the out/ref parameters hold.</summary>
        private void RecordExit(State state)
        {
            // Leaving the method: what the type's fields hold now is what other methods will read.
            foreach (var member in _fieldWrites.Keys.ToList())
            {
                var value = state.Get(member);
                JoinInto(_exitFieldValues, member, value);
            }

            // Leaving the method: remember what out/ref parameters hold.
            foreach (var parameter in _method.Parameters)
            {
                if (parameter.RefKind is RefKind.Out or RefKind.Ref)
                {
                    var value = state.Get(parameter);
                    JoinInto(_outValues, parameter.Ordinal, value);
                }
                else if (parameter.RefKind == RefKind.None && IsFillable(parameter.Type) && state.Get(parameter) is var held &&
                         held.Params.Contains(parameter.Ordinal) && held != TaintValue.FromParameter(parameter.Ordinal))
                {
                    // Fill(sb, text) => sb.Append(text): the caller's object holds it now (only while the parameter may
                    // still be the caller's object: it holds its own placeholder, not only what a reassignment put there).
                    JoinInto(_filledValues, parameter.Ordinal, held);
                }
            }
        }

        /// <summary>
        /// What <paramref name="member"/> of a returned object holds: its own value when the object was built here (with
        /// what the object as a whole carries), else the whole value (an object from elsewhere may hold anything there).
        /// </summary>
        private static TaintValue ReturnedMemberValue(TaintValue value, ISymbol member)
        {
            if (value.Fields.IsEmpty)
            {
                return value;
            }

            return value.Fields.TryGetValue(member, out var field) || value.Fields.TryGetValue(member.OriginalDefinition, out field)
                ? value.Own().Join(field)
                : value.Own();
        }

        /// <summary>A parameter type whose object a method can put content in for its caller: a reference type that can hold text, not a string or delegate.</summary>
        private bool IsFillable(ITypeSymbol type) =>
            type.IsReferenceType && type.SpecialType != SpecialType.System_String && type.TypeKind != TypeKind.Delegate && _model.IsContentCapable(type);

        private void OnReturn(IOperation returned, TaintValue value)
        {
            _returnValue = _returnValue.Join(value);
            if (_returnSink is not null)
            {
                ReportSink(returned, _returnSinkMember is null ? value : ReturnedMemberValue(value, _returnSinkMember), _returnSink);
            }
        }
    }
}
