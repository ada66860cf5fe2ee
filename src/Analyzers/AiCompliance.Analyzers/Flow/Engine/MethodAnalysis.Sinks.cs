using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Sinks: the model's sinks, [UserFacing], route handlers, console writers, and reporting a finding.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>Reports each sink argument that carries content; returns whether the call is a sink.</summary>
        private bool CheckSinks(IInvocationOperation invocation, IMethodSymbol method, MemberModel? memberModel, ImmutableArray<TaintValue> values, TaintValue receiver)
        {
            HashSet<int>? handlers = null;
            var isSink = memberModel is not null && CheckModelSinks(invocation, memberModel.Sinks, values, receiver, ref handlers);
            isSink |= _model.AnyCallSinks.Count > 0 && CheckModelSinks(invocation, _model.AnyCallSinks, values, receiver, ref handlers);
            isSink |= CheckUserFacingSinks(invocation, method, values);
            if (isSink)
            {
                FollowLambdasOfSink(invocation, handlers);
            }

            return isSink;
        }

        /// <summary>
        /// The sink rows of the model (built in and aicompliance.json) that hold for this call (a row with a condition
        /// asks it); <paramref name="handlers"/> gets the arguments that are route handlers (their return value is the
        /// sink). A row whose access is <c>this</c> reports the receiver (<c>bytes.ToStream().CopyTo(file)</c>).
        /// </summary>
        private bool CheckModelSinks(IInvocationOperation invocation, IReadOnlyList<SinkRow> rows, ImmutableArray<TaintValue> values, TaintValue receiver, ref HashSet<int>? handlers)
        {
            var isSink = false;
            foreach (var row in rows)
            {
                var site = new CallSite(this, invocation);
                if (row.Condition is not null && !row.Condition.Holds(site))
                {
                    continue;
                }

                isSink = true;
                var access = row.Access;
                var sinkName = row.Describe(site);
                if (access.Receiver && invocation.Instance is { } instance)
                {
                    ReportSink(instance, receiver, sinkName);
                }

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
                    else if (row.Condition is ViewResultCall && HandToViews(invocation, argument, values[i], sinkName))
                    {
                        continue; // the views of the compilation report where they render it
                    }
                    else
                    {
                        ReportSink(argument.Value, values[i], sinkName);
                        if (!_fieldCollection && row.Condition is ChildComponentParameter && ChildComponentParameter.Target(site, _context.SemanticModelFor(invocation.Syntax.SyntaxTree)) is { } target)
                        {
                            _context.Components.Record(target.Component, target.Parameter, values[i].WithoutParams()); // the child reports where it renders it
                        }
                    }
                }
            }

            return isSink;
        }

        /// <summary>[UserFacing] parameters and methods.</summary>
        private bool CheckUserFacingSinks(IInvocationOperation invocation, IMethodSymbol method, ImmutableArray<TaintValue> values)
        {
            var isSink = false;
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

            return isSink;
        }

        /// <summary>
        /// Lambdas handed to a sink (a component's RenderFragment child content) run with what they capture: follow them
        /// for the sinks inside (a sink call returns before the external-call path would). Route handlers are done.
        /// </summary>
        private void FollowLambdasOfSink(IInvocationOperation invocation, HashSet<int>? handlers)
        {
            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                if ((handlers is null || !handlers.Contains(i)) && Unwrap(invocation.Arguments[i].Value) is IFlowAnonymousFunctionOperation lambda)
                {
                    AnalyzeLambda(lambda, _ => TaintValue.Clean, returnSink: null);
                }
            }
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

        private void ReportSink(IOperation expression, TaintValue value, string sink, Location? helperSink = null, string? via = null, ISymbol? field = null)
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
                    _paramSinks.Add(new ParamSink(parameter, sink, helperSink ?? expression.Syntax.GetLocation(), chain, field));
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
                    (_noticeSites ??= new HashSet<NoticeSite>()).Add(new NoticeSite(notice.Notice, expression.Syntax.GetLocation()));
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

        /// <summary>The model this analysis runs on (for <see cref="CallSite"/>).</summary>
        internal FlowModel Model => _model;

        /// <summary>See <see cref="CallSite.MemberRead"/>: through a local only when its initializer names one of <paramref name="names"/>.</summary>
        internal ISymbol? MemberRead(IOperation? operand, string[] names)
        {
            switch (operand is null ? null : Unwrap(operand))
            {
                case IPropertyReferenceOperation property:
                    return property.Property;
                case IInvocationOperation call:
                    return call.TargetMethod;
                case ILocalReferenceOperation { Local: { } local } when names.Length > 0:
                    // var w = Console.Out; w.WriteLine(...): a local that holds the member's value and nothing else.
                    return SingleAssignmentInitializer(local, i => NameOf(i) is { } name && Array.IndexOf(names, name) >= 0) is { } initializer
                        ? _context.SemanticModelFor(initializer.SyntaxTree).GetSymbolInfo(initializer, _cancellationToken).Symbol
                        : null;
                default:
                    return null;
            }
        }
    }
}
