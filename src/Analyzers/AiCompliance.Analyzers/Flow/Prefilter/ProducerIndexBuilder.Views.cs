using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>MVC views and Razor Pages: a producer that hands views something makes the generated views produce.</summary>
    internal sealed partial class ProducerIndexBuilder
    {
        private readonly HashSet<string> _views = new HashSet<string>(StringComparer.Ordinal); // type keys of generated .cshtml classes
        private bool _viewsHandedContent;
        private bool _viewsMarked;

        /// <summary>Notes a class the Razor compiler generated from a .cshtml file (<c>[RazorCompiledItemMetadata("Identifier", …)]</c>).</summary>
        private void NoteView(TypeDeclarationSyntax type, string typeName)
        {
            if (type is ClassDeclarationSyntax && type.AttributeLists.SelectMany(l => l.Attributes).Any(a =>
                    a.Name.ToString().EndsWith(MvcViews.CompiledItemMetadataShort, StringComparison.Ordinal) ||
                    a.Name.ToString().EndsWith(MvcViews.CompiledItemMetadata, StringComparison.Ordinal)))
            {
                _views.Add(typeName);
            }
        }

        /// <summary>
        /// A producer that may hand views something (it names <c>View(…)</c>, <c>PartialView(…)</c>, <c>ViewData</c> or
        /// <c>ViewBag</c>): the views read it through their <c>Model</c> and view data, names no producer of theirs
        /// mentions, so their members are marked as producers (<see cref="MarkViews"/>, once, after the round).
        /// </summary>
        private void HandToViews(MemberEntry entry)
        {
            if (_views.Count > 0 && !_viewsHandedContent && (Names(entry, "View(") || Names(entry, "ViewData") || Names(entry, "ViewBag")))
            {
                _viewsHandedContent = true; // PartialView( too
            }
        }

        private bool Names(MemberEntry entry, string text) =>
            _textOf(entry.Body.SyntaxTree).IndexOf(text, entry.Body.SpanStart, entry.Body.Span.Length, StringComparison.Ordinal) >= 0;

        private void MarkViews()
        {
            if (!_viewsHandedContent || _viewsMarked)
            {
                return;
            }

            _viewsMarked = true;
            foreach (var entry in _entries)
            {
                if (_views.Contains(entry.Type) && !entry.Producer)
                {
                    entry.Producer = true;
                    entry.Dirty = true;
                    _dirty.Add(entry); // a view may write view data that its layout renders
                    _types.Add(entry.Type);
                    if (!entry.HandsNothingBack)
                    {
                        _names.Add(entry.Name);
                        Enqueue(entry.Name, entry.Type);
                    }
                }
            }
        }
    }
}
