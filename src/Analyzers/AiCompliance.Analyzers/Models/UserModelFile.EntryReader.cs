using System;
using System.Collections.Generic;
using System.Linq;
using AiCompliance.Analyzers.Json;

namespace AiCompliance.Analyzers.Models
{
    internal sealed partial class UserModelFile
    {
        /// <summary>Reads the keys of one entry object, collecting its problems.</summary>
        private sealed class EntryReader
        {
            private readonly UserModelFile _file;
            private readonly JsonValue _entry;
            private readonly string _where;

            public EntryReader(UserModelFile file, JsonValue entry, string where)
            {
                _file = file;
                _entry = entry;
                _where = where;
            }

            /// <summary>False once the entry has a problem: then it is skipped.</summary>
            public bool Ok { get; private set; } = true;

            public void Allow(params string[] keys)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var member in _entry.Members!)
                {
                    if (!seen.Add(member.Name))
                    {
                        Problem(member, "duplicate key \"" + member.Name + "\"");
                    }
                    else if (Array.IndexOf(keys, member.Name) < 0 && member.Name != "$comment")
                    {
                        Problem(member, "unknown key \"" + member.Name + "\"" + Suggest(member.Name, keys) + "; expected " + string.Join(", ", keys.Select(k => "\"" + k + "\"")));
                    }
                }
            }

            public bool Has(string key) => Get(key) is not null;

            public JsonValue? Get(string key) => _entry.Members!.FirstOrDefault(m => m.Name == key)?.Value;

            public string? TypeName()
            {
                var value = RequiredString("type");
                if (value is null)
                {
                    return null;
                }

                var name = value.Text!;
                if (name == Flow.ModelEntry.AnyType)
                {
                    Problem(value, "\"type\" '*' (a member of any type) is kept for the built-in rows: name the type, e.g. \"Company.Gateway.GatewayClient\"");
                    return null;
                }

                if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c == '<' || c == '>' || c == '(' || c == ',') || name.StartsWith(".", StringComparison.Ordinal) || name.EndsWith(".", StringComparison.Ordinal))
                {
                    Problem(value, "\"type\" '" + name + "' is not a metadata type name: use the full name with namespace, e.g. \"Company.Gateway.GatewayClient\", \"System.Collections.Generic.List`1\" for a generic type, \"Outer+Inner\" for a nested one");
                    return null;
                }

                return name;
            }

            public string? MemberName(bool allowStar)
            {
                var value = RequiredString("member");
                if (value is null)
                {
                    return null;
                }

                var name = value.Text!;
                if (!IsMemberName(name) || (name == "*" && !allowStar))
                {
                    Problem(value, name == "*"
                        ? "\"member\" '*' (every member) is only meaningful in \"neutral\""
                        : "\"member\" '" + name + "' is not a member name: use the simple name (\"Ask\", \"MarkupLine\", \".ctor\"), without type, parameters or generic arguments");
                    return null;
                }

                return name;
            }

            /// <summary>A string value (its <see cref="JsonValue.Text"/> is not null), or null after reporting it missing or mistyped.</summary>
            public JsonValue? RequiredString(string key) => String(key, required: true);

            public JsonValue? OptionalString(string key) => String(key, required: false);

            private JsonValue? String(string key, bool required)
            {
                var value = Get(key);
                if (value is null)
                {
                    if (required)
                    {
                        Problem((JsonValue?)null, "missing \"" + key + "\"");
                    }

                    return null;
                }

                if (value.Kind != JsonKind.String)
                {
                    Problem(value, "\"" + key + "\" must be a string, found " + JsonValue.Describe(value.Kind));
                    return null;
                }

                return value;
            }

            public void Problem(JsonValue? at, string message)
            {
                Ok = false;
                if (at is null)
                {
                    // A missing key: point at the entry's opening brace.
                    _file.Problem(_entry.Start, _entry.Start + 1, _where + message);
                }
                else
                {
                    _file.Problem(at, _where + message);
                }
            }

            private void Problem(JsonMember member, string message)
            {
                Ok = false;
                _file.Problem(member.NameStart, member.NameEnd, _where + message);
            }
        }
    }
}
