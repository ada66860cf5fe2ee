using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>One member declaration (or field initializer, or the top-level statements) in the prefilter index, and what the closure found about it.</summary>
    internal sealed class MemberEntry
    {
        private List<NameFlow>? _flows;
        private HashSet<string>? _matched;

        public MemberEntry(SyntaxNode declaration, string name, string type, SyntaxNode body, bool isProperty)
        {
            Declaration = declaration;
            Name = name;
            Type = type;
            Body = body;
            IsProperty = isProperty;
        }

        public SyntaxNode Declaration { get; }

        public string Name { get; }

        public string Type { get; }

        public SyntaxNode Body { get; }

        public bool IsProperty { get; }

        /// <summary>The name flows inside the member, collected the first time it matters (most members never produce).</summary>
        public List<NameFlow> Flows => _flows ??= s_flows.GetValue(Body, _ => NameFlows.Collect(Body, Name, IsProperty));

        // Syntax only, so kept with the body node across compilations (an IDE keystroke keeps the other documents' trees);
        // a body belongs to one declaration, so its name and kind are the same whoever asks. Never changed once made.
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxNode, List<NameFlow>> s_flows =
            new System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxNode, List<NameFlow>>();

        /// <summary>The names this member mentions that produce where it mentions them.</summary>
        public HashSet<string> Matched => _matched ??= new HashSet<string>(StringComparer.Ordinal);

        public bool Producer { get; set; }

        /// <summary>
        /// Whether its callers or readers can get no content from it (<see cref="ContentFreeTypes"/>: a <c>bool</c>
        /// property, a <c>Task</c> method taking strings and numbers): when it produces, its name does not.
        /// </summary>
        public bool HandsNothingBack { get; set; }

        public bool Writer { get; set; }

        public bool Dirty { get; set; }

        /// <summary>Whether its text names a field or property where it may be written (<see cref="NameScanner.MayBeWritten"/>).</summary>
        public bool MayWriteStorage { get; set; }

        /// <summary>The storage names this member writes with something that may produce, given what it mentions that produces.</summary>
        public List<string> ProducingWrites(HashSet<string> storageNames, Func<string, bool>? mayStore) => Writes(storageNames, Matched, Producer, mayStore);

        /// <summary>
        /// The storage names a method writes from its parameters (<c>void Keep(string text) =&gt; _last = text;</c>): a
        /// producer of its type that calls it may write them with content.
        /// </summary>
        public List<string> WritesFromParameters(HashSet<string> storageNames, Func<string, bool>? mayStore) =>
            _parameterWrites ??= Declaration is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax { ParameterList.Parameters.Count: > 0 } method
                ? Writes(storageNames, method.ParameterList.Parameters.Select(p => p.Identifier.ValueText), produces: false, mayStore)
                : new List<string>();

        private List<string>? _parameterWrites;

        // mayStore: whether a call of that name may store its arguments in its receiver; null keeps every such flow.
        private List<string> Writes(HashSet<string> storageNames, IEnumerable<string> from, bool produces, Func<string, bool>? mayStore)
        {
            var tainted = new HashSet<string>(from, StringComparer.Ordinal);
            var written = new HashSet<string>(StringComparer.Ordinal);
            bool changed;
            do
            {
                changed = false;
                foreach (var flow in Flows)
                {
                    var flows = flow.Sources is null ? produces : flow.Sources.Any(tainted.Contains);
                    if (!flows || (flow.Via is { } via && mayStore is not null && !mayStore(via)))
                    {
                        continue;
                    }

                    foreach (var target in flow.Targets)
                    {
                        changed |= tainted.Add(target);
                        if (storageNames.Contains(target))
                        {
                            written.Add(target);
                        }
                    }
                }
            }
            while (changed);

            return written.ToList();
        }
    }
}
