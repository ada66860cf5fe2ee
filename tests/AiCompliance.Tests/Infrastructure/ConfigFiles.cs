using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Tests.Infrastructure;

/// <summary>
/// Analyzer config options from .editorconfig / .globalconfig text, parsed and merged by Roslyn itself
/// (<see cref="AnalyzerConfig"/>, <see cref="AnalyzerConfigSet"/>) the way a build does: global keys in
/// <see cref="AnalyzerConfigOptionsProvider.GlobalOptions"/>, section keys per file path.
/// </summary>
public sealed class ConfigFiles : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigSet _set;

    private ConfigFiles(AnalyzerConfigSet set)
    {
        _set = set;
        GlobalOptions = new Options(set.GlobalConfigOptions.AnalyzerOptions);
    }

    /// <summary>Config files as (absolute path, text): a file named .globalconfig or with <c>is_global = true</c> is global.</summary>
    public static ConfigFiles From(params (string Path, string Text)[] files) =>
        new(AnalyzerConfigSet.Create(files.Select(f => AnalyzerConfig.Parse(f.Text, f.Path)).ToList()));

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(_set.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions);

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(_set.GetOptionsForSourcePath(textFile.Path).AnalyzerOptions);

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        private readonly ImmutableDictionary<string, string> _values = values.WithComparers(KeyComparer);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => _values.Keys;
    }
}
