using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>
    /// The binding-free prefilter, built once per compilation in one walk over the syntax (<see cref="ProducerIndexBuilder"/>):
    /// every member declaration with the names it mentions and the name-to-name flows inside it (assignments,
    /// initializers, arguments into a receiver, out/ref arguments, pattern and loop variables), then a worklist closure
    /// from the modeled source member names, [AiGenerated] names and the labeling-client names: a member that mentions a
    /// producing name produces and its name becomes a producing name; a field or property becomes a producing name only
    /// where a member writes it from something that produces (so a counter or status field updated next to an AI call
    /// does not drag every reader of it into the analysis). Linear in the size of the code, deterministic, and
    /// independent of the order in which methods are analyzed. Over-approximates; used to skip work, never to decide a report.
    /// </summary>
    internal sealed class ProducerIndex
    {
        private readonly Dictionary<SyntaxNode, (bool Producer, bool Writer)> _members;
        private readonly Dictionary<SyntaxNode, HashSet<string>> _noSourceCalls;

        public ProducerIndex(
            HashSet<string> names,
            HashSet<string> types,
            Dictionary<SyntaxNode, (bool Producer, bool Writer)> members,
            Dictionary<string, List<SyntaxNode>> producingMethods,
            Dictionary<string, List<SyntaxNode>> allMethods,
            Dictionary<SyntaxNode, HashSet<string>>? noSourceCalls = null)
        {
            _noSourceCalls = noSourceCalls ?? new Dictionary<SyntaxNode, HashSet<string>>();
            Names = names;
            Types = types;
            _members = members;
            ProducingMethods = producingMethods;
            AllMethods = allMethods;
        }

        /// <summary>Declarations of every method by name (candidates when content goes into a call).</summary>
        public Dictionary<string, List<SyntaxNode>> AllMethods { get; }

        /// <summary>Declarations of producing methods by name (candidates for overrides and implementations).</summary>
        public Dictionary<string, List<SyntaxNode>> ProducingMethods { get; }

        /// <summary>Names whose mention can bring AI content into a body.</summary>
        public HashSet<string> Names { get; }

        /// <summary>Types with a producing member (<see cref="TypeKey"/>: namespace and name).</summary>
        public HashSet<string> Types { get; }

        public int MemberCount => _members.Count;

        public int ProducerCount => _members.Values.Count(m => m.Producer);

        public bool TryGetMember(SyntaxNode declaration, out (bool Producer, bool Writer) member) => _members.TryGetValue(declaration, out member);

        /// <summary>Whether the body of <paramref name="symbol"/> can produce AI content, judged from syntax only.</summary>
        public bool MayProduce(ISymbol symbol) => Lookup(symbol, writer: false);

        /// <summary>
        /// Whether the body of <paramref name="symbol"/> may store produced content (or a labeling client) in a field or
        /// property, judged from syntax only. Only such members feed a type's field summary.
        /// </summary>
        public bool MayWriteContent(ISymbol symbol) => Lookup(symbol, writer: true);

        /// <summary>
        /// The test for a code block the driver hands over: its member's entry in the index when it has one (names
        /// resolved per type), else whether the block names anything that can produce content.
        /// </summary>
        public bool CodeBlockMayProduce(ISymbol owner, SyntaxNode codeBlock) => IndexedAnswer(owner, writer: false) ?? SyntaxMayProduce(codeBlock);

        /// <summary>
        /// The same test for a code block found in a tree (<see cref="Rules.CodeBlocks"/>), before its symbol is known: the
        /// entry of the member it belongs to (an accessor's or expression body's property, a file's top-level statements),
        /// else whether the block names anything that can produce content.
        /// </summary>
        public bool BlockMayProduce(SyntaxNode block)
        {
            var member = block switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax accessor => accessor.Parent?.Parent,
                Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax arrow => arrow.Parent,
                _ => block,
            };
            return member is not null && TryGetMember(member, out var entry) ? entry.Producer : SyntaxMayProduce(block);
        }

        /// <summary>Whether a node names anything that can produce content (in any type).</summary>
        public bool SyntaxMayProduce(SyntaxNode node)
        {
            foreach (var descendant in node.DescendantNodesAndSelf())
            {
                if (descendant is SimpleNameSyntax simple && Names.Contains(simple.Identifier.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Whether the index already knows that no mention of the source row's name <paramref name="name"/> in the member
        /// holding <paramref name="node"/> binds to a source (its body was bound to confirm the name, or the receivers'
        /// declared types ruled every mention out). False when the index did not ask: then only binding tells.
        /// </summary>
        public bool RulesOutSourceCall(SyntaxNode node, string name)
        {
            for (var n = node; n is not null; n = n.Parent)
            {
                if (_noSourceCalls.TryGetValue(n, out var names) && names.Contains(name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether any member of the type can produce content (so its fields may hold some).</summary>
        public bool TypeMayHoldContent(INamedTypeSymbol type) => Types.Contains(TypeKey.Of(type.OriginalDefinition));

        private bool Lookup(ISymbol symbol, bool writer) =>
            IndexedAnswer(symbol, writer) ?? Names.Contains(symbol.Name); // not indexed (a local function): its name

        /// <summary>What the index says of a member's declarations (accessors are indexed with their property); null when it has none of them.</summary>
        private bool? IndexedAnswer(ISymbol symbol, bool writer)
        {
            if (symbol is IMethodSymbol { AssociatedSymbol: { } associated })
            {
                symbol = associated;
            }

            bool? answer = null;
            foreach (var reference in symbol.OriginalDefinition.DeclaringSyntaxReferences)
            {
                if (TryGetMember(reference.GetSyntax(), out var member))
                {
                    if (writer ? member.Writer : member.Producer)
                    {
                        return true;
                    }

                    answer = false;
                }
            }

            return answer;
        }
    }
}
