using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Callbacks: a delegate parameter the method calls with content (`StreamAsync(q, onChunk)` calling `onChunk(text)`),
    // and, at each call of the method, the lambda, local lambda, method group or parameter passed for it.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>What this method passes to its delegate parameters' invocations, by (parameter, argument) ordinal.</summary>
        private readonly Dictionary<(int Parameter, int Argument), TaintValue> _delegateArguments = new Dictionary<(int Parameter, int Argument), TaintValue>();

        /// <summary>
        /// <c>onChunk(text)</c>, <c>onAnswer?.Invoke(text)</c> where <c>onChunk</c> is a parameter of the analyzed method:
        /// the summary keeps what each argument carries, for the callback its callers pass.
        /// </summary>
        private void RecordDelegateParameterCall(IInvocationOperation invocation, IMethodSymbol method, ImmutableArray<TaintValue> values)
        {
            if (method.MethodKind != MethodKind.DelegateInvoke || invocation.Instance is null ||
                EntityOf(Unwrap(invocation.Instance)) is not IParameterSymbol parameter || !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _method))
            {
                return;
            }

            for (var i = 0; i < invocation.Arguments.Length && i < values.Length; i++)
            {
                if (values[i].IsTainted)
                {
                    JoinInto(_delegateArguments, (parameter.Ordinal, invocation.Arguments[i].Parameter?.Ordinal ?? i), values[i]);
                }
            }
        }

        /// <summary>At a call: each callback argument runs with what the callee passes it (its summary's delegate arguments).</summary>
        private void HandToCallbacks(MethodSummary summary, Dictionary<int, IOperation> byOrdinalOperation, System.Func<int, TaintValue> argument)
        {
            foreach (var group in summary.DelegateArguments.GroupBy(p => p.Key.Parameter))
            {
                if (!byOrdinalOperation.TryGetValue(group.Key, out var passed))
                {
                    continue;
                }

                var byArgument = new Dictionary<int, TaintValue>();
                foreach (var pair in group)
                {
                    var value = pair.Value.Instantiate(argument);
                    if (value.IsTainted)
                    {
                        JoinInto(byArgument, pair.Key.Argument, value);
                    }
                }

                if (byArgument.Count > 0)
                {
                    HandToCallback(passed, byArgument);
                }
            }
        }

        private void HandToCallback(IOperation passed, Dictionary<int, TaintValue> byArgument)
        {
            switch (Unwrap(passed))
            {
                case IFlowAnonymousFunctionOperation lambda:
                    RunCallback(lambda, byArgument);
                    break;
                case ILocalReferenceOperation { Local: { } local } when _lambdaOf.TryGetValue(local, out var held):
                    RunCallback(held, byArgument);
                    break;
                case IParameterReferenceOperation { Parameter: { } parameter } when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, _method):
                    foreach (var pair in byArgument)
                    {
                        JoinInto(_delegateArguments, (parameter.Ordinal, pair.Key), pair.Value); // passed on: this method's callers settle it
                    }

                    break;
                case IMethodReferenceOperation { Method: { } target } when target.MethodKind != MethodKind.LocalFunction:
                    // A method group of this compilation: where its parameters reach a sink, report at the method group.
                    if (_context.GetResult(target.OriginalDefinition, _depth + 1, _cancellationToken) is { } result)
                    {
                        foreach (var paramSink in result.Summary.ParamSinks)
                        {
                            if (byArgument.TryGetValue(paramSink.Parameter, out var value))
                            {
                                ReportSink(passed, value, paramSink.Sink, paramSink.Location, paramSink.Via, paramSink.Field);
                            }
                        }
                    }

                    break;
            }
        }

        private void RunCallback(IFlowAnonymousFunctionOperation lambda, Dictionary<int, TaintValue> byArgument)
        {
            if (!_lambdasRunning.Add(lambda))
            {
                return;
            }

            try
            {
                TryAnalyzeLambda(lambda, p => byArgument.TryGetValue(p.Ordinal, out var v) ? ByType(v, p.Type) : TaintValue.Clean, returnSink: null);
            }
            finally
            {
                _lambdasRunning.Remove(lambda);
            }
        }
    }
}
