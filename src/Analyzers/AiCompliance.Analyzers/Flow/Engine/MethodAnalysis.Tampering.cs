using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // AIC005: labeled content cut or rewritten, label text removed.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>
        /// AIC005: labeled content cut or rewritten in a way that can drop the label (Substring, Remove, Replace,
        /// Split, Trim with arguments, Regex.Replace, slicing), or code that searches the label text to remove it.
        /// </summary>
        private void CheckTampering(IInvocationOperation invocation, IMethodSymbol method, TaintValue receiver, ImmutableArray<TaintValue> values)
        {
            if (_fieldCollection)
            {
                return;
            }

            var name = method.Name;
            var onString = method.ContainingType?.SpecialType == SpecialType.System_String && !method.IsStatic;
            var regex = method.ContainingType is { Name: "Regex", ContainingNamespace: { } ns } && ns.ToDisplayString() == "System.Text.RegularExpressions";

            // Removing the label text itself, whatever the input.
            if ((onString && (name == "Replace" || name == "Remove" || name == "Trim" || name == "TrimStart" || name == "TrimEnd")) || (regex && name == "Replace"))
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Ordinal is int ordinal && (regex ? ordinal == 1 : ordinal == 0) && IsLabelPiece(Unwrap(argument.Value)))
                    {
                        AddTampering(invocation, name + " of the label text");
                        return;
                    }
                }
            }

            TaintValue input;
            bool cuts;
            if (onString)
            {
                input = receiver;
                cuts = name == "Substring" || name == "Remove" || name == "Split" || name == "Slice" ||
                       (name == "Replace" && !ReplacesOnlyTextOutsideLabels(invocation)) ||
                       ((name == "Trim" || name == "TrimStart" || name == "TrimEnd") && invocation.Arguments.Length > 0 && !TrimsOnlyCharactersOutsideLabels(invocation));
            }
            else if (regex && (name == "Replace" || name == "Split"))
            {
                input = method.IsStatic ? (values.Length > 0 ? values[0] : TaintValue.Clean) : (values.Length > 0 ? values[0] : TaintValue.Clean);
                cuts = true;
            }
            else
            {
                return;
            }

            var whole = input.Whole();
            if (cuts && whole.Sources.Count > 0 && whole.Sources.All(s => s.Labeled))
            {
                AddTampering(invocation, (regex ? "Regex." : "string.") + name);
            }
        }

        /// <summary>AIC005: labeled text sliced by a range (<c>text[..n]</c>).</summary>
        private void CheckRangeSlicing(IImplicitIndexerReferenceOperation implicitIndexer, TaintValue target)
        {
            if (!_fieldCollection && implicitIndexer.Argument.Type?.Name == "Range" && implicitIndexer.Type?.SpecialType == SpecialType.System_String)
            {
                var whole = target.Whole();
                if (whole.Sources.Count > 0 && whole.Sources.All(s => s.Labeled))
                {
                    AddTampering(implicitIndexer, "range slicing");
                }
            }
        }

        /// <summary>text.Replace("\n", "|"): a constant that no label of the compilation contains cannot cut a label.</summary>
        private bool ReplacesOnlyTextOutsideLabels(IInvocationOperation invocation) =>
            invocation.Arguments.Length > 0 &&
            invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string old } &&
            old.Length > 0 &&
            _model.LabelTexts.All(label => label.IndexOf(old, StringComparison.Ordinal) < 0);

        /// <summary>text.Trim(' ', '.'): constant characters that no label of the compilation contains cannot cut a label.</summary>
        private bool TrimsOnlyCharactersOutsideLabels(IInvocationOperation invocation)
        {
            var characters = new List<char>();
            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value is IArrayCreationOperation { Initializer: { } initializer } ? initializer.ElementValues.AsEnumerable() : new[] { argument.Value };
                foreach (var element in value)
                {
                    if (element.ConstantValue is { HasValue: true, Value: char c })
                    {
                        characters.Add(c);
                    }
                    else
                    {
                        return false;
                    }
                }
            }

            return characters.Count > 0 && _model.LabelTexts.All(label => characters.All(c => label.IndexOf(c) < 0));
        }

        private void AddTampering(IOperation operation, string what)
        {
            var node = operation.Syntax;
            if (!_tampering.ContainsKey(node))
            {
                _tampering[node] = new Finding(node, what, TaintValue.Clean, null, null);
            }
        }
    }
}
