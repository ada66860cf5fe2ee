using System.Collections.Generic;

namespace AiCompliance.Internal
{
    /// <summary>
    /// The profiles of one <c>AiCompliance.Jurisdiction</c> value (a [Flags] set): the known bits, China when none is
    /// set (<c>Jurisdiction.Default</c> = 0, and a value of unknown bits only). Bits this version does not know are
    /// ignored here and reported by AIC006. Shared by the generator and the analyzers so they always agree.
    /// </summary>
    internal sealed class JurisdictionSet
    {
        /// <summary>Every bit a profile stands for.</summary>
        public const int KnownBits = 1 | 2 | 4;

        /// <summary>Between the joined label texts of several profiles.</summary>
        public const string LabelSeparator = " / ";

        /// <summary>Between the joined interaction notices of several profiles.</summary>
        public const string NoticeSeparator = " ";

        private JurisdictionSet(int value, JurisdictionProfile[] profiles)
        {
            Value = value;
            Profiles = profiles;
            var labels = new List<string>();
            var notices = new List<string>();
            foreach (var profile in profiles)
            {
                AddDistinct(labels, profile.DefaultLabelText);
                if (profile.InteractionNotice is not null)
                {
                    AddDistinct(notices, profile.InteractionNotice);
                }

                WritesLatentDisclosure |= profile.WritesLatentDisclosure;
            }

            DefaultLabelText = string.Join(LabelSeparator, labels);
            InteractionNotice = notices.Count == 0 ? JurisdictionProfile.EnglishInteractionNotice : string.Join(NoticeSeparator, notices);
        }

        /// <summary>The known bits in use (never 0: China stands for an empty set).</summary>
        public int Value { get; }

        /// <summary>The profiles, China first (the order of <see cref="JurisdictionProfile.All"/>).</summary>
        public IReadOnlyList<JurisdictionProfile> Profiles { get; }

        /// <summary>The profiles' default label texts, each once, joined: 内容由人工智能生成 / AI-generated.</summary>
        public string DefaultLabelText { get; }

        /// <summary>
        /// The profiles' interaction notices, each once, Chinese first; a set whose profiles have none of their own
        /// (California alone) gets the English one.
        /// </summary>
        public string InteractionNotice { get; }

        /// <summary>Whether media carry the California SB 942 latent disclosure.</summary>
        public bool WritesLatentDisclosure { get; }

        /// <summary>The set of a <c>Jurisdiction</c> value; unknown bits are ignored, no known bit means China.</summary>
        public static JurisdictionSet FromValue(int value)
        {
            var known = Normalize(value);
            var profiles = new List<JurisdictionProfile>();
            foreach (var profile in JurisdictionProfile.All)
            {
                if ((known & profile.Value) != 0)
                {
                    profiles.Add(profile);
                }
            }

            return new JurisdictionSet(known, profiles.ToArray());
        }

        /// <summary>The known bits of <paramref name="value"/>, or China's bit when it has none.</summary>
        public static int Normalize(int value)
        {
            var known = value & KnownBits;
            return known == 0 ? JurisdictionProfile.China.Value : known;
        }

        /// <summary>The bits of <paramref name="value"/> no profile stands for (0 when all are known).</summary>
        public static int UnknownBits(int value) => value & ~KnownBits;

        /// <summary>
        /// The first profile (China, EuropeanUnion, California) whose wording check <paramref name="labelText"/> fails,
        /// with what is missing; null when every profile of the set accepts it.
        /// </summary>
        public (JurisdictionProfile Profile, string Problem)? CheckLabelWording(string? labelText)
        {
            foreach (var profile in Profiles)
            {
                var problem = profile.CheckLabelWording(labelText);
                if (problem is not null)
                {
                    return (profile, problem);
                }
            }

            return null;
        }

        private static void AddDistinct(List<string> list, string text)
        {
            if (!list.Contains(text))
            {
                list.Add(text);
            }
        }
    }
}
