using Microsoft.CodeAnalysis;

namespace NewerCompilerGenerator;

/// <summary>Adds a greeting constant; the app compiles without it, so only the scanner's generator check notices it is missing.</summary>
[Generator]
public sealed class GreetingGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context) =>
        context.RegisterPostInitializationOutput(output => output.AddSource("Greeting.g.cs", "internal static class Greeting { public const string Text = \"hi\"; }"));
}
