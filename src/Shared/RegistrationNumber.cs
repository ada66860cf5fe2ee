using System;
using System.Globalization;
using System.Text.RegularExpressions;

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

        /// <summary>Characters that look like '-' but are not: hyphens, dashes, minus signs, the full-width hyphen-minus.</summary>
        private static readonly char[] DashLookalikes = { '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63', '\uFF0D' };

        /// <summary>A date written yyyy-MM-dd at the end of the number (optionally followed by the sequence).</summary>
        private static readonly Regex DashedDate = new Regex(@"-([0-9]{4}-[0-9]{2}-[0-9]{2})(?:S?[0-9]*)$", RegexOptions.CultureInvariant);

        /// <summary>A sequence separated from the date by '-' at the end of the number: <c>-yyyyMMdd-nnnn</c> or <c>-yyyyMMdd-Snnnn</c>.</summary>
        private static readonly Regex DashedSequence = new Regex(@"-([0-9]{8})-(S?[0-9]{1,6})$", RegexOptions.CultureInvariant);

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
            if (number is null)
            {
                return Fail(RegistrationKind.Unknown, null, null, "the number is null");
            }

            var problem = CheckCharacters(number) ?? CheckOtherRegisters(number) ?? CheckSeparators(number);
            if (problem is not null)
            {
                return problem.Value;
            }

            var firstDash = number.IndexOf('-');
            var lastDash = number.LastIndexOf('-');
            var province = number.Substring(0, firstDash);
            var name = number.Substring(firstDash + 1, lastDash - firstDash - 1);
            var tail = number.Substring(lastDash + 1);
            problem = CheckProvince(province, name) ?? CheckName(province, name);
            if (problem is not null)
            {
                return problem.Value;
            }

            var kind = SplitDateAndSequence(tail, out var datePart, out var sequence);
            return CheckDate(kind, province, name, datePart)
                ?? CheckSequence(kind, province, name, tail, datePart, sequence)
                ?? new RegistrationNumberResult(kind, province, name, null);
        }

        /// <summary>Empty or blank numbers, and white space, control or invisible characters anywhere in the number.</summary>
        private static RegistrationNumberResult? CheckCharacters(string number)
        {
            if (number.Length == 0)
            {
                return Fail(RegistrationKind.Unknown, null, null, "the number is empty");
            }

            if (number.Trim().Length == 0)
            {
                return Fail(RegistrationKind.Unknown, null, null, "the number is blank (only white space)");
            }

            for (var i = 0; i < number.Length; i++)
            {
                var c = number[i];
                var what = char.IsWhiteSpace(c) ? "white space"
                    : char.IsControl(c) ? "a control character"
                    : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format ? "an invisible character"
                    : null;
                if (what is not null)
                {
                    return Fail(RegistrationKind.Unknown, null, null,
                        "the number contains " + what + " (U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) +
                        " at index " + i.ToString(CultureInfo.InvariantCulture) + "); write it exactly as published, without spaces");
                }
            }

            return null;
        }

        /// <summary>Numbers from other registers: algorithm filing, ICP filing or licence, public security filing.</summary>
        private static RegistrationNumberResult? CheckOtherRegisters(string number)
        {
            if (number.IndexOf(AlgorithmPrefix, StringComparison.Ordinal) >= 0)
            {
                return Fail(RegistrationKind.AlgorithmFiling, null, null,
                    "this is an algorithm filing number (网信算备…号), a different register; give the service's filing or launch number");
            }

            if (number.IndexOf("ICP", StringComparison.OrdinalIgnoreCase) >= 0 && (number.IndexOf('备') >= 0 || number.IndexOf('证') >= 0))
            {
                return Fail(RegistrationKind.Unknown, null, null,
                    "this is an ICP filing or licence number (…ICP备…号), a different register; give the service's filing or launch number");
            }

            if (number.IndexOf("公网安备", StringComparison.Ordinal) >= 0)
            {
                return Fail(RegistrationKind.Unknown, null, null,
                    "this is a public security filing number (…公网安备…号), a different register; give the service's filing or launch number");
            }

            return null;
        }

        /// <summary>
        /// The '-' separators: no dash look-alikes, at least three parts, and no '-' inside the date or between the date
        /// and the sequence.
        /// </summary>
        private static RegistrationNumberResult? CheckSeparators(string number)
        {
            var dashLike = number.IndexOfAny(DashLookalikes);
            if (dashLike >= 0)
            {
                return Fail(RegistrationKind.Unknown, null, null,
                    "it contains '" + number[dashLike] + "' (U+" + ((int)number[dashLike]).ToString("X4", CultureInfo.InvariantCulture) +
                    ") where the parts must be separated by the ASCII hyphen '-'");
            }

            var firstDash = number.IndexOf('-');
            var lastDash = number.LastIndexOf('-');
            if (firstDash < 0)
            {
                return Fail(RegistrationKind.Unknown, null, null,
                    "it has no '-' between its parts; expected three parts: province, name and date");
            }

            if (firstDash == lastDash)
            {
                var first = number.Substring(0, firstDash);
                var second = number.Substring(firstDash + 1);
                if (IsKnownProvince(first) && second.Length > 0 && second[0] >= '0' && second[0] <= '9')
                {
                    return Fail(RegistrationKind.Unknown, first, null, "the name part is missing between the province and the date");
                }

                if (IsKnownProvince(first))
                {
                    return Fail(RegistrationKind.Unknown, first, second, "the date part is missing after the name");
                }

                return Fail(RegistrationKind.Unknown, null, null,
                    "it has only two parts separated by '-'; expected three: province, name and date");
            }

            var dashedDate = DashedDate.Match(number);
            if (dashedDate.Success && IsKnownProvince(number.Substring(0, firstDash)))
            {
                return Fail(RegistrationKind.Unknown, number.Substring(0, firstDash), null,
                    "the date part '" + dashedDate.Groups[1].Value + "' is written with '-' separators; write it as yyyyMMdd (e.g. '" +
                    dashedDate.Groups[1].Value.Replace("-", string.Empty) + "')");
            }

            var dashedSequence = DashedSequence.Match(number);
            if (dashedSequence.Success && IsKnownProvince(number.Substring(0, firstDash)))
            {
                return Fail(RegistrationKind.Unknown, number.Substring(0, firstDash), null,
                    "the sequence '" + dashedSequence.Groups[2].Value + "' is separated from the date by '-'; write it directly after the date (e.g. '" +
                    dashedSequence.Groups[1].Value + dashedSequence.Groups[2].Value + "')");
            }

            return null;
        }

        /// <summary>The province part: present and one of the 31 province-level names.</summary>
        private static RegistrationNumberResult? CheckProvince(string province, string name)
        {
            if (province.Length == 0)
            {
                return Fail(RegistrationKind.Unknown, province, name, "the province part is empty");
            }

            if (!IsKnownProvince(province))
            {
                return Fail(RegistrationKind.Unknown, province, name,
                    "the province part '" + province + "' is not one of the 31 province-level names in pinyin (e.g. Beijing, Zhejiang, Guangdong)");
            }

            return null;
        }

        /// <summary>The name part: present, ASCII letters and digits (a '-' only between them, never doubled).</summary>
        private static RegistrationNumberResult? CheckName(string province, string name)
        {
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
                        "the name part '" + name + "' may only contain ASCII letters and digits, as published (found '" + c + "')");
                }
            }

            return null;
        }

        /// <summary>
        /// Splits the part after the last '-' into the date and the sequence: a local registration when it has an 'S'
        /// marker (either case), otherwise a national filing whose optional sequence follows the 8-digit date.
        /// </summary>
        private static RegistrationKind SplitDateAndSequence(string tail, out string datePart, out string? sequence)
        {
            var kind = tail.IndexOf('S') >= 0 || tail.IndexOf('s') >= 0 ? RegistrationKind.LocalRegistration : RegistrationKind.NationalFiling;
            if (kind == RegistrationKind.LocalRegistration)
            {
                var s = tail.IndexOfAny(SequenceMarkers);
                datePart = tail.Substring(0, s);
                sequence = tail.Substring(s + 1);
            }
            else if (tail.Length > 8 && AllDigits(tail.Substring(0, 8)))
            {
                datePart = tail.Substring(0, 8);
                sequence = tail.Substring(8);
            }
            else
            {
                datePart = tail;
                sequence = null;
            }

            return kind;
        }

        /// <summary>The date part: 8 digits forming a real calendar date.</summary>
        private static RegistrationNumberResult? CheckDate(RegistrationKind kind, string province, string name, string datePart)
        {
            if (datePart.Length == 0)
            {
                return Fail(kind, province, name, "the date part is empty; expected 8 digits (yyyyMMdd)");
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

            return null;
        }

        /// <summary>The sequence: 'S' plus 4 digits for a local registration, 4 digits or nothing for a national filing.</summary>
        private static RegistrationNumberResult? CheckSequence(RegistrationKind kind, string province, string name, string tail, string datePart, string? sequence)
        {
            if (kind == RegistrationKind.LocalRegistration)
            {
                if (tail[datePart.Length] != 'S')
                {
                    return Fail(kind, province, name, "the local registration marker must be an upper-case 'S'");
                }

                if (sequence!.Length == 0)
                {
                    return Fail(kind, province, name, "the sequence after 'S' is missing; it must be 4 digits");
                }

                if (sequence.Length != 4 || !AllDigits(sequence))
                {
                    return Fail(kind, province, name, "the sequence after 'S' ('" + sequence + "') must be 4 digits");
                }
            }
            else if (sequence is not null && (sequence.Length != 4 || !AllDigits(sequence)))
            {
                return Fail(kind, province, name, "the sequence after the date ('" + sequence + "') must be 4 digits or absent");
            }

            return null;
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
