using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Lambdas, local functions and method references, analyzed with the state they capture.
    internal sealed partial class MethodAnalysis
    {
        private TaintValue EvalMethodReference(IMethodReferenceOperation methodReference)
        {
            Eval(methodReference.Instance);
            return MethodGroupValue(methodReference.Method);
        }

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

        /// <summary>The only lambda a local is assigned (<c>Action&lt;string&gt; show = s =&gt; …;</c>), for calls of that local.</summary>
        private readonly Dictionary<ILocalSymbol, IFlowAnonymousFunctionOperation> _lambdaOf = new Dictionary<ILocalSymbol, IFlowAnonymousFunctionOperation>(SymbolEqualityComparer.Default);
        private readonly HashSet<IFlowAnonymousFunctionOperation> _lambdasRunning = new HashSet<IFlowAnonymousFunctionOperation>();
        private readonly HashSet<ILocalSymbol> _reassignedDelegates = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);

        /// <summary>
        /// Remembers the lambda a local is assigned, when it is only ever assigned that one (the visit order is not the
        /// run order: with <c>show = a</c> on one branch and <c>show = b</c> on another, neither is followed).
        /// </summary>
        private void RememberLambda(ILocalSymbol local, IOperation value)
        {
            var unwrapped = Unwrap(value);
            if (unwrapped is IDelegateCreationOperation creation)
            {
                unwrapped = Unwrap(creation.Target);
            }

            if (unwrapped is IFlowAnonymousFunctionOperation lambda && !_reassignedDelegates.Contains(local) &&
                (!_lambdaOf.TryGetValue(local, out var known) || ReferenceEquals(known, lambda)))
            {
                _lambdaOf[local] = lambda;
            }
            else if (_lambdaOf.Remove(local) || unwrapped is IFlowAnonymousFunctionOperation)
            {
                _reassignedDelegates.Add(local);
            }
        }

        /// <summary>
        /// <c>show(answer)</c> where the local <c>show</c> holds a lambda of this method: the lambda runs with the
        /// arguments in its parameters (a sink inside it reports); null when the local holds no known lambda.
        /// </summary>
        private TaintValue? InvokeLambdaLocal(IInvocationOperation invocation, IMethodSymbol method, ImmutableArray<TaintValue> values)
        {
            if (method.MethodKind != MethodKind.DelegateInvoke || invocation.Instance is null ||
                Unwrap(invocation.Instance) is not ILocalReferenceOperation { Local: { } local } ||
                !_lambdaOf.TryGetValue(local, out var lambda) || !_lambdasRunning.Add(lambda))
            {
                return null;
            }

            try
            {
                var byOrdinal = new Dictionary<int, TaintValue>();
                for (var i = 0; i < invocation.Arguments.Length && i < values.Length; i++)
                {
                    var ordinal = invocation.Arguments[i].Parameter?.Ordinal ?? i;
                    JoinInto(byOrdinal, ordinal, values[i]);
                }

                // Null when called from another lambda's graph: the delegate call is then taken as any other.
                return TryAnalyzeLambda(lambda, p => byOrdinal.TryGetValue(p.Ordinal, out var v) ? ByType(v, p.Type) : TaintValue.Clean, returnSink: null);
            }
            finally
            {
                _lambdasRunning.Remove(lambda);
            }
        }

        private TaintValue AnalyzeLambda(IFlowAnonymousFunctionOperation lambda, Func<IParameterSymbol, TaintValue> parameterValue, string? returnSink) =>
            TryAnalyzeLambda(lambda, parameterValue, returnSink) ?? TaintValue.Clean;

        /// <summary>What the lambda returns, run with the parameter values given; null when it is not a lambda of this graph.</summary>
        private TaintValue? TryAnalyzeLambda(IFlowAnonymousFunctionOperation lambda, Func<IParameterSymbol, TaintValue> parameterValue, string? returnSink)
        {
            ControlFlowGraph body;
            try
            {
                body = _graph.GetAnonymousFunctionControlFlowGraph(lambda, _cancellationToken);
            }
            catch (ArgumentException)
            {
                return null;
            }

            var initial = _state.Clone();
            foreach (var parameter in lambda.Symbol.Parameters)
            {
                initial[parameter] = parameterValue(parameter);
            }

            var savedSink = _returnSink;
            var savedMember = _returnSinkMember;
            _returnSink = returnSink;
            _returnSinkMember = null;
            try
            {
                return Run(body, initial);
            }
            finally
            {
                _returnSink = savedSink;
                _returnSinkMember = savedMember;
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
                var result = nested.Run(body, initial);
                TakeReportsOf(nested);
                return result;
            }
            catch (Exception ex) when (MethodAnalysisException.ShouldWrap(ex))
            {
                throw new MethodAnalysisException(localFunction, ex); // names the local function that failed (AIC009)
            }
        }

        /// <summary>
        /// What a local function's analysis found besides unlabeled outputs (shared already): its source calls (AIC901),
        /// labeled outputs (AIC900), label tampering (AIC005) and notices shown belong to the method that holds it.
        /// </summary>
        private void TakeReportsOf(MethodAnalysis nested)
        {
            _sourceCalls.UnionWith(nested._sourceCalls);
            _noticesShown.UnionWith(nested._noticesShown);
            if (nested._noticeSites is { } sites)
            {
                (_noticeSites ??= new HashSet<NoticeSite>()).UnionWith(sites);
            }

            foreach (var pair in nested._labeledFindings)
            {
                if (_labeledFindings.TryGetValue(pair.Key, out var existing))
                {
                    existing.Value = existing.Value.Join(pair.Value.Value);
                }
                else
                {
                    _labeledFindings[pair.Key] = pair.Value;
                }
            }

            foreach (var pair in nested._tampering)
            {
                _tampering[pair.Key] = pair.Value;
            }
        }
    }
}
