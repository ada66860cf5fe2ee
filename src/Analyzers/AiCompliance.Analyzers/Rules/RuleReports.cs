using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers.Rules
{
    /// <summary>How the rules put the engine's results on the user's code: locations, Razor mapping, messages.</summary>
    internal static class RuleReports
    {
        private const int MaxAdditionalLocations = FlowLimits.MaxUnlabeledAdditionalLocations;

        /// <summary>
        /// AIC009 for a code block the engine failed on: at the local function that failed when it is declared in this
        /// block, else at the method's identifier (in Razor output: the first expression that maps to the page).
        /// </summary>
        public static void ReportAnalysisFailed(SemanticModelAnalysisContext context, BlockOutcome outcome, Exception cause)
        {
            var block = outcome.Block;
            var subject = outcome.Method;
            if (outcome.FailedMethod is { MethodKind: MethodKind.LocalFunction } failed &&
                failed.Locations.FirstOrDefault() is { IsInSource: true } local &&
                local.SourceTree == block.SyntaxTree &&
                block.Span.Contains(local.SourceSpan))
            {
                subject = failed;
            }

            Location location;
            if (outcome.Razor)
            {
                location = MappedLocation(block, context.CancellationToken);
            }
            else
            {
                location = subject.Locations.FirstOrDefault(l => l.SourceTree == block.SyntaxTree && block.Span.Contains(l.SourceSpan))
                           ?? block.GetLocation();
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.AnalysisFailed, location, AnalysisFailures.NameOf(subject), AnalysisFailures.Reason(cause)));
        }

        /// <summary>An AIC001 / AIC900 finding at its sink, with the source calls as additional locations.</summary>
        public static void Report(SemanticModelAnalysisContext context, BlockOutcome outcome, Finding finding, DiagnosticDescriptor descriptor)
        {
            var razor = outcome.Razor;
            var sources = finding.Value.Sources.OrderBy(s => s, Comparer<SourceRef>.Create(SourceRef.Compare)).ToList();
            if (sources.Count == 0 || finding.Node.SyntaxTree != outcome.Block.SyntaxTree || (razor && !RazorSinks.IsRazorSink(finding.Sink)))
            {
                return;
            }

            var additional = new List<Location>();
            foreach (var source in sources.Take(MaxAdditionalLocations))
            {
                additional.Add(source.Location);
            }

            if (finding.HelperSink is not null)
            {
                additional.Add(finding.HelperSink);
            }

            var sourceName = sources[0].Description + (sources.Count > 1 ? "' and " + (sources.Count - 1) + " more from '" + sources[sources.Count - 1].Description : string.Empty);
            context.ReportDiagnostic(Diagnostic.Create(
                descriptor,
                razor ? MappedLocation(finding.Node, context.CancellationToken) : finding.Node.GetLocation(),
                additional,
                sourceName,
                finding.Sink,
                finding.Via is null ? string.Empty : " via '" + finding.Via + "'"));
        }

        /// <summary>
        /// A generated tree the Razor compiler wrote: named after a component or view (<c>Chat_razor.g.cs</c> from the
        /// source generator, <c>Chat.razor.g.cs</c> from older builds), or mapping lines to a .razor / .cshtml file.
        /// AiCompliance's own generated files never count.
        /// </summary>
        internal static bool IsRazorOutput(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var path = tree.FilePath ?? string.Empty;
            var name = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
            if (name.StartsWith("AiCompliance.", StringComparison.Ordinal))
            {
                return false;
            }

            foreach (var suffix in new[] { ".razor.g.cs", "_razor.g.cs", ".cshtml.g.cs", "_cshtml.g.cs" })
            {
                if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            if (!tree.HasHiddenRegions())
            {
                return false; // Razor output hides its scaffolding (#line hidden)
            }

            foreach (var mapping in tree.GetLineMappings(cancellationToken))
            {
                if (!mapping.IsHidden && IsRazorPage(mapping.MappedSpan.Path))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsRazorPage(string? path) =>
            path is not null && (path.EndsWith(".razor", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// Where a report in Razor output goes: the expression itself when its start maps to the .razor line, else its
        /// first sub-expression that does (Razor wraps component parameters in hidden scaffolding such as
        /// <c>RuntimeHelpers.TypeCheck&lt;T&gt;(…)</c>). The location stays in the generated tree: Roslyn shows its
        /// mapped .razor file and line (<see cref="Location.GetMappedLineSpan"/>).
        /// </summary>
        public static Location MappedLocation(SyntaxNode node, CancellationToken cancellationToken)
        {
            if (MapsToPage(node, cancellationToken))
            {
                return node.GetLocation();
            }

            foreach (var inner in node.DescendantNodes())
            {
                if (inner is Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax && MapsToPage(inner, cancellationToken))
                {
                    return inner.GetLocation();
                }
            }

            return node.GetLocation();
        }

        public static bool MapsToPage(Location location, CancellationToken cancellationToken)
        {
            var tree = location.SourceTree;
            if (tree is null || tree.GetLineVisibility(location.SourceSpan.Start, cancellationToken) != LineVisibility.Visible)
            {
                return false;
            }

            var mapped = tree.GetMappedLineSpan(location.SourceSpan, cancellationToken);
            return mapped.HasMappedPath && IsRazorPage(mapped.Path);
        }

        private static bool MapsToPage(SyntaxNode node, CancellationToken cancellationToken)
        {
            var tree = node.SyntaxTree;
            if (tree.GetLineVisibility(node.SpanStart, cancellationToken) != LineVisibility.Visible)
            {
                return false;
            }

            var mapped = tree.GetMappedLineSpan(node.Span, cancellationToken);
            return mapped.HasMappedPath && IsRazorPage(mapped.Path);
        }
    }
}
