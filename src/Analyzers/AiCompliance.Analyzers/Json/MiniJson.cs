using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AiCompliance.Analyzers.Json
{
    /// <summary>
    /// A small dependency-free JSON reader for the user model file (analyzers targeting netstandard2.0 cannot ship
    /// System.Text.Json). RFC 8259 plus <c>//</c> and <c>/* */</c> comments; no trailing commas. Stops at the first
    /// syntax error, keeping what it read before it. Nesting deeper than <see cref="MaxDepth"/> is an error, so a
    /// hostile file cannot overflow the stack. Line breaks are counted as Roslyn counts them, so line numbers in
    /// messages match the editor.
    /// </summary>
    internal sealed class MiniJson
    {
        public const int MaxDepth = Flow.FlowLimits.MaxJsonDepth;

        private readonly string _text;
        private readonly List<int> _lineStarts;
        private int _pos;

        private MiniJson(string text)
        {
            _text = text;
            _lineStarts = LineStarts(text);
        }

        /// <summary>The error that stopped reading, if any.</summary>
        public JsonError? Error { get; private set; }

        /// <summary>Parses <paramref name="text"/>: the root value (null when there is none) and the first syntax error.</summary>
        public static JsonValue? Parse(string text, out JsonError? error)
        {
            var reader = new MiniJson(text);
            var root = reader.ParseDocument();
            error = reader.Error;
            return root;
        }

        /// <summary>1-based line and column of an offset.</summary>
        public static (int Line, int Column) Position(string text, int offset) => Position(LineStarts(text), offset);

        internal static (int Line, int Column) Position(List<int> lineStarts, int offset)
        {
            var index = lineStarts.BinarySearch(offset);
            if (index < 0)
            {
                index = ~index - 1;
            }

            return (index + 1, offset - lineStarts[index] + 1);
        }

        /// <summary>Offsets where lines start: after \r\n, \r, \n, U+0085, U+2028, U+2029 (as Roslyn's SourceText).</summary>
        internal static List<int> LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    starts.Add(i + 1);
                }
                else if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    starts.Add(i + 1);
                }
            }

            return starts;
        }

        public (int Line, int Column) Position(int offset) => Position(_lineStarts, offset);

        private JsonValue? ParseDocument()
        {
            SkipTrivia();
            if (Error is not null)
            {
                return null;
            }

            if (_pos >= _text.Length)
            {
                Fail(_pos, 0, "the file is empty: expected a JSON object");
                return null;
            }

            var root = ParseValue(0);
            if (Error is null)
            {
                SkipTrivia();
                if (Error is null && _pos < _text.Length)
                {
                    Fail(_pos, 1, "unexpected " + Show(_text[_pos]) + " after the end of the JSON value");
                }
            }

            return root;
        }

        private JsonValue? ParseValue(int depth)
        {
            SkipTrivia();
            if (Error is not null)
            {
                return null;
            }

            if (_pos >= _text.Length)
            {
                Fail(_pos, 0, "unexpected end of file: expected a value");
                return null;
            }

            var c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ParseObject(depth + 1);
                case '[':
                    return ParseArray(depth + 1);
                case '"':
                    return ParseString();
                case 't':
                    return ParseLiteral("true", JsonKind.True);
                case 'f':
                    return ParseLiteral("false", JsonKind.False);
                case 'n':
                    return ParseLiteral("null", JsonKind.Null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ParseNumber();
                    }

                    if (c == '\'')
                    {
                        Fail(_pos, 1, "strings must use double quotes (\"), not single quotes");
                        return null;
                    }

                    var word = Word(_pos);
                    Fail(_pos, word.Length, "unexpected " + (word.Length > 1 ? "'" + word + "'" : Show(c)) + ": expected a value (object, array, string, number, true, false or null)");
                    return null;
            }
        }

        private JsonValue ParseObject(int depth)
        {
            var value = new JsonValue(JsonKind.Object, _pos) { Members = new List<JsonMember>(), Complete = false };
            if (depth > MaxDepth)
            {
                Fail(_pos, 1, "nesting deeper than " + MaxDepth + " levels");
                return value;
            }

            var open = _pos;
            _pos++; // {
            SkipTrivia();
            if (Error is not null)
            {
                return value;
            }

            if (_pos < _text.Length && _text[_pos] == '}')
            {
                _pos++;
                value.End = _pos;
                value.Complete = true;
                return value;
            }

            while (true)
            {
                if (!ParseMember(value, open, depth))
                {
                    return value;
                }

                if (!NextElement(value, open, '{', '}', "a property value"))
                {
                    return value;
                }
            }
        }

        /// <summary>
        /// Reads one <c>"name": value</c> pair of the object opened at <paramref name="open"/> into
        /// <paramref name="obj"/>; false when a syntax error stopped reading.
        /// </summary>
        private bool ParseMember(JsonValue obj, int open, int depth)
        {
            SkipTrivia();
            if (Error is not null)
            {
                return false;
            }

            if (_pos >= _text.Length)
            {
                FailUnclosed(open, '{');
                return false;
            }

            if (_text[_pos] != '"')
            {
                Fail(_pos, Word(_pos).Length is var n && n > 0 ? n : 1, _text[_pos] == '}'
                    ? "trailing comma before '}'"
                    : "expected a property name in double quotes, found " + Show(_text[_pos]));
                return false;
            }

            var nameStart = _pos;
            var name = ParseString();
            if (Error is not null)
            {
                return false;
            }

            var nameEnd = _pos;
            SkipTrivia();
            if (Error is not null)
            {
                return false;
            }

            if (_pos >= _text.Length)
            {
                FailUnclosed(open, '{');
                return false;
            }

            if (_text[_pos] != ':')
            {
                Fail(_pos, 1, "expected ':' after the property name \"" + name.Text + "\", found " + Show(_text[_pos]));
                return false;
            }

            _pos++;
            var member = ParseValue(depth);
            if (member is not null)
            {
                obj.Members!.Add(new JsonMember(name.Text!, nameStart, nameEnd, member));
                obj.End = member.End;
            }

            return Error is null;
        }

        /// <summary>
        /// After a member or an item: a ',' means another follows (true); the closing bracket completes
        /// <paramref name="value"/>; anything else, or the end of the text, is an error (both false).
        /// </summary>
        private bool NextElement(JsonValue value, int open, char opening, char closing, string element)
        {
            SkipTrivia();
            if (Error is not null)
            {
                return false;
            }

            if (_pos >= _text.Length)
            {
                FailUnclosed(open, opening);
                return false;
            }

            if (_text[_pos] == ',')
            {
                _pos++;
                return true;
            }

            if (_text[_pos] == closing)
            {
                _pos++;
                value.End = _pos;
                value.Complete = true;
                return false;
            }

            Fail(_pos, 1, "expected ',' or '" + closing + "' after " + element + ", found " + Show(_text[_pos]));
            return false;
        }

        private JsonValue ParseArray(int depth)
        {
            var value = new JsonValue(JsonKind.Array, _pos) { Items = new List<JsonValue>(), Complete = false };
            if (depth > MaxDepth)
            {
                Fail(_pos, 1, "nesting deeper than " + MaxDepth + " levels");
                return value;
            }

            var open = _pos;
            _pos++; // [
            SkipTrivia();
            if (Error is not null)
            {
                return value;
            }

            if (_pos < _text.Length && _text[_pos] == ']')
            {
                _pos++;
                value.End = _pos;
                value.Complete = true;
                return value;
            }

            while (true)
            {
                SkipTrivia();
                if (Error is not null)
                {
                    return value;
                }

                if (_pos >= _text.Length)
                {
                    FailUnclosed(open, '[');
                    return value;
                }

                if (_text[_pos] == ']')
                {
                    Fail(_pos, 1, "trailing comma before ']'");
                    return value;
                }

                var item = ParseValue(depth);
                if (item is not null)
                {
                    value.Items.Add(item);
                    value.End = item.End;
                }

                if (Error is not null)
                {
                    return value;
                }

                if (!NextElement(value, open, '[', ']', "an array item"))
                {
                    return value;
                }
            }
        }

        private JsonValue ParseString()
        {
            var start = _pos;
            var value = new JsonValue(JsonKind.String, start);
            var sb = new StringBuilder();
            _pos++; // "
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    Fail(start, _pos - start, "unterminated string (missing closing '\"')");
                    return value;
                }

                var c = _text[_pos];
                if (c == '"')
                {
                    _pos++;
                    break;
                }

                if (c < ' ')
                {
                    Fail(_pos, 1, c == '\n' || c == '\r'
                        ? "line break inside a string (missing closing '\"'?)"
                        : "control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " inside a string: escape it");
                    return value;
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    _pos++;
                    continue;
                }

                if (_pos + 1 >= _text.Length)
                {
                    Fail(start, _pos + 1 - start, "unterminated string (missing closing '\"')");
                    return value;
                }

                var escape = _text[_pos + 1];
                switch (escape)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_pos + 6 > _text.Length ||
                            !int.TryParse(_text.Substring(_pos + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) ||
                            !IsHex4(_pos + 2))
                        {
                            Fail(_pos, System.Math.Min(6, _text.Length - _pos), "invalid unicode escape: expected \\u and four hex digits");
                            return value;
                        }

                        sb.Append((char)code);
                        _pos += 6;
                        continue;
                    default:
                        Fail(_pos, 2, "invalid escape '\\" + escape + "' (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)");
                        return value;
                }

                _pos += 2;
            }

            value.Text = sb.ToString();
            value.End = _pos;
            return value;
        }

        private bool IsHex4(int start)
        {
            for (var i = start; i < start + 4; i++)
            {
                var c = _text[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
                {
                    return false;
                }
            }

            return true;
        }

        private JsonValue? ParseNumber()
        {
            // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
            var start = _pos;
            var i = _pos;
            if (i < _text.Length && _text[i] == '-')
            {
                i++;
            }

            if (i < _text.Length && _text[i] == '0')
            {
                i++;
            }
            else if (i < _text.Length && _text[i] >= '1' && _text[i] <= '9')
            {
                while (i < _text.Length && IsDigit(_text[i]))
                {
                    i++;
                }
            }
            else
            {
                return BadNumber(start);
            }

            if (i < _text.Length && _text[i] == '.')
            {
                i++;
                if (i >= _text.Length || !IsDigit(_text[i]))
                {
                    return BadNumber(start);
                }

                while (i < _text.Length && IsDigit(_text[i]))
                {
                    i++;
                }
            }

            if (i < _text.Length && (_text[i] == 'e' || _text[i] == 'E'))
            {
                i++;
                if (i < _text.Length && (_text[i] == '+' || _text[i] == '-'))
                {
                    i++;
                }

                if (i >= _text.Length || !IsDigit(_text[i]))
                {
                    return BadNumber(start);
                }

                while (i < _text.Length && IsDigit(_text[i]))
                {
                    i++;
                }
            }

            // "01", "1x": a number must end at a delimiter.
            if (i < _text.Length && (IsDigit(_text[i]) || char.IsLetter(_text[i]) || _text[i] == '.'))
            {
                return BadNumber(start);
            }

            _pos = i;
            return new JsonValue(JsonKind.Number, start) { Text = _text.Substring(start, i - start), End = i };
        }

        private JsonValue? BadNumber(int start)
        {
            var word = Word(start);
            Fail(start, System.Math.Max(1, word.Length), "invalid number '" + (word.Length > 0 ? word : _text.Substring(start, 1)) + "'");
            return null;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private JsonValue? ParseLiteral(string literal, JsonKind kind)
        {
            var word = Word(_pos);
            if (word != literal)
            {
                Fail(_pos, System.Math.Max(1, word.Length), "unexpected '" + word + "': expected a value (object, array, string, number, true, false or null)");
                return null;
            }

            var value = new JsonValue(kind, _pos) { End = _pos + literal.Length };
            _pos += literal.Length;
            return value;
        }

        /// <summary>The run of letters, digits and '-', '+', '.', '_' at <paramref name="start"/> (for messages).</summary>
        private string Word(int start)
        {
            var i = start;
            while (i < _text.Length && i - start < 40 && (char.IsLetterOrDigit(_text[i]) || _text[i] == '-' || _text[i] == '+' || _text[i] == '.' || _text[i] == '_'))
            {
                i++;
            }

            return _text.Substring(start, i - start);
        }

        private void SkipTrivia()
        {
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF')
                {
                    _pos++;
                }
                else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                {
                    while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r')
                    {
                        _pos++;
                    }
                }
                else if (c == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _pos + 2, System.StringComparison.Ordinal);
                    if (end < 0)
                    {
                        Fail(_pos, 2, "unterminated comment (missing '*/')");
                        return;
                    }

                    _pos = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private void FailUnclosed(int open, char bracket)
        {
            var (line, _) = Position(open);
            Fail(_text.Length, 0, "unexpected end of file: '" + bracket + "' opened at line " + line.ToString(CultureInfo.InvariantCulture) + " is not closed");
        }

        private void Fail(int start, int length, string message)
        {
            if (Error is not null)
            {
                return;
            }

            start = System.Math.Max(0, System.Math.Min(start, _text.Length));
            length = System.Math.Max(0, System.Math.Min(length, _text.Length - start));
            var (line, column) = Position(start);
            Error = new JsonError(start, length, line, column, message);
        }

        private static string Show(char c) => c switch
        {
            '\'' => "\"'\"",
            _ when c < ' ' || c == '\u007F' => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            _ => "'" + c + "'",
        };
    }
}
