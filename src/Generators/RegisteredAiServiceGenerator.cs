using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using AiCompliance.Internal;

namespace AiCompliance.Generators
{
    /// <summary>
    /// Fills each <c>[RegisteredAiService]</c> class with the registration display and the labeling API.
    /// Parse (<see cref="Parser"/>: symbols to equatable specs), model (<see cref="ServiceSpec"/>,
    /// <see cref="CompilationCapabilities"/>) and emit (<see cref="Emitter"/>) are kept apart. Diagnostics about the
    /// attribute (AIC002, AIC006, AIC008) come from the analyzer assembly, so the IDE shows them without running
    /// the generator and .editorconfig can tune them.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class RegisteredAiServiceGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names of the pipeline steps (asserted by the incremental tests).</summary>
        public static class TrackingNames
        {
            public const string Services = nameof(Services);
            public const string ValidServices = nameof(ValidServices);
            public const string Capabilities = nameof(Capabilities);
            public const string Combined = nameof(Combined);
            public const string HasServices = nameof(HasServices);
        }

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var services = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    ServiceTarget.AttributeMetadataName,
                    static (node, _) => node is TypeDeclarationSyntax,
                    static (ctx, ct) => Parser.Parse(ctx, ct))
                .WithTrackingName(TrackingNames.Services)
                .Where(static spec => spec is not null)
                .Select(static (spec, _) => spec!)
                .WithTrackingName(TrackingNames.ValidServices);

            var capabilities = context.CompilationProvider
                .Combine(context.ParseOptionsProvider)
                .Select(static (pair, _) => Parser.ReadCapabilities(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.Capabilities);

            var combined = services.Combine(capabilities).WithTrackingName(TrackingNames.Combined);

            context.RegisterSourceOutput(combined, static (spc, pair) =>
                spc.AddSource(pair.Left.HintName, SourceText.From(Emitter.Emit(pair.Left, pair.Right), Encoding.UTF8)));

            // The media labeling wrappers (image generator, text-to-speech client, the chat client's media step): a second
            // file, which depends on the service's names only (a new registration number or label text leaves it cached).
            var wrappers = combined.Select(static (pair, _) => (Service: Emitter.MediaWrappersModel(pair.Left), Capabilities: pair.Right));
            context.RegisterSourceOutput(wrappers, static (spc, pair) =>
            {
                if (Emitter.EmitMediaWrappers(pair.Service, pair.Capabilities) is { } text)
                {
                    spc.AddSource(Emitter.MediaWrappersHintName(pair.Service), SourceText.From(text, Encoding.UTF8));
                }
            });

            // The media labelers the services' LabelImage / LabelAudio call: emitted once per compilation, when it has a service.
            var hasServices = services.Collect()
                .Select(static (all, _) => !all.IsEmpty)
                .WithTrackingName(TrackingNames.HasServices);
            context.RegisterSourceOutput(hasServices, static (spc, any) =>
            {
                if (any)
                {
                    foreach (var (hintName, text) in MediaSources.All)
                    {
                        spc.AddSource(hintName, SourceText.From(text, Encoding.UTF8));
                    }
                }
            });
        }
    }
}
