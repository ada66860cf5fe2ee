using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Calls into this compilation: callee summaries, virtual dispatch, method groups.
    internal sealed partial class MethodAnalysis
    {
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
                JoinInto(byOrdinal, ordinal, values[i]);
                byOrdinalOperation[ordinal] = arguments[i].Value;
            }

            TaintValue Argument(int ordinal) =>
                ordinal == TaintValue.ThisParameter ? receiver : (byOrdinal.TryGetValue(ordinal, out var v) ? v : TaintValue.Clean);

            // Parameters that reach a sink inside the helper: report here, at the argument.
            foreach (var paramSink in result.Summary.ParamSinks)
            {
                var argumentValue = Argument(paramSink.Parameter);
                var operation = paramSink.Parameter == TaintValue.ThisParameter ? instance : (byOrdinalOperation.TryGetValue(paramSink.Parameter, out var op) ? op : null);
                if (operation is not null && !FieldSummaryCovers(paramSink.Field, instance))
                {
                    ReportSink(operation, argumentValue, paramSink.Sink, paramSink.Location, paramSink.Via, paramSink.Field);
                }
            }

            // Callbacks: the lambdas (and method groups) passed for the delegates the callee calls with content.
            if (!result.Summary.DelegateArguments.IsEmpty)
            {
                HandToCallbacks(result.Summary, byOrdinalOperation, Argument);
            }

            // out / ref arguments.
            foreach (var outValue in result.Summary.OutValues)
            {
                if (byOrdinalOperation.TryGetValue(outValue.Key, out var target))
                {
                    Assign(target, outValue.Value.Instantiate(Argument));
                }
            }

            // Objects passed in that the callee filled (a StringBuilder a helper appends to): the arguments hold that now.
            foreach (var filled in result.Summary.FilledValues)
            {
                if (byOrdinalOperation.TryGetValue(filled.Key, out var target) && filled.Value.Instantiate(Argument) is { IsTainted: true } value)
                {
                    if (EntityOf(target) is { } key)
                    {
                        SetEntity(key, _state.Get(key).Join(value));
                    }
                    else
                    {
                        StoreInto(target, value);
                    }
                }
            }

            // Fields of the receiver written from parameters (constructors, setters, Add-like helpers).
            if (!result.Summary.FieldWrites.IsEmpty && instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            {
                WriteOwnFields(result, Argument); // Set(answer) where Set stores its argument in a field of this object
            }
            else if (!result.Summary.FieldWrites.IsEmpty && instance is not null)
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

                    SetEntity(key, updated);
                }
            }

            // Exceptions the callee throws with content reach this method's handlers (and its own callers').
            if (result.Summary.Thrown.IsTainted)
            {
                Throw(result.Summary.Thrown.Instantiate(Argument));
            }

            return ByType(result.Summary.Return.Instantiate(Argument), call.Type);
        }

        private TaintValue MethodGroupValue(IMethodSymbol method)
        {
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                return AnalyzeLocalFunctionBody(method, _ => TaintValue.Clean)?.Whole() ?? TaintValue.Clean;
            }

            var result = _context.GetResult(method, _depth + 1, _cancellationToken);
            return result is null ? TaintValue.Clean : result.Summary.Return.WithoutParams().Whole();
        }
    }
}
