using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;
using Xunit;

namespace AiCompliance.Cli.Tests;

/// <summary>Validates SARIF text against the OASIS SARIF 2.1.0 schema shipped in Schemas/ (offline).</summary>
public static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0.json"))));

    public static void AssertValid(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? (System.Collections.Generic.IReadOnlyList<EvaluationResults>)System.Array.Empty<EvaluationResults>())
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Key + ": " + e.Value))
            .ToList();
        Assert.True(result.IsValid, "SARIF does not validate against the 2.1.0 schema:\n" + string.Join("\n", errors));
    }
}
