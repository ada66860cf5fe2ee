using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>A notice (<see cref="SourceRef.Notice"/>) that reaches an output: which one, and the sink's expression.</summary>
    internal sealed class NoticeSite : IEquatable<NoticeSite>
    {
        public NoticeSite(string notice, Location location)
        {
            Notice = notice;
            Location = location;
        }

        /// <summary>The notice's key: a service's metadata name (registration) or <see cref="InteractionNotices.Key"/>.</summary>
        public string Notice { get; }

        /// <summary>The expression handed to the output.</summary>
        public Location Location { get; }

        public bool Equals(NoticeSite? other) => other is not null && Notice == other.Notice && Location.Equals(other.Location);

        public override bool Equals(object? obj) => Equals(obj as NoticeSite);

        public override int GetHashCode() => (StringComparer.Ordinal.GetHashCode(Notice) * 397) ^ Location.GetHashCode();
    }

    /// <summary>
    /// The EU interaction notice (AI Act Art. 50(1): people are told they are interacting with an AI system) that the
    /// generator emits on each service: <c>InteractionNotice</c>, <c>InteractionNoticeHtml</c>,
    /// <c>InteractionNoticeMarkup</c>. Reads of them are followed like the registration notice (AIC004), under their
    /// own key, so AIC011 can tell where a user sees them.
    /// </summary>
    internal static class InteractionNotices
    {
        /// <summary>The bit of <c>Jurisdiction</c> (a set of profiles) that stands for the European Union.</summary>
        public const long EuropeanUnionBit = 2;

        private const string Prefix = "interaction:";

        /// <summary>The members of a service class that hold the interaction notice.</summary>
        public static readonly string[] MemberNames = { "InteractionNotice", "InteractionNoticeHtml", "InteractionNoticeMarkup" };

        public static bool IsMemberName(string name) => Array.IndexOf(MemberNames, name) >= 0;

        /// <summary>The notice key of a service's interaction notice (distinct from its registration notice's key).</summary>
        public static string Key(INamedTypeSymbol service) => Prefix + service.ToDisplayString();

        /// <summary>
        /// Whether the service's <c>[RegisteredAiService]</c> names the EU profile: its <c>Jurisdiction</c> argument has
        /// the EuropeanUnion bit set (the profile is a set of flags; China is 0 / 1).
        /// </summary>
        public static bool IsEuropeanUnion(INamedTypeSymbol service, INamedTypeSymbol registeredAttribute)
        {
            foreach (var attribute in service.GetAttributes())
            {
                if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, registeredAttribute))
                {
                    continue;
                }

                foreach (var argument in attribute.NamedArguments.Where(a => a.Key == "Jurisdiction"))
                {
                    if (argument.Value.Kind == TypedConstantKind.Enum || argument.Value.Kind == TypedConstantKind.Primitive)
                    {
                        var value = argument.Value.Value switch
                        {
                            int i => i,
                            long l => l,
                            short s => s,
                            byte b => b,
                            uint u => u,
                            _ => 0L,
                        };
                        if ((value & EuropeanUnionBit) != 0)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
