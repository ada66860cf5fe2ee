using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using AiCompliance.Analyzers;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Tests.Infrastructure;

/// <summary>The analyzers a flow test runs: one per rule (AIC001, AIC004, AIC005, AIC007, AIC009, AIC900, AIC901), as a build does.</summary>
public static class TestAnalyzers
{
    private static readonly Type[] Registration = { typeof(MalformedRegistrationNumberAnalyzer), typeof(NonCompliantLabelWordingAnalyzer), typeof(InvalidServiceTargetAnalyzer), typeof(RegistrationPresenceAnalyzer) };

    /// <summary>New instances of every flow rule's analyzer (the registration analyzers excluded).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> FlowRules => typeof(UnlabeledAiOutputAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null && !Registration.Contains(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();
}
