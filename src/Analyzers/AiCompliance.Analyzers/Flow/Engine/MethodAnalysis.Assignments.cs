using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Assignments, deconstruction, stores into collections and fields, pattern bindings.
    internal sealed partial class MethodAnalysis
    {
        private TaintValue EvalSimpleAssignment(ISimpleAssignmentOperation assignment)
        {
            var value = Eval(assignment.Value);
            Assign(assignment.Target, value);
            HandToFieldSinks(assignment.Target, assignment, value);
            RecordHolders(assignment.Target, assignment.Value);
            CheckStoreSink(assignment.Target, assignment.Value, value);
            if (assignment.Target is ILocalReferenceOperation { Local: { } local })
            {
                RememberLambda(local, assignment.Value);
            }

            return value;
        }

        private TaintValue EvalCompoundAssignment(ICompoundAssignmentOperation compound)
        {
            var value = Eval(compound.Target).Join(Eval(compound.Value));
            value = ByType(value, compound.Type);
            Assign(compound.Target, value);
            HandToFieldSinks(compound.Target, compound, value);
            CheckStoreSink(compound.Target, compound.Value, value);
            return value;
        }

        private TaintValue EvalCoalesceAssignment(ICoalesceAssignmentOperation coalesceAssignment)
        {
            var value = Eval(coalesceAssignment.Target).Join(Eval(coalesceAssignment.Value));
            Assign(coalesceAssignment.Target, value);
            return value;
        }

        private TaintValue EvalDeconstructionAssignment(IDeconstructionAssignmentOperation deconstruction)
        {
            var value = Eval(deconstruction.Value);
            AssignDeconstruction(deconstruction.Target, value, deconstruction.Value.Type);
            return value.Whole();
        }

        private TaintValue EvalIncrement(IIncrementOrDecrementOperation increment)
        {
            Eval(increment.Target);
            return TaintValue.Clean;
        }

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
                    if (_capturedElements.TryGetValue(capture.Id, out var capturedElement))
                    {
                        // dict[key] = flag ? a : b, o.Msg = a ?? b: the graph captures the element or member first.
                        switch (capturedElement)
                        {
                            case IPropertyReferenceOperation { Arguments.Length: 0 } property:
                                AssignMember(property.Property, property.Instance, value);
                                break;
                            case IFieldReferenceOperation field:
                                AssignMember(field.Field, field.Instance, value);
                                break;
                            default:
                                AssignElement(capturedElement, value);
                                break;
                        }
                    }
                    else if (_captureAliases.TryGetValue(capture.Id, out var aliased))
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
                    AssignElement(indexer, value);
                    break;
                case IArrayElementReferenceOperation arrayElement:
                    AssignElement(arrayElement, value);
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
        /// A write into an element or a dynamic member of a property that is a sink (<c>ViewData["Answer"] = text</c>,
        /// <c>ViewBag.Answer = text</c>): the value reaches that sink, reported at the assigned expression.
        /// </summary>
        private void CheckStoreSink(IOperation target, IOperation valueOperation, TaintValue value)
        {
            var holder = target switch
            {
                IPropertyReferenceOperation { Arguments.Length: > 0 } indexer => indexer.Instance,
                IDynamicMemberReferenceOperation member => member.Instance,
                IDynamicIndexerAccessOperation dynamicIndexer => dynamicIndexer.Operation,
                _ => null,
            };
            if (holder is not null && Unwrap(holder) is IPropertyReferenceOperation { Property: { } property } && _model.Find(property) is { Sinks.Count: > 0 } sinks &&
                !HandToViewData(target, property, value, sinks.Sinks[0].Description, valueOperation))
            {
                ReportSink(valueOperation, value, sinks.Sinks[0].Description);
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

        private void AssignMember(ISymbol member, IOperation? instance, TaintValue value)
        {
            if (instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            {
                // this.F = x or a static field: remembered here and reported in the summary of the type.
                _state[member] = value;
                if (IsOwnMember(member))
                {
                    RecordFieldWrite(member, value);
                    if (member is IPropertySymbol { SetMethod: { } setter } property && !IsFieldLike(property) && (value.IsTainted || value.LabeledClient))
                    {
                        WriteThroughSetter(setter, value);
                    }
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
                SetEntity(key, _state.Get(key).WithField(member, value));
                return;
            }

            // o.Inner.Text = x: rebuild the chain of member values up to the variable.
            if (!UpdateMemberOfVariable(instance, inner => inner.WithField(member, value)))
            {
                Eval(instance);
            }
        }

        /// <summary>
        /// <c>Backed = x</c> where the setter stores <c>value</c> in a field (<c>set =&gt; _backing = value;</c>): that field
        /// is written too, by the setter's summary.
        /// </summary>
        private void WriteThroughSetter(IMethodSymbol setter, TaintValue value)
        {
            if (_context.GetResult(setter, _depth + 1, _cancellationToken) is { } result)
            {
                WriteOwnFields(result, ordinal => ordinal == 0 ? value : TaintValue.Clean);
            }
        }

        /// <summary>
        /// A callee of this object (a setter, <c>Keep(answer)</c>) stores what it is given in this object's fields: the
        /// fields its summary writes get the arguments' content, joined with what they held.
        /// </summary>
        private void WriteOwnFields(MethodResult result, Func<int, TaintValue> argument)
        {
            foreach (var write in result.Summary.FieldWrites)
            {
                var written = write.Value.Instantiate(argument);
                if ((written.IsTainted || written.LabeledClient) && !write.Key.IsStatic && IsOwnMember(write.Key))
                {
                    SetEntity(write.Key, _state.TryGet(write.Key, out var held) ? held.Join(written) : written);
                }
            }
        }

        /// <summary>
        /// <c>o.Member</c> where <c>o</c> names a variable (a local, a parameter, a field of this object): that member's value
        /// in the variable's object becomes <paramref name="update"/> of what it held. False when the operation is not such
        /// a member.
        /// </summary>
        private bool UpdateMemberOfVariable(IOperation? operation, Func<TaintValue, TaintValue> update)
        {
            var (member, owner) = (operation is null ? null : Unwrap(operation)) switch
            {
                IPropertyReferenceOperation { Arguments.Length: 0 } p => (MemberKey(p.Property), p.Instance),
                IFieldReferenceOperation f => (MemberKey(f.Field), f.Instance),
                _ => ((ISymbol?)null, (IOperation?)null),
            };
            if (member is null || EntityOf(owner) is not { } root)
            {
                return false;
            }

            var rootValue = _state.Get(root);
            var held = rootValue.Fields.TryGetValue(member, out var existing) ? existing : TaintValue.Clean;
            SetEntity(root, rootValue.WithField(member, update(held)));
            return true;
        }

        /// <summary>
        /// A variable's or field's new value (after a write into the object it holds, <c>_reply.Text = x</c> or
        /// <c>_state.Items.Add(x)</c>, or a write through a setter or a helper): when it is a field or property of this
        /// type, the write is one of the type's field writes too.
        /// </summary>
        private void SetEntity(object key, TaintValue value)
        {
            _state[key] = value;
            if (key is ISymbol member && (member is IFieldSymbol || member is IPropertySymbol) && IsOwnMember(member))
            {
                RecordFieldWrite(member, value);
            }

            SpreadToHolders(key, value);
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

        /// <summary>Elements captured as assignment targets (<c>dict[key] = flag ? a : b</c>), by capture.</summary>
        private readonly Dictionary<CaptureId, IOperation> _capturedElements = new Dictionary<CaptureId, IOperation>();

        /// <summary><c>list[i] = x</c>, <c>dict[key] = x</c>, <c>array[i] = x</c>: the collection now holds x (a dictionary's keys hold the key).</summary>
        private void AssignElement(IOperation element, TaintValue value)
        {
            if (element is IArrayElementReferenceOperation array)
            {
                StoreInto(array.ArrayReference, value.Whole());
                return;
            }

            var indexer = (IPropertyReferenceOperation)element;
            var index = TaintValue.Clean;
            foreach (var argument in indexer.Arguments)
            {
                index = index.Join(Eval(argument.Value));
            }

            StoreKeys(indexer.Instance, index);
            if (value.IsTainted || KeysSlotOf(indexer.Instance?.Type) is null)
            {
                StoreInto(indexer.Instance, value.Whole());
            }
        }

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
                // box.Items.Add(x), _state.Items.Add(x): the collection is a member of a variable's object.
                UpdateMemberOfVariable(receiver, held => held.Join(value.Own()));
                return;
            }

            SetEntity(key, _state.Get(key).Join(value.Own()));
        }

        /// <summary>
        /// A write to a field of this type. Writes in the method's own graph are summarized by what the field holds at
        /// exit (a later overwrite clears); writes inside lambdas and local functions may run at any time, so they stick.
        /// </summary>
        private void RecordFieldWrite(ISymbol member, TaintValue value)
        {
            JoinInto(_fieldWrites, member, value);
            if (!ReferenceEquals(_graph, _rootGraph))
            {
                JoinInto(_stickyFieldWrites, member, value);
            }
        }

        /// <summary>
        /// While the method awaits, others see what this object's fields hold (a component renders the reply it streams
        /// into a field, then clears the field when the stream ends): content a field this method wrote holds at an
        /// await sticks in the summary, though the field is overwritten before the method returns.
        /// </summary>
        private TaintValue EvalAwait(IAwaitOperation awaitOperation)
        {
            var value = Eval(awaitOperation.Operation);
            foreach (var member in _fieldWrites.Keys)
            {
                if (_state.TryGet(member, out var held) && held.IsTainted)
                {
                    JoinInto(_stickyFieldWrites, member, held);
                }
            }

            return value;
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
    }
}
