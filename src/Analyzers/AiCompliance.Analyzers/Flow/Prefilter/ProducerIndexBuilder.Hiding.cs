using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>
    /// Names the text does not show: an alias (<c>using R = Answer;</c>) names a type under another name, and a
    /// <c>using static</c> brings a type's members and nested types into scope. A receiver written with such a name is left
    /// to the symbols (<see cref="ReceiverTypes"/>). Kept by name, not by file: one <c>global using static Utils;</c> in a
    /// project used to make every receiver of the compilation unreadable (all 47 <c>Create</c> calls of dotnet/ai-samples
    /// were bound to learn that none is a source call).
    /// </summary>
    internal sealed partial class ProducerIndexBuilder
    {
        private readonly Func<UsingDirectiveSyntax, HashSet<string>?>? _importedNames;
        private readonly List<(SyntaxTree Tree, UsingDirectiveSyntax Directive)> _hidingDirectives = new List<(SyntaxTree, UsingDirectiveSyntax)>();
        private readonly HashSet<string> _aliasNames = new HashSet<string>(StringComparer.Ordinal); // every alias, of any file
        private readonly HashSet<string> _globalHidden = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<SyntaxTree, HashSet<string>> _fileHidden = new Dictionary<SyntaxTree, HashSet<string>>();
        private readonly HashSet<SyntaxTree> _filesHidingAll = new HashSet<SyntaxTree>(); // a using static whose names are unknown
        private bool _globalHidesAll;
        private bool _hidingResolved;

        /// <summary>An alias or a <c>using static</c> directive of a file (global or not); resolved on first need.</summary>
        private void RecordHiding(SyntaxTree tree, UsingDirectiveSyntax directive)
        {
            _hidingDirectives.Add((tree, directive));
            if (directive.Alias is { } alias)
            {
                _aliasNames.Add(alias.Name.Identifier.ValueText);
            }
        }

        /// <summary>Whether, in that file, <paramref name="name"/> may stand for something its text does not show.</summary>
        private bool Hides(SyntaxTree tree, string name)
        {
            ResolveHiding();
            return _globalHidesAll || _globalHidden.Contains(name) || _filesHidingAll.Contains(tree) ||
                (_fileHidden.TryGetValue(tree, out var names) && names.Contains(name));
        }

        private void ResolveHiding()
        {
            if (_hidingResolved)
            {
                return;
            }

            _hidingResolved = true;
            foreach (var (tree, directive) in _hidingDirectives)
            {
                var global = directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword);
                IEnumerable<string>? names = directive.Alias is { } alias ? new[] { alias.Name.Identifier.ValueText } : _importedNames?.Invoke(directive);
                if (names is null)
                {
                    if (global)
                    {
                        _globalHidesAll = true;
                    }
                    else
                    {
                        _filesHidingAll.Add(tree);
                    }

                    continue;
                }

                HashSet<string> set;
                if (global)
                {
                    set = _globalHidden;
                }
                else if (!_fileHidden.TryGetValue(tree, out set!))
                {
                    _fileHidden[tree] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(names);
            }
        }
    }
}
