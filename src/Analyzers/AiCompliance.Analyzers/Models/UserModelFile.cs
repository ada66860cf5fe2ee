using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AiCompliance.Analyzers.Models
{
    /// <summary>
    /// The user model file, <c>aicompliance.json</c> (see docs/user-models.md and the JSON Schema
    /// aicompliance.schema.json in the package): sources, sinks, sanitizers, pass-through summaries, neutral members
    /// and content members of types AiCompliance does not model, turned into <see cref="ModelEntry"/> rows. Every
    /// problem is collected with its line; an entry with a problem is skipped and the rest of the file applies.
    /// A syntax error stops reading: entries complete before it still apply. Types absent from a compilation are
    /// not an error (their rows cost nothing), exactly as for the built-in rows.
    /// </summary>
    internal sealed partial class UserModelFile
    {
        public const string FileName = "aicompliance.json";

        private static readonly ConditionalWeakTable<SourceText, UserModelFile> s_cache = new ConditionalWeakTable<SourceText, UserModelFile>();

        private static readonly string[] s_sections = { "sources", "sinks", "sanitizers", "summaries", "neutral", "content" };

        private readonly string _text;
        private readonly List<ModelEntry> _entries = new List<ModelEntry>();
        private readonly List<UserModelProblem> _problems = new List<UserModelProblem>();
        private List<int>? _lineStarts;

        private UserModelFile(string text)
        {
            _text = text;
        }

        public IReadOnlyList<ModelEntry> Entries => _entries;

        public IReadOnlyList<UserModelProblem> Problems => _problems;

        /// <summary>Whether an additional file is a user model file (by file name, case-insensitive).</summary>
        public static bool IsModelFile(string? path)
        {
            if (path is null)
            {
                return false;
            }

            var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return string.Equals(path.Substring(slash + 1), FileName, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Reads a model file's text. Never throws on any input.</summary>
        public static UserModelFile Parse(string text)
        {
            var file = new UserModelFile(text);
            try
            {
                file.Load();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug here must not become AD0001 or stop the analysis: report it, keep what was read.
                file._problems.Add(new UserModelProblem(0, 0, 1, "the file could not be read (" + ex.GetType().Name + ": " + ex.Message + ")"));
            }

            return file;
        }

        /// <summary>The parsed model of an additional file's text, once per text instance.</summary>
        public static UserModelFile Parse(SourceText text) => s_cache.GetValue(text, t => Parse(t.ToString()));

        /// <summary>The rows of every <c>aicompliance.json</c> among the additional files.</summary>
        public static ImmutableArray<ModelEntry> ReadAll(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var rows = ImmutableArray.CreateBuilder<ModelEntry>();
            foreach (var file in options.AdditionalFiles)
            {
                if (IsModelFile(file.Path) && file.GetText(cancellationToken) is { } text)
                {
                    rows.AddRange(Parse(text).Entries);
                }
            }

            return rows.ToImmutable();
        }

        /// <summary>AIC007 for each problem of an additional file that is a user model file.</summary>
        public static void ReportProblems(AdditionalFileAnalysisContext context)
        {
            var file = context.AdditionalFile;
            if (!IsModelFile(file.Path) || file.GetText(context.CancellationToken) is not { } text)
            {
                return;
            }

            foreach (var problem in Parse(text).Problems)
            {
                var start = Math.Min(problem.Start, text.Length);
                var span = new TextSpan(start, Math.Min(problem.Length, text.Length - start));
                var location = Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.InvalidUserModel,
                    location,
                    file.Path,
                    problem.Line.ToString(CultureInfo.InvariantCulture),
                    problem.Message));
            }
        }

        // ------------------------------------------------------------------ loading

        private void Load()
        {
            var root = MiniJson.Parse(_text, out var error);
            if (error is not null)
            {
                _problems.Add(new UserModelProblem(error.Start, error.Length, error.Line, "invalid JSON: " + error.Message + (root is null ? string.Empty : " (entries before it still apply)")));
            }

            if (root is null)
            {
                return;
            }

            if (root.Kind != JsonKind.Object)
            {
                Problem(root, "the file must be a JSON object with \"sources\", \"sinks\", \"sanitizers\", \"summaries\", \"neutral\" or \"content\", found " + JsonValue.Describe(root.Kind));
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in root.Members!)
            {
                if (!seen.Add(member.Name))
                {
                    Problem(member.NameStart, member.NameEnd, "duplicate key \"" + member.Name + "\"");
                }

                switch (member.Name)
                {
                    case "$schema":
                    case "$comment":
                        continue;
                    case "sources":
                    case "sinks":
                    case "sanitizers":
                    case "summaries":
                    case "neutral":
                    case "content":
                        Section(member);
                        continue;
                    default:
                        Problem(member.NameStart, member.NameEnd, "unknown key \"" + member.Name + "\"" + Suggest(member.Name, s_sections) + "; expected \"sources\", \"sinks\", \"sanitizers\", \"summaries\", \"neutral\" or \"content\"");
                        continue;
                }
            }
        }

        private void Section(JsonMember section)
        {
            if (section.Value.Kind != JsonKind.Array)
            {
                Problem(section.Value, "\"" + section.Name + "\" must be an array of entries, found " + JsonValue.Describe(section.Value.Kind));
                return;
            }

            var items = section.Value.Items!;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var where = section.Name + "[" + i.ToString(CultureInfo.InvariantCulture) + "]: ";
                if (!item.Complete)
                {
                    continue; // cut short by the syntax error already reported
                }

                if (item.Kind != JsonKind.Object)
                {
                    Problem(item, where + "an entry must be an object, found " + JsonValue.Describe(item.Kind));
                    continue;
                }

                var entry = new EntryReader(this, item, where);
                switch (section.Name)
                {
                    case "sources":
                        Source(entry);
                        break;
                    case "sinks":
                        Sink(entry);
                        break;
                    case "sanitizers":
                        Sanitizer(entry);
                        break;
                    case "summaries":
                        Summary(entry);
                        break;
                    case "neutral":
                        Neutral(entry);
                        break;
                    case "content":
                        Content(entry);
                        break;
                }
            }
        }

        private void Source(EntryReader entry)
        {
            entry.Allow("type", "member", "access", "description");
            var type = entry.TypeName();
            var member = entry.MemberName(allowStar: false);
            var access = entry.OptionalString("access");
            var description = entry.OptionalString("description");
            if (access is not null && access.Text != "ReturnValue")
            {
                entry.Problem(access, "bad \"access\" '" + access.Text + "': a source's access is \"ReturnValue\" (or leave it out)");
            }

            if (entry.Ok)
            {
                _entries.Add(new ModelEntry(ModelKind.Source, type!, member!, "ReturnValue", description?.Text));
            }
        }

        private void Sink(EntryReader entry)
        {
            entry.Allow("type", "member", "access", "description");
            var type = entry.TypeName();
            var member = entry.MemberName(allowStar: false);
            var access = entry.OptionalString("access");
            var description = entry.OptionalString("description");
            if (access is not null && SinkAccess.Parse(access.Text!) is null)
            {
                entry.Problem(access, "bad \"access\" '" + access.Text + "': expected \"Argument[0]\", \"Argument[1..]\" (1 and the following), \"Argument[*]\", \"Argument[0].ReturnValue\" (a delegate's return) or \"this\" (the receiver)");
            }

            if (entry.Ok)
            {
                _entries.Add(new ModelEntry(ModelKind.Sink, type!, member!, access?.Text ?? "Argument[*]", description?.Text));
            }
        }

        private void Sanitizer(EntryReader entry)
        {
            entry.Allow("type", "member", "description");
            var type = entry.TypeName();
            var member = entry.MemberName(allowStar: false);
            if (entry.Ok)
            {
                _entries.Add(new ModelEntry(ModelKind.Sanitizer, type!, member!));
            }
        }

        private void Summary(EntryReader entry)
        {
            entry.Allow("type", "member", "from", "to", "description");
            var type = entry.TypeName();
            var member = entry.MemberName(allowStar: false);
            var from = entry.RequiredString("from");
            var to = entry.RequiredString("to");
            if (from is not null && to is not null)
            {
                var access = from.Text + " -> " + to.Text;
                if (SummaryAccess.Parse(access) is null)
                {
                    var fromOk = SummaryAccess.Parse(from.Text + " -> ReturnValue") is not null;
                    var toOk = SummaryAccess.Parse("Argument[0] -> " + to.Text) is not null;
                    if (!fromOk)
                    {
                        entry.Problem(from, "bad \"from\" '" + from.Text + "': expected \"Argument[i]\", \"Argument[*]\" or \"this\"");
                    }

                    if (!toOk)
                    {
                        entry.Problem(to, "bad \"to\" '" + to.Text + "': expected \"ReturnValue\", \"this\", \"Argument[i]\", \"Argument[i..]\" or \"Argument[*]\"");
                    }

                    if (fromOk && toOk)
                    {
                        entry.Problem(from, "a summary from \"this\" to \"this\" says nothing");
                    }
                }
                else if (entry.Ok)
                {
                    _entries.Add(new ModelEntry(ModelKind.Summary, type!, member!, access));
                }
            }
        }

        private void Neutral(EntryReader entry)
        {
            entry.Allow("type", "member", "description");
            var type = entry.TypeName();
            var member = entry.Has("member") ? entry.MemberName(allowStar: true) : "*";
            if (entry.Ok)
            {
                _entries.Add(new ModelEntry(ModelKind.Neutral, type!, member!));
            }
        }

        private void Content(EntryReader entry)
        {
            entry.Allow("type", "members", "description");
            var type = entry.TypeName();
            var members = new List<string>();
            if (entry.Get("members") is not { } list)
            {
                entry.Problem(null, "missing \"members\" (the members that carry the content on, e.g. [\"Text\"])");
            }
            else if (list.Kind != JsonKind.Array || list.Items!.Count == 0)
            {
                entry.Problem(list, "\"members\" must be a non-empty array of member names");
            }
            else
            {
                foreach (var item in list.Items)
                {
                    if (item.Kind != JsonKind.String || !IsMemberName(item.Text!) || item.Text == "*")
                    {
                        entry.Problem(item, "\"members\" must hold member names (strings such as \"Text\")");
                    }
                    else
                    {
                        members.Add(item.Text!);
                    }
                }
            }

            if (entry.Ok)
            {
                foreach (var member in members)
                {
                    _entries.Add(new ModelEntry(ModelKind.Content, type!, member));
                }
            }
        }

        private static bool IsMemberName(string name) =>
            name.Length > 0 && (name == "*" || name == ".ctor" || name.All(c => char.IsLetterOrDigit(c) || c == '_' || c == '`'));

        private static string Suggest(string name, IEnumerable<string> known)
        {
            // A typo: case, a letter or two off ("sink", "Sources", "sanitisers", "acess").
            foreach (var candidate in known)
            {
                if (Distance(candidate.ToLowerInvariant(), name.ToLowerInvariant()) <= (candidate.Length < 5 ? 1 : 2))
                {
                    return " (did you mean \"" + candidate + "\"?)";
                }
            }

            return string.Empty;
        }

        private static int Distance(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 2 || a.Length > 64 || b.Length > 64)
            {
                return int.MaxValue;
            }

            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                var swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }

        private void Problem(JsonValue value, string message) => Problem(value.Start, Math.Max(value.End, value.Start + 1), message);

        private void Problem(int start, int end, string message)
        {
            _lineStarts ??= MiniJson.LineStarts(_text);
            var line = MiniJson.Position(_lineStarts, start).Line;
            _problems.Add(new UserModelProblem(start, Math.Max(0, Math.Min(end, _text.Length) - start), line, message));
        }
    }
}
