using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Member reads: fields, properties, indexers, array elements, tuple elements.
    internal sealed partial class MethodAnalysis
    {
        private TaintValue EvalMemberRead(IOperation operation, ISymbol member, IOperation? instance, ImmutableArray<IArgumentOperation> arguments) =>
            EvalMemberReadCore(operation, member, instance, arguments).Join(ViewInput(operation, member, instance, arguments));

        private TaintValue EvalMemberReadCore(IOperation operation, ISymbol member, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
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

            if (member is IPropertySymbol && _model.Find(member)?.SourceDescription is { } described)
            {
                // A property declared a source by a row (a user model's, or one the scanner hands from a referenced
                // project: a library's public property that returns AI content).
                Eval(instance);
                var source = new SourceRef(described, operation.Syntax.GetLocation());
                _sourceCalls.Add(source);
                return TaintValue.FromSource(source);
            }

            if (member.IsStatic && IsRegistrationDisplay(member))
            {
                // The registration notice / number: followed like content, so AIC004 knows whether a user sees it.
                var owner = member.ContainingType!;
                return TaintValue.FromSource(new SourceRef(TypeAndMember(member), operation.Syntax.GetLocation(), notice: owner.ToDisplayString()));
            }

            if (member.IsStatic && IsInteractionNotice(member))
            {
                // The EU interaction notice (Art. 50(1)): followed the same way, so AIC011 knows where a user sees it.
                var owner = member.ContainingType!;
                return TaintValue.FromSource(new SourceRef(TypeAndMember(member), operation.Syntax.GetLocation(), notice: InteractionNotices.Key(owner)));
            }

            if (instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            {
                // this.F or a static member.
                if (_state.TryGet(member, out var known))
                {
                    return ByType(known, operation.Type);
                }

                if (FieldInput(member) is { } input)
                {
                    return input; // a field-sink run: what callers left in the field
                }

                if (member is IFieldSymbol || (member is IPropertySymbol property && IsFieldLike(property)))
                {
                    if (_fieldCollection && IsOwnMember(member))
                    {
                        // A field-summary run takes the type's own fields as clean; a component's parameter still holds what
                        // its parents hand it (OnParametersSet cuts citations out of the Message it is given into a field).
                        return member is IPropertySymbol componentParameter && ComponentInputs.IsParameter(componentParameter) && _model.IsContentCapable(operation.Type)
                            ? ByType(_context.Components.InputOf(componentParameter, _depth, _cancellationToken), operation.Type)
                            : TaintValue.Clean;
                    }

                    if (operation.Type is { IsValueType: true } && !_model.IsContentCapable(operation.Type))
                    {
                        return TaintValue.Clean; // a counter, flag or date field holds no content (and no client): no summary needed
                    }

                    var owner = member.ContainingType;
                    if (owner is not null && owner.DeclaringSyntaxReferences.Any(r => _context.Compilation.ContainsSyntaxTree(r.SyntaxTree)))
                    {
                        // Only a member the index saw written from what produces can hold content: asking for the type's
                        // summary (every method of the type analyzed once more) for each of its counters and options cost
                        // more than the rest of the analysis on dotnet/extensions' Microsoft.Extensions.AI.
                        var held = TaintValue.Clean;
                        if (_context.MayBeWrittenWithContent(member) &&
                            _context.GetFieldSummary(owner, _cancellationToken).TryGetValue(member.OriginalDefinition, out var written))
                        {
                            held = ByType(written, operation.Type);
                        }

                        if (member is IPropertySymbol parameter && ComponentInputs.IsParameter(parameter))
                        {
                            held = held.Join(ByType(_context.Components.InputOf(parameter, _depth, _cancellationToken), operation.Type)); // what parents hand it
                        }

                        return held;
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
                return ByType(ValuesOf(receiver).Whole(), operation.Type); // a dictionary's entry: its values, not its keys
            }

            if (TryGetKeys(receiver, out var keysSlot, out var keys))
            {
                if (member.Name == "Keys")
                {
                    return ByType(keys, operation.Type);
                }

                receiver = receiver.WithoutField(keysSlot); // Values, Count…: what the values carry
            }

            return ReadMember(receiver, member, operation.Type).Join(WrittenByItsType(member, operation.Type));
        }

        /// <summary>
        /// A field or auto-property of another object of a type of this compilation (<c>holder.Last</c>, <c>state.Messages</c>):
        /// what that type's own methods write into it, on any object (the type's field summary). The object's history is
        /// not followed, so any instance may hold it.
        /// </summary>
        private TaintValue WrittenByItsType(ISymbol member, ITypeSymbol? resultType)
        {
            if (member.IsStatic || !(member is IFieldSymbol || (member is IPropertySymbol { IsIndexer: false } property && IsFieldLike(property))) ||
                !_model.IsContentCapable(resultType) || member.ContainingType is not { } owner ||
                (_fieldCollection && IsOwnMember(member)) || !_context.MayBeWrittenWithContent(member) ||
                !owner.DeclaringSyntaxReferences.Any(r => _context.Compilation.ContainsSyntaxTree(r.SyntaxTree)))
            {
                return TaintValue.Clean;
            }

            var summary = _context.GetFieldSummary(owner, _cancellationToken);
            return summary.TryGetValue(member.OriginalDefinition, out var written) ? ByType(written, resultType) : TaintValue.Clean;
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

        private TaintValue EvalImplicitIndexer(IImplicitIndexerReferenceOperation implicitIndexer)
        {
            var target = Eval(implicitIndexer.Instance);
            Eval(implicitIndexer.Argument);
            CheckRangeSlicing(implicitIndexer, target);
            return ByType(target.Whole(), implicitIndexer.Type);
        }

        private TaintValue EvalArrayElement(IArrayElementReferenceOperation element)
        {
            var array = Eval(element.ArrayReference);
            foreach (var index in element.Indices)
            {
                Eval(index);
            }

            return ByType(array.Whole(), element.Type);
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
    }
}
