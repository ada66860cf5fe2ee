using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// The intraprocedural engine: a forward analysis over one control-flow graph (worklist to a fixpoint; joins are
    /// unions), tracking a <see cref="TaintValue"/> per local, parameter, flow capture and field of the type.
    /// Parameters start as placeholders, so one run yields both the method's findings (real AI sources reaching
    /// sinks) and its summary (what parameters do). Lambdas and local functions are analyzed where they are
    /// created or called, with the state they capture.
    /// </summary>
    internal sealed partial class MethodAnalysis
    {
        private const int MaxBlockVisits = FlowLimits.MaxBlockVisits;
        private const int MaxLocalFunctionDepth = FlowLimits.MaxLocalFunctionDepth;

        private static readonly object ThisKey = new object();

        private readonly FlowContext _context;
        private readonly FlowModel _model;
        private readonly IMethodSymbol _method;
        private readonly int _depth;
        private readonly bool _fieldCollection;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<SyntaxNode, Finding> _findings;
        private readonly Dictionary<SyntaxNode, Finding> _labeledFindings = new Dictionary<SyntaxNode, Finding>();
        private readonly HashSet<SourceRef> _sourceCalls = new HashSet<SourceRef>();
        private readonly Dictionary<SyntaxNode, Finding> _tampering = new Dictionary<SyntaxNode, Finding>();
        private readonly HashSet<string> _noticesShown = new HashSet<string>(StringComparer.Ordinal);
        private HashSet<NoticeSite>? _noticeSites; // allocated by the first notice shown (rare)
        private readonly List<ParamSink> _paramSinks;
        private readonly Dictionary<ISymbol, TaintValue> _fieldWrites;
        private readonly Dictionary<ISymbol, TaintValue> _stickyFieldWrites;
        private readonly int _localFunctionDepth;

        // Per graph being walked.
        private ControlFlowGraph _graph = null!;
        private State _state = null!;
        private TaintValue _returnValue = TaintValue.Clean;
        private string? _returnSink;
        private ISymbol? _returnSinkMember; // only this member of the returned object reaches _returnSink (null: all of it)
        private TaintValue? _objectUnderConstruction;
        private ControlFlowGraph? _rootGraph;
        private readonly Dictionary<int, TaintValue> _outValues = new Dictionary<int, TaintValue>();
        private readonly Dictionary<int, TaintValue> _filledValues = new Dictionary<int, TaintValue>();
        private TaintValue _thrownOut = TaintValue.Clean; // what this method's exceptions carry, for its callers' handlers
        private readonly Dictionary<CaptureId, object> _captureAliases = new Dictionary<CaptureId, object>();
        private readonly Dictionary<ISymbol, TaintValue> _exitFieldValues = new Dictionary<ISymbol, TaintValue>(SymbolEqualityComparer.Default);

        private MethodAnalysis(
            FlowContext context,
            IMethodSymbol method,
            int depth,
            bool fieldCollection,
            Dictionary<SyntaxNode, Finding> findings,
            List<ParamSink> paramSinks,
            Dictionary<ISymbol, TaintValue> fieldWrites,
            Dictionary<ISymbol, TaintValue> stickyFieldWrites,
            int localFunctionDepth,
            CancellationToken cancellationToken)
        {
            _stickyFieldWrites = stickyFieldWrites;
            _context = context;
            _model = context.Model;
            _method = method;
            _depth = depth;
            _fieldCollection = fieldCollection;
            _cancellationToken = cancellationToken;
            _findings = findings;
            _paramSinks = paramSinks;
            _fieldWrites = fieldWrites;
            _localFunctionDepth = localFunctionDepth;
        }

        public static MethodResult Analyze(FlowContext context, IMethodSymbol method, ControlFlowGraph cfg, int depth, bool fieldCollection, CancellationToken cancellationToken)
        {
            try
            {
                context.Injection?.ThrowIfInjected(method, cfg.OriginalOperation.Syntax.SyntaxTree);
                return AnalyzeCore(context, method, cfg, depth, fieldCollection, cancellationToken);
            }
            catch (Exception ex) when (MethodAnalysisException.ShouldWrap(ex))
            {
                throw new MethodAnalysisException(method, ex); // names the method that failed (AIC009)
            }
        }

        private static MethodResult AnalyzeCore(FlowContext context, IMethodSymbol method, ControlFlowGraph cfg, int depth, bool fieldCollection, CancellationToken cancellationToken)
        {
            var analysis = new MethodAnalysis(
                context, method, depth, fieldCollection,
                new Dictionary<SyntaxNode, Finding>(),
                new List<ParamSink>(),
                new Dictionary<ISymbol, TaintValue>(SymbolEqualityComparer.Default),
                new Dictionary<ISymbol, TaintValue>(SymbolEqualityComparer.Default),
                0,
                cancellationToken);

            var initial = new State();
            foreach (var parameter in method.Parameters)
            {
                initial[parameter] = TaintValue.FromParameter(parameter.Ordinal);
            }

            analysis._returnSink = context.Model.ReturnSinkOf(method);
            analysis._returnSinkMember = analysis._returnSink is null ? null : context.Model.ReturnSinkMemberOf(method);
            analysis._rootGraph = cfg;
            var returned = analysis.Run(cfg, initial);
            return analysis.ToResult(returned);
        }

        /// <summary>The findings, source calls and summary of a finished run that returned <paramref name="returned"/>.</summary>
        private MethodResult ToResult(TaintValue returned)
        {
            var findings = _findings.Values
                .Where(f => !f.Value.Sources.IsEmpty)
                .OrderBy(f => f.Node.SpanStart)
                .ToList();
            var labeledFindings = _labeledFindings
                .Where(f => !_findings.ContainsKey(f.Key))
                .Select(f => f.Value)
                .OrderBy(f => f.Node.SpanStart)
                .ToList();
            var sourceCalls = _sourceCalls.OrderBy(s => s.Location.SourceSpan.Start).ToList();
            var summary = new MethodSummary(
                returned,
                _paramSinks.ToImmutableArray(),
                _fieldWrites.ToImmutableDictionary(
                    p => p.Key,
                    p => (_exitFieldValues.TryGetValue(p.Key, out var atExit) ? atExit : p.Value)
                        .Join(_stickyFieldWrites.TryGetValue(p.Key, out var sticky) ? sticky : TaintValue.Clean),
                    SymbolEqualityComparer.Default),
                _outValues.ToImmutableDictionary(),
                _thrownOut,
                _delegateArguments.ToImmutableDictionary(),
                _filledValues.ToImmutableDictionary());
            var tampering = _tampering.Values.OrderBy(f => f.Node.SpanStart).ToList();
            return new MethodResult(summary, findings, labeledFindings, sourceCalls, tampering, _noticesShown.ToList(), _noticeSites?.OrderBy(n => n.Location.SourceSpan.Start).ToList());
        }

        /// <summary>"Type.Member" for a member (an extension method by its declaration, an accessor by its property).</summary>
        public static string TypeAndMember(ISymbol member)
        {
            if (member is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction, ContainingSymbol: { } holder })
            {
                return "a lambda in " + TypeAndMember(holder);
            }

            var definition = member is IMethodSymbol { ReducedFrom: { } reduced } ? reduced : member;
            if (definition is IMethodSymbol { AssociatedSymbol: IPropertySymbol property })
            {
                definition = property;
            }

            return (definition.ContainingType?.Name ?? "?") + "." + definition.Name;
        }
    }
}
