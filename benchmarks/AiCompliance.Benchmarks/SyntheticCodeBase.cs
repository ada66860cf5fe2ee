using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace AiCompliance.Benchmarks;

/// <summary>A place where the generator planted an AI value reaching a sink without a label: AIC001 must be reported there.</summary>
public sealed record PlantedSink(string Path, int Line, string Kind);

/// <summary>One generated source file.</summary>
public sealed record GeneratedFile(string Path, string Text);

/// <summary>What the generator produced, with the facts the harness checks against.</summary>
public sealed class SyntheticCodeBase
{
    public required IReadOnlyList<GeneratedFile> Files { get; init; }

    public required IReadOnlyList<PlantedSink> Planted { get; init; }

    /// <summary>Methods and constructors with a body (lambdas not counted).</summary>
    public required int Methods { get; init; }

    /// <summary>Methods whose body calls an AI SDK, prints AI text or passes it on (the rest is plain code).</summary>
    public required int AiMethods { get; init; }

    public required int Lines { get; init; }

    /// <summary>What each generated method is, by file path and method name (".ctor" for constructors).</summary>
    public required IReadOnlyDictionary<(string Path, string Method), string> MethodKinds { get; init; }
}

/// <summary>
/// Deterministic generator of a synthetic code base: N files, each a namespace with a module class of about ten
/// methods and a static helper class. Most methods are plain code (string manipulation, loops, LINQ over ints,
/// collections, async I/O-like code); about <c>aiPercent</c>% touch Microsoft.Extensions.AI: direct
/// <c>GetResponseAsync</c> / <c>GetStreamingResponseAsync</c> calls printed with or without <c>Svc.Label</c>, calls to
/// helpers in other files that return AI text or print a parameter, fields written in one method and printed in another,
/// and ASP.NET Core minimal API handlers returning AI text. Every unlabeled path is recorded as a <see cref="PlantedSink"/>.
/// </summary>
public static class SyntheticCodeBaseGenerator
{
    public const string ServicePath = "/bench/Svc.cs";

    private static readonly string[] Verbs = { "Process", "Render", "Compute", "Build", "Format", "Update", "Load", "Validate", "Merge", "Describe", "Collect", "Publish" };
    private static readonly string[] Nouns = { "Order", "Invoice", "Report", "Customer", "Ticket", "Note", "Item", "Batch", "Summary", "Profile", "Shipment", "Account" };

    private enum Kind
    {
        // plain
        StringOps,
        Loops,
        Linq,
        Collections,
        Status,
        PlainHelperCall,
        AsyncPlain,

        // AI
        DirectUnlabeled,
        DirectLabeled,
        StreamUnlabeled,
        StreamLabeled,
        HelperReturnUnlabeled,
        HelperReturnLabeled,
        HelperSinkUnlabeled,
        HelperSinkLabeled,
        FieldPair, // two methods: writer and reader
        MinimalApi,
    }

    private static readonly (Kind Kind, int Weight)[] PlainKinds =
    {
        (Kind.StringOps, 18), (Kind.Loops, 16), (Kind.Linq, 16), (Kind.Collections, 12), (Kind.Status, 8), (Kind.PlainHelperCall, 12), (Kind.AsyncPlain, 10),
    };

    private static readonly (Kind Kind, int Weight)[] AiKinds =
    {
        (Kind.DirectUnlabeled, 16), (Kind.DirectLabeled, 14), (Kind.StreamUnlabeled, 8), (Kind.StreamLabeled, 8),
        (Kind.HelperReturnUnlabeled, 10), (Kind.HelperReturnLabeled, 8), (Kind.HelperSinkUnlabeled, 10), (Kind.HelperSinkLabeled, 6),
        (Kind.FieldPair, 10), (Kind.MinimalApi, 10),
    };

    private sealed class FilePlan
    {
        public int Index;
        public bool AskHelper;
        public bool ShowHelper;
        public string Id => Index.ToString("D5", CultureInfo.InvariantCulture);
    }

    /// <param name="files">Number of files (the service declaration is one more, tiny file).</param>
    /// <param name="seed">Seed of the generator: equal seeds give byte-identical code bases.</param>
    /// <param name="aiPercent">Share of module methods that touch AI, in percent (helpers come on top).</param>
    public static SyntheticCodeBase Generate(int files, int seed, int aiPercent)
    {
        var random = new Random(seed);
        var plans = new FilePlan[files];
        for (var i = 0; i < files; i++)
        {
            // Helper classes: AI helpers in fewer files than printing helpers; plain helpers everywhere.
            plans[i] = new FilePlan { Index = i, AskHelper = random.Next(100) < aiPercent * 2, ShowHelper = random.Next(100) < 60 };
        }

        var askers = plans.Where(p => p.AskHelper).ToArray();
        var showers = plans.Where(p => p.ShowHelper).ToArray();

        var generated = new List<GeneratedFile>
        {
            new(ServicePath, """
                // The registered service: the AiCompliance generator fills in Label, LabelText, WithLabels, ...
                [AiCompliance.RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", Provider = "ExampleCo")]
                public static partial class Svc { }

                // The app shows its filing number (otherwise AIC004 reports the service).
                public static class Startup
                {
                    public static void ShowNotice() => System.Console.WriteLine(Svc.RegistrationNotice);
                }

                """),
        };
        var planted = new List<PlantedSink>();
        var kinds = new Dictionary<(string Path, string Method), string>();
        var methods = 0;
        var aiMethods = 0;
        var lines = 0;
        foreach (var plan in plans)
        {
            var file = new FileWriter(random, plan, askers, showers, planted, kinds, aiPercent);
            var text = file.Write();
            generated.Add(new GeneratedFile(file.Path, text));
            methods += file.Methods;
            aiMethods += file.AiMethods;
            lines += file.LineCount;
        }

        return new SyntheticCodeBase { Files = generated, Planted = planted, Methods = methods, AiMethods = aiMethods, Lines = lines, MethodKinds = kinds };
    }

    private sealed class FileWriter
    {
        private readonly Random _random;
        private readonly FilePlan _plan;
        private readonly FilePlan[] _askers;
        private readonly FilePlan[] _showers;
        private readonly List<PlantedSink> _planted;
        private readonly Dictionary<(string Path, string Method), string> _kinds;
        private readonly int _aiPercent;
        private readonly StringBuilder _sb = new();
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private readonly List<string> _plainIntMethods = new();
        private int _indent;
        private int _line = 1;
        private string _currentKind = "ctor";

        public FileWriter(Random random, FilePlan plan, FilePlan[] askers, FilePlan[] showers, List<PlantedSink> planted, Dictionary<(string Path, string Method), string> kinds, int aiPercent)
        {
            _random = random;
            _plan = plan;
            _askers = askers;
            _showers = showers;
            _planted = planted;
            _kinds = kinds;
            _aiPercent = aiPercent;
            Path = "/bench/M" + plan.Id + ".cs";
        }

        public string Path { get; }

        public int Methods { get; private set; }

        public int AiMethods { get; private set; }

        public int LineCount => _line - 1;

        private string Id => _plan.Id;

        private int R(int min, int max) => _random.Next(min, max);

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private void L(string text = "")
        {
            if (text.Length > 0)
            {
                _sb.Append(' ', _indent * 4);
            }

            _sb.Append(text).Append('\n');
            _line++;
        }

        /// <summary>A line with one unlabeled sink on it.</summary>
        private void Planted(string text, string kind)
        {
            _planted.Add(new PlantedSink(Path, _line, kind));
            L(text);
        }

        private void Open(string header)
        {
            var paren = header.IndexOf('(', StringComparison.Ordinal);
            if (header.StartsWith("public ", StringComparison.Ordinal) && paren > 0)
            {
                var name = header.Substring(0, paren).Split(' ')[^1];
                _kinds[(Path, name == "Module" + Id ? ".ctor" : name)] = name.StartsWith("Module", StringComparison.Ordinal) ? "ctor" : _currentKind;
            }

            L(header);
            L("{");
            _indent++;
        }

        private void Close(string suffix = "")
        {
            _indent--;
            L("}" + suffix);
        }

        private string NewName(string suffix = "")
        {
            for (var attempt = 0; ; attempt++)
            {
                var name = Pick(Verbs) + Pick(Nouns) + (attempt > 8 ? attempt.ToString(CultureInfo.InvariantCulture) : string.Empty) + suffix;
                if (_names.Add(name))
                {
                    return name;
                }
            }
        }

        /// <summary>A helper class in another file (if any) that has the wanted helper; this file as a fallback.</summary>
        private string HelperFrom(FilePlan[] candidates)
        {
            var others = candidates.Length == 0 ? null : Pick(candidates);
            if (others is null)
            {
                return "Helpers" + Id;
            }

            if (others.Index == _plan.Index && candidates.Length > 1)
            {
                others = candidates[(Array.IndexOf(candidates, others) + 1) % candidates.Length];
            }

            return "global::Bench.M" + others.Id + ".Helpers" + others.Id;
        }

        private static Kind Weighted((Kind Kind, int Weight)[] table, Random random)
        {
            var total = table.Sum(t => t.Weight);
            var roll = random.Next(total);
            foreach (var (kind, weight) in table)
            {
                if (roll < weight)
                {
                    return kind;
                }

                roll -= weight;
            }

            return table[^1].Kind;
        }

        public string Write()
        {
            // Decide the methods first so plain methods can call their siblings.
            var count = R(7, 11);
            var kinds = new List<Kind>();
            var hasFieldPair = false;
            for (var i = 0; i < count; i++)
            {
                var ai = _random.Next(100) < _aiPercent;
                var kind = ai ? Weighted(AiKinds, _random) : Weighted(PlainKinds, _random);
                if (kind == Kind.FieldPair)
                {
                    if (hasFieldPair)
                    {
                        kind = Kind.DirectLabeled;
                    }

                    hasFieldPair = true;
                }

                if ((kind is Kind.HelperReturnUnlabeled or Kind.HelperReturnLabeled) && _askers.Length == 0)
                {
                    kind = Kind.DirectUnlabeled;
                }

                if ((kind is Kind.HelperSinkUnlabeled or Kind.HelperSinkLabeled) && _showers.Length == 0)
                {
                    kind = Kind.DirectLabeled;
                }

                kinds.Add(kind);
            }

            // Plain int methods are written first (callers need their names); order is otherwise shuffled.
            kinds = kinds.OrderBy(k => k == Kind.Loops ? 0 : 1).ThenBy(_ => _random.Next()).ToList();

            L("using System;");
            L("using System.Collections.Generic;");
            L("using System.Linq;");
            L("using System.Text;");
            L("using System.Threading;");
            L("using System.Threading.Tasks;");
            L("using Microsoft.AspNetCore.Builder;");
            L("using Microsoft.AspNetCore.Http;");
            L("using Microsoft.Extensions.AI;");
            L();
            Open("namespace Bench.M" + Id);
            L("/// <summary>Module " + Id + ": business logic with a few AI features.</summary>");
            Open("public sealed class Module" + Id);
            L("private readonly IChatClient _client;");
            L("private readonly List<int> _values = new List<int>();");
            L("private readonly Dictionary<string, int> _counts = new Dictionary<string, int>(StringComparer.Ordinal);");
            L("private string _status = \"idle\";");
            if (hasFieldPair)
            {
                L("private string _lastAnswer = string.Empty;");
            }

            L();
            Open("public Module" + Id + "(IChatClient client)");
            L("_client = client;");
            Open("for (var i = 0; i < " + R(8, 32) + "; i++)");
            L("_values.Add(i * " + R(3, 17) + " % " + R(11, 29) + ");");
            Close();
            Close();
            Methods++;

            foreach (var kind in kinds)
            {
                L();
                WriteMethod(kind);
            }

            Close();
            L();
            WriteHelpers();
            Close();
            return _sb.ToString();
        }

        private void WriteMethod(Kind kind)
        {
            var isAi = kind >= Kind.DirectUnlabeled;
            _currentKind = (isAi ? "ai: " : "plain: ") + kind;
            Methods += kind == Kind.FieldPair ? 2 : 1;
            AiMethods += !isAi ? 0 : kind == Kind.FieldPair ? 2 : 1;
            switch (kind)
            {
                case Kind.StringOps: StringOps(); break;
                case Kind.Loops: Loops(); break;
                case Kind.Linq: Linq(); break;
                case Kind.Collections: Collections(); break;
                case Kind.Status: Status(); break;
                case Kind.PlainHelperCall: PlainHelperCall(); break;
                case Kind.AsyncPlain: AsyncPlain(); break;
                case Kind.DirectUnlabeled: Direct(labeled: false); break;
                case Kind.DirectLabeled: Direct(labeled: true); break;
                case Kind.StreamUnlabeled: Stream(labeled: false); break;
                case Kind.StreamLabeled: Stream(labeled: true); break;
                case Kind.HelperReturnUnlabeled: HelperReturn(labeled: false); break;
                case Kind.HelperReturnLabeled: HelperReturn(labeled: true); break;
                case Kind.HelperSinkUnlabeled: HelperSink(labeled: false); break;
                case Kind.HelperSinkLabeled: HelperSink(labeled: true); break;
                case Kind.FieldPair: FieldPair(); break;
                case Kind.MinimalApi: MinimalApi(); break;
                default: throw new InvalidOperationException(kind.ToString());
            }
        }

        // ------------------------------------------------------------------ plain methods

        private void StringOps()
        {
            var name = NewName();
            Open("public string " + name + "(string input, int width)");
            L("var parts = input.Split(',', StringSplitOptions.RemoveEmptyEntries);");
            L("var sb = new StringBuilder();");
            Open("foreach (var part in parts)");
            L("var trimmed = part.Trim();");
            Open("if (trimmed.Length > width)");
            L("trimmed = trimmed.Substring(0, width);");
            Close();
            L(R(0, 2) == 0 ? "sb.Append(trimmed.ToUpperInvariant()).Append(';');" : "sb.Append(trimmed.Replace(\"" + (char)('a' + R(0, 26)) + "\", \"*\")).Append('|');");
            Close();
            L("var result = sb.ToString();");
            L("Console.WriteLine(\"" + name + ": \" + parts.Length + \" parts -> \" + result);");
            L("return result.Length > " + R(40, 120) + " ? result.Substring(0, " + R(20, 40) + ") : result;");
            Close();
        }

        private void Loops()
        {
            var name = NewName();
            _plainIntMethods.Add(name);
            Open("public int " + name + "(int n)");
            L("var total = 0;");
            Open("for (var i = 0; i < n; i++)");
            Open("if (i % " + R(2, 7) + " == 0)");
            L("total += i * " + R(2, 9) + ";");
            Close();
            Open("else if (i % " + R(3, 11) + " == 1)");
            L("total -= i;");
            Close();
            Open("else");
            L("total ^= i << 1;");
            Close();
            Close();
            L("var k = n;");
            Open("while (k > 1)");
            L("k = k % 2 == 0 ? k / 2 : 3 * k + 1;");
            L("total++;");
            Close();
            L("return total;");
            Close();
        }

        private void Linq()
        {
            var name = NewName();
            Open("public IReadOnlyList<int> " + name + "(int threshold)");
            L("var query = _values.Where(v => v > threshold).Select(v => v * " + R(2, 9) + ").OrderByDescending(v => v).Take(" + R(3, 12) + ").ToList();");
            L("var sum = query.Sum();");
            L("var groups = Enumerable.Range(0, " + R(10, 60) + ").GroupBy(i => i % " + R(2, 7) + ").Select(g => g.Key + \":\" + g.Count());");
            Open("if (sum > " + R(50, 500) + ")");
            L("Console.WriteLine($\"" + name + " sum={sum} groups={string.Join(\",\", groups)}\");");
            Close();
            L("return query;");
            Close();
        }

        private void Collections()
        {
            var name = NewName();
            Open("public void " + name + "(IEnumerable<string> words)");
            Open("foreach (var word in words)");
            L("var key = word.ToLowerInvariant();");
            L("_counts[key] = _counts.TryGetValue(key, out var seen) ? seen + 1 : 1;");
            Close();
            Open("foreach (var pair in _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(" + R(3, 10) + "))");
            L("Console.WriteLine(pair.Key + \" = \" + pair.Value);");
            Close();
            Close();
        }

        private void Status()
        {
            var name = NewName();
            Open("public string " + name + "(int code)");
            L("string text;");
            Open("switch (code % 4)");
            L("case 0: text = \"new\"; break;");
            L("case 1: text = \"open\"; break;");
            L("case 2: text = \"closed\"; break;");
            L("default: text = \"unknown\"; break;");
            Close();
            L("_status = text + \"#\" + code.ToString(System.Globalization.CultureInfo.InvariantCulture);");
            L("Console.WriteLine(\"status: \" + _status);");
            L("return _status;");
            Close();
        }

        private void PlainHelperCall()
        {
            var name = NewName();
            Open("public int " + name + "(string raw)");
            var helper = "Helpers" + Id;
            L("var normalized = " + helper + ".Normalize(raw);");
            L("var checksum = " + helper + ".Checksum(normalized);");
            if (_showers.Length > 0)
            {
                L(HelperFrom(_showers) + ".Show(\"normalized\", normalized);");
            }

            if (_plainIntMethods.Count > 0)
            {
                L("checksum += " + Pick(_plainIntMethods) + "(normalized.Length);");
            }

            L("return checksum % " + R(97, 997) + ";");
            Close();
        }

        private void AsyncPlain()
        {
            var name = NewName("Async");
            var limit = R(8, 24);
            Open("public async Task<string> " + name + "(string id, CancellationToken cancellationToken)");
            L("await Task.Delay(" + R(1, 20) + ", cancellationToken).ConfigureAwait(false);");
            L("var text = \"record-\" + id;");
            Open("try");
            Open("if (text.Length > " + limit + ")");
            L("throw new InvalidOperationException(\"too long: \" + text.Length);");
            Close();
            Close();
            Open("catch (InvalidOperationException ex)");
            L("Console.WriteLine(ex.Message);");
            L("text = text.Substring(0, " + limit + ");");
            Close();
            Open("finally");
            L("_status = \"loaded\";");
            Close();
            L("return text;");
            Close();
        }

        // ------------------------------------------------------------------ AI methods

        private string Prompt() => Pick(new[] { "Summarize order", "Explain invoice", "Draft a reply to ticket", "Describe shipment", "Suggest a title for note" });

        private void Direct(bool labeled)
        {
            var name = NewName("Async");
            Open("public async Task " + name + "(string id)");
            L("var prompt = \"" + Prompt() + " \" + id + \" in " + R(2, 6) + " sentences.\";");
            L("var response = await _client.GetResponseAsync(prompt);");
            L("var answer = response.Text.Trim();");
            Open("if (answer.Length == 0)");
            L("Console.WriteLine(\"empty answer for \" + id);");
            L("return;");
            Close();
            L("Console.WriteLine(response.Text.Length);");
            if (labeled)
            {
                L("Console.WriteLine(Svc.Label(answer));");
            }
            else
            {
                Planted("Console.WriteLine(answer);", "direct");
            }

            L("_status = \"answered \" + id;");
            Close();
        }

        private void Stream(bool labeled)
        {
            var name = NewName("Async");
            Open("public async Task " + name + "(string topic, CancellationToken cancellationToken)");
            L("var prompt = \"" + Prompt() + " \" + topic;");
            if (labeled)
            {
                L("var sb = new StringBuilder();");
                Open("await foreach (var update in _client.GetStreamingResponseAsync(prompt, cancellationToken: cancellationToken))");
                L("sb.Append(update.Text);");
                Close();
                L("Console.WriteLine(Svc.Label(sb.ToString()));");
            }
            else
            {
                Open("await foreach (var update in _client.GetStreamingResponseAsync(prompt, cancellationToken: cancellationToken))");
                Planted("Console.Write(update.Text);", "stream");
                Close();
                L("Console.WriteLine();");
            }

            Close();
        }

        private void HelperReturn(bool labeled)
        {
            var name = NewName("Async");
            var helper = HelperFrom(_askers);
            Open("public async Task " + name + "(string id)");
            L("var summary = await " + helper + ".AskAsync(_client, \"" + Prompt() + " \" + id);");
            L("Console.WriteLine(\"summary for \" + id + \":\");");
            if (labeled)
            {
                L("Console.WriteLine(Svc.Label(summary));");
            }
            else
            {
                Planted("Console.WriteLine(\"> \" + summary);", "helper-return");
            }

            Close();
        }

        private void HelperSink(bool labeled)
        {
            var name = NewName("Async");
            var helper = HelperFrom(_showers);
            Open("public async Task " + name + "(string id)");
            L("var response = await _client.GetResponseAsync(\"" + Prompt() + " \" + id);");
            L(helper + ".Show(\"id\", id);");
            if (labeled)
            {
                L(helper + ".Show(\"answer\", Svc.Label(response.Text));");
            }
            else
            {
                Planted(helper + ".Show(\"answer\", response.Text);", "helper-sink");
            }

            Close();
        }

        private void FieldPair()
        {
            _currentKind = "ai: FieldWriter";
            var writer = NewName("Async");
            Open("public async Task " + writer + "(string id)");
            L("var response = await _client.GetResponseAsync(\"" + Prompt() + " \" + id);");
            L("_lastAnswer = response.Text;");
            L("_status = \"refreshed \" + id;");
            Close();
            L();
            _currentKind = "ai: FieldReader";
            var reader = NewName();
            Open("public void " + reader + "()");
            L("Console.WriteLine(_status);");
            Open("if (_lastAnswer.Length > 0)");
            Planted("Console.WriteLine(_lastAnswer);", "field");
            Close();
            Close();
        }

        private void MinimalApi()
        {
            var name = "Map" + NewName() + "Routes";
            var route = "/m" + Id + "/" + name.ToLowerInvariant();
            Open("public static void " + name + "(WebApplication app)");
            Planted("app.MapGet(\"" + route + "/ask\", async (IChatClient client) => (await client.GetResponseAsync(\"" + Prompt() + "\")).Text);", "minimal-api");
            L("app.MapGet(\"" + route + "/labeled\", async (IChatClient client) => Svc.Label((await client.GetResponseAsync(\"" + Prompt() + "\")).Text));");
            L("app.MapGet(\"" + route + "/health\", () => Results.Ok(\"ok\"));");
            L("app.MapPost(\"" + route + "/echo\", (string body) => Results.Text(body.Trim()));");
            if (_askers.Length > 0 && R(0, 2) == 0)
            {
                Planted("app.MapGet(\"" + route + "/helper\", async (IChatClient client) => await " + HelperFrom(_askers) + ".AskAsync(client, \"" + Prompt() + "\"));", "minimal-api-helper");
            }

            Close();
        }

        // ------------------------------------------------------------------ helpers

        private void WriteHelpers()
        {
            L("/// <summary>Helpers of module " + Id + ", also used from other modules.</summary>");
            Open("public static class Helpers" + Id);
            _currentKind = "helper: plain";
            Open("public static string Normalize(string text)");
            L("var trimmed = text.Trim();");
            L("return trimmed.Length > " + R(16, 64) + " ? trimmed.Substring(0, " + R(8, 16) + ").ToLowerInvariant() : trimmed.ToLowerInvariant();");
            Close();
            L();
            Open("public static int Checksum(string text)");
            L("var hash = " + R(5, 500) + ";");
            Open("foreach (var c in text)");
            L("hash = unchecked(hash * 31 + c);");
            Close();
            L("return hash & 0x7fffffff;");
            Close();
            Methods += 2;
            if (_plan.AskHelper)
            {
                L();
                _currentKind = "helper: AskAsync (AI)";
                Open("public static async Task<string> AskAsync(IChatClient client, string question)");
                L("var options = new ChatOptions { Temperature = 0." + R(1, 9) + "f };");
                L("var response = await client.GetResponseAsync(question, options);");
                L("return response.Text.Trim();");
                Close();
                Methods++;
                AiMethods++;
            }

            if (_plan.ShowHelper)
            {
                L();
                _currentKind = "helper: Show";
                Open("public static void Show(string title, string body)");
                L("var line = title + \": \" + body;");
                L("Console.WriteLine(line);");
                Close();
                Methods++;
            }

            Close();
        }
    }
}
