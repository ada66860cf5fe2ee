using System.Globalization;
using System.Text;

namespace AiCompliance.Internal
{
    /// <summary>
    /// Escapes arbitrary text into a C# regular string literal that is valid whatever the input: quotes,
    /// backslashes, every line terminator C# knows (CR, LF, NEL, LS, PS), control and format characters, and all
    /// surrogates (so lone surrogates survive and the generated file stays valid UTF-8). Text that could look like
    /// a comment end or a directive (<c>*/</c>, <c>#line</c>) is harmless inside a literal.
    /// </summary>
    internal static class CSharpLiteral
    {
        public static string Quote(string? value)
        {
            if (value is null)
            {
                return "null";
            }

            var sb = new StringBuilder(value.Length + 2);
            sb.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\0': sb.Append("\\0"); break;
                    case '\a': sb.Append("\\a"); break;
                    case '\b': sb.Append("\\b"); break;
                    case '\f': sb.Append("\\f"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\v': sb.Append("\\v"); break;
                    default:
                        if (NeedsUnicodeEscape(c))
                        {
                            sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            sb.Append('"');
            return sb.ToString();
        }

        private static bool NeedsUnicodeEscape(char c)
        {
            if (char.IsSurrogate(c) || char.IsControl(c))
            {
                return true;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Format:
                case UnicodeCategory.OtherNotAssigned:
                case UnicodeCategory.PrivateUse:
                    return true;
                default:
                    return false;
            }
        }
    }
}
