using System.Collections.Immutable;
using System.Threading;
using AiCompliance.Analyzers;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Cli.Scanning;

/// <summary>
/// The ids the scanner must always see, whatever the project says: AIC009 (a method it could not analyze) and the
/// report-only AIC900/AIC901 (its inventory). A project can turn them off per file (.editorconfig, .globalconfig) or
/// for the compilation (NoWarn); both are overridden here, on the scanner's copy of the compilation only.
/// </summary>
internal static class ForcedDiagnostics
{
    private static readonly ImmutableArray<string> Ids = ImmutableArray.Create(DiagnosticIds.AnalysisFailed, DiagnosticIds.LabeledAiOutput, DiagnosticIds.AiSourceCall);

    public static Compilation Apply(Compilation compilation)
    {
        var options = compilation.Options;
        var specific = options.SpecificDiagnosticOptions;
        foreach (var id in Ids)
        {
            specific = specific.SetItem(id, ReportDiagnostic.Warn);
        }

        options = options.WithSpecificDiagnosticOptions(specific);
        if (options.SyntaxTreeOptionsProvider is { } provider)
        {
            options = options.WithSyntaxTreeOptionsProvider(new Provider(provider));
        }

        return compilation.WithOptions(options);
    }

    /// <summary>The project's per-file and global severities, except for the forced ids (then the compilation's applies).</summary>
    private sealed class Provider : SyntaxTreeOptionsProvider
    {
        private readonly SyntaxTreeOptionsProvider _inner;

        public Provider(SyntaxTreeOptionsProvider inner) => _inner = inner;

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => _inner.IsGenerated(tree, cancellationToken);

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            if (Ids.Contains(diagnosticId))
            {
                severity = default;
                return false;
            }

            return _inner.TryGetDiagnosticValue(tree, diagnosticId, cancellationToken, out severity);
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            if (Ids.Contains(diagnosticId))
            {
                severity = default;
                return false;
            }

            return _inner.TryGetGlobalDiagnosticValue(diagnosticId, cancellationToken, out severity);
        }
    }
}
