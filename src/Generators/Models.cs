using AiCompliance.Internal;

namespace AiCompliance.Generators
{
    /// <summary>A type that contains the service class, outermost first, e.g. keyword "partial record" and name "Outer".</summary>
    internal sealed record ContainingTypeSpec(string Keyword, string Name);

    /// <summary>
    /// What the parser read from one <c>[RegisteredAiService]</c> class: strings and numbers only (no symbols, no
    /// syntax), so the incremental pipeline can compare it by value. <c>Jurisdiction</c> is the set of known profile
    /// bits (<see cref="JurisdictionSet.Normalize"/>: never 0, China when none is set).
    /// </summary>
    internal sealed record ServiceSpec(
        string? Namespace,
        EquatableArray<ContainingTypeSpec> ContainingTypes,
        string TypeKeyword,
        string TypeName,
        string HintName,
        string? RegistrationNumber,
        string? ServiceName,
        string? Provider,
        string? LabelText,
        int LabelPosition,
        int Jurisdiction,
        string? SystemVersion,
        bool IsPublic);

    /// <summary>What the consuming compilation offers; decides which optional members are emitted.</summary>
    internal sealed record CompilationCapabilities(
        bool HasLabelerAttribute,
        bool SupportsModernCSharp,
        bool HasAsyncEnumerable,
        bool HasChatClient,
        bool HasChatClientBuilder,
        bool HasServiceCollection,
        bool HasAspNetCore,
        bool HasMarkupString,
        bool HasReadOnlyMemory,
        bool HasBinaryData,
        bool BinaryDataHasMediaType,
        bool HasDataContent,
        bool DataContentHasName,
        bool HasImageGenerator = false,
        bool HasImageGeneratorBuilder = false,
        bool HasTextToSpeechClient = false,
        bool HasTextToSpeechClientBuilder = false);
}
