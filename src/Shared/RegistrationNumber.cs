using System;
using System.Globalization;

namespace AiCompliance.Internal
{
    /// <summary>The kind of number a registration number string was recognised as.</summary>
    internal enum RegistrationKind
    {
        /// <summary>Not recognised.</summary>
        Unknown = 0,
        /// <summary>National filing (备案): Province-Name-yyyyMMdd[nnnn].</summary>
        NationalFiling = 1,
        /// <summary>Local registration / launch number (登记, 上线编号): Province-Name-yyyyMMddSnnnn.</summary>
        LocalRegistration = 2,
        /// <summary>Algorithm filing (算法备案, a different register): 网信算备…号.</summary>
        AlgorithmFiling = 3,
    }

    /// <summary>The outcome of <see cref="RegistrationNumber.Parse"/>.</summary>
    internal readonly struct RegistrationNumberResult
    {
        public RegistrationNumberResult(RegistrationKind kind, string? province, string? name, string? problem)
        {
            Kind = kind;
            Province = province;
            Name = name;
            Problem = problem;
        }

        /// <summary>What the number looks like (also set for a malformed number when its shape is clear).</summary>
        public RegistrationKind Kind { get; }

        /// <summary>The province part, as written.</summary>
        public string? Province { get; }

        /// <summary>The service name part, as written.</summary>
        public string? Name { get; }

        /// <summary>Null when the number is well formed; otherwise which part is wrong, in one sentence.</summary>
        public string? Problem { get; }

        public bool IsValid => Problem is null;
    }

    /// <summary>
    /// Validates generative-AI service filing and registration numbers (shapes in shared/docs/regulation.md):
    /// national filing <c>Province-Name-yyyyMMdd[nnnn]</c> and local registration <c>Province-Name-yyyyMMddSnnnn</c>,
    /// with a known province (case-insensitive pinyin) and a real calendar date.
    /// </summary>
    internal static class RegistrationNumber
    {
        public const string NationalExample = "Beijing-YunQue-20230821";
        public const string LocalExample = "Guangdong-Plaud-20251229S0027";
        public const string ExpectedShapes =
            "expected 'Province-Name-yyyyMMdd[nnnn]' (national filing, e.g. '" + NationalExample +
            "') or 'Province-Name-yyyyMMddSnnnn' (local registration, e.g. '" + LocalExample + "')";

        private const string AlgorithmPrefix = "网信算备";

        private static readonly char[] SequenceMarkers = { 'S', 's' };

        /// <summary>The 31 province-level divisions of mainland China, in pinyin.</summary>
        private static readonly string[] Provinces =
        {
            "Beijing", "Tianjin", "Hebei", "Shanxi", "Neimenggu", "Liaoning", "Jilin", "Heilongjiang",
            "Shanghai", "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei",
            "Hunan", "Guangdong", "Guangxi", "Hainan", "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Xizang",
            "Shaanxi", "Gansu", "Qinghai", "Ningxia", "Xinjiang",
        };

        public static bool IsKnownProvince(string value)
        {
            foreach (var p in Provinces)
            {
                if (string.Equals(p, value, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        public static RegistrationNumberResult Parse(string? number)
        {
            if (number is null || number.Length == 0)
            {
                return Fail(RegistrationKind.Unknown, null, null, "the number is empty");
            }

            if (number.Trim().Length == 0)
            {
                return Fail(RegistrationKind.Unknown, null, null, "the number is blank");
            }

            foreach (var c in number)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return Fail(RegistrationKind.Unknown, null, null, "the number contains white space or control characters; write it exactly as published");
                }
            }

            if (number.StartsWith(AlgorithmPrefix, StringComparison.Ordinal))
            {
                return Fail(RegistrationKind.AlgorithmFiling, null, null,
                    "this is an algorithm filing number (网信算备…号), a different register; give the service's filing or launch number");
            }

            var firstDash = number.IndexOf('-');
            var lastDash = number.LastIndexOf('-');
            if (firstDash < 0 || firstDash == lastDash)
            {
                return Fail(RegistrationKind.Unknown, null, null, "it does not have three parts separated by '-'");
            }

            var province = number.Substring(0, firstDash);
            var name = number.Substring(firstDash + 1, lastDash - firstDash - 1);
            var tail = number.Substring(lastDash + 1);

            if (province.Length == 0)
            {
                return Fail(RegistrationKind.Unknown, province, name, "the province part is empty");
            }

            if (!IsKnownProvince(province))
            {
                return Fail(RegistrationKind.Unknown, province, name,
                    "the province part '" + province + "' is not one of the 31 province-level names in pinyin (e.g. Beijing, Zhejiang, Guangdong)");
            }

            if (name.Length == 0)
            {
                return Fail(RegistrationKind.Unknown, province, name, "the name part is empty");
            }

            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                var ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                         (c == '-' && i > 0 && i < name.Length - 1 && name[i - 1] != '-');
                if (!ok)
                {
                    return Fail(RegistrationKind.Unknown, province, name,
                        "the name part '" + name + "' may only contain ASCII letters and digits, as published");
                }
            }

            // The date and sequence part.
            var kind = tail.IndexOf('S') >= 0 || tail.IndexOf('s') >= 0 ? RegistrationKind.LocalRegistration : RegistrationKind.NationalFiling;
            string datePart;
            string? sequence;
            if (kind == RegistrationKind.LocalRegistration)
            {
                var s = tail.IndexOfAny(SequenceMarkers);
                datePart = tail.Substring(0, s);
                sequence = tail.Substring(s + 1);
            }
            else
            {
                datePart = tail.Length > 8 ? tail.Substring(0, 8) : tail;
                sequence = tail.Length > 8 ? tail.Substring(8) : null;
            }

            if (datePart.Length != 8 || !AllDigits(datePart))
            {
                return Fail(kind, province, name,
                    "the date part '" + datePart + "' must be 8 digits (yyyyMMdd)");
            }

            if (!DateTime.TryParseExact(datePart, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return Fail(kind, province, name, "the date part '" + datePart + "' is not a real calendar date (yyyyMMdd)");
            }

            if (kind == RegistrationKind.LocalRegistration)
            {
                if (tail[datePart.Length] != 'S')
                {
                    return Fail(kind, province, name, "the local registration marker must be an upper-case 'S'");
                }

                if (sequence!.Length != 4 || !AllDigits(sequence))
                {
                    return Fail(kind, province, name, "the sequence after 'S' ('" + sequence + "') must be 4 digits");
                }
            }
            else if (sequence is not null && (sequence.Length != 4 || !AllDigits(sequence)))
            {
                return Fail(kind, province, name, "the sequence after the date ('" + sequence + "') must be 4 digits or absent");
            }

            return new RegistrationNumberResult(kind, province, name, null);
        }

        private static bool AllDigits(string s)
        {
            foreach (var c in s)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return s.Length > 0;
        }

        private static RegistrationNumberResult Fail(RegistrationKind kind, string? province, string? name, string problem) =>
            new RegistrationNumberResult(kind, province, name, problem);
    }
}
