using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// An exception of the flow engine, with the method whose analysis it came from: the innermost one (a local
    /// function, a callee), so AIC009 can name it. Only <see cref="MethodAnalysis"/> throws it; the analyzer catches it.
    /// </summary>
    internal sealed class MethodAnalysisException : Exception
    {
        public MethodAnalysisException(IMethodSymbol method, Exception inner)
            : base(inner.Message, inner)
        {
            Method = method;
        }

        /// <summary>The method being analyzed when <see cref="Exception.InnerException"/> was thrown.</summary>
        public IMethodSymbol Method { get; }

        /// <summary>Whether to wrap: not a cancellation, and not wrapped already (the innermost method wins).</summary>
        public static bool ShouldWrap(Exception exception) => exception is not OperationCanceledException && exception is not MethodAnalysisException;
    }

    /// <summary>
    /// The test switch <c>aicompliance_test_fail_method</c> (docs/rules/AIC009.md): an analyzer config option (global, or
    /// per file in .editorconfig / .globalconfig) naming a method; the engine fails on every method of that name it
    /// analyzes, so the real failure path (AIC009) can be exercised from tests and from a real build. Read once per
    /// compilation; null (no cost at all) when no file sets it.
    /// </summary>
    internal sealed class FailureInjection
    {
        public const string OptionName = "aicompliance_test_fail_method";
        public const string Message = "injected failure (" + OptionName + ")";

        private readonly string? _global;
        private readonly Dictionary<SyntaxTree, string>? _perTree;

        private FailureInjection(string? global, Dictionary<SyntaxTree, string>? perTree)
        {
            _global = global;
            _perTree = perTree;
        }

        public static FailureInjection? Create(Compilation compilation, AnalyzerConfigOptionsProvider provider)
        {
            var global = Read(provider.GlobalOptions);
            Dictionary<SyntaxTree, string>? perTree = null;
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (Read(provider.GetOptions(tree)) is { } value)
                {
                    (perTree ??= new Dictionary<SyntaxTree, string>()).Add(tree, value);
                }
            }

            return global is null && perTree is null ? null : new FailureInjection(global, perTree);
        }

        /// <summary>Throws the injected failure when the option, for the file of the method, names it.</summary>
        public void ThrowIfInjected(IMethodSymbol method, SyntaxTree? tree)
        {
            var value = tree is not null && _perTree is not null && _perTree.TryGetValue(tree, out var own) ? own : _global;
            if (value is not null && string.Equals(value, method.Name, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(Message);
            }
        }

        private static string? Read(AnalyzerConfigOptions options) =>
            options.TryGetValue(OptionName, out var value) && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;
    }
}
