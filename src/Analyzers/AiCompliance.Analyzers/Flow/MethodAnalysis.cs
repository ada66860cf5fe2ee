using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AiCompliance.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// The intraprocedural engine: a forward analysis over one control-flow graph (worklist to a fixpoint; joins are
    /// unions), tracking a <see cref="TaintValue"/> per local, parameter, flow capture and field of the type.
    /// Parameters start as placeholders, so one run yields both the method's findings (real AI sources reaching
    /// sinks) and its summary (what parameters do). Lambdas and local functions are analyzed where they are
    /// created or called, with the state they capture.
    /// </summary>
    internal sealed class MethodAnalysis
    {
        private const int MaxBlockVisits = 40;
        private const int MaxLocalFunctionDepth = 3;

        private static readonly object ThisKey = new object();

        private readonly FlowContext _context;
        private readonly FlowModel _model;
        private readonly IMethodSymbol _method;
        private readonly int _depth;
        private readonly bool _fieldCollection;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<SyntaxNode, Finding> _findings;
        private readonly Dictionary<SyntaxNode, Finding> _labeledFindings = new Dictionary<SyntaxNode, Finding>();
        private readonly HashSet<SourceRef> _sourceCalls = new HashSet<SourceRef>();
        private readonly Dictionary<SyntaxNode, Finding> _tampering = new Dictionary<SyntaxNode, Finding>();
        private readonly HashSet<string> _noticesShown = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<ParamSink> _paramSinks;
        private readonly Dictionary<ISymbol, TaintValue> _fieldWrites;
        private readonly Dictionary<ISymbol, TaintValue> _stickyFieldWrites;
        private readonly int _localFunctionDepth;

        // Per graph being walked.
        private ControlFlowGraph _graph = null!;
        private State _state = null!;
        private TaintValue _returnValue = TaintValue.Clean;
        private string? _returnSink;
        private TaintValue? _objectUnderConstruction;
        private ControlFlowGraph? _rootGraph;
        private readonly Dictionary<int, TaintValue> _outValues = new Dictionary<int, TaintValue>();
        private readonly Dictionary<CaptureId, object> _captureAliases = new Dictionary<CaptureId, object>();
        private readonly Dictionary<ISymbol, TaintValue> _exitFieldValues = new Dictionary<ISymbol, TaintValue>(SymbolEqualityComparer.Default);

        private MethodAnalysis(
            FlowContext context,
            IMethodSymbol method,
            int depth,
            bool fieldCollection,
            Dictionary<SyntaxNode, Finding> findings,
            List<ParamSink> paramSinks,
            Dictionary<ISymbol, TaintValue> fieldWrites,
            Dictionary<ISymbol, TaintValue> stickyFieldWrites,
            int localFunctionDepth,
            CancellationToken cancellationToken)
        {
            _stickyFieldWrites = stickyFieldWrites;
            _context = context;
            _model = context.Model;
            _method = method;
            _depth = depth;
            _fieldCollection = fieldCollection;
            _cancellationToken = cancellationToken;
            _findings = findings;
            _paramSinks = paramSinks;
            _fieldWrites = fieldWrites;
            _localFunctionDepth = localFunctionDepth;
        }

        public static MethodResult Analyze(FlowContext context, IMethodSymbol method, ControlFlowGraph cfg, int depth, bool fieldCollection, CancellationToken cancellationToken)
        {
            try
            {
                context.Injection?.ThrowIfInjected(method, cfg.OriginalOperation.Syntax.SyntaxTree);
                return AnalyzeCore(context, method, cfg, depth, fieldCollection, cancellationToken);
            }
            catch (Exception ex) when (MethodAnalysisException.ShouldWrap(ex))
            {
                throw new MethodAnalysisException(method, ex); // names the method that failed (AIC009)
            }
        }

        private static MethodResult AnalyzeCore(FlowContext context, IMethodSymbol method, ControlFlowGraph cfg, int depth, bool fieldCollection, CancellationToken cancellationToken)
        {
            var analysis = new MethodAnalysis(
                context, method, depth, fieldCollection,
                new Dictionary<SyntaxNode, Finding>(),
                new List<ParamSink>(),
                new Dictionary<ISymbol, TaintValue>(SymbolEqualityComparer.Default),
                new Dictionary<ISymbol, TaintValue>(SymbolEqualityComparer.Default),
                0,
                cancellationToken);

            var initial = new State();
            foreach (var parameter in method.Parameters)
            {
                initial[parameter] = TaintValue.FromParameter(parameter.Ordinal);
            }

            analysis._returnSink = IsControllerAction(context.Model, method) ? "controller action '" + method.Name + "'" : null;
            analysis._rootGraph = cfg;
            var returned = analysis.Run(cfg, initial);

            var findings = analysis._findings.Values
                .Where(f => !f.Value.Sources.IsEmpty)
                .OrderBy(f => f.Node.SpanStart)
                .ToList();
            var labeledFindings = analysis._labeledFindings
                .Where(f => !analysis._findings.ContainsKey(f.Key))
                .Select(f => f.Value)
                .OrderBy(f => f.Node.SpanStart)
                .ToList();
            var sourceCalls = analysis._sourceCalls.OrderBy(s => s.Location.SourceSpan.Start).ToList();
            var summary = new MethodSummary(
                returned,
                analysis._paramSinks.ToImmutableArray(),
                analysis._fieldWrites.ToImmutableDictionary(
                    p => p.Key,
                    p => (analysis._exitFieldValues.TryGetValue(p.Key, out var atExit) ? atExit : p.Value)
                        .Join(analysis._stickyFieldWrites.TryGetValue(p.Key, out var sticky) ? sticky : TaintValue.Clean),
                    SymbolEqualityComparer.Default),
                analysis._outValues.ToImmutableDictionary());
            var tampering = analysis._tampering.Values.OrderBy(f => f.Node.SpanStart).ToList();
            return new MethodResult(summary, findings, labeledFindings, sourceCalls, tampering, analysis._noticesShown.ToList());
        }

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

                        var block = blocks[ordinal];
                        _state = inputs[ordinal]!.Clone();
                        var finallyRegions = finallies?.EnclosingFinallies(block);
                        _state.Written = finallyRegions;

                        // In a try region, an exception can leave after any operation: remember every state on the way.
                        var during = outputs is not null && InCaughtTryRegion(block) ? inputs[ordinal]!.Clone() : null;
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

                        Flow(block.FallThroughSuccessor, end, 0, inputs, worklist, finallies);
                        Flow(block.ConditionalSuccessor, end, 0, inputs, worklist, finallies);
                    }

                    // Handlers (catch, filter, finally) are also entered by exceptions, not by branches: each gets every
                    // state its try region had (block starts and ends; a finally block gets it on top of the branches
                    // through it), again each round until nothing changes. Only when no handler changes does any other
                    // block still unreached but reachable get everything seen so far (a block after a catch is reached
                    // from the catch once it has run).
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

                            State seed;
                            if (guarded is not null)
                            {
                                seed = initial.Empty();
                                for (var j = guarded.FirstBlockOrdinal; j <= guarded.LastBlockOrdinal; j++)
                                {
                                    JoinIfAny(seed, inputs[j]);
                                    JoinIfAny(seed, outputs![j]);
                                }
                            }
                            else
                            {
                                if (all is null)
                                {
                                    all = initial.Empty();
                                    foreach (var input in inputs)
                                    {
                                        JoinIfAny(all, input);
                                    }
                                }

                                seed = all;
                            }

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

                    if (!pending)
                    {
                        break;
                    }
                }

                return _returnValue;
            }
            finally
            {
                _graph = savedGraph;
                _state = savedState;
                _returnValue = savedReturn;
            }
        }

        private static void JoinIfAny(State into, State? state)
        {
            if (state is not null)
            {
                into.JoinWith(state);
            }
        }

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
                // The branch runs finally blocks on its way (innermost first): each one starts from the states of the
                // branches through it and hands on what it writes; what it leaves alone keeps this branch's value.
                // Until a finally block has run to its end, the branch waits there (it goes on when it has).
                for (var index = fromRegion; index < branch.FinallyRegions.Length; index++)
                {
                    var first = branch.FinallyRegions[index].FirstBlockOrdinal;
                    finallies.Wait(first, branch, state, index);
                    var entry = inputs[first];
                    if (entry is null)
                    {
                        inputs[first] = state.Clone();
                        worklist.Add(first);
                    }
                    else if (entry.JoinWith(state))
                    {
                        worklist.Add(first);
                    }

                    if (!finallies.TryGetExit(first, out var exit, out var written))
                    {
                        return;
                    }

                    state = state.ThroughFinally(exit, written);
                }
            }

            if (destination.Kind == BasicBlockKind.Exit && ReferenceEquals(_graph, _rootGraph))
            {
                // Leaving the method: what the type's fields hold now is what other methods will read.
                foreach (var member in _fieldWrites.Keys.ToList())
                {
                    var value = state.Get(member);
                    _exitFieldValues[member] = _exitFieldValues.TryGetValue(member, out var previous) ? previous.Join(value) : value;
                }

                // Leaving the method: remember what out/ref parameters hold.
                foreach (var parameter in _method.Parameters)
                {
                    if (parameter.RefKind is RefKind.Out or RefKind.Ref)
                    {
                        var value = state.Get(parameter);
                        _outValues[parameter.Ordinal] = _outValues.TryGetValue(parameter.Ordinal, out var old) ? old.Join(value) : value;
                    }
                }
            }

            var target = inputs[destination.Ordinal];
            if (target is null)
            {
                inputs[destination.Ordinal] = state.Clone();
                worklist.Add(destination.Ordinal);
            }
            else if (target.JoinWith(state))
            {
                worklist.Add(destination.Ordinal);
            }
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

        private void OnReturn(IOperation returned, TaintValue value)
        {
            _returnValue = _returnValue.Join(value);
            if (_returnSink is not null)
            {
                ReportSink(returned, value, _returnSink);
            }
        }

        // ------------------------------------------------------------------ expressions

        private TaintValue Eval(IOperation? operation)
        {
            if (operation is null)
            {
                return TaintValue.Clean;
            }

            switch (operation)
            {
                case ILiteralOperation:
                case IDefaultValueOperation:
                case ITypeOfOperation:
                case ISizeOfOperation:
                case INameOfOperation:
                case IIsTypeOperation:
                case IIsNullOperation:
                case ICaughtExceptionOperation:
                    return TaintValue.Clean;

                case IFlowCaptureOperation capture:
                    {
                        var value = Eval(capture.Value);
                        _state[capture.Id] = value;
                        if (EntityOf(capture.Value) is { } aliased)
                        {
                            // A receiver captured before a branch (list.Add(x ?? y)): writes through the capture reach the variable.
                            _captureAliases[capture.Id] = aliased;
                        }

                        return value;
                    }

                case IFlowCaptureReferenceOperation captureReference:
                    return _state.Get(captureReference.Id);

                case ILocalReferenceOperation local:
                    return ByType(_state.Get(local.Local), local.Type, local.Local.Type);

                case IParameterReferenceOperation parameter:
                    return ByType(_state.Get(parameter.Parameter), parameter.Type, parameter.Parameter.Type);

                case IInstanceReferenceOperation instance:
                    return instance.ReferenceKind == InstanceReferenceKind.ImplicitReceiver && _objectUnderConstruction is not null
                        ? _objectUnderConstruction
                        : _state.Get(ThisKey);

                case ISimpleAssignmentOperation assignment:
                    {
                        var value = Eval(assignment.Value);
                        Assign(assignment.Target, value);
                        return value;
                    }

                case ICompoundAssignmentOperation compound:
                    {
                        var value = Eval(compound.Target).Join(Eval(compound.Value));
                        value = ByType(value, compound.Type);
                        Assign(compound.Target, value);
                        return value;
                    }

                case ICoalesceAssignmentOperation coalesceAssignment:
                    {
                        var value = Eval(coalesceAssignment.Target).Join(Eval(coalesceAssignment.Value));
                        Assign(coalesceAssignment.Target, value);
                        return value;
                    }

                case IDeconstructionAssignmentOperation deconstruction:
                    {
                        var value = Eval(deconstruction.Value);
                        AssignDeconstruction(deconstruction.Target, value, deconstruction.Value.Type);
                        return value.Whole();
                    }

                case IIncrementOrDecrementOperation increment:
                    Eval(increment.Target);
                    return TaintValue.Clean;

                case IConversionOperation conversion:
                    {
                        var operand = Eval(conversion.Operand);
                        if (conversion.OperatorMethod is { } conversionOperator && _model.Find(conversionOperator) is { Sinks.Count: > 0 } conversionModel)
                        {
                            // A user-defined conversion that is a sink ((MarkupString)ai): reported at the operand; its result is not followed.
                            foreach (var (access, description, _) in conversionModel.Sinks)
                            {
                                if (access.Covers(0) && !access.DelegateReturn)
                                {
                                    ReportSink(conversion.Operand, operand, description);
                                }
                            }

                            return TaintValue.Clean;
                        }

                        if (conversion.Operand.Type is { IsTupleType: true } && conversion.Type is not { IsTupleType: true } && !operand.Fields.IsEmpty)
                        {
                            // A tuple boxed, converted by a user-defined operator or to an interface: its elements are
                            // no longer apart.
                            operand = operand.Whole();
                        }

                        return ByType(operand, conversion.Type);
                    }

                case IAwaitOperation awaitOperation:
                    return Eval(awaitOperation.Operation);

                case IParenthesizedOperation parenthesized:
                    return Eval(parenthesized.Operand);

                case IInvocationOperation invocation:
                    return EvalInvocation(invocation);

                case IPropertyReferenceOperation property:
                    return EvalMemberRead(property, property.Property, property.Instance, property.Arguments);

                case IFieldReferenceOperation field:
                    return EvalMemberRead(field, field.Field, field.Instance, ImmutableArray<IArgumentOperation>.Empty);

                case IImplicitIndexerReferenceOperation implicitIndexer:
                    {
                        var target = Eval(implicitIndexer.Instance);
                        Eval(implicitIndexer.Argument);
                        if (!_fieldCollection && implicitIndexer.Argument.Type?.Name == "Range" && implicitIndexer.Type?.SpecialType == SpecialType.System_String)
                        {
                            var whole = target.Whole();
                            if (whole.Sources.Count > 0 && whole.Sources.All(s => s.Labeled))
                            {
                                AddTampering(implicitIndexer, "range slicing");
                            }
                        }

                        return ByType(target.Whole(), implicitIndexer.Type);
                    }

                case IArrayElementReferenceOperation element:
                    {
                        var array = Eval(element.ArrayReference);
                        foreach (var index in element.Indices)
                        {
                            Eval(index);
                        }

                        return ByType(array.Whole(), element.Type);
                    }

                case IObjectCreationOperation creation:
                    return EvalCreation(creation);

                case IAnonymousObjectCreationOperation anonymous:
                    {
                        var value = TaintValue.Clean;
                        foreach (var initializer in anonymous.Initializers)
                        {
                            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
                            {
                                value = value.WithField(target.Property, ByType(Eval(assignment.Value), target.Type));
                            }
                            else
                            {
                                value = value.Join(Eval(initializer).Whole());
                            }
                        }

                        return value;
                    }

                case ITupleOperation tuple:
                    {
                        if (AsTuple(tuple.Type, tuple.Elements.Length) is { } tupleType)
                        {
                            // Element by element: (ai, user).Item2 and var (a, b) = (ai, user) keep b clean.
                            var value = TaintValue.Clean;
                            for (var i = 0; i < tuple.Elements.Length; i++)
                            {
                                var element = Eval(tuple.Elements[i]);
                                if (element != TaintValue.Clean)
                                {
                                    value = value.WithField(TupleElementKey(tupleType.TupleElements[i]), element);
                                }
                            }

                            return value;
                        }

                        return ByType(TaintValue.JoinAll(tuple.Elements.Select(e => Eval(e).Whole())), tuple.Type);
                    }

                case IArrayCreationOperation arrayCreation:
                    {
                        foreach (var size in arrayCreation.DimensionSizes)
                        {
                            Eval(size);
                        }

                        return ByType(arrayCreation.Initializer is null ? TaintValue.Clean : TaintValue.JoinAll(arrayCreation.Initializer.ElementValues.Select(e => Eval(e).Whole())), arrayCreation.Type);
                    }

                case IArrayInitializerOperation arrayInitializer:
                    return TaintValue.JoinAll(arrayInitializer.ElementValues.Select(e => Eval(e).Whole()));

                case ICollectionExpressionOperation collection:
                    return ByType(TaintValue.JoinAll(collection.Elements.Select(e => Eval(e).Whole())), collection.Type);

                case ISpreadOperation spread:
                    return Eval(spread.Operand).Whole();

                case IInterpolatedStringOperation interpolated:
                    {
                        var value = TaintValue.Clean;
                        foreach (var part in interpolated.Parts)
                        {
                            if (part is IInterpolationOperation interpolation)
                            {
                                value = value.Join(Eval(interpolation.Expression).Whole());
                                Eval(interpolation.Alignment);
                                Eval(interpolation.FormatString);
                            }
                        }

                        return IsLabeledComposition(interpolated) ? value.AsLabeled() : value.Own();
                    }

                case IBinaryOperation binary:
                    {
                        var left = Eval(binary.LeftOperand);
                        var right = Eval(binary.RightOperand);
                        if (binary.Type?.SpecialType != SpecialType.System_String)
                        {
                            return TaintValue.Clean; // comparisons and arithmetic derive scalars
                        }

                        var joined = left.Whole().Join(right.Whole());
                        return IsLabeledComposition(binary) ? joined.AsLabeled() : joined;
                    }

                case IUnaryOperation unary:
                    Eval(unary.Operand);
                    return TaintValue.Clean;

                case IIsPatternOperation isPattern:
                    BindPattern(isPattern.Pattern, Eval(isPattern.Value));
                    return TaintValue.Clean;

                case IDelegateCreationOperation delegateCreation:
                    return Eval(delegateCreation.Target);

                case IFlowAnonymousFunctionOperation lambda:
                    return AnalyzeLambda(lambda, _ => TaintValue.Clean, returnSink: null);

                case IMethodReferenceOperation methodReference:
                    Eval(methodReference.Instance);
                    return MethodGroupValue(methodReference.Method);

                case IReturnOperation returnOperation:
                    {
                        // yield return (plain returns are branch values in the graph).
                        var value = Eval(returnOperation.ReturnedValue);
                        if (returnOperation.ReturnedValue is not null)
                        {
                            OnReturn(returnOperation.ReturnedValue, value);
                        }

                        return TaintValue.Clean;
                    }

                case IThrowOperation throwOperation:
                    Eval(throwOperation.Exception);
                    return TaintValue.Clean;

                case IExpressionStatementOperation statement:
                    return Eval(statement.Operation);

                case IDynamicInvocationOperation dynamicInvocation:
                    return TaintValue.JoinAll(new[] { Eval(dynamicInvocation.Operation) }.Concat(dynamicInvocation.Arguments.Select(a => Eval(a).Whole())));

                case IDynamicMemberReferenceOperation dynamicMember:
                    return Eval(dynamicMember.Instance).Whole();

                case IInvalidOperation invalid:
                    {
                        var value = TaintValue.Clean;
                        foreach (var child in invalid.ChildOperations)
                        {
                            value = value.Join(Eval(child).Whole());
                        }

                        return value;
                    }

                default:
                    {
                        // Unknown shapes: evaluate children for their effects; carry their content if the type can.
                        var value = TaintValue.Clean;
                        foreach (var child in operation.ChildOperations)
                        {
                            value = value.Join(Eval(child).Whole());
                        }

                        return ByType(value, operation.Type);
                    }
            }
        }

        /// <summary>Drops what a scalar-typed value cannot carry (a length, a flag, an id).</summary>
        private TaintValue ByType(TaintValue value, ITypeSymbol? type, ITypeSymbol? declared = null)
        {
            if (value == TaintValue.Clean)
            {
                return value;
            }

            if (!_model.IsContentCapable(type ?? declared))
            {
                return value.LabeledClient ? TaintValue.LabeledClientValue : TaintValue.Clean;
            }

            return value;
        }

        // ------------------------------------------------------------------ assignments

        private void Assign(IOperation target, TaintValue value)
        {
            switch (target)
            {
                case ILocalReferenceOperation local:
                    _state[local.Local] = value;
                    break;
                case IParameterReferenceOperation parameter:
                    _state[parameter.Parameter] = value;
                    break;
                case IFlowCaptureReferenceOperation capture:
                    _state[capture.Id] = value;
                    if (_captureAliases.TryGetValue(capture.Id, out var aliased))
                    {
                        // t = flag ? a : b: the graph captures the target first, then assigns through the capture.
                        switch (aliased)
                        {
                            case IFieldSymbol or IPropertySymbol:
                                AssignMember((ISymbol)aliased, null, value);
                                break;
                            default:
                                _state[aliased] = value;
                                break;
                        }
                    }

                    break;
                case IFieldReferenceOperation field:
                    AssignMember(field.Field, field.Instance, value);
                    break;
                case IPropertyReferenceOperation property when property.Arguments.Length == 0:
                    AssignMember(property.Property, property.Instance, value);
                    break;
                case IPropertyReferenceOperation indexer:
                    {
                        // list[i] = x, dict[key] = x: the collection now holds x.
                        foreach (var argument in indexer.Arguments)
                        {
                            Eval(argument.Value);
                        }

                        StoreInto(indexer.Instance, value.Whole());
                        break;
                    }

                case IArrayElementReferenceOperation element:
                    StoreInto(element.ArrayReference, value.Whole());
                    break;
                case ITupleOperation tuple:
                    foreach (var element in tuple.Elements)
                    {
                        Assign(element, value);
                    }

                    break;
                case IDeclarationExpressionOperation declaration:
                    Assign(declaration.Expression, value);
                    break;
                case IDiscardOperation:
                    break;
                default:
                    Eval(target);
                    break;
            }
        }

        /// <summary>
        /// Assigns the parts of <paramref name="value"/> (of type <paramref name="valueType"/>) to a deconstruction target:
        /// a tuple value element by element, anything else (a Deconstruct method) whole to every part.
        /// </summary>
        private void AssignDeconstruction(IOperation target, TaintValue value, ITypeSymbol? valueType)
        {
            switch (target)
            {
                case IDeclarationExpressionOperation declaration:
                    AssignDeconstruction(declaration.Expression, value, valueType);
                    break;
                case ITupleOperation tuple:
                    {
                        var tupleType = AsTuple(valueType, tuple.Elements.Length);
                        for (var i = 0; i < tuple.Elements.Length; i++)
                        {
                            if (tupleType is null)
                            {
                                AssignDeconstruction(tuple.Elements[i], value.Whole(), null);
                            }
                            else
                            {
                                var element = tupleType.TupleElements[i];
                                AssignDeconstruction(tuple.Elements[i], TupleElement(value, element), element.Type);
                            }
                        }

                        break;
                    }

                default:
                    Assign(target, ByType(valueType is null ? value.Whole() : value, target.Type));
                    break;
            }
        }

        /// <summary><paramref name="type"/> as a tuple type of <paramref name="elements"/> elements (up to 7, no Rest), or null.</summary>
        private static INamedTypeSymbol? AsTuple(ITypeSymbol? type, int elements) =>
            type is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.Length == elements && elements <= 7 ? tuple : null;

        /// <summary>The key of a tuple element among a value's fields: <c>ValueTuple`N.ItemK</c>, whatever the element's name.</summary>
        private static ISymbol TupleElementKey(IFieldSymbol element) => (element.CorrespondingTupleField ?? element).OriginalDefinition;

        /// <summary>The key of <paramref name="member"/> among a value's fields (tuple elements by position, see <see cref="TupleElementKey"/>).</summary>
        private static ISymbol MemberKey(ISymbol member) => member is IFieldSymbol { ContainingType.IsTupleType: true } element ? TupleElementKey(element) : member;

        /// <summary>One element of a tuple value: its own field, plus whatever the tuple as a whole carries.</summary>
        private static TaintValue TupleElement(TaintValue tuple, IFieldSymbol element)
        {
            if (tuple.Fields.IsEmpty)
            {
                return tuple.Own();
            }

            var own = tuple.Own();
            return tuple.Fields.TryGetValue(TupleElementKey(element), out var field) ? own.Join(field) : own;
        }

        private void AssignMember(ISymbol member, IOperation? instance, TaintValue value)
        {
            if (instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            {
                // this.F = x or a static field: remembered here and reported in the summary of the type.
                _state[member] = value;
                if (IsOwnMember(member))
                {
                    RecordFieldWrite(member, value);
                }

                return;
            }

            if (instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } && _objectUnderConstruction is not null)
            {
                _objectUnderConstruction = _objectUnderConstruction.WithField(member, value);
                return;
            }

            member = MemberKey(member);
            var key = EntityOf(instance);
            if (key is not null)
            {
                _state[key] = _state.Get(key).WithField(member, value);
                return;
            }

            // o.Inner.Text = x: rebuild the chain of member values up to the variable.
            var inner = Unwrap(instance!);
            ISymbol? parentMember = inner switch
            {
                IPropertyReferenceOperation { Arguments.Length: 0 } p => p.Property,
                IFieldReferenceOperation f => MemberKey(f.Field),
                _ => null,
            };
            var parentInstance = inner switch
            {
                IPropertyReferenceOperation p => p.Instance,
                IFieldReferenceOperation f => f.Instance,
                _ => null,
            };
            if (parentMember is not null && parentInstance is not null && EntityOf(parentInstance) is { } root)
            {
                var rootValue = _state.Get(root);
                var current = rootValue.Fields.TryGetValue(parentMember, out var existing) ? existing : TaintValue.Clean;
                _state[root] = rootValue.WithField(parentMember, current.WithField(member, value));
                return;
            }

            Eval(instance);
        }

        /// <summary>The variable an instance expression names, when it names one.</summary>
        private object? EntityOf(IOperation? operation) => operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFlowCaptureReferenceOperation capture => _captureAliases.TryGetValue(capture.Id, out var aliased) ? aliased : capture.Id,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } field => field.Field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }, Arguments.Length: 0 } property => property.Property,
            IConversionOperation conversion => EntityOf(conversion.Operand),
            IParenthesizedOperation parenthesized => EntityOf(parenthesized.Operand),
            _ => null,
        };

        /// <summary>A collection or builder now holds <paramref name="value"/> (element-level: the whole collection carries it).</summary>
        private void StoreInto(IOperation? receiver, TaintValue value)
        {
            if (receiver is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } && _objectUnderConstruction is not null)
            {
                _objectUnderConstruction = _objectUnderConstruction.Join(value.Own());
                return;
            }

            var key = EntityOf(receiver);
            while (key is null && receiver is not null && Unwrap(receiver) is IInvocationOperation fluent &&
                   fluent.Instance is not null && SymbolEqualityComparer.Default.Equals(fluent.Type, fluent.Instance.Type))
            {
                // sb.Append("a").Append(ai): a fluent call returns its receiver.
                receiver = fluent.Instance;
                key = EntityOf(receiver);
            }

            if (key is null)
            {
                return;
            }

            var updated = _state.Get(key).Join(value.Own());
            _state[key] = updated;
            if (key is ISymbol member && (member is IFieldSymbol || member is IPropertySymbol) && IsOwnMember(member))
            {
                RecordFieldWrite(member, updated);
            }
        }

        /// <summary>
        /// A write to a field of this type. Writes in the method's own graph are summarized by what the field holds at
        /// exit (a later overwrite clears); writes inside lambdas and local functions may run at any time, so they stick.
        /// </summary>
        private void RecordFieldWrite(ISymbol member, TaintValue value)
        {
            _fieldWrites[member] = _fieldWrites.TryGetValue(member, out var old) ? old.Join(value) : value;
            if (!ReferenceEquals(_graph, _rootGraph))
            {
                _stickyFieldWrites[member] = _stickyFieldWrites.TryGetValue(member, out var sticky) ? sticky.Join(value) : value;
            }
        }

        private bool IsOwnMember(ISymbol member) =>
            SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, _method.ContainingType?.OriginalDefinition);

        private void BindPattern(IPatternOperation? pattern, TaintValue input)
        {
            switch (pattern)
            {
                case IDeclarationPatternOperation declaration when declaration.DeclaredSymbol is ILocalSymbol local:
                    _state[local] = ByType(input, local.Type);
                    break;
                case IRecursivePatternOperation recursive:
                    if (recursive.DeclaredSymbol is ILocalSymbol recursiveLocal)
                    {
                        _state[recursiveLocal] = input;
                    }

                    foreach (var sub in recursive.PropertySubpatterns)
                    {
                        var member = sub.Member switch
                        {
                            IPropertyReferenceOperation p => ReadMember(input, p.Property, p.Type),
                            IFieldReferenceOperation f => ReadMember(input, f.Field, f.Type),
                            _ => input.Whole(),
                        };
                        BindPattern(sub.Pattern, member);
                    }

                    foreach (var sub in recursive.DeconstructionSubpatterns)
                    {
                        BindPattern(sub, input.Whole());
                    }

                    break;
                case IBinaryPatternOperation binaryPattern:
                    BindPattern(binaryPattern.LeftPattern, input);
                    BindPattern(binaryPattern.RightPattern, input);
                    break;
                case IListPatternOperation list:
                    foreach (var sub in list.Patterns)
                    {
                        BindPattern(sub, input.Whole());
                    }

                    if (list.DeclaredSymbol is ILocalSymbol listLocal)
                    {
                        _state[listLocal] = input;
                    }

                    break;
                case ISlicePatternOperation slice:
                    BindPattern(slice.Pattern, input);
                    break;
                case INegatedPatternOperation:
                    break;
            }
        }

        // ------------------------------------------------------------------ member reads

        private TaintValue EvalMemberRead(IOperation operation, ISymbol member, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                Eval(argument.Value);
            }

            if (FlowModel.HasAttribute(member, _model.AiGeneratedAttribute) ||
                (member is IPropertySymbol { OverriddenProperty: { } overridden } && FlowModel.HasAttribute(overridden.OriginalDefinition, _model.AiGeneratedAttribute)))
            {
                Eval(instance);
                var source = new SourceRef(TypeAndMember(member), operation.Syntax.GetLocation());
                _sourceCalls.Add(source);
                return TaintValue.FromSource(source);
            }

            if (member.IsStatic && IsRegistrationDisplay(member))
            {
                // The registration notice / number: followed like content, so AIC004 knows whether a user sees it.
                var owner = member.ContainingType!;
                return TaintValue.FromSource(new SourceRef(TypeAndMember(member), operation.Syntax.GetLocation(), notice: owner.ToDisplayString()));
            }

            if (instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            {
                // this.F or a static member.
                if (_state.TryGet(member, out var known))
                {
                    return ByType(known, operation.Type);
                }

                if (member is IFieldSymbol || (member is IPropertySymbol property && IsFieldLike(property)))
                {
                    if ((_fieldCollection && IsOwnMember(member)) || (operation.Type is { IsValueType: true } && !_model.IsContentCapable(operation.Type)))
                    {
                        return TaintValue.Clean; // a counter, flag or date field holds no content (and no client): no summary needed
                    }

                    var owner = member.ContainingType;
                    if (owner is not null && owner.DeclaringSyntaxReferences.Any(r => _context.Compilation.ContainsSyntaxTree(r.SyntaxTree)))
                    {
                        var summary = _context.GetFieldSummary(owner, _cancellationToken);
                        return summary.TryGetValue(member.OriginalDefinition, out var written) ? ByType(written, operation.Type) : TaintValue.Clean;
                    }

                    return TaintValue.Clean;
                }

                if (member is IPropertySymbol { GetMethod: { } getter } && instance is not null)
                {
                    return CallSummary(operation, getter, instance, ImmutableArray<IArgumentOperation>.Empty, TaintValue.Clean, ImmutableArray<TaintValue>.Empty) ?? TaintValue.Clean;
                }

                return TaintValue.Clean;
            }

            var receiver = Eval(instance);
            if (member is IPropertySymbol { IsIndexer: true })
            {
                return ByType(receiver.Whole(), operation.Type);
            }

            return ReadMember(receiver, member, operation.Type);
        }

        /// <summary>
        /// Reads <paramref name="member"/> of a value: its own per-member value if the object was built here, else the
        /// object's content if the member can carry it (for modeled SDK types only their content members do).
        /// </summary>
        private TaintValue ReadMember(TaintValue receiver, ISymbol member, ITypeSymbol? resultType)
        {
            if (!_model.IsContentCapable(resultType))
            {
                return TaintValue.Clean;
            }

            var key = MemberKey(member).OriginalDefinition;
            var value = TaintValue.Clean;
            var known = receiver.Fields.TryGetValue(MemberKey(member), out var field) || receiver.Fields.TryGetValue(key, out field);
            if (known)
            {
                value = field!;
            }
            else if (!receiver.Fields.IsEmpty && member is IPropertySymbol property &&
                     (!IsFieldLike(property) || !property.ContainingType.DeclaringSyntaxReferences.Any(r => _context.Compilation.ContainsSyntaxTree(r.SyntaxTree))))
            {
                // A computed property of an object built here may read any of its fields; a property of a type of
                // another assembly (Task<T>.Result, Nullable<T>.Value over a tuple) is not one of them: the whole value.
                value = receiver.Whole();
            }

            if (!receiver.HasOwnTaint || IsNeutralMember(member))
            {
                return value;
            }

            var content = _model.ContentMembersOf(member.ContainingType);
            if (content is not null && !content.Contains(member.Name))
            {
                return value;
            }

            return value.Join(receiver.Own());
        }

        private bool IsNeutralMember(ISymbol member) => _model.Find(member) is { Neutral: true } || _model.IsNeutralType(member.ContainingType);

        private static bool IsFieldLike(IPropertySymbol property) =>
            property.GetMethod is null ||
            property.DeclaringSyntaxReferences.Length == 0 ||
            property.DeclaringSyntaxReferences.All(r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax p &&
                                                         p.ExpressionBody is null &&
                                                         p.AccessorList is { } list &&
                                                         list.Accessors.All(a => a.Body is null && a.ExpressionBody is null));

        // ------------------------------------------------------------------ calls

        private TaintValue EvalInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var receiver = Eval(invocation.Instance);

            // A record's synthesized clone (the flow graph's lowering of `with`): the copy holds what the original held,
            // member by member; the initializer's assignments then overwrite members of the copy.
            if (method.Name == "<Clone>$" && method.IsImplicitlyDeclared && invocation.Instance is not null)
            {
                return receiver;
            }

            // Local functions: analyzed inline with the captured state.
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                var values = EvalArguments(invocation.Arguments, null);
                return AnalyzeLocalFunction(invocation, method, values);
            }

            var memberModel = _model.Find(method);
            var argumentValues = EvalArguments(invocation.Arguments, memberModel);

            // Sanitizers: the generated Label overloads and anything marked [AiContentLabeler].
            if ((memberModel?.Sanitizer ?? false) || FlowModel.HasAttribute(method.ReducedFrom ?? method, _model.LabelerAttribute) || FlowModel.HasAttribute(method.OriginalDefinition, _model.LabelerAttribute))
            {
                return TaintValue.JoinAll(argumentValues.Select(v => v.Whole())).Join(receiver.Whole()).AsLabeled();
            }

            if (IsLabelingWrapperFactory(method))
            {
                return TaintValue.LabeledClientValue;
            }

            // Sinks.
            var sinkCall = CheckSinks(invocation, method, memberModel, argumentValues);

            // Sources.
            var sourceDescription = memberModel?.SourceDescription;
            if (sourceDescription is null && IsAiGenerated(method.OriginalDefinition))
            {
                sourceDescription = TypeAndMember(method);
            }

            if (sourceDescription is not null)
            {
                var client = invocation.Instance is not null ? receiver : (argumentValues.Length > 0 ? argumentValues[0] : TaintValue.Clean);
                var clientOperation = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                var labeledClient = client.LabeledClient || (clientOperation is not null && IsLabelingClientType(Unwrap(clientOperation).Type)) || IsLabelingClientType(method.ContainingType);
                var source = new SourceRef(sourceDescription, invocation.Syntax.GetLocation(), labeled: labeledClient); // the labeling wrapper's responses are labeled
                _sourceCalls.Add(source);
                return TaintValue.FromSource(source);
            }

            if (sinkCall)
            {
                return TaintValue.Clean; // what a sink returns (an IResult, a Task) is not content
            }

            // builder.UseSvcLabels()...Build(): the pipeline's outer client labels.
            var self = invocation.Instance is not null ? receiver : (method.IsExtensionMethod && argumentValues.Length > 0 ? argumentValues[0] : TaintValue.Clean);
            if (self.LabeledClient && _model.DelegatingChatClient is not null &&
                method.ReturnType is INamedTypeSymbol { Name: "IChatClient" } or INamedTypeSymbol { Name: "ChatClientBuilder" })
            {
                return TaintValue.LabeledClientValue;
            }

            // User-declared pass-through summaries (aicompliance.json) replace the default rule and the body's own summary.
            if (memberModel is { Summaries.Count: > 0 })
            {
                return ApplyUserSummaries(invocation, method, memberModel.Summaries, receiver, argumentValues);
            }

            // Methods of this compilation: their summary.
            var summarized = CallSummary(invocation, method, invocation.Instance, invocation.Arguments, receiver, argumentValues);
            if (summarized is not null)
            {
                return summarized;
            }

            CheckTampering(invocation, method, receiver, argumentValues);
            var external = ExternalCall(invocation, method, memberModel, receiver, argumentValues);
            var abstractTarget = (method.ReducedFrom ?? method).OriginalDefinition;
            if (IsVirtualDispatch(invocation, abstractTarget))
            {
                external = external.Join(DispatchSummary(invocation, abstractTarget, invocation.Instance, invocation.Arguments, receiver, argumentValues));
            }

            return method.Name == "Concat" && method.ContainingType?.SpecialType == SpecialType.System_String && IsLabeledComposition(invocation)
                ? external.AsLabeled()
                : external;
        }

        private ImmutableArray<TaintValue> EvalArguments(ImmutableArray<IArgumentOperation> arguments, MemberModel? memberModel)
        {
            var builder = ImmutableArray.CreateBuilder<TaintValue>(arguments.Length);
            foreach (var argument in arguments)
            {
                // Lambdas are analyzed by the call that receives them (it knows what flows into their parameters).
                if (Unwrap(argument.Value) is IFlowAnonymousFunctionOperation)
                {
                    builder.Add(TaintValue.Clean);
                    continue;
                }

                builder.Add(Eval(argument.Value));
            }

            return builder.MoveToImmutable();
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IDelegateCreationOperation creation:
                        operation = creation.Target;
                        continue;
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>Reports each sink argument that carries content; returns whether the call is a sink.</summary>
        private bool CheckSinks(IInvocationOperation invocation, IMethodSymbol method, MemberModel? memberModel, ImmutableArray<TaintValue> values)
        {
            var isSink = false;
            HashSet<int>? handlers = null;
            if (memberModel is not null)
            {
                foreach (var (access, description, consoleOnly) in memberModel.Sinks)
                {
                    if (consoleOnly && !IsConsoleWriter(invocation.Instance))
                    {
                        continue;
                    }

                    isSink = true;
                    var sinkName = description == RazorSinks.ComponentParameter ? ComponentParameterSink(invocation) : description;
                    for (var i = 0; i < invocation.Arguments.Length; i++)
                    {
                        var argument = invocation.Arguments[i];
                        var ordinal = argument.Parameter?.Ordinal ?? i;
                        if (!access.Covers(ordinal))
                        {
                            continue;
                        }

                        if (access.DelegateReturn)
                        {
                            (handlers ??= new HashSet<int>()).Add(i);
                            HandlerSink(argument.Value, sinkName);
                        }
                        else
                        {
                            ReportSink(argument.Value, values[i], sinkName);
                        }
                    }
                }
            }

            // Blazor: AddAttribute right after OpenComponent sets a child component's parameter (Razor output before
            // .NET 8, and ChildContent fragments today). Element attributes are not sinks.
            if (method.Name == "AddAttribute" && invocation.Arguments.Length == 3 && IsRenderTreeBuilder(method.ContainingType) &&
                OpenedComponent(invocation.Syntax, out _))
            {
                isSink = true;
                ReportSink(invocation.Arguments[2].Value, values[2], ComponentParameterSink(invocation));
            }

            // Body writes: response.Body.WriteAsync(...)
            if (IsResponseBody(invocation.Instance) && _model.Stream is not null && IsOrDerives(method.ContainingType, _model.Stream))
            {
                isSink = true;
                for (var i = 0; i < invocation.Arguments.Length; i++)
                {
                    ReportSink(invocation.Arguments[i].Value, values[i], "HttpResponse.Body." + method.Name);
                }
            }

            // Strongly typed SignalR clients: Clients.All.ReceiveMessage(text)
            if (method.ContainingType?.TypeKind == TypeKind.Interface && IsHubClientProxy(invocation.Instance))
            {
                isSink = true;
                for (var i = 0; i < invocation.Arguments.Length; i++)
                {
                    ReportSink(invocation.Arguments[i].Value, values[i], "hub client '" + method.Name + "'");
                }
            }

            // [UserFacing] parameters and methods.
            if (_model.UserFacingAttribute is not null)
            {
                var definition = (method.ReducedFrom ?? method).OriginalDefinition;
                var wholeMethod = FlowModel.HasAttribute(definition, _model.UserFacingAttribute);
                for (var i = 0; i < invocation.Arguments.Length; i++)
                {
                    var parameter = invocation.Arguments[i].Parameter;
                    if (wholeMethod || (parameter is not null && FlowModel.HasAttribute(parameter.OriginalDefinition, _model.UserFacingAttribute)))
                    {
                        isSink = true;
                        ReportSink(invocation.Arguments[i].Value, values[i], TypeAndMember(definition));
                    }
                }
            }

            if (isSink)
            {
                // Lambdas handed to a sink (a component's RenderFragment child content) run with what they capture:
                // follow them for the sinks inside (a sink call returns before the external-call path would).
                for (var i = 0; i < invocation.Arguments.Length; i++)
                {
                    if ((handlers is null || !handlers.Contains(i)) && Unwrap(invocation.Arguments[i].Value) is IFlowAnonymousFunctionOperation lambda)
                    {
                        AnalyzeLambda(lambda, _ => TaintValue.Clean, returnSink: null);
                    }
                }
            }

            return isSink;
        }

        private static bool IsRenderTreeBuilder(INamedTypeSymbol? type) =>
            type is { Name: "RenderTreeBuilder", ContainingNamespace: { Name: "Rendering", ContainingNamespace: { Name: "Components", ContainingNamespace: { Name: "AspNetCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } } } };

        /// <summary>"component parameter Child.Text" for a parameter set on a child component (names as far as the code tells).</summary>
        private static string ComponentParameterSink(IInvocationOperation invocation)
        {
            var name = invocation.Arguments.Length > 1 && invocation.Arguments[1].Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
            OpenedComponent(invocation.Syntax, out var component);
            return name is null
                ? RazorSinks.ComponentParameter
                : RazorSinks.ComponentParameter + " " + (component is null ? name : component + "." + name);
        }

        /// <summary>
        /// Whether the statement holding <paramref name="call"/> follows a <c>builder.OpenComponent…</c> with only
        /// attribute-like builder calls in between (the shape Razor emits); <paramref name="component"/> is the type's
        /// simple name when the call names it. Syntax only: Razor output is a flat list of builder statements.
        /// </summary>
        private static bool OpenedComponent(SyntaxNode call, out string? component)
        {
            component = null;
            var statement = call.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax>();
            if (statement?.Parent is not Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax block)
            {
                return false;
            }

            var index = block.Statements.IndexOf(statement);
            for (var i = index - 1; i >= 0 && i >= index - 64; i--)
            {
                if (block.Statements[i] is not Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax
                    {
                        Expression: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                        {
                            Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name: var calledName },
                        },
                    })
                {
                    return false;
                }

                var called = calledName.Identifier.ValueText;
                if (called == "OpenComponent")
                {
                    if (calledName is Microsoft.CodeAnalysis.CSharp.Syntax.GenericNameSyntax { TypeArgumentList.Arguments: { Count: 1 } typeArguments })
                    {
                        component = typeArguments[0] switch
                        {
                            Microsoft.CodeAnalysis.CSharp.Syntax.QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                            Microsoft.CodeAnalysis.CSharp.Syntax.AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                            Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax simple => simple.Identifier.ValueText,
                            _ => null,
                        };
                    }

                    return true;
                }

                if (called.StartsWith("Open", StringComparison.Ordinal) || called.StartsWith("Close", StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>The return value of a route-handler delegate reaches the user.</summary>
        private void HandlerSink(IOperation argument, string sink)
        {
            switch (Unwrap(argument))
            {
                case IFlowAnonymousFunctionOperation lambda:
                    AnalyzeLambda(lambda, _ => TaintValue.Clean, returnSink: sink);
                    break;
                case IMethodReferenceOperation reference:
                    {
                        var value = MethodGroupValue(reference.Method);
                        ReportSink(argument, value, sink, HandlerReturnLocation(reference.Method));
                        break;
                    }

                default:
                    ReportSink(argument, Eval(argument), sink);
                    break;
            }
        }

        private static Location? HandlerReturnLocation(IMethodSymbol method) =>
            method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax().GetLocation();

        private TaintValue MethodGroupValue(IMethodSymbol method)
        {
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                return AnalyzeLocalFunctionBody(method, _ => TaintValue.Clean)?.Whole() ?? TaintValue.Clean;
            }

            var result = _context.GetResult(method, _depth + 1, _cancellationToken);
            return result is null ? TaintValue.Clean : result.Summary.Return.WithoutParams().Whole();
        }

        private void ReportSink(IOperation expression, TaintValue value, string sink, Location? helperSink = null, string? via = null)
        {
            var whole = value.Whole();
            if (!whole.IsTainted)
            {
                return;
            }

            if (!whole.Params.IsEmpty && !_fieldCollection)
            {
                foreach (var parameter in whole.Params)
                {
                    var chain = TypeAndMember(_method) + (via is null ? string.Empty : " → " + via);
                    _paramSinks.Add(new ParamSink(parameter, sink, helperSink ?? expression.Syntax.GetLocation(), chain));
                }
            }

            if (whole.Sources.IsEmpty || _fieldCollection)
            {
                return;
            }

            foreach (var notice in whole.Sources)
            {
                if (notice.Notice is not null)
                {
                    _noticesShown.Add(notice.Notice);
                }
            }

            if (whole.Sources.All(s => s.Notice is not null))
            {
                return;
            }

            var node = expression.Syntax;
            var unlabeled = whole.Sources.Where(s => !s.Labeled && s.Notice is null).ToImmutableHashSet();
            var target = unlabeled.IsEmpty ? _labeledFindings : _findings;
            var reported = TaintValue.FromSources(unlabeled.IsEmpty ? whole.Sources.Where(s => s.Notice is null).ToImmutableHashSet() : unlabeled);
            if (target.TryGetValue(node, out var existing))
            {
                existing.Value = existing.Value.Join(reported);
            }
            else
            {
                target[node] = new Finding(node, sink, reported, helperSink, via);
            }
        }

        /// <summary>A call into a method of this compilation, through its summary. Null when it has no body here.</summary>
        private TaintValue? CallSummary(IOperation call, IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, TaintValue receiver, ImmutableArray<TaintValue> values)
        {
            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            if (definition.DeclaringSyntaxReferences.Length == 0 || definition.IsAbstract ||
                !_context.Compilation.ContainsSyntaxTree(definition.DeclaringSyntaxReferences[0].SyntaxTree))
            {
                return null;
            }

            // A lambda handed to a helper carries what it returns (Apply(() => ai) where Apply invokes it).
            if (arguments.Any(a => Unwrap(a.Value) is IFlowAnonymousFunctionOperation))
            {
                var adjusted = values.ToBuilder();
                for (var i = 0; i < arguments.Length && i < adjusted.Count; i++)
                {
                    if (Unwrap(arguments[i].Value) is IFlowAnonymousFunctionOperation lambda)
                    {
                        adjusted[i] = AnalyzeLambda(lambda, _ => TaintValue.Clean, returnSink: null);
                    }
                }

                values = adjusted.ToImmutable();
            }

            // Skip binding the callee when nothing can come out of it.
            var anyInput = receiver.IsTainted || values.Any(v => v.IsTainted);
            if (!anyInput && !_context.MayProduce(definition))
            {
                return IsVirtualDispatch(call, definition) ? DispatchSummary(call, definition, instance, arguments, receiver, values) : TaintValue.Clean;
            }

            var result = _context.GetResult(definition, _depth + 1, _cancellationToken);
            if (result is null)
            {
                return null;
            }

            var returned = ApplySummary(result, call, instance, arguments, receiver, values);
            return IsVirtualDispatch(call, definition) ? returned.Join(DispatchSummary(call, definition, instance, arguments, receiver, values)) : returned;
        }

        /// <summary>A call through a virtual, abstract or interface member (not <c>base.M()</c>).</summary>
        private static bool IsVirtualDispatch(IOperation call, IMethodSymbol definition) =>
            call is IInvocationOperation { IsVirtual: true } &&
            (definition.IsAbstract || definition.IsVirtual || definition.IsOverride || definition.ContainingType?.TypeKind == TypeKind.Interface);

        /// <summary>
        /// What the overrides and implementations in this compilation that can produce content return for this call
        /// (and where their parameters reach sinks): a call through a base class or an interface may run any of them.
        /// </summary>
        private TaintValue DispatchSummary(IOperation call, IMethodSymbol definition, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, TaintValue receiver, ImmutableArray<TaintValue> values)
        {
            var returned = TaintValue.Clean;
            var contentGoesIn = receiver.IsTainted || values.Any(v => v.IsTainted);
            var targets = contentGoesIn ? _context.AllOverrides(definition, _cancellationToken) : _context.ProducingOverrides(definition, _cancellationToken);
            foreach (var target in targets)
            {
                var result = _context.GetResult(target, _depth + 1, _cancellationToken);
                if (result is not null)
                {
                    returned = returned.Join(ApplySummary(result, call, instance, arguments, receiver, values));
                }
            }

            return returned;
        }

        /// <summary>Applies a callee's summary at a call: parameter sinks reported at the arguments, out values, receiver fields, the return.</summary>
        private TaintValue ApplySummary(MethodResult result, IOperation call, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, TaintValue receiver, ImmutableArray<TaintValue> values)
        {
            var byOrdinal = new Dictionary<int, TaintValue>();
            var byOrdinalOperation = new Dictionary<int, IOperation>();
            for (var i = 0; i < arguments.Length && i < values.Length; i++)
            {
                var ordinal = arguments[i].Parameter?.Ordinal ?? i;
                byOrdinal[ordinal] = byOrdinal.TryGetValue(ordinal, out var existing) ? existing.Join(values[i]) : values[i];
                byOrdinalOperation[ordinal] = arguments[i].Value;
            }

            TaintValue Argument(int ordinal) =>
                ordinal == TaintValue.ThisParameter ? receiver : (byOrdinal.TryGetValue(ordinal, out var v) ? v : TaintValue.Clean);

            // Parameters that reach a sink inside the helper: report here, at the argument.
            foreach (var paramSink in result.Summary.ParamSinks)
            {
                var argumentValue = Argument(paramSink.Parameter);
                var operation = paramSink.Parameter == TaintValue.ThisParameter ? instance : (byOrdinalOperation.TryGetValue(paramSink.Parameter, out var op) ? op : null);
                if (operation is not null)
                {
                    ReportSink(operation, argumentValue, paramSink.Sink, paramSink.Location, paramSink.Via);
                }
            }

            // out / ref arguments.
            foreach (var outValue in result.Summary.OutValues)
            {
                if (byOrdinalOperation.TryGetValue(outValue.Key, out var target))
                {
                    Assign(target, outValue.Value.Instantiate(Argument));
                }
            }

            // Fields of the receiver written from parameters (constructors, setters, Add-like helpers).
            if (!result.Summary.FieldWrites.IsEmpty && instance is not null)
            {
                var key = EntityOf(instance);
                if (key is not null)
                {
                    var updated = _state.Get(key);
                    foreach (var write in result.Summary.FieldWrites)
                    {
                        var value = write.Value.Instantiate(Argument);
                        if (value.IsTainted && !write.Key.IsStatic)
                        {
                            updated = updated.WithField(write.Key, value);
                        }
                    }

                    _state[key] = updated;
                }
            }

            return ByType(result.Summary.Return.Instantiate(Argument), call.Type);
        }

        /// <summary>A call into a library we only know by the model and the defaults.</summary>
        private TaintValue ExternalCall(IInvocationOperation invocation, IMethodSymbol method, MemberModel? memberModel, TaintValue receiver, ImmutableArray<TaintValue> values)
        {
            var inputs = receiver.Whole();
            if (invocation.Instance is null && method.IsExtensionMethod == false && (method.ReducedFrom is null))
            {
                // static call: inputs are the arguments
            }

            // Reading through a modeled SDK type: only its content members carry content.
            if (invocation.Instance is not null && receiver.HasOwnTaint)
            {
                var content = _model.ContentMembersOf(method.ContainingType);
                if ((content is not null && !content.Contains(method.Name)) || IsNeutralMember(method))
                {
                    inputs = TaintValue.Clean;
                }
            }

            var argumentsTaint = TaintValue.Clean;
            for (var i = 0; i < values.Length; i++)
            {
                argumentsTaint = argumentsTaint.Join(values[i].Whole());
            }

            // Extension methods on modeled SDK types (content members named by the static method).
            if (invocation.Instance is null && method.IsExtensionMethod && values.Length > 0 && values[0].HasOwnTaint)
            {
                var thisType = method.Parameters.Length > 0 ? method.Parameters[0].Type : null;
                var content = _model.ContentMembersOf(thisType);
                if (content is not null && !content.Contains(method.Name))
                {
                    argumentsTaint = TaintValue.JoinAll(values.Skip(1).Select(v => v.Whole()));
                }
            }

            // Projections: content reaches the result only through the selector's return value.
            if (memberModel?.Projection ?? false)
            {
                var source = invocation.Instance is not null ? receiver.Whole() : (values.Length > 0 ? values[0].Whole() : TaintValue.Clean);
                var projected = AnalyzeLambdaArguments(invocation.Arguments, source);
                return ByType(projected, invocation.Type);
            }

            var all = inputs.Join(argumentsTaint);

            // Lambdas passed to the library see the other inputs (ForEach, Where, ContinueWith, Aggregate...).
            var lambdaReturns = AnalyzeLambdaArguments(invocation.Arguments, all);

            // Mutators of collections and builders store their arguments in the receiver.
            if (argumentsTaint.IsTainted && StoresInReceiver(method, memberModel))
            {
                if (invocation.Instance is not null)
                {
                    StoreInto(invocation.Instance, argumentsTaint);
                }
                else if (invocation.Arguments.Length > 0)
                {
                    StoreInto(invocation.Arguments[0].Value, TaintValue.JoinAll(values.Skip(1).Select(v => v.Whole())));
                }
            }

            // Copies write their destination: ai.AsSpan().CopyTo(buffer), text.CopyTo(0, chars, 0, n), Array.Copy(src, dst, n).
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

            // out / ref arguments receive the inputs (TryGetValue, TryPickText, TryParse of text).
            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                var argument = invocation.Arguments[i];
                if (argument.Parameter is { RefKind: RefKind.Out or RefKind.Ref } parameter && _model.IsContentCapable(parameter.Type))
                {
                    Assign(argument.Value, ByType(inputs.Join(TaintValue.JoinAll(values.Where((_, j) => j != i).Select(v => v.Whole()))), parameter.Type));
                }
            }

            return ByType(all.Join(lambdaReturns).Own(), invocation.Type);
        }

        /// <summary>
        /// A member with user-declared summaries passes exactly what they say: "Argument[i] -> ReturnValue" to the
        /// call's value, "Argument[i] -> this" into the receiver (an extension method's first argument), and nothing
        /// else. Argument ordinals are parameter ordinals of the declared method (an extension method's this is 0).
        /// </summary>
        private TaintValue ApplyUserSummaries(IInvocationOperation invocation, IMethodSymbol method, List<SummaryAccess> summaries, TaintValue receiver, ImmutableArray<TaintValue> values)
        {
            var extensionSelf = invocation.Instance is null && method.IsExtensionMethod && invocation.Arguments.Length > 0;
            var self = extensionSelf ? invocation.Arguments[0].Value : invocation.Instance;
            var selfValue = extensionSelf ? values[0].Whole() : receiver.Whole();
            var result = TaintValue.Clean;
            foreach (var summary in summaries)
            {
                var from = summary.From == SummaryAccess.This ? selfValue : TaintValue.Clean;
                for (var i = 0; i < invocation.Arguments.Length && summary.From != SummaryAccess.This; i++)
                {
                    var ordinal = invocation.Arguments[i].Parameter?.Ordinal ?? i;
                    if (summary.From == SummaryAccess.AllArguments || summary.From == ordinal)
                    {
                        from = from.Join(values[i].Whole());
                    }
                }

                if (summary.ToReturn)
                {
                    result = result.Join(from);
                }
                else if (from.IsTainted && self is not null)
                {
                    StoreInto(self, from);
                }
            }

            return ByType(result.Own(), invocation.Type);
        }

        /// <summary>A destination a copy writes into: an array, <c>Span&lt;T&gt;</c> or <c>Memory&lt;T&gt;</c>.</summary>
        private static bool IsBufferType(ITypeSymbol? type) =>
            type is IArrayTypeSymbol || (type is INamedTypeSymbol { Name: "Span" or "Memory" or "Array", ContainingNamespace.Name: "System" });

        private bool StoresInReceiver(IMethodSymbol method, MemberModel? memberModel)
        {
            if (memberModel?.StoresInReceiver ?? false)
            {
                return true;
            }

            if (method.IsStatic && !method.IsExtensionMethod)
            {
                return false;
            }

            var name = method.Name;
            var mutator = name.StartsWith("Add", StringComparison.Ordinal) || name.StartsWith("Append", StringComparison.Ordinal) ||
                          name.StartsWith("Insert", StringComparison.Ordinal) || name.StartsWith("Push", StringComparison.Ordinal) ||
                          name.StartsWith("Enqueue", StringComparison.Ordinal) || name.StartsWith("Prepend", StringComparison.Ordinal) ||
                          name.StartsWith("Write", StringComparison.Ordinal) || name == "TryAdd" || name == "Set" || name == "Replace" ||
                          name == "GetOrAdd" || name == "AddOrUpdate" || name == "TryUpdate";
            if (!mutator)
            {
                return false;
            }

            var type = method.IsExtensionMethod && method.ReducedFrom is null && method.Parameters.Length > 0 ? method.Parameters[0].Type : method.ContainingType;
            if (type is null)
            {
                return false;
            }

            return IsOrDerives(type, _model.StringBuilder) || IsOrDerives(type, _model.TextWriter) ||
                   type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_IEnumerable || i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) ||
                   type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_ICollection_T ||
                   type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IList_T;
        }

        // ------------------------------------------------------------------ label tampering (AIC005)

        /// <summary>
        /// AIC005: labeled content cut or rewritten in a way that can drop the label (Substring, Remove, Replace,
        /// Split, Trim with arguments, Regex.Replace, slicing), or code that searches the label text to remove it.
        /// </summary>
        private void CheckTampering(IInvocationOperation invocation, IMethodSymbol method, TaintValue receiver, ImmutableArray<TaintValue> values)
        {
            if (_fieldCollection)
            {
                return;
            }

            var name = method.Name;
            var onString = method.ContainingType?.SpecialType == SpecialType.System_String && !method.IsStatic;
            var regex = method.ContainingType is { Name: "Regex", ContainingNamespace: { } ns } && ns.ToDisplayString() == "System.Text.RegularExpressions";

            // Removing the label text itself, whatever the input.
            if ((onString && (name == "Replace" || name == "Remove" || name == "Trim" || name == "TrimStart" || name == "TrimEnd")) || (regex && name == "Replace"))
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Ordinal is int ordinal && (regex ? ordinal == 1 : ordinal == 0) && IsLabelPiece(Unwrap(argument.Value)))
                    {
                        AddTampering(invocation, name + " of the label text");
                        return;
                    }
                }
            }

            TaintValue input;
            bool cuts;
            if (onString)
            {
                input = receiver;
                cuts = name == "Substring" || name == "Remove" || name == "Split" || name == "Slice" ||
                       (name == "Replace" && !ReplacesOnlyTextOutsideLabels(invocation)) ||
                       ((name == "Trim" || name == "TrimStart" || name == "TrimEnd") && invocation.Arguments.Length > 0 && !TrimsOnlyCharactersOutsideLabels(invocation));
            }
            else if (regex && (name == "Replace" || name == "Split"))
            {
                input = method.IsStatic ? (values.Length > 0 ? values[0] : TaintValue.Clean) : (values.Length > 0 ? values[0] : TaintValue.Clean);
                cuts = true;
            }
            else
            {
                return;
            }

            var whole = input.Whole();
            if (cuts && whole.Sources.Count > 0 && whole.Sources.All(s => s.Labeled))
            {
                AddTampering(invocation, (regex ? "Regex." : "string.") + name);
            }
        }

        /// <summary>text.Replace("\n", "|"): a constant that no label of the compilation contains cannot cut a label.</summary>
        private bool ReplacesOnlyTextOutsideLabels(IInvocationOperation invocation) =>
            invocation.Arguments.Length > 0 &&
            invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string old } &&
            old.Length > 0 &&
            _model.LabelTexts.All(label => label.IndexOf(old, StringComparison.Ordinal) < 0);

        /// <summary>text.Trim(' ', '.'): constant characters that no label of the compilation contains cannot cut a label.</summary>
        private bool TrimsOnlyCharactersOutsideLabels(IInvocationOperation invocation)
        {
            var characters = new List<char>();
            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues.AsEnumerable() : new[] { argument.Value };
                foreach (var element in value)
                {
                    if (element.ConstantValue is { HasValue: true, Value: char c })
                    {
                        characters.Add(c);
                    }
                    else
                    {
                        return false;
                    }
                }
            }

            return characters.Count > 0 && _model.LabelTexts.All(label => characters.All(c => label.IndexOf(c) < 0));
        }

        private void AddTampering(IOperation operation, string what)
        {
            var node = operation.Syntax;
            if (!_tampering.ContainsKey(node))
            {
                _tampering[node] = new Finding(node, what, TaintValue.Clean, null, null);
            }
        }

        // ------------------------------------------------------------------ lambdas and local functions

        /// <summary>Analyzes the lambda arguments of a call, their parameters seeing <paramref name="input"/>; returns the join of their returns.</summary>
        private TaintValue AnalyzeLambdaArguments(ImmutableArray<IArgumentOperation> arguments, TaintValue input)
        {
            var returned = TaintValue.Clean;
            foreach (var argument in arguments)
            {
                if (Unwrap(argument.Value) is IFlowAnonymousFunctionOperation lambda)
                {
                    returned = returned.Join(AnalyzeLambda(lambda, p => ByType(input, p.Type), returnSink: null));
                }
            }

            return returned;
        }

        private TaintValue AnalyzeLambda(IFlowAnonymousFunctionOperation lambda, Func<IParameterSymbol, TaintValue> parameterValue, string? returnSink)
        {
            ControlFlowGraph body;
            try
            {
                body = _graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken);
            }
            catch (ArgumentException)
            {
                return TaintValue.Clean;
            }

            var initial = _state.Clone();
            foreach (var parameter in lambda.Symbol.Parameters)
            {
                initial[parameter] = parameterValue(parameter);
            }

            var savedSink = _returnSink;
            _returnSink = returnSink;
            try
            {
                return Run(body, initial);
            }
            finally
            {
                _returnSink = savedSink;
            }
        }

        private TaintValue AnalyzeLocalFunction(IInvocationOperation invocation, IMethodSymbol localFunction, ImmutableArray<TaintValue> values)
        {
            if (_localFunctionDepth >= MaxLocalFunctionDepth)
            {
                return TaintValue.JoinAll(values.Select(v => v.Whole()));
            }

            var byParameter = new Dictionary<IParameterSymbol, TaintValue>(SymbolEqualityComparer.Default);
            for (var i = 0; i < invocation.Arguments.Length && i < values.Length; i++)
            {
                if (invocation.Arguments[i].Parameter is { } parameter)
                {
                    byParameter[parameter.OriginalDefinition] = values[i];
                }
            }

            var result = AnalyzeLocalFunctionBody(localFunction, p => byParameter.TryGetValue(p.OriginalDefinition, out var v) ? v : TaintValue.Clean);
            return result ?? TaintValue.JoinAll(values.Select(v => v.Whole()));
        }

        /// <summary>Runs a local function's graph with the captured state; null when its graph is not available.</summary>
        private TaintValue? AnalyzeLocalFunctionBody(IMethodSymbol localFunction, Func<IParameterSymbol, TaintValue> parameterValue)
        {
            if (_localFunctionDepth >= MaxLocalFunctionDepth)
            {
                return null;
            }

            ControlFlowGraph body;
            try
            {
                body = _graph.GetLocalFunctionControlFlowGraphInScope(localFunction.OriginalDefinition, _cancellationToken);
            }
            catch (ArgumentException)
            {
                return null;
            }

            var nested = new MethodAnalysis(_context, _method, _depth, _fieldCollection, _findings, _paramSinks, _fieldWrites, _stickyFieldWrites, _localFunctionDepth + 1, _cancellationToken)
            {
                _graph = _graph,
            };
            var initial = _state.Clone();
            foreach (var parameter in localFunction.Parameters)
            {
                var value = parameterValue(parameter);
                initial[parameter.OriginalDefinition] = value;
                initial[parameter] = value;
            }

            try
            {
                _context.Injection?.ThrowIfInjected(localFunction, body.OriginalOperation.Syntax.SyntaxTree);
                return nested.Run(body, initial);
            }
            catch (Exception ex) when (MethodAnalysisException.ShouldWrap(ex))
            {
                throw new MethodAnalysisException(localFunction, ex); // names the local function that failed (AIC009)
            }
        }

        // ------------------------------------------------------------------ creation

        private TaintValue EvalCreation(IObjectCreationOperation creation)
        {
            var type = creation.Type;
            if (IsLabelingClientType(type))
            {
                return TaintValue.LabeledClientValue;
            }

            var values = EvalArguments(creation.Arguments, null);
            if (creation.Constructor is { } sinkConstructor && _model.Find(sinkConstructor) is { Sinks.Count: > 0 } constructorModel)
            {
                // A constructor that is a sink (new MarkupString(ai)): reported at the argument; the object is not followed.
                foreach (var (access, description, _) in constructorModel.Sinks)
                {
                    for (var i = 0; i < creation.Arguments.Length && i < values.Length; i++)
                    {
                        if (access.Covers(creation.Arguments[i].Parameter?.Ordinal ?? i) && !access.DelegateReturn)
                        {
                            ReportSink(creation.Arguments[i].Value, values[i], description);
                        }
                    }
                }

                return TaintValue.Clean;
            }

            TaintValue value;
            var summarized = creation.Constructor is { } constructor
                ? CallSummary(creation, constructor, null, creation.Arguments, TaintValue.Clean, values)
                : null;
            if (summarized is not null && creation.Constructor is { } ctor)
            {
                // Constructor of this compilation: its writes to fields become the new object's fields.
                value = TaintValue.Clean;
                var result = _context.GetResult(ctor, _depth + 1, _cancellationToken);
                if (result is not null)
                {
                    foreach (var write in result.Summary.FieldWrites)
                    {
                        if (write.Key.IsStatic)
                        {
                            continue;
                        }

                        var instantiated = write.Value.Instantiate(ordinal => ordinal >= 0 && ordinal < values.Length ? values[ordinal] : TaintValue.Clean);
                        if (instantiated.IsTainted)
                        {
                            value = value.WithField(write.Key, instantiated);
                        }
                    }
                }
            }
            else
            {
                var arguments = TaintValue.JoinAll(values.Select(v => v.Whole()));
                var lambdaReturns = AnalyzeLambdaArguments(creation.Arguments, arguments);
                value = ByType(arguments.Join(lambdaReturns).Own(), type);
                if (type is INamedTypeSymbol { IsRecord: true } record && creation.Constructor is { } recordCtor)
                {
                    // Positional records: parameter i becomes the property of the same name.
                    value = TaintValue.Clean;
                    for (var i = 0; i < creation.Arguments.Length; i++)
                    {
                        var parameter = creation.Arguments[i].Parameter;
                        var property = parameter is null ? null : record.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
                        value = property is not null ? value.WithField(property, values[i]) : value.Join(values[i].Whole());
                    }
                }
            }

            if (creation.Initializer is not null)
            {
                var saved = _objectUnderConstruction;
                _objectUnderConstruction = value;
                try
                {
                    foreach (var initializer in creation.Initializer.Initializers)
                    {
                        Eval(initializer);
                    }

                    value = _objectUnderConstruction;
                }
                finally
                {
                    _objectUnderConstruction = saved;
                }
            }

            return ByType(value, type);
        }

        // ------------------------------------------------------------------ recognizers

        private static bool IsControllerAction(FlowModel model, IMethodSymbol method)
        {
            if (model.ControllerBase is null || method.MethodKind != MethodKind.Ordinary || method.IsStatic ||
                method.DeclaredAccessibility != Accessibility.Public || method.ContainingType is not { IsAbstract: false } type)
            {
                return false;
            }

            // The type first: most types are not controllers, and a method's attributes are bound on first request.
            return (IsOrDerives(type, model.ControllerBase) || FlowModel.HasAttribute(type, model.ControllerAttribute)) &&
                   !FlowModel.HasAttribute(method, model.NonActionAttribute);
        }

        private static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsConsoleWriter(IOperation? instance)
        {
            switch (instance is null ? null : Unwrap(instance))
            {
                case IPropertyReferenceOperation { Property: { Name: "Out" or "Error" } property }:
                    return SymbolEqualityComparer.Default.Equals(property.ContainingType, _model.Console);
                case ILocalReferenceOperation { Local: { } local }:
                    // var w = Console.Out; w.WriteLine(...): a local that holds the console writer and nothing else.
                    return SingleAssignmentInitializer(local, i => NameOf(i) is "Out" or "Error") is { } initializer &&
                           _context.SemanticModelFor(initializer.SyntaxTree).GetSymbolInfo(initializer, _cancellationToken).Symbol is IPropertySymbol { Name: "Out" or "Error" } held &&
                           SymbolEqualityComparer.Default.Equals(held.ContainingType, _model.Console);
                default:
                    return false;
            }
        }

        private bool IsResponseBody(IOperation? instance) =>
            instance is not null && Unwrap(instance) is IPropertyReferenceOperation { Property: { Name: "Body" or "BodyWriter" } property } &&
            IsOrDerives(property.ContainingType, _model.HttpResponse);

        private bool IsHubClientProxy(IOperation? instance)
        {
            var member = instance is null ? null : Unwrap(instance) switch
            {
                IPropertyReferenceOperation p => (ISymbol)p.Property,
                IInvocationOperation i => i.TargetMethod,
                _ => null,
            };
            var owner = member?.ContainingType?.OriginalDefinition;
            return owner is not null &&
                   (SymbolEqualityComparer.Default.Equals(owner, _model.HubClients) || SymbolEqualityComparer.Default.Equals(owner, _model.HubCallerClients));
        }

        /// <summary>
        /// The generated <c>WithLabels</c> factory of a registered service, or the generated
        /// <c>ChatClientBuilder.Use…Labels()</c> extension (the builder then builds a labeling client).
        /// </summary>
        private bool IsLabelingWrapperFactory(IMethodSymbol method)
        {
            if (!method.IsStatic)
            {
                return false;
            }

            if (method.Name == "WithLabels" && FlowModel.HasAttribute(method.ContainingType, _model.RegisteredServiceAttribute))
            {
                return true;
            }

            var definition = method.ReducedFrom ?? method;
            return definition.Name.StartsWith("Use", StringComparison.Ordinal) && definition.Name.EndsWith("Labels", StringComparison.Ordinal) &&
                   definition.ContainingType is { } owner && owner.Name.EndsWith("LabelingExtensions", StringComparison.Ordinal) &&
                   owner.GetAttributes().Any(a => a.AttributeClass?.Name == "GeneratedCodeAttribute" &&
                                                  a.ConstructorArguments.Length > 0 &&
                                                  a.ConstructorArguments[0].Value is "AiCompliance.Generators");
        }

        /// <summary>The generated labeling client type (nested in a registered service, derived from DelegatingChatClient).</summary>
        private bool IsLabelingClientType(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && named.ContainingType is { } owner &&
            FlowModel.HasAttribute(owner, _model.RegisteredServiceAttribute) &&
            IsOrDerives(named, _model.DelegatingChatClient);

        /// <summary>
        /// A concatenation or interpolation whose leading or trailing pieces carry a label (within the first or last
        /// two pieces, so "【" + label + "】" + text and text + "\n" + label + "\n" count).
        /// </summary>
        private bool IsLabeledComposition(IOperation operation)
        {
            var pieces = new List<IOperation>();
            Flatten(operation, pieces);
            if (pieces.Count == 0)
            {
                return false;
            }

            for (var i = 0; i < pieces.Count && i < 2; i++)
            {
                if (IsLabelPiece(pieces[i]) || IsLabelPiece(pieces[pieces.Count - 1 - i]))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Flatten(IOperation operation, List<IOperation> pieces)
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    Flatten(binary.LeftOperand, pieces);
                    Flatten(binary.RightOperand, pieces);
                    break;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        switch (part)
                        {
                            case IInterpolatedStringTextOperation text:
                                pieces.Add(text.Text);
                                break;
                            case IInterpolationOperation interpolation:
                                Flatten(interpolation.Expression, pieces);
                                break;
                        }
                    }

                    break;
                case IInvocationOperation { TargetMethod: { Name: "Concat", ContainingType.SpecialType: SpecialType.System_String } } concat:
                    foreach (var argument in concat.Arguments)
                    {
                        if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                        {
                            foreach (var element in initializer.ElementValues)
                            {
                                Flatten(element, pieces);
                            }
                        }
                        else
                        {
                            Flatten(argument.Value, pieces);
                        }
                    }

                    break;
                case IConversionOperation conversion:
                    Flatten(conversion.Operand, pieces);
                    break;
                default:
                    pieces.Add(operation);
                    break;
            }
        }

        private static IOperation? FirstPiece(IOperation operation) => operation switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => FirstPiece(binary.LeftOperand),
            IInterpolatedStringOperation interpolated => interpolated.Parts.FirstOrDefault() switch
            {
                IInterpolatedStringTextOperation text => text.Text,
                IInterpolationOperation interpolation => FirstPiece(interpolation.Expression),
                _ => null,
            },
            IConversionOperation conversion => FirstPiece(conversion.Operand),
            _ => operation,
        };

        private static IOperation? LastPiece(IOperation operation) => operation switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => LastPiece(binary.RightOperand),
            IInterpolatedStringOperation interpolated => interpolated.Parts.LastOrDefault() switch
            {
                IInterpolatedStringTextOperation text => text.Text,
                IInterpolationOperation interpolation => LastPiece(interpolation.Expression),
                _ => null,
            },
            IConversionOperation conversion => LastPiece(conversion.Operand),
            _ => operation,
        };

        private bool IsLabelPiece(IOperation? piece)
        {
            switch (piece)
            {
                case IFieldReferenceOperation { Field: { IsConst: true, Name: "LabelText" } field }:
                    return FlowModel.HasAttribute(field.ContainingType, _model.RegisteredServiceAttribute);
                case IPropertyReferenceOperation { Property.Name: "LabelText" } property:
                    return FlowModel.HasAttribute(property.Property.ContainingType, _model.RegisteredServiceAttribute);
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } }:
                    return text.Length <= 64 && JurisdictionProfile.China.CheckLabelWording(text) is null;
                case ILocalReferenceOperation { Local: { IsConst: false } local } reference:
                    return IsLabelLocal(local, reference);
                default:
                    return piece is { ConstantValue: { HasValue: true, Value: string constant } } && constant.Length <= 64 &&
                           JurisdictionProfile.China.CheckLabelWording(constant) is null;
            }
        }

        /// <summary>
        /// A local that holds the label and nothing else: initialized from <c>Svc.LabelText</c> (or a label wording) and
        /// never assigned again, nor passed by <c>ref</c>/<c>out</c>, in its method.
        /// </summary>
        private bool IsLabelLocal(ILocalSymbol local, IOperation reference)
        {
            if (local.Type?.SpecialType != SpecialType.System_String ||
                SingleAssignmentInitializer(local, i => i is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax || NameOf(i) == "LabelText") is not { } initializer)
            {
                return false;
            }

            var semanticModel = reference.SemanticModel ?? _context.SemanticModelFor(initializer.SyntaxTree);
            return initializer is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax { Token.Value: string text }
                ? text.Length <= 64 && JurisdictionProfile.China.CheckLabelWording(text) is null
                : semanticModel.GetSymbolInfo(initializer, _cancellationToken).Symbol is { Name: "LabelText" } symbol &&
                  (symbol is IFieldSymbol { IsConst: true } || symbol is IPropertySymbol) &&
                  FlowModel.HasAttribute(symbol.ContainingType, _model.RegisteredServiceAttribute);
        }

        private static string? NameOf(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression) => expression switch
        {
            Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };

        /// <summary>
        /// The initializer of a local that is never assigned again, nor passed by <c>ref</c>/<c>out</c>, in its method
        /// (so it holds that value wherever it is read); null otherwise.
        /// </summary>
        private Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax? SingleAssignmentInitializer(ILocalSymbol local, Func<Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax, bool> shape)
        {
            if (local.IsConst || local.DeclaringSyntaxReferences.Length != 1 ||
                local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator ||
                !shape(initializer) ||
                !_context.Compilation.ContainsSyntaxTree(declarator.SyntaxTree))
            {
                return null; // the shape test comes before the walk below: most locals fail it
            }

            var scope = declarator.Ancestors().FirstOrDefault(a => a is Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax);
            if (scope is null)
            {
                return null;
            }

            foreach (var node in scope.DescendantNodes())
            {
                switch (node)
                {
                    case Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax { Left: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax left } when left.Identifier.ValueText == local.Name:
                        return null;
                    case Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax passed } when passed.Identifier.ValueText == local.Name:
                        return null;
                }
            }

            return initializer;
        }

        private bool IsRegistrationDisplay(ISymbol member) =>
            member.Name is "RegistrationNotice" or "RegistrationNoticeEnglish" or "RegistrationNoticeHtml" or "RegistrationNumber" &&
            FlowModel.HasAttribute(member.ContainingType, _model.RegisteredServiceAttribute);

        /// <summary>[AiGenerated] on the method, its return value, or a member it overrides (the attribute is inherited).</summary>
        private bool IsAiGenerated(IMethodSymbol method)
        {
            for (var m = method; m is not null; m = m.OverriddenMethod?.OriginalDefinition)
            {
                if (FlowModel.HasAttribute(m, _model.AiGeneratedAttribute) || HasReturnAttribute(m, _model.AiGeneratedAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasReturnAttribute(IMethodSymbol method, INamedTypeSymbol? attribute) =>
            attribute is not null && method.GetReturnTypeAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));

        public static string TypeAndMember(ISymbol member)
        {
            var definition = member is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : member;
            if (definition is IMethodSymbol { AssociatedSymbol: IPropertySymbol property })
            {
                definition = property;
            }

            return (definition.ContainingType?.Name ?? "?") + "." + definition.Name;
        }

        // ------------------------------------------------------------------ state

        /// <summary>Blocks waiting to be (re)visited, lowest ordinal first (the graph's order): flags, no allocation per add.</summary>
        private sealed class Worklist
        {
            private readonly bool[] _pending;
            private int _lowest;
            private int _count;

            public Worklist(int size)
            {
                _pending = new bool[size];
                _lowest = size;
            }

            public void Add(int ordinal)
            {
                if (_pending[ordinal])
                {
                    return;
                }

                _pending[ordinal] = true;
                _count++;
                if (ordinal < _lowest)
                {
                    _lowest = ordinal;
                }
            }

            public bool TryTakeLowest(out int ordinal)
            {
                if (_count == 0)
                {
                    ordinal = -1;
                    return false;
                }

                while (!_pending[_lowest])
                {
                    _lowest++;
                }

                ordinal = _lowest;
                _pending[ordinal] = false;
                _count--;
                return true;
            }
        }

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

        private sealed class KeyComparer : IEqualityComparer<object>
        {
            public static readonly KeyComparer Instance = new KeyComparer();

            public new bool Equals(object? x, object? y) =>
                x is ISymbol a && y is ISymbol b ? SymbolEqualityComparer.Default.Equals(a, b) : object.Equals(x, y);

            public int GetHashCode(object obj) => obj is ISymbol s ? SymbolEqualityComparer.Default.GetHashCode(s) : obj.GetHashCode();
        }
    }
}
