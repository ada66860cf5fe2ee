using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Objects held by other variables: a write through one variable is seen through the others.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>
        /// For a variable (a local, a parameter, a field of this object): the variables whose object holds its object,
        /// because they were built with it (<c>message = new Message(role, [content])</c>) or it was stored in one of
        /// their members (<c>box.Item = item</c>, an initializer). Flow-insensitive for the whole analysis: once recorded,
        /// a holder stays one (a later reassignment is not undone), which only lets more through.
        /// </summary>
        private readonly Dictionary<object, HashSet<object>> _holders = new Dictionary<object, HashSet<object>>(KeyComparer.Instance);

        /// <summary>Variables that hold the same object (<c>var b = a;</c>), both ways: a write through one is a write through the other.</summary>
        private readonly Dictionary<object, HashSet<object>> _aliases = new Dictionary<object, HashSet<object>>(KeyComparer.Instance);

        private HashSet<object>? _spreading;

        /// <summary>
        /// After <c>target = value</c>: which variables' objects <paramref name="value"/> puts in the target's object, or
        /// makes it (objects of a reference type other than string: they can be written through later).
        /// </summary>
        private void RecordHolders(IOperation target, IOperation value)
        {
            if (target is IDeclarationExpressionOperation declaration)
            {
                target = declaration.Expression;
            }

            var stored = EntityOf(value) is { } entity && IsMutableObject(value.Type) ? entity : null;
            if (EntityOf(target) is not { } holder)
            {
                // box.Item = item, and an initializer's member (the graph writes it through a capture of the new object).
                var instance = Unwrap(target) switch
                {
                    IFieldReferenceOperation field => field.Instance,
                    IPropertyReferenceOperation { Arguments.Length: 0 } property => property.Instance,
                    _ => null,
                };
                if (EntityOf(instance) is { } owner)
                {
                    AddHolders(stored, value, owner);
                }

                return;
            }

            if (stored is CaptureId)
            {
                // x = capture of a new object: x holds what the new object was built with (a capture is a temporary).
                foreach (var pair in _holders)
                {
                    if (pair.Value.Contains(stored))
                    {
                        AddHolder(pair.Key, holder, _holders);
                    }
                }

                return;
            }

            if (stored is not null)
            {
                AddHolder(stored, holder, _aliases); // var b = a: the same object, both ways
                AddHolder(holder, stored, _aliases);
                return;
            }

            AddHolders(null, value, holder);
        }

        private void AddHolders(object? stored, IOperation value, object holder)
        {
            if (stored is not null)
            {
                AddHolder(stored, holder, _holders);
                return;
            }

            foreach (var held in HeldBy(value, depth: 0))
            {
                AddHolder(held, holder, _holders);
            }
        }

        private static void AddHolder(object held, object holder, Dictionary<object, HashSet<object>> links)
        {
            if (KeyComparer.Instance.Equals(held, holder))
            {
                return;
            }

            if (!links.TryGetValue(held, out var holders))
            {
                links[held] = holders = new HashSet<object>(KeyComparer.Instance);
            }

            holders.Add(holder);
        }

        /// <summary>The variables a new object is built with: constructor arguments, initializer values, collection and array elements.</summary>
        private IEnumerable<object> HeldBy(IOperation value, int depth)
        {
            if (depth > FlowLimits.MaxFieldDepth)
            {
                yield break;
            }

            IEnumerable<IOperation> parts = Unwrap(value) switch
            {
                IObjectCreationOperation creation => Parts(creation.Arguments, creation.Initializer),
                ICollectionExpressionOperation collection => collection.Elements,
                IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
                IAnonymousObjectCreationOperation anonymous => anonymous.Initializers,
                _ => System.Array.Empty<IOperation>(),
            };
            foreach (var part in parts)
            {
                var inner = part switch
                {
                    IArgumentOperation argument => argument.Value,
                    ISimpleAssignmentOperation assignment => assignment.Value,
                    ISpreadOperation spread => spread.Operand,
                    _ => part,
                };
                if (EntityOf(inner) is { } entity)
                {
                    if (IsMutableObject(inner.Type))
                    {
                        yield return entity;
                    }

                    continue;
                }

                foreach (var nested in HeldBy(inner, depth + 1))
                {
                    yield return nested;
                }
            }
        }

        private static IEnumerable<IOperation> Parts(IEnumerable<IOperation> arguments, IObjectOrCollectionInitializerOperation? initializer)
        {
            foreach (var argument in arguments)
            {
                yield return argument;
            }

            if (initializer is not null)
            {
                foreach (var part in initializer.Initializers)
                {
                    yield return part;
                }
            }
        }

        /// <summary>An object that can be written through after it is stored: a reference type other than string and delegates.</summary>
        private static bool IsMutableObject(ITypeSymbol? type) =>
            type is { IsReferenceType: true, SpecialType: not SpecialType.System_String, TypeKind: not TypeKind.Delegate };

        /// <summary>
        /// A write through <paramref name="key"/> that leaves it carrying content: a variable holding the same object
        /// carries the same (member by member), and every variable whose object holds it carries that content too (as a
        /// whole: which of its members holds the object is not tracked).
        /// </summary>
        private void SpreadToHolders(object key, TaintValue value)
        {
            if ((_holders.Count == 0 && _aliases.Count == 0) || !value.IsTainted)
            {
                return;
            }

            var outermost = _spreading is null;
            _spreading ??= new HashSet<object>(KeyComparer.Instance);
            try
            {
                if (!_spreading.Add(key))
                {
                    return; // a cycle (var b = a holds both ways)
                }

                Spread(key, _aliases, value);
                Spread(key, _holders, value.Whole());
            }
            finally
            {
                if (outermost)
                {
                    _spreading = null;
                }
            }
        }

        private void Spread(object key, Dictionary<object, HashSet<object>> links, TaintValue value)
        {
            if (!links.TryGetValue(key, out var holders))
            {
                return;
            }

            foreach (var holder in holders)
            {
                var held = _state.Get(holder);
                var joined = held.Join(value);
                if (!joined.Equals(held))
                {
                    SetEntity(holder, joined);
                }
            }
        }
    }
}
