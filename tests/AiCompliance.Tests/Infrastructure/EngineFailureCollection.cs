using Xunit;

namespace AiCompliance.Tests.Infrastructure;

/// <summary>
/// Tests that make the engine fail on purpose move the static failure count that every other flow test asserts does
/// not move; they run alone, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EngineFailureCollection
{
    public const string Name = "Engine failures (serial)";

    /// <summary>A global config whose test switch makes the engine fail in the method named.</summary>
    public static ConfigFiles GlobalConfig(string method) =>
        ConfigFiles.From(("/0/.globalconfig", "is_global = true\naicompliance_test_fail_method = " + method + "\n"));
}
