using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>A sink reached by a parameter of a summarized method.</summary>
    internal sealed class ParamSink
    {
        public ParamSink(int parameter, string sink, Location location, string via, ISymbol? field = null)
        {
            Parameter = parameter;
            Sink = sink;
            Location = location;
            Via = via;
            Field = field;
        }

        /// <summary>
        /// Where the parameter reaches the sink through a buffer field of its type (stored here, printed by another
        /// method): that field. Callers in the field's own type are covered by its field summary and skip the sink.
        /// </summary>
        public ISymbol? Field { get; }

        public int Parameter { get; }

        public string Sink { get; }

        /// <summary>The sink expression inside the helper (an additional location at the caller's report).</summary>
        public Location Location { get; }

        /// <summary>The chain of helpers from the called one inward, e.g. "Output.Deep → Output.Show".</summary>
        public string Via { get; }
    }

    /// <summary>
    /// How content moves through one method of the compilation: what its return carries (AI sources, parameter
    /// placeholders, per-member values), which parameters reach a sink, and what it writes into fields of its type.
    /// </summary>
    internal sealed class MethodSummary
    {
        public MethodSummary(TaintValue returnValue, ImmutableArray<ParamSink> paramSinks, ImmutableDictionary<ISymbol, TaintValue> fieldWrites, ImmutableDictionary<int, TaintValue>? outValues = null, TaintValue? thrown = null, ImmutableDictionary<(int Parameter, int Argument), TaintValue>? delegateArguments = null, ImmutableDictionary<int, TaintValue>? filledValues = null)
        {
            FilledValues = filledValues ?? ImmutableDictionary<int, TaintValue>.Empty;
            DelegateArguments = delegateArguments ?? ImmutableDictionary<(int Parameter, int Argument), TaintValue>.Empty;
            Return = returnValue;
            ParamSinks = paramSinks;
            FieldWrites = fieldWrites;
            OutValues = outValues ?? ImmutableDictionary<int, TaintValue>.Empty;
            Thrown = thrown ?? TaintValue.Clean;
        }

        /// <summary>
        /// What the exceptions the method throws carry (<c>throw new InvalidOperationException(answer)</c>), for the
        /// handlers of its callers. Every throw counts, also one the method catches itself (on the safe side).
        /// </summary>
        public TaintValue Thrown { get; }

        /// <summary>
        /// What the method passes to the delegates its callers give it (<c>onChunk(text)</c> with <c>onChunk</c> a
        /// parameter), by (delegate parameter, argument) ordinal: each call runs the callback it passes with that.
        /// </summary>
        public ImmutableDictionary<(int Parameter, int Argument), TaintValue> DelegateArguments { get; }

        /// <summary>What <c>out</c> and <c>ref</c> parameters hold when the method returns, by ordinal.</summary>
        public ImmutableDictionary<int, TaintValue> OutValues { get; }

        /// <summary>
        /// What the objects passed for by-value parameters of a reference type hold when the method returns, by ordinal,
        /// where the method put something in them (<c>static void Fill(StringBuilder sb, string t) =&gt; sb.Append(t)</c>):
        /// the caller's object is the same one, so the caller's argument holds that too.
        /// </summary>
        public ImmutableDictionary<int, TaintValue> FilledValues { get; }

        public TaintValue Return { get; }

        public ImmutableArray<ParamSink> ParamSinks { get; }

        public ImmutableDictionary<ISymbol, TaintValue> FieldWrites { get; }

        public static readonly MethodSummary Empty = new MethodSummary(TaintValue.Clean, ImmutableArray<ParamSink>.Empty, ImmutableDictionary<ISymbol, TaintValue>.Empty.WithComparers(SymbolEqualityComparer.Default));

        /// <summary>For cycles and the depth bound: every parameter (and the receiver) may flow to the return; nothing else.</summary>
        public static MethodSummary Conservative(IMethodSymbol method)
        {
            var value = TaintValue.FromParameter(TaintValue.ThisParameter);
            foreach (var p in method.Parameters)
            {
                value = value.Join(TaintValue.FromParameter(p.Ordinal));
            }

            return new MethodSummary(value, ImmutableArray<ParamSink>.Empty, Empty.FieldWrites);
        }
    }

    /// <summary>An unlabeled path: the expression handed to a sink and what it carries.</summary>
    internal sealed class Finding
    {
        public Finding(SyntaxNode node, string sink, TaintValue value, Location? helperSink, string? via)
        {
            Node = node;
            Sink = sink;
            Value = value;
            HelperSink = helperSink;
            Via = via;
        }

        /// <summary>For a report at a helper call: the helpers the content goes through to the sink.</summary>
        public string? Via { get; }

        public SyntaxNode Node { get; }

        public string Sink { get; }

        public TaintValue Value { get; set; }

        public Location? HelperSink { get; }
    }

    /// <summary>The result of analyzing one method body: its summary and its findings.</summary>
    internal sealed class MethodResult
    {
        public MethodResult(MethodSummary summary, IReadOnlyList<Finding> findings, IReadOnlyList<Finding>? labeledFindings = null, IReadOnlyList<SourceRef>? sourceCalls = null, IReadOnlyList<Finding>? tampering = null, IReadOnlyCollection<string>? noticesShown = null, IReadOnlyList<NoticeSite>? noticeSites = null)
        {
            NoticeSites = noticeSites ?? Array.Empty<NoticeSite>();
            NoticesShown = noticesShown ?? Array.Empty<string>();
            Tampering = tampering ?? Array.Empty<Finding>();
            Summary = summary;
            Findings = findings;
            LabeledFindings = labeledFindings ?? Array.Empty<Finding>();
            SourceCalls = sourceCalls ?? Array.Empty<SourceRef>();
        }

        /// <summary>Sinks reached by labeled content only (for the compliance report).</summary>
        public IReadOnlyList<Finding> LabeledFindings { get; }

        /// <summary>Metadata names of registered services whose notice or number reaches a user-facing output here.</summary>
        public IReadOnlyCollection<string> NoticesShown { get; }

        /// <summary>Where each notice of <see cref="NoticesShown"/> reaches an output here (the sink's expression), for AIC011's per-surface check.</summary>
        public IReadOnlyList<NoticeSite> NoticeSites { get; }

        /// <summary>Calls that may cut or remove a label from labeled content (AIC005); Sink holds the call's name.</summary>
        public IReadOnlyList<Finding> Tampering { get; }

        /// <summary>The AI source calls in this method (for the compliance report).</summary>
        public IReadOnlyList<SourceRef> SourceCalls { get; }

        public MethodSummary Summary { get; }

        public IReadOnlyList<Finding> Findings { get; }
    }
}
