using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Delegates held in fields, properties and events: a callback set once and run later (`_onToken(update.Text)`,
    // `TokenReceived?.Invoke(this, text)`) runs what was assigned or subscribed to it; a labeler held that way labels.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>Delegate members read into captures (<c>OnToken?.Invoke(text)</c> reads the member once, into a capture).</summary>
        private readonly Dictionary<CaptureId, ISymbol> _capturedDelegateMembers = new Dictionary<CaptureId, ISymbol>();

        /// <summary>The delegate member of this compilation a delegate invocation calls, or null.</summary>
        private ISymbol? InvokedDelegateMember(IInvocationOperation invocation, IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.DelegateInvoke || invocation.Instance is null)
            {
                return null;
            }

            var instance = Unwrap(invocation.Instance);
            var member = instance is IFlowCaptureReferenceOperation capture && _capturedDelegateMembers.TryGetValue(capture.Id, out var captured)
                ? captured
                : DelegateTargets.MemberOf(instance);
            return member is not null && member.DeclaringSyntaxReferences.Any(r => _context.Compilation.ContainsSyntaxTree(r.SyntaxTree)) ? member : null;
        }

        /// <summary>
        /// A call of a delegate member with content: where a lambda or method assigned to it sends a parameter to a sink,
        /// report at the argument (as for a helper), naming the member.
        /// </summary>
        private void HandToDelegateMember(IInvocationOperation invocation, IMethodSymbol method, ImmutableArray<TaintValue> values)
        {
            if (_fieldCollection || !values.Any(v => v.IsTainted) || InvokedDelegateMember(invocation, method) is not { } member)
            {
                return;
            }

            var targets = _context.GetDelegateTargets(member, _cancellationToken);
            var results = targets.Methods.Select(m => _context.GetResult(m.OriginalDefinition, _depth + 1, _cancellationToken))
                .Concat(targets.Lambdas.Select(l => _context.GetLambdaResult(l, _depth + 1, _cancellationToken)));
            foreach (var result in results)
            {
                if (result is null)
                {
                    continue;
                }

                foreach (var paramSink in result.Summary.ParamSinks)
                {
                    for (var i = 0; i < invocation.Arguments.Length && i < values.Length; i++)
                    {
                        if ((invocation.Arguments[i].Parameter?.Ordinal ?? i) == paramSink.Parameter)
                        {
                            ReportSink(invocation.Arguments[i].Value, values[i], paramSink.Sink, paramSink.Location, member.Name + " → " + paramSink.Via);
                        }
                    }
                }
            }
        }

        /// <summary>
        /// A delegate member that only ever holds labelers (<c>_label = Svc.Label</c>, <c>Label = t =&gt; Svc.Label(t)</c>,
        /// assigned nothing else): calling it labels.
        /// </summary>
        private bool IsLabelerDelegateMember(IInvocationOperation invocation, IMethodSymbol method)
        {
            if (InvokedDelegateMember(invocation, method) is not { } member)
            {
                return false;
            }

            var targets = _context.GetDelegateTargets(member, _cancellationToken);
            if (targets.Open || targets.IsEmpty)
            {
                return false;
            }

            return targets.Methods.All(m => IsSanitizer(m, _model.Find(m))) &&
                   targets.Lambdas.All(l => l is LambdaExpressionSyntax lambda && LabelsItsParameter(lambda, _context.SemanticModelFor(lambda.SyntaxTree)));
        }
    }
}
