using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Field sinks: a type's buffer fields (a string, a StringBuilder, a collection) that one of its methods prints
    // (`Console.WriteLine(_pending.ToString())`). A method that stores its parameter in such a field hands that
    // parameter to the sink: its callers' arguments are reported (`Printer.Accumulate(update.Text)`).
    internal sealed partial class MethodAnalysis
    {
        /// <summary>In a field-sink run: the fields read as inputs, each with its placeholder ordinal (-2, -3, …).</summary>
        private Dictionary<ISymbol, int>? _fieldInputs;

        /// <summary>
        /// Runs <paramref name="method"/> of a type with the type's <paramref name="fields"/> as inputs (what callers left
        /// in them): where each reaches a sink. Findings of the run are not reported (its own analysis reports them).
        /// </summary>
        public static List<(ISymbol Field, ParamSink Sink)> FieldSinks(FlowContext context, IMethodSymbol method, ControlFlowGraph cfg, IReadOnlyList<ISymbol> fields, CancellationToken cancellationToken)
        {
            var analysis = new MethodAnalysis(
                context, method, 1, false,
                new Dictionary<SyntaxNode, Finding>(),
                new List<ParamSink>(),
                new Dictionary<ISymbol, TaintValue>(SymbolEqualityComparer.Default),
                new Dictionary<ISymbol, TaintValue>(SymbolEqualityComparer.Default),
                0,
                cancellationToken)
            {
                _fieldInputs = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default),
            };
            for (var i = 0; i < fields.Count; i++)
            {
                analysis._fieldInputs[fields[i]] = FieldOrdinal(i);
            }

            try
            {
                context.Injection?.ThrowIfInjected(method, cfg.OriginalOperation.Syntax.SyntaxTree);
                analysis._rootGraph = cfg;
                analysis.Run(cfg, new State());
            }
            catch (Exception ex) when (MethodAnalysisException.ShouldWrap(ex))
            {
                throw new MethodAnalysisException(method, ex);
            }

            var found = new List<(ISymbol Field, ParamSink Sink)>();
            foreach (var sink in analysis._paramSinks)
            {
                var index = -2 - sink.Parameter;
                if (index >= 0 && index < fields.Count)
                {
                    found.Add((fields[index], sink));
                }
            }

            return found;
        }

        private static int FieldOrdinal(int index) => -2 - index;

        /// <summary>In a field-sink run, a read of one of the fields given: its placeholder; else null.</summary>
        private TaintValue? FieldInput(ISymbol member) =>
            _fieldInputs is not null && _fieldInputs.TryGetValue(member.OriginalDefinition, out var ordinal) ? TaintValue.FromParameter(ordinal) : null;

        /// <summary>
        /// A write of <paramref name="value"/> into a field of this method's own kind (static, or of <c>this</c>): where
        /// the type prints that field, the parameters the value carries reach that sink (a parameter sink of this method).
        /// </summary>
        private void HandToFieldSinks(IOperation? target, IOperation at, TaintValue value)
        {
            if (_fieldCollection || _fieldInputs is not null || target is null)
            {
                return;
            }

            var parameters = value.Whole().Params.Where(p => p >= 0).ToList();
            if (parameters.Count == 0 ||
                Unwrap(target) is not IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }, Field: { } field } ||
                field.ContainingType is not { } owner || !owner.DeclaringSyntaxReferences.Any(r => _context.Compilation.ContainsSyntaxTree(r.SyntaxTree)))
            {
                return;
            }

            var sinks = _context.GetFieldSinks(owner, _cancellationToken);
            if (!sinks.TryGetValue(field.OriginalDefinition, out var list))
            {
                return;
            }

            var carried = TaintValue.JoinAll(parameters.Select(TaintValue.FromParameter));
            foreach (var sink in list)
            {
                ReportSink(at, carried, sink.Sink, sink.Location, sink.Via, field.OriginalDefinition);
            }
        }

        /// <summary>
        /// A parameter sink through an instance buffer <paramref name="field"/>, met at a call on <c>this</c> from a method of
        /// the field's own type: the type's field summary already holds what this call stores there, and the method that
        /// prints it reports; the sink is skipped so the content is reported once. Static fields are not in field summaries:
        /// their sinks always report at the argument.
        /// </summary>
        private bool FieldSummaryCovers(ISymbol? field, IOperation? instance) =>
            field is { IsStatic: false } &&
            SymbolEqualityComparer.Default.Equals(_method.ContainingType?.OriginalDefinition, field.ContainingType?.OriginalDefinition) &&
            instance is not null && Unwrap(instance) is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance };
    }
}
