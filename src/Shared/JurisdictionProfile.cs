using System;

namespace AiCompliance.Internal
{
    /// <summary>
    /// The wording and checks of one jurisdiction. Values mirror <c>AiCompliance.Jurisdiction</c>; a new profile is
    /// a new enum member plus a new instance here (everything else reads the profile).
    /// </summary>
    internal sealed class JurisdictionProfile
    {
        /// <summary>China: GB 45438-2025 and the Measures for Labeling AI-Generated Synthetic Content.</summary>
        public static readonly JurisdictionProfile China = new JurisdictionProfile(
            value: 0,
            name: "China",
            defaultLabelText: "内容由人工智能生成",
            defaultLabelTextEnglish: "AI-generated content",
            rule: "GB 45438-2025 §5.1",
            noticeFiled: "生成式人工智能服务 {0} 已备案，编号：{1}",
            noticeRegistered: "生成式人工智能服务 {0} 已登记，编号：{1}",
            noticeFiledEnglish: "Generative AI service {0} is filed (filing number: {1})",
            noticeRegisteredEnglish: "Generative AI service {0} is registered (launch number: {1})",
            aiElements: new[] { "人工智能", "AI" },
            generationElements: new[] { "生成", "合成" });

        private readonly string _noticeFiled;
        private readonly string _noticeRegistered;
        private readonly string _noticeFiledEnglish;
        private readonly string _noticeRegisteredEnglish;
        private readonly string[] _aiElements;
        private readonly string[] _generationElements;

        private JurisdictionProfile(
            int value,
            string name,
            string defaultLabelText,
            string defaultLabelTextEnglish,
            string rule,
            string noticeFiled,
            string noticeRegistered,
            string noticeFiledEnglish,
            string noticeRegisteredEnglish,
            string[] aiElements,
            string[] generationElements)
        {
            Value = value;
            Name = name;
            DefaultLabelText = defaultLabelText;
            DefaultLabelTextEnglish = defaultLabelTextEnglish;
            Rule = rule;
            _noticeFiled = noticeFiled;
            _noticeRegistered = noticeRegistered;
            _noticeFiledEnglish = noticeFiledEnglish;
            _noticeRegisteredEnglish = noticeRegisteredEnglish;
            _aiElements = aiElements;
            _generationElements = generationElements;
        }

        /// <summary>The <c>AiCompliance.Jurisdiction</c> value.</summary>
        public int Value { get; }

        public string Name { get; }

        /// <summary>The explicit label used when <c>LabelText</c> is not set.</summary>
        public string DefaultLabelText { get; }

        public string DefaultLabelTextEnglish { get; }

        /// <summary>The clause the label wording is checked against.</summary>
        public string Rule { get; }

        /// <summary>The profile for an enum value, or null for a value this version does not know.</summary>
        public static JurisdictionProfile? FromValue(int value) => value == 0 ? China : null;

        /// <summary>
        /// The user notice in the jurisdiction's language. China: 生成式人工智能服务 X 已备案，编号：… (已登记 for a
        /// local registration / launch number).
        /// </summary>
        public string FormatNotice(string serviceName, string number, RegistrationKind kind) =>
            Format(kind == RegistrationKind.LocalRegistration ? _noticeRegistered : _noticeFiled, serviceName, number);

        public string FormatNoticeEnglish(string serviceName, string number, RegistrationKind kind) =>
            Format(kind == RegistrationKind.LocalRegistration ? _noticeRegisteredEnglish : _noticeFiledEnglish, serviceName, number);

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
        /// Null when <paramref name="labelText"/> complies; otherwise what is missing. China (GB 45438 §5.1): an AI
        /// element (人工智能 or AI) and a generation element (生成 or 合成).
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
            var hasAi = ContainsAny(text, _aiElements);
            var hasGeneration = ContainsAny(text, _generationElements);
            var ai = "AI element (" + string.Join(" or ", _aiElements) + ")";
            var generation = "generation element (" + string.Join(" or ", _generationElements) + ")";
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

        /// <summary>
        /// Whether one of <paramref name="elements"/> occurs; a Latin element (such as "AI") counts only as a word of its
        /// own, case-insensitively, not inside a longer Latin word such as "DETAIL" or "Paint".
        /// </summary>
        private static bool ContainsAny(string text, string[] elements)
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
                    if (!IsLatinLetter(before) && !IsLatinLetter(after))
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

        private static bool IsLatinLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
