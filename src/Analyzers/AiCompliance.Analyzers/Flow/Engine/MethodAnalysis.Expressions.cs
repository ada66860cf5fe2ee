using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // The Eval dispatch and the simple expressions (captures, conversions, interpolation, operators, yield, throw).
    internal sealed partial class MethodAnalysis
    {
        /// <summary>What <paramref name="operation"/> holds, after its effects on the state: one transfer function per kind.</summary>
        private TaintValue Eval(IOperation? operation) => operation switch
        {
            null => TaintValue.Clean,
            ILiteralOperation or IDefaultValueOperation or ITypeOfOperation or ISizeOfOperation => TaintValue.Clean,
            INameOfOperation or IIsTypeOperation or IIsNullOperation => TaintValue.Clean,
            ICaughtExceptionOperation => _state.Get(ThrownKey),
            IFlowCaptureOperation capture => EvalFlowCapture(capture),
            IFlowCaptureReferenceOperation captureReference => _state.Get(captureReference.Id),
            ILocalReferenceOperation local => ByType(_state.Get(local.Local), local.Type, local.Local.Type),
            IParameterReferenceOperation parameter => ByType(_state.Get(parameter.Parameter), parameter.Type, parameter.Parameter.Type),
            IInstanceReferenceOperation instance => EvalInstanceReference(instance),
            ISimpleAssignmentOperation assignment => EvalSimpleAssignment(assignment),
            ICompoundAssignmentOperation compound => EvalCompoundAssignment(compound),
            ICoalesceAssignmentOperation coalesceAssignment => EvalCoalesceAssignment(coalesceAssignment),
            IDeconstructionAssignmentOperation deconstruction => EvalDeconstructionAssignment(deconstruction),
            IIncrementOrDecrementOperation increment => EvalIncrement(increment),
            IConversionOperation conversion => EvalConversion(conversion),
            IAwaitOperation awaitOperation => EvalAwait(awaitOperation),
            IParenthesizedOperation parenthesized => Eval(parenthesized.Operand),
            IInvocationOperation invocation => EvalInvocation(invocation),
            IPropertyReferenceOperation property => EvalMemberRead(property, property.Property, property.Instance, property.Arguments),
            IFieldReferenceOperation field => EvalMemberRead(field, field.Field, field.Instance, ImmutableArray<IArgumentOperation>.Empty),
            IImplicitIndexerReferenceOperation implicitIndexer => EvalImplicitIndexer(implicitIndexer),
            IArrayElementReferenceOperation element => EvalArrayElement(element),
            IObjectCreationOperation creation => EvalCreation(creation),
            IAnonymousObjectCreationOperation anonymous => EvalAnonymousObject(anonymous),
            ITupleOperation tuple => EvalTuple(tuple),
            IArrayCreationOperation arrayCreation => EvalArrayCreation(arrayCreation),
            IArrayInitializerOperation arrayInitializer => EvalArrayInitializer(arrayInitializer),
            ICollectionExpressionOperation collection => EvalCollectionExpression(collection),
            ISpreadOperation spread => Eval(spread.Operand).Whole(),
            IInterpolatedStringOperation interpolated => EvalInterpolatedString(interpolated),
            IBinaryOperation binary => EvalBinary(binary),
            IUnaryOperation unary => EvalUnary(unary),
            IIsPatternOperation isPattern => EvalIsPattern(isPattern),
            IDelegateCreationOperation delegateCreation => Eval(delegateCreation.Target),
            IFlowAnonymousFunctionOperation lambda => AnalyzeLambda(lambda, _ => TaintValue.Clean, returnSink: null),
            IMethodReferenceOperation methodReference => EvalMethodReference(methodReference),
            IReturnOperation returnOperation => EvalYieldReturn(returnOperation),
            IThrowOperation throwOperation => EvalThrow(throwOperation),
            IExpressionStatementOperation statement => Eval(statement.Operation),
            IDynamicInvocationOperation dynamicInvocation => EvalDynamicInvocation(dynamicInvocation),
            IDynamicMemberReferenceOperation dynamicMember => EvalDynamicMember(dynamicMember),
            IInvalidOperation invalid => EvalInvalid(invalid),
            _ => EvalChildren(operation),
        };

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

        private TaintValue EvalFlowCapture(IFlowCaptureOperation capture)
        {
            var value = Eval(capture.Value);
            _state[capture.Id] = value;
            if (DelegateTargets.MemberOf(capture.Value) is { } delegateMember)
            {
                _capturedDelegateMembers[capture.Id] = delegateMember; // OnToken?.Invoke(text): the call goes through the capture
            }
            else if (capture.Value is IPropertyReferenceOperation { Arguments.Length: > 0 } or IArrayElementReferenceOperation or
                     IPropertyReferenceOperation { Instance: not null and not IInstanceReferenceOperation } or
                     IFieldReferenceOperation { Instance: not null and not IInstanceReferenceOperation })
            {
                // An element or a member of another object the graph may assign through the capture: o.Msg = a ?? b captures
                // the target o.Msg before the branch, then assigns the capture.
                _capturedElements[capture.Id] = capture.Value;
            }
            else if (EntityOf(capture.Value) is { } aliased)
            {
                // A receiver captured before a branch (list.Add(x ?? y)): writes through the capture reach the variable.
                _captureAliases[capture.Id] = aliased;
            }

            return value;
        }

        private TaintValue EvalInstanceReference(IInstanceReferenceOperation instance) =>
            instance.ReferenceKind == InstanceReferenceKind.ImplicitReceiver && _objectUnderConstruction is not null
                ? _objectUnderConstruction
                : _state.Get(ThisKey);

        private TaintValue EvalConversion(IConversionOperation conversion)
        {
            var operand = Eval(conversion.Operand);
            if (conversion.OperatorMethod is { } conversionOperator && _model.Find(conversionOperator) is { Sinks.Count: > 0 } conversionModel)
            {
                // A user-defined conversion that is a sink ((MarkupString)ai): reported at the operand; its result is not followed.
                foreach (var row in conversionModel.Sinks)
                {
                    if (row.Condition is null && row.Access.Covers(0) && !row.Access.DelegateReturn)
                    {
                        ReportSink(conversion.Operand, operand, row.Description);
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

        private TaintValue EvalInterpolatedString(IInterpolatedStringOperation interpolated)
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

        private TaintValue EvalBinary(IBinaryOperation binary)
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

        private TaintValue EvalUnary(IUnaryOperation unary)
        {
            Eval(unary.Operand);
            return TaintValue.Clean;
        }

        private TaintValue EvalIsPattern(IIsPatternOperation isPattern)
        {
            BindPattern(isPattern.Pattern, Eval(isPattern.Value));
            return TaintValue.Clean;
        }

        private TaintValue EvalYieldReturn(IReturnOperation returnOperation)
        {
            // yield return (plain returns are branch values in the graph).
            var value = Eval(returnOperation.ReturnedValue);
            if (returnOperation.ReturnedValue is not null)
            {
                OnReturn(returnOperation.ReturnedValue, value);
            }

            return TaintValue.Clean;
        }

        private TaintValue EvalThrow(IThrowOperation throwOperation)
        {
            // `throw;` in a handler throws again what it caught.
            Throw(throwOperation.Exception is null ? _state.Get(ThrownKey) : Eval(throwOperation.Exception));
            return TaintValue.Clean;
        }

        /// <summary>The state's slot for what this method has thrown on the way to a handler (<c>catch (E ex)</c> reads it).</summary>
        private static readonly object ThrownKey = new object();

        /// <summary>
        /// <c>throw new InvalidOperationException(answer)</c>: the exception object carries the content to the handlers of
        /// this method (its <c>Message</c> is read like any member of a tainted object), and, through the summary, to its
        /// callers' handlers. A call of a method whose summary throws content throws it here too.
        /// </summary>
        private void Throw(TaintValue exception)
        {
            if (exception.IsTainted)
            {
                var whole = exception.Whole();
                _state[ThrownKey] = _state.Get(ThrownKey).Join(whole);
                _thrownOut = _thrownOut.Join(whole);
            }
        }

        private TaintValue EvalDynamicInvocation(IDynamicInvocationOperation dynamicInvocation)
        {
            var target = Eval(dynamicInvocation.Operation);
            var arguments = dynamicInvocation.Arguments.Select(a => Eval(a).Whole()).ToImmutableArray();
            CheckDynamicSinks(dynamicInvocation, arguments);
            return TaintValue.JoinAll(new[] { target }.Concat(arguments));
        }

        private TaintValue EvalInvalid(IInvalidOperation invalid)
        {
            var value = TaintValue.Clean;
            foreach (var child in invalid.ChildOperations)
            {
                value = value.Join(Eval(child).Whole());
            }

            return value;
        }

        private TaintValue EvalChildren(IOperation operation)
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
