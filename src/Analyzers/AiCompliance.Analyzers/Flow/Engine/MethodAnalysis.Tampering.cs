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
            var regex = IsType(method.ContainingType, "Regex", "System.Text.RegularExpressions");
            var builder = !method.IsStatic && IsType(method.ContainingType, "StringBuilder", "System.Text");

            // Removing the label text itself, whatever the input: text.Replace(Svc.LabelText, ""), sb.Replace(...),
            // Regex.Replace(text, Regex.Escape(Svc.LabelText), ""), new Regex(Svc.LabelText).Replace(text, "").
            // Not when the replacement keeps the label (Replace(Svc.LabelText, WebUtility.HtmlEncode(Svc.LabelText))).
            if (((onString || builder) && (name == "Replace" || (onString && (name == "Remove" || name == "Trim" || name == "TrimStart" || name == "TrimEnd")))) || (regex && name == "Replace"))
            {
                var patternOrdinal = regex && method.IsStatic ? 1 : 0;
                var replacementOrdinal = patternOrdinal + 1;
                var removesLabel = regex && !method.IsStatic
                    ? RegexOfLabel(invocation.Instance)
                    : invocation.Arguments.Any(a => a.Parameter?.Ordinal == patternOrdinal && IsLabelPattern(a.Value));
                if (removesLabel && !invocation.Arguments.Any(a => a.Parameter?.Ordinal == replacementOrdinal && MentionsLabel(a.Value)))
                {
                    AddTampering(invocation, (builder ? "StringBuilder." : string.Empty) + name + " of the label text");
                    return;
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
            else if (builder)
            {
                // A builder holding labeled text: Remove and Replace (other than of text no label contains) can cut it.
                input = receiver;
                cuts = name == "Remove" || (name == "Replace" && !ReplacesOnlyTextOutsideLabels(invocation));
            }
            else if (regex && (name == "Replace" || name == "Split"))
            {
                input = values.Length > 0 ? values[0] : TaintValue.Clean;
                cuts = true;
            }
            else
            {
                return;
            }

            var whole = input.Whole();
            if (cuts && whole.Sources.Count > 0 && whole.Sources.All(s => s.Labeled))
            {
                AddTampering(invocation, (regex ? "Regex." : builder ? "StringBuilder." : "string.") + name);
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

        /// <summary>text.Replace("\n", "|") or sb.Replace('\n', ' '): a constant that no label of the compilation contains cannot cut a label.</summary>
        private bool ReplacesOnlyTextOutsideLabels(IInvocationOperation invocation)
        {
            var old = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.ConstantValue;
            return old switch
            {
                { HasValue: true, Value: string text } => text.Length > 0 && _model.LabelTexts.All(label => label.IndexOf(text, StringComparison.Ordinal) < 0),
                { HasValue: true, Value: char c } => _model.LabelTexts.All(label => label.IndexOf(c) < 0),
                _ => false,
            };
        }

        /// <summary>
        /// A search pattern made of the label: the label piece itself, <c>Regex.Escape</c> of one, or a concatenation or
        /// interpolation with a label piece in it (<c>$"{Regex.Escape(Svc.LabelText)}\s*"</c>).
        /// </summary>
        private bool IsLabelPattern(IOperation value)
        {
            value = Unwrap(value);
            switch (value)
            {
                case IInvocationOperation { TargetMethod: { Name: "Escape", IsStatic: true } escape } call
                    when IsType(escape.ContainingType, "Regex", "System.Text.RegularExpressions") && call.Arguments.Length == 1:
                    return IsLabelPattern(call.Arguments[0].Value);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concat:
                    return IsLabelPattern(concat.LeftOperand) || IsLabelPattern(concat.RightOperand);
                case IInterpolatedStringOperation interpolated:
                    return interpolated.Parts.OfType<IInterpolationOperation>().Any(p => IsLabelPattern(p.Expression));
                default:
                    return IsLabelPiece(value);
            }
        }

        /// <summary>The receiver of an instance <c>Regex.Replace</c> built right there from a label pattern.</summary>
        private bool RegexOfLabel(IOperation? instance) =>
            instance is not null && Unwrap(instance) is IObjectCreationOperation { Arguments: { Length: > 0 } arguments } &&
            arguments.Any(a => a.Parameter?.Ordinal == 0 && IsLabelPattern(a.Value));

        /// <summary>A replacement that puts the label back (encoded, wrapped in markup): the label is kept, not removed.</summary>
        private bool MentionsLabel(IOperation value)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (IsLabelPiece(Unwrap(operation)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsType(INamedTypeSymbol? type, string name, string containingNamespace) =>
            type is not null && type.Name == name && type.ContainingNamespace?.ToDisplayString() == containingNamespace;

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
