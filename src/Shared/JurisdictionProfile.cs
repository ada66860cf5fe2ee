using System;

namespace AiCompliance.Internal
{
    /// <summary>
    /// The wording and checks of one jurisdiction. Values mirror the bits of <c>AiCompliance.Jurisdiction</c> (a
    /// [Flags] set); a new profile is a new enum bit plus a new instance here, listed in <see cref="All"/> (everything
    /// else reads the profiles, through <see cref="JurisdictionSet"/>).
    /// </summary>
    internal sealed class JurisdictionProfile
    {
        /// <summary>The English interaction notice (EU AI Act Art. 50(1)).</summary>
        public const string EnglishInteractionNotice = "You are interacting with an AI system.";

        // The registration notice is about a Chinese filing or launch number: every profile words it the same way.
        private const string NoticeFiled = "生成式人工智能服务 {0} 已备案，编号：{1}";
        private const string NoticeRegistered = "生成式人工智能服务 {0} 已登记，编号：{1}";
        private const string NoticeFiledEnglish = "Generative AI service {0} is filed (filing number: {1})";
        private const string NoticeRegisteredEnglish = "Generative AI service {0} is registered (launch number: {1})";

        /// <summary>China: GB 45438-2025 and the Measures for Labeling AI-Generated Synthetic Content.</summary>
        public static readonly JurisdictionProfile China = new JurisdictionProfile(
            value: 1,
            name: "China",
            defaultLabelText: "内容由人工智能生成",
            defaultLabelTextEnglish: "AI-generated content",
            rule: "GB 45438-2025 §5.1",
            interactionNotice: "您正在与人工智能系统交互。",
            aiElements: new[] { "人工智能", "AI" },
            generationElements: new[] { "生成", "合成" },
            writesLatentDisclosure: false);

        /// <summary>
        /// European Union: AI Act Art. 50. No fixed wording exists (Commission guidelines, Code of Practice): the label
        /// must name AI and say the content is generated or synthetic; checked in English, German and French.
        /// </summary>
        public static readonly JurisdictionProfile EuropeanUnion = new JurisdictionProfile(
            value: 2,
            name: "EuropeanUnion",
            defaultLabelText: "AI-generated",
            defaultLabelTextEnglish: "AI-generated",
            rule: "the EuropeanUnion profile (AI Act Art. 50)",
            interactionNotice: EnglishInteractionNotice,
            aiElements: new[] { "AI", "artificial intelligence", "KI", "künstliche Intelligenz", "IA", "intelligence artificielle" },
            generationElements: new[] { "generated", "synthetic", "created", "generiert", "erzeugt", "synthetisch", "généré", "synthétique", "créé" },
            writesLatentDisclosure: false);

        /// <summary>
        /// California: SB 942 (image, audio and video; text is not covered). The manifest disclosure identifies the content
        /// as AI-generated, checked in English; the latent disclosure goes into the media's metadata.
        /// </summary>
        public static readonly JurisdictionProfile California = new JurisdictionProfile(
            value: 4,
            name: "California",
            defaultLabelText: "AI-generated",
            defaultLabelTextEnglish: "AI-generated",
            rule: "the California profile (SB 942 manifest disclosure)",
            interactionNotice: null,
            aiElements: new[] { "AI", "artificial intelligence" },
            generationElements: new[] { "generated", "synthetic", "created" },
            writesLatentDisclosure: true);

        /// <summary>Every profile, in the order their wordings and notices are joined (China first).</summary>
        public static readonly JurisdictionProfile[] All = { China, EuropeanUnion, California };

        private readonly string[] _aiElements;
        private readonly string[] _generationElements;

        private JurisdictionProfile(
            int value,
            string name,
            string defaultLabelText,
            string defaultLabelTextEnglish,
            string rule,
            string? interactionNotice,
            string[] aiElements,
            string[] generationElements,
            bool writesLatentDisclosure)
        {
            Value = value;
            Name = name;
            DefaultLabelText = defaultLabelText;
            DefaultLabelTextEnglish = defaultLabelTextEnglish;
            Rule = rule;
            InteractionNotice = interactionNotice;
            _aiElements = aiElements;
            _generationElements = generationElements;
            WritesLatentDisclosure = writesLatentDisclosure;
        }

        /// <summary>The <c>AiCompliance.Jurisdiction</c> bit.</summary>
        public int Value { get; }

        /// <summary>The <c>AiCompliance.Jurisdiction</c> member name.</summary>
        public string Name { get; }

        /// <summary>The explicit label used when <c>LabelText</c> is not set.</summary>
        public string DefaultLabelText { get; }

        public string DefaultLabelTextEnglish { get; }

        /// <summary>The clause the label wording is checked against (named in AIC006's message).</summary>
        public string Rule { get; }

        /// <summary>The notice that the user is interacting with an AI system, in the profile's language; null when the profile has none of its own.</summary>
        public string? InteractionNotice { get; }

        /// <summary>Whether media labeled under this profile carry the California SB 942 latent disclosure fields.</summary>
        public bool WritesLatentDisclosure { get; }

        /// <summary>The AI elements, as the wording check names them ("人工智能 or AI").</summary>
        public string AiElements => string.Join(" or ", _aiElements);

        /// <summary>The generation elements, as the wording check names them ("生成 or 合成").</summary>
        public string GenerationElements => string.Join(" or ", _generationElements);

        /// <summary>
        /// The registration notice (about a Chinese filing or launch number, worded the same under every profile):
        /// 生成式人工智能服务 X 已备案，编号：… (已登记 for a local registration / launch number).
        /// </summary>
        public static string FormatNotice(string serviceName, string number, RegistrationKind kind) =>
            Format(kind == RegistrationKind.LocalRegistration ? NoticeRegistered : NoticeFiled, serviceName, number);

        public static string FormatNoticeEnglish(string serviceName, string number, RegistrationKind kind) =>
            Format(kind == RegistrationKind.LocalRegistration ? NoticeRegisteredEnglish : NoticeFiledEnglish, serviceName, number);

        /// <summary>
        /// Null when <paramref name="labelText"/> complies; otherwise what is missing: an AI element and a generation
        /// element of this profile (China, GB 45438 §5.1: 人工智能 or AI, and 生成 or 合成). A Latin AI element counts
        /// only as a word of its own; a Latin generation element at the start of a word, so an inflected form counts
        /// ("generiert" in "generierter").
        /// </summary>
        public string? CheckLabelWording(string? labelText)
        {
            if (labelText is null)
            {
                return "the label is null";
            }

            if (labelText.Trim().Length == 0)
            {
                return "the label is empty";
            }

            var text = NarrowFullWidth(labelText);
            var hasAi = ContainsAny(text, _aiElements, wholeWord: true);
            var hasGeneration = ContainsAny(text, _generationElements, wholeWord: false);
            var ai = "AI element (" + AiElements + ")";
            var generation = "generation element (" + GenerationElements + ")";
            if (!hasAi && !hasGeneration)
            {
                return "it has neither an " + ai + " nor a " + generation;
            }

            if (!hasAi)
            {
                return "it has no " + ai;
            }

            if (!hasGeneration)
            {
                return "it has no " + generation;
            }

            return null;
        }

        /// <summary>Fills {0} and {1} in one pass (not string.Format: a name with braces must neither throw nor be re-read).</summary>
        private static string Format(string template, string serviceName, string number)
        {
            var sb = new System.Text.StringBuilder(template.Length + serviceName.Length + number.Length);
            for (var i = 0; i < template.Length; i++)
            {
                if (template[i] == '{' && i + 2 < template.Length && template[i + 2] == '}' && (template[i + 1] == '0' || template[i + 1] == '1'))
                {
                    sb.Append(template[i + 1] == '0' ? serviceName : number);
                    i += 2;
                }
                else
                {
                    sb.Append(template[i]);
                }
            }

            return sb.ToString();
        }

        /// <summary>
        /// Whether one of <paramref name="elements"/> occurs. A Latin element (such as "AI") counts, case-insensitively,
        /// only at the start of a word, not inside a longer Latin word such as "DETAIL" or "Paint"; with
        /// <paramref name="wholeWord"/>, only as a word of its own.
        /// </summary>
        private static bool ContainsAny(string text, string[] elements, bool wholeWord)
        {
            foreach (var element in elements)
            {
                var latin = IsLatinLetter(element[0]);
                var comparison = latin ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                for (var i = text.IndexOf(element, comparison); i >= 0; i = text.IndexOf(element, i + 1, comparison))
                {
                    if (!latin)
                    {
                        return true;
                    }

                    var before = i == 0 ? ' ' : text[i - 1];
                    var end = i + element.Length;
                    var after = end >= text.Length ? ' ' : text[end];
                    if (!IsLatinLetter(before) && (!wholeWord || !IsLatinLetter(after)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Full-width ASCII forms (ＡＩ, as typed with a Chinese input method) read as their ASCII letters.</summary>
        private static string NarrowFullWidth(string text)
        {
            char[]? chars = null;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] >= '\uFF01' && text[i] <= '\uFF5E')
                {
                    chars ??= text.ToCharArray();
                    chars[i] = (char)(text[i] - 0xFEE0);
                }
            }

            return chars is null ? text : new string(chars);
        }

        /// <summary>A letter of a Latin-script word: ASCII letters and the accented letters of Latin-1 and Latin Extended-A.</summary>
        private static bool IsLatinLetter(char c) =>
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '\u00C0' && c <= '\u017F' && c != '\u00D7' && c != '\u00F7');
    }
}
