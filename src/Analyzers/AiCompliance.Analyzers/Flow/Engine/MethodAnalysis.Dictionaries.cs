using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Dictionaries: what the keys carry apart from what the values carry. A dictionary built here keeps its keys under
    // the Keys property of IDictionary<,> / IReadOnlyDictionary<,> (a member of its value, even when clean: then it is
    // known to be clean); `.Keys` reads that, and the values are the rest. A dictionary of unknown origin (a parameter,
    // a library's result) keeps keys and values together, as before.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>The member a dictionary type keeps its keys under: <c>Keys</c> of the IDictionary&lt;,&gt; (else IReadOnlyDictionary&lt;,&gt;) it is or implements.</summary>
        private static IPropertySymbol? KeysSlotOf(ITypeSymbol? type)
        {
            if (type is null)
            {
                return null;
            }

            INamedTypeSymbol? readOnly = null;
            var candidates = type is INamedTypeSymbol named ? type.AllInterfaces.Insert(0, named) : type.AllInterfaces;
            foreach (var candidate in candidates)
            {
                if (IsDictionaryInterface(candidate, "IDictionary"))
                {
                    return candidate.OriginalDefinition.GetMembers("Keys").OfType<IPropertySymbol>().FirstOrDefault();
                }

                if (IsDictionaryInterface(candidate, "IReadOnlyDictionary"))
                {
                    readOnly = candidate;
                }
            }

            return readOnly?.OriginalDefinition.GetMembers("Keys").OfType<IPropertySymbol>().FirstOrDefault();
        }

        private static bool IsDictionaryInterface(INamedTypeSymbol type, string name) =>
            type.Arity == 2 && type.Name == name && type.TypeKind == TypeKind.Interface &&
            type.ContainingNamespace is { Name: "Generic", ContainingNamespace: { Name: "Collections", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

        private static bool IsKeysSlot(ISymbol member) =>
            member is IPropertySymbol { Name: "Keys", ContainingType: { } type } &&
            (IsDictionaryInterface(type, "IDictionary") || IsDictionaryInterface(type, "IReadOnlyDictionary"));

        /// <summary>What a dictionary value's keys carry, when it keeps them apart.</summary>
        private static bool TryGetKeys(TaintValue value, out ISymbol slot, out TaintValue keys)
        {
            foreach (var field in value.Fields)
            {
                if (IsKeysSlot(field.Key))
                {
                    slot = field.Key;
                    keys = field.Value;
                    return true;
                }
            }

            slot = null!;
            keys = TaintValue.Clean;
            return false;
        }

        /// <summary>The dictionary value without its keys (what its values carry); the value itself when it keeps no keys apart.</summary>
        private static TaintValue ValuesOf(TaintValue value) => TryGetKeys(value, out var slot, out _) ? value.WithoutField(slot) : value;

        /// <summary><c>dict[key] = v</c>, <c>dict.Add(key, v)</c>, an initializer's entry: the dictionary's keys now carry what the key carries.</summary>
        private void StoreKeys(IOperation? dictionary, TaintValue key)
        {
            if (dictionary is null || KeysSlotOf(dictionary.Type) is not { } slot)
            {
                return;
            }

            // A dictionary that keeps no keys apart yet (built elsewhere: a parameter, a library's result) may already
            // hold any keys: what it carries as a whole.
            TaintValue WithKey(TaintValue held) =>
                TryGetKeys(held, out var known, out var keys) ? held.WithField(known, keys.Join(key.Whole())) : held.WithField(slot, held.Whole().Join(key.Whole()));

            if (dictionary is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
            {
                if (_objectUnderConstruction is not null)
                {
                    _objectUnderConstruction = WithKey(_objectUnderConstruction);
                }

                return;
            }

            if (EntityOf(dictionary) is { } entity)
            {
                SetEntity(entity, WithKey(_state.Get(entity)));
            }
        }

        /// <summary>
        /// A dictionary mutator (<c>Add</c>, <c>TryAdd</c>, <c>GetOrAdd</c>…) whose key argument is a parameter named
        /// <c>key</c>: what the key carries goes to the keys, the rest to the values. False for anything else.
        /// </summary>
        private bool StoreDictionaryEntry(IInvocationOperation invocation, ImmutableArray<TaintValue> values)
        {
            if (invocation.Instance is not { } dictionary || KeysSlotOf(dictionary.Type) is null ||
                !invocation.Arguments.Any(a => a.Parameter?.Name == "key"))
            {
                return false;
            }

            var keys = TaintValue.Clean;
            var stored = TaintValue.Clean;
            for (var i = 0; i < invocation.Arguments.Length && i < values.Length; i++)
            {
                if (invocation.Arguments[i].Parameter?.Name == "key")
                {
                    keys = keys.Join(values[i].Whole());
                }
                else
                {
                    stored = stored.Join(values[i].Whole());
                }
            }

            StoreKeys(dictionary, keys);
            if (stored.IsTainted)
            {
                StoreInto(dictionary, stored);
            }

            return true;
        }

        /// <summary>
        /// <c>source.ToDictionary(keySelector[, elementSelector])</c> (and the immutable and frozen variants): the keys
        /// carry what the key selector returns, the values what the element selector returns (else the elements).
        /// Null for any other call.
        /// </summary>
        private TaintValue? ToDictionaryCall(IInvocationOperation invocation, IMethodSymbol method, TaintValue receiver, ImmutableArray<TaintValue> values)
        {
            if (method.Name is not ("ToDictionary" or "ToImmutableDictionary" or "ToFrozenDictionary" or "ToImmutableSortedDictionary") ||
                KeysSlotOf(invocation.Type) is not { } slot)
            {
                return null;
            }

            IOperation? keySelector = null;
            IOperation? elementSelector = null;
            var source = invocation.Instance is not null ? receiver.Whole() : TaintValue.Clean;
            for (var i = 0; i < invocation.Arguments.Length && i < values.Length; i++)
            {
                switch (invocation.Arguments[i].Parameter?.Name)
                {
                    case "keySelector":
                        keySelector = invocation.Arguments[i].Value;
                        break;
                    case "elementSelector":
                        elementSelector = invocation.Arguments[i].Value;
                        break;
                    case "source":
                        source = source.Join(values[i].Whole());
                        break;
                }
            }

            if (keySelector is null)
            {
                return null; // a dictionary from pairs: keys and values together
            }

            TaintValue Select(IOperation? selector) =>
                selector is not null && Unwrap(selector) is IFlowAnonymousFunctionOperation lambda
                    ? AnalyzeLambda(lambda, p => ByType(source, p.Type), returnSink: null).Whole()
                    : source; // a method group or no selector: the elements themselves, on the safe side

            var keys = Select(keySelector);
            var elements = Select(elementSelector);
            return elements.Own().WithField(slot, keys);
        }
    }
}
