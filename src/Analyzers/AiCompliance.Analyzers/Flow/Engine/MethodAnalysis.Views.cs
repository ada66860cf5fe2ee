using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // MVC views and Razor Pages (.cshtml): what controllers and page models hand them (View(model), ViewData, ViewBag)
    // is reported where a view of the compilation renders it (ViewInputs).
    internal sealed partial class MethodAnalysis
    {
        /// <summary>
        /// The model of <c>View(…)</c> / <c>PartialView(…)</c> that carries content: handed to the matching views of the
        /// compilation, which report where they render it. False (report at the call, as before) when it is no model
        /// argument or no view can be matched.
        /// </summary>
        private bool HandToViews(IInvocationOperation invocation, IArgumentOperation argument, TaintValue value, string sink)
        {
            var whole = value.Whole();
            if (_fieldCollection || !whole.IsTainted || argument.Parameter?.Name != MvcViews.ModelParameter)
            {
                return false;
            }

            var nameArgument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == MvcViews.ViewNameParameter);
            var viewName = nameArgument?.Value.ConstantValue is { HasValue: true, Value: string name } ? name : null;
            if (_context.Views.ViewsFor(_method, named: nameArgument is not null, viewName) is not { } views)
            {
                return false;
            }

            _context.Views.RecordModel(views, value.WithoutParams());
            ReportSink(argument.Value, ParametersOnly(whole), sink); // a helper's parameter still reports at its callers
            return true;
        }

        /// <summary>
        /// A write of content into <c>ViewData["Key"]</c> / <c>ViewBag.Key</c> (a constant key): handed to the views of
        /// the compilation, which report where they render the entry. False (report at the write) when the key is not a
        /// constant, the compilation has no views, or a view reads entries the code does not name.
        /// </summary>
        private bool HandToViewData(IOperation target, IPropertySymbol holder, TaintValue value, string sink, IOperation valueOperation)
        {
            var whole = value.Whole();
            if (_fieldCollection || !whole.IsTainted || holder.Name is not (MvcViews.ViewData or MvcViews.ViewBag))
            {
                return false;
            }

            var key = target switch
            {
                IPropertyReferenceOperation { Arguments.Length: 1 } indexer when indexer.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text } => text,
                IDynamicMemberReferenceOperation member => member.MemberName,
                _ => null,
            };
            if (key is null || !_context.Views.TakesEntries)
            {
                return false;
            }

            _context.Views.RecordEntry(key, value.WithoutParams());
            ReportSink(valueOperation, ParametersOnly(whole), sink);
            return true;
        }

        private static TaintValue ParametersOnly(TaintValue whole) => TaintValue.JoinAll(whole.Params.Select(TaintValue.FromParameter));

        /// <summary>
        /// A view's read of what it was handed: its <c>Model</c> (<c>RazorPage&lt;TModel&gt;.Model</c>) or a view-data entry
        /// with a constant key (<c>ViewData["Key"]</c>); clean anywhere else.
        /// </summary>
        private TaintValue ViewInput(IOperation operation, ISymbol member, IOperation? instance, ImmutableArray<IArgumentOperation> arguments)
        {
            if (member is not IPropertySymbol property || !(member.Name == MvcViews.Model || property.IsIndexer) || _method.ContainingType is not { } type)
            {
                return TaintValue.Clean;
            }

            var types = WellKnownTypes.For(_context.Compilation);
            if (!property.IsIndexer)
            {
                return (instance is null || instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }) &&
                       SymbolEqualityComparer.Default.Equals(property.ContainingType.OriginalDefinition, types.Get(MvcViews.RazorPageOfModel)) &&
                       _context.Views.IsView(type)
                    ? ByType(_context.Views.ModelOf(type.OriginalDefinition, _depth, _cancellationToken), operation.Type)
                    : TaintValue.Clean;
            }

            return arguments.Length == 1 && arguments[0].Value.ConstantValue is { HasValue: true, Value: string key } &&
                   instance is not null && Unwrap(instance) is IPropertyReferenceOperation { Property.Name: MvcViews.ViewData } &&
                   FlowModel.IsOrDerives(property.ContainingType, types.Get(MvcViews.ViewDataDictionary)) &&
                   _context.Views.IsView(type)
                ? ByType(_context.Views.EntryOf(key, _depth, _cancellationToken), operation.Type)
                : TaintValue.Clean;
        }

        /// <summary><c>ViewBag.Key</c> read in a view: the view-data entry "Key" (plus what the dynamic receiver carries).</summary>
        private TaintValue EvalDynamicMember(IDynamicMemberReferenceOperation dynamicMember)
        {
            var value = Eval(dynamicMember.Instance).Whole();
            if (dynamicMember.Instance is { } instance && Unwrap(instance) is IPropertyReferenceOperation { Property: { Name: MvcViews.ViewBag } bag } &&
                FlowModel.IsOrDerives(bag.ContainingType, WellKnownTypes.For(_context.Compilation).Get(MvcViews.RazorPageBase)) &&
                _method.ContainingType is { } type && _context.Views.IsView(type))
            {
                value = value.Join(_context.Views.EntryOf(dynamicMember.MemberName, _depth, _cancellationToken));
            }

            return value;
        }

        /// <summary>
        /// A dynamically bound call (<c>Write(ViewBag.Answer)</c> in a view: <c>ViewBag</c> is <c>dynamic</c>): a sink when
        /// every candidate the compiler saw is one; its arguments are checked against the candidates' unconditional rows.
        /// </summary>
        private void CheckDynamicSinks(IDynamicInvocationOperation invocation, ImmutableArray<TaintValue> values)
        {
            if (!values.Any(v => v.IsTainted) ||
                _context.SemanticModelFor(invocation.Syntax.SyntaxTree).GetSymbolInfo(invocation.Syntax, _cancellationToken).CandidateSymbols is not { Length: > 0 } candidates)
            {
                return;
            }

            var rows = candidates.Select(c => _model.Find(c)?.Sinks.FirstOrDefault(r => r.Condition is null && !r.Access.DelegateReturn)).ToList();
            if (rows.Any(r => r is null))
            {
                return;
            }

            var row = rows[0]!;
            for (var i = 0; i < invocation.Arguments.Length && i < values.Length; i++)
            {
                if (row.Access.Covers(i))
                {
                    ReportSink(invocation.Arguments[i], values[i], row.Description);
                }
            }
        }
    }
}
