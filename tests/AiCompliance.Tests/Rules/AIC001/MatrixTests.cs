using System.Collections.Immutable;
using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Adversarial precision/recall matrix for AIC001: every scenario has a positive case (content must be reported at
/// the marked spans) and a negative case (nothing may be reported). Facts that fail document analyzer gaps.
/// </summary>
public class MatrixTests
{
    private const string Usings = """
        using System.Collections.Concurrent;
        using System.Diagnostics;
        using System.IO;
        using System.Text.Json.Nodes;
        using Microsoft.Extensions.Logging;

        """;

    private static Task<ImmutableArray<Diagnostic>> Verify(string body) => FlowVerifier.VerifyAsync(Usings + Code.Header + body);

    // ================================================================ locals and reassignment

    [Fact]
    public Task Locals_assigned_in_one_branch_report_after_join() => Verify("""
        class App
        {
            async Task Run(IChatClient client, bool flag, string user)
            {
                var text = user;
                if (flag) { text = (await client.GetResponseAsync("hi")).Text; }
                Console.WriteLine([|text|]);
                var alias = text;
                text = "reset";
                Console.WriteLine([|alias|]);
            }
        }
        """);

    [Fact]
    public Task Locals_overwritten_on_every_branch_are_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, bool flag, int kind, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var text = ai;
                if (flag) { text = "a"; } else { text = user; }
                Console.WriteLine(text);
                var other = ai;
                other = kind > 0 ? "pos" : "neg";
                Console.WriteLine(other);
            }
        }
        """);

    [Fact]
    public Task Locals_reassigned_from_a_conditional_coalesce_or_initializer_report() => Verify("""
        class App
        {
            async Task Run(IChatClient client, bool flag, string? user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                string t = "x";
                t = flag ? ai : "y";
                Console.WriteLine([|t|]);
                string u = "x";
                u = user ?? ai;
                Console.WriteLine([|u|]);
                var list = new List<string>();
                list = new List<string> { ai };
                Console.WriteLine([|list[0]|]);
            }
        }
        """);

    [Fact]
    public Task Locals_loop_carried_content_reports() => Verify("""
        class App
        {
            async Task Run(IChatClient client, List<string> questions, string user)
            {
                string previous = user;
                foreach (var q in questions)
                {
                    Console.WriteLine([|previous|]);
                    previous = (await client.GetResponseAsync(q)).Text;
                }

                var i = 0;
                var last = "";
                while (i++ < 3)
                {
                    last = (await client.GetResponseAsync("q" + i)).Text;
                }

                Console.WriteLine([|last|]);
            }
        }
        """);

    [Fact]
    public Task Locals_overwritten_inside_loop_before_use_are_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, List<string> items)
            {
                var text = (await client.GetResponseAsync("hi")).Text;
                foreach (var item in items)
                {
                    text = item;
                    Console.WriteLine(text);
                }

                for (var i = 0; i < 3; i++)
                {
                    var line = (await client.GetResponseAsync("q")).Text;
                    line = "step " + i;
                    Console.WriteLine(line);
                }
            }
        }
        """);

    // ================================================================ await / ConfigureAwait

    [Fact]
    public Task Await_forms_carry_content() => Verify("""
        class App
        {
            static async ValueTask<string> AskAsync(IChatClient c) => (await c.GetResponseAsync("q").ConfigureAwait(false)).Text;

            async Task Run(IChatClient client)
            {
                var r = await client.GetResponseAsync("q").ConfigureAwait(false);
                Console.WriteLine([|r.Text|]);
                var task = client.GetResponseAsync("q");
                var r2 = await task;
                Console.WriteLine([|r2.Text|]);
                Console.WriteLine([|task.Result.Text|]);
                Console.WriteLine([|client.GetResponseAsync("q").GetAwaiter().GetResult().Text|]);
                var all = await Task.WhenAll(client.GetResponseAsync("a"), client.GetResponseAsync("b"));
                Console.WriteLine([|all[0].Text|]);
                Console.WriteLine([|await AskAsync(client).ConfigureAwait(false)|]);
                var cont = await client.GetResponseAsync("q").ContinueWith(t => t.Result.Text);
                Console.WriteLine([|cont|]);
            }
        }
        """);

    [Fact]
    public Task Await_task_metadata_is_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var r = await client.GetResponseAsync("q").ConfigureAwait(false);
                Console.WriteLine(r.ModelId);
                var task = client.GetResponseAsync("q");
                Console.WriteLine(task.IsCompleted);
                await task.ConfigureAwait(false);
                Console.WriteLine(task.Status);
                Console.WriteLine(task.Id);
                await Task.Delay(10).ConfigureAwait(false);
                Console.WriteLine("done");
            }
        }
        """);

    // ================================================================ property chains and indexers

    [Fact]
    public Task Property_chains_and_indexers_report() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                Console.WriteLine([|response.Messages[^1].Text|]);
                Console.WriteLine([|((TextContent)response.Messages[0].Contents[0]).Text|]);
                var messages = response.Messages;
                Console.WriteLine([|messages[messages.Count - 1].Text|]);
                Console.WriteLine([|response.Messages.ElementAt(0).Contents[0]|]);
            }
        }
        """);

    [Fact]
    public Task Property_chains_to_metadata_are_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var response = await client.GetResponseAsync("hi");
                Console.WriteLine(response.Messages[^1].Role.Value);
                Console.WriteLine(response.Messages[0].MessageId);
                Console.WriteLine(response.Messages[0].Contents.Count);
                Console.WriteLine(response.Messages[0].AuthorName ?? "bot");
                var history = new List<ChatMessage> { new ChatMessage(ChatRole.User, user) };
                history.AddRange(response.Messages);
                Console.WriteLine(history.Count);
                var mine = new List<ChatMessage> { new ChatMessage(ChatRole.User, user) };
                Console.WriteLine(mine[0].Text);
            }
        }
        """);

    // ================================================================ string composition

    [Fact]
    public Task String_composition_reports() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine([|string.Format(System.Globalization.CultureInfo.InvariantCulture, "A: {0}", ai)|]);
                Console.WriteLine([|string.Join(", ", new[] { "x", ai })|]);
                Console.WriteLine([|string.Concat(new[] { "a", ai })|]);
                Console.WriteLine([|ai + 1|]);
                Console.WriteLine([|$"{ai,10}!"|]);
                var s = "A: ";
                s += ai;
                Console.WriteLine([|s|]);
                Console.WriteLine([|$@"<p>{ai}</p>"|]);
                FormattableString fs = $"A: {ai}";
                Console.WriteLine([|fs.ToString()|]);
                Console.WriteLine("{0} / {1}", "user", [|ai|]);
            }
        }
        """);

    [Fact]
    public Task String_composition_of_user_text_is_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user, List<string> users)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine("A: " + user);
                Console.WriteLine($"{user}!");
                Console.WriteLine(string.Format("{0} chars", ai.Length));
                Console.WriteLine(string.Join(",", users));
                Console.WriteLine(string.Concat("a", user));
                Console.WriteLine($"{ai.Length} chars, starts with yes: {ai.StartsWith("yes")}");
                var s = "A: ";
                s += user;
                Console.WriteLine(s);
            }
        }
        """);

    // ================================================================ StringBuilder

    [Fact]
    public Task StringBuilder_insert_appendline_appendformat_ctor_report() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var a = new StringBuilder("user");
                a.Insert(0, ai);
                Console.WriteLine([|a.ToString()|]);
                var b = new StringBuilder();
                b.AppendLine(ai);
                Console.WriteLine([|b|]);
                var c = new StringBuilder();
                c.AppendFormat("{0}", ai);
                Console.WriteLine([|c.ToString()|]);
                var d = new StringBuilder(ai);
                Console.WriteLine([|d.ToString()|]);
                var e = new StringBuilder();
                await foreach (var u in client.GetStreamingResponseAsync("q")) { e.Append(u.Text); }
                Console.WriteLine([|e.ToString()|]);
            }
        }
        """);

    [Fact]
    public Task StringBuilder_chained_appends_report() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var sb = new StringBuilder();
                sb.Append("Answer: ").Append(ai).AppendLine();
                Console.WriteLine([|sb.ToString()|]);
            }
        }
        """);

    [Fact]
    public Task StringBuilder_of_user_text_is_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var sb = new StringBuilder();
                sb.Append("Hello ").Append(user).AppendLine();
                sb.Insert(0, "> ");
                sb.AppendFormat("{0} chars", ai.Length);
                sb.Append(ai.Length);
                Console.WriteLine(sb.ToString());
                var reused = new StringBuilder();
                reused.Append(ai);
                reused = new StringBuilder("fresh");
                Console.WriteLine(reused.ToString());
            }
        }
        """);

    // ================================================================ string methods

    [Fact]
    public Task String_methods_report() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine([|ai.Trim()|]);
                Console.WriteLine([|ai.Substring(2)|]);
                Console.WriteLine([|ai.Replace("a", "b")|]);
                Console.WriteLine([|ai.ToUpper()|]);
                Console.WriteLine([|ai.Split('\n')[0]|]);
                foreach (var line in ai.Split('\n')) { Console.WriteLine([|line|]); }
                Console.WriteLine([|ai.PadLeft(20)|]);
                Console.WriteLine([|ai.Normalize()|]);
                Console.WriteLine([|ai.AsSpan().ToString()|]);
                Console.WriteLine([|ai.AsSpan(1, 2).Trim().ToString()|]);
                Console.WriteLine([|ai.TrimEnd('.').ToLowerInvariant()|]);
                Console.WriteLine([|ai.Remove(0, 1)|]);
                Console.WriteLine([|ai[1..]|]);
            }
        }
        """);

    [Fact]
    public Task String_methods_on_user_text_and_scalars_are_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine(user.ToUpper().Trim().PadLeft(3));
                Console.WriteLine(user.Split(',')[0]);
                Console.WriteLine(ai.IndexOf("x"));
                Console.WriteLine(ai.Split(',').Length);
                Console.WriteLine(ai.IsNormalized());
                Console.WriteLine(ai.AsSpan().Length);
                Console.WriteLine(ai.CompareTo(user));
            }
        }
        """);

    // ================================================================ conditional and null-coalescing

    [Fact]
    public Task Conditional_and_coalescing_report() => Verify("""
        class App
        {
            async Task Run(IChatClient client, bool flag, string user)
            {
                var response = await client.GetResponseAsync("hi");
                var ai = response.Text;
                Console.WriteLine([|response?.Text ?? "none"|]);
                string? maybe = flag ? ai : null;
                Console.WriteLine([|maybe ?? user|]);
                string? cached = null;
                cached ??= ai;
                Console.WriteLine([|cached|]);
            }
        }
        """);

    [Fact]
    public Task Conditional_and_coalescing_without_content_are_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, bool flag, string? user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine(flag ? user : "x");
                Console.WriteLine(user ?? "default");
                var lengthOrZero = ai?.Length ?? 0;
                Console.WriteLine(lengthOrZero);
                Console.WriteLine(flag ? Svc.Label(ai!) : user);
                string? cached = user;
                cached ??= "fallback";
                Console.WriteLine(cached);
            }
        }
        """);

    // ================================================================ switch

    [Fact]
    public Task Switch_expression_and_statement_report() => Verify("""
        class App
        {
            async Task Run(IChatClient client, int kind, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var s = kind switch { 1 => ai, 2 => user, _ => "" };
                Console.WriteLine([|s|]);
                string s2;
                switch (kind)
                {
                    case 1: s2 = ai; break;
                    default: s2 = "x"; break;
                }

                Console.WriteLine([|s2|]);
                var echoed = ai switch { { Length: > 3 } t => t, _ => "" };
                Console.WriteLine([|echoed|]);
            }
        }
        """);

    [Fact]
    public Task Switch_on_content_choosing_constants_is_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, int kind)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var msg = ai switch { "yes" => "Approved", "no" => "Denied", _ => "Unknown" };
                Console.WriteLine(msg);
                string m;
                switch (ai.Length)
                {
                    case > 100: m = "long"; break;
                    default: m = "short"; break;
                }

                Console.WriteLine(m);
                string s3 = ai;
                switch (kind)
                {
                    case 1: s3 = "one"; break;
                    default: s3 = "other"; break;
                }

                Console.WriteLine(s3);
            }
        }
        """);

    // ================================================================ streams, await foreach, yield return

    [Fact]
    public Task Iterator_helpers_whose_yields_are_content_report() => Verify("""
        class App
        {
            static async IAsyncEnumerable<string> Chunks(IChatClient c)
            {
                await foreach (var u in c.GetStreamingResponseAsync("q")) { yield return u.Text; }
            }

            static IEnumerable<string> Lines(ChatResponse r)
            {
                foreach (var m in r.Messages) { yield return m.Text; }
            }

            async Task Run(IChatClient client)
            {
                await foreach (var chunk in Chunks(client)) { Console.Write([|chunk|]); }
                await foreach (var chunk in Chunks(client).ConfigureAwait(false)) { Console.Write([|chunk.Trim()|]); }
                var response = await client.GetResponseAsync("hi");
                foreach (var line in Lines(response)) { Console.WriteLine([|line|]); }
                await foreach (var u in client.GetStreamingResponseAsync("q")) { Console.Write([|u|]); }
            }
        }
        """);

    [Fact]
    public Task Iterator_helpers_yielding_metadata_or_constants_and_labeled_streams_are_clean() => Verify("""
        class App
        {
            static async IAsyncEnumerable<string> Ids(IChatClient c)
            {
                await foreach (var u in c.GetStreamingResponseAsync("q")) { yield return u.MessageId ?? ""; }
            }

            static async IAsyncEnumerable<string> Chunks(IChatClient c)
            {
                await foreach (var u in c.GetStreamingResponseAsync("q")) { yield return u.Text; }
            }

            static IEnumerable<string> Steps() { yield return "a"; yield return "b"; }

            async Task Run(IChatClient client)
            {
                await foreach (var id in Ids(client)) { Console.Write(id); }
                foreach (var step in Steps()) { Console.WriteLine(step); }
                await foreach (var chunk in Svc.Label(Chunks(client))) { Console.Write(chunk); }
                var labeled = Svc.Label(Chunks(client));
                await foreach (var chunk in labeled) { Console.Write(chunk); }
                await foreach (var u in client.GetStreamingResponseAsync("q")) { Console.Write(u.Role); Console.Write(u.Text.Length); }
            }
        }
        """);

    // ================================================================ LINQ

    [Fact]
    public Task Linq_operators_carry_content() => Verify("""
        class App
        {
            async Task Run(IChatClient client, List<string> users)
            {
                var response = await client.GetResponseAsync("hi");
                var ais = new List<string> { response.Text };
                Console.WriteLine([|ais.Where(a => a.Length > 0).First()|]);
                object[] mixed = { response.Text, 42 };
                Console.WriteLine([|mixed.OfType<string>().First()|]);
                Console.WriteLine([|response.Messages.Select(m => m.Text).Aggregate((a, b) => a + "\n" + b)|]);
                var byHash = ais.ToDictionary(a => a.GetHashCode(), a => a);
                Console.WriteLine([|byHash[0]|]);
                foreach (var g in ais.GroupBy(a => a.Length)) { Console.WriteLine([|string.Join(",", g)|]); }
                Console.WriteLine([|string.Join(",", users.Concat(ais))|]);
                Console.WriteLine([|users.Select(u => u + response.Text).First()|]);
                Console.WriteLine([|ais.FirstOrDefault() ?? ""|]);
            }
        }
        """);

    [Fact]
    public Task Linq_over_user_lists_stays_clean_next_to_content_lists() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var response = await client.GetResponseAsync("hi");
                var users = new List<string> { user };
                var ais = new List<string> { response.Text };
                Console.WriteLine(string.Join(",", users.Select(u => u.ToUpper())));
                Console.WriteLine(users.Where(u => ais.Contains(u)).FirstOrDefault());
                Console.WriteLine(users.Where(u => u.Contains(response.Text)).First());
                Console.WriteLine(ais.Count(a => a.Length > 3));
                Console.WriteLine(string.Join(",", users.OfType<string>()));
                Console.WriteLine(users.Aggregate((a, b) => a + b));
                Console.WriteLine(ais.Aggregate(0, (n, a) => n + a.Length));
                Console.WriteLine(string.Join(",", ais.Select(a => a.Length)));
                Console.WriteLine(ais.Any(a => a.Contains("x")));
                foreach (var g in response.Messages.GroupBy(m => m.Role)) { Console.WriteLine(g.Key); }
            }
        }
        """);

    [Fact]
    public Task Linq_ToDictionary_keys_from_metadata_are_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                var byRole = response.Messages.ToDictionary(m => m.Role.Value, m => m.Text);
                Console.WriteLine([|byRole["assistant"]|]);
                Console.WriteLine(string.Join(",", byRole.Keys));
            }
        }
        """);

    // A dictionary built here keeps its keys apart from its values: `.Keys` carries what was used as keys (the user's
    // names, or words of an answer counted), an entry what was stored. One built elsewhere (a parameter, one parsed
    // from an answer) may already hold any keys: what it carried as a whole, plus the keys added here.
    [Fact]
    public Task Dictionary_keys_are_kept_apart_from_values() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user, Dictionary<string, string> given)
            {
                var response = await client.GetResponseAsync("hi");

                var answers = new Dictionary<string, string>();
                answers.Add(user, response.Text);
                answers["second"] = response.Text;
                Console.WriteLine(string.Join(",", answers.Keys));
                Console.WriteLine([|answers[user]|]);
                Console.WriteLine([|string.Join(",", answers.Values)|]);

                var counts = new Dictionary<string, int>();
                foreach (var word in response.Text.Split(' '))
                {
                    counts[word] = counts.TryGetValue(word, out var n) ? n + 1 : 1;
                }

                Console.WriteLine([|string.Join(",", counts.Keys)|]);

                var init = new Dictionary<string, string> { ["k"] = response.Text };
                var pairs = new Dictionary<string, string> { { "j", response.Text } };
                Console.WriteLine(string.Join(",", init.Keys) + string.Join(",", pairs.Keys));
                Console.WriteLine([|init["k"]|]);
                Console.WriteLine([|pairs["j"]|]);

                var byText = response.Messages.ToDictionary(m => m.Text, m => m.Role.Value);
                Console.WriteLine([|string.Join(",", byText.Keys)|]);
                Console.WriteLine(byText[user]);

                given[user] = response.Text;
                Console.WriteLine(string.Join(",", given.Keys));
                Console.WriteLine([|given[user]|]);

                var parsed = JsonSerializer.Deserialize<Dictionary<string, string>>(response.Text)!;
                parsed["seen"] = "yes";
                Console.WriteLine([|string.Join(",", parsed.Keys)|]);
            }
        }
        """);

    // ================================================================ collections

    [Fact]
    public Task Collections_store_content() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var a = new List<string>();
                a.AddRange(new[] { ai });
                Console.WriteLine([|a[0]|]);
                var b = new List<string> { "x" };
                b.Insert(0, ai);
                Console.WriteLine([|b.First()|]);
                var c = new List<string> { "x" };
                c[0] = ai;
                Console.WriteLine([|c[0]|]);
                var d = new List<string>(new[] { ai });
                Console.WriteLine([|d[0]|]);
                var dict = new Dictionary<string, string>();
                dict.Add("k", ai);
                Console.WriteLine([|dict["k"]|]);
                Console.WriteLine([|dict.Values.First()|]);
                var init = new Dictionary<string, string> { ["k"] = ai };
                Console.WriteLine([|init["k"]|]);
                var init2 = new Dictionary<string, string> { { "k", ai } };
                Console.WriteLine([|init2["k"]|]);
                var queue = new Queue<string>();
                queue.Enqueue(ai);
                Console.WriteLine([|queue.Dequeue()|]);
                var stack = new Stack<string>();
                stack.Push(ai);
                Console.WriteLine([|stack.Peek()|]);
                var set = new HashSet<string>();
                set.Add(ai);
                Console.WriteLine([|set.First()|]);
                var cd = new ConcurrentDictionary<string, string>();
                cd.TryAdd("k", ai);
                Console.WriteLine([|cd["k"]|]);
                var cd2 = new ConcurrentDictionary<string, string>();
                cd2["k"] = ai;
                Console.WriteLine([|cd2["k"]|]);
                var cd3 = new ConcurrentDictionary<string, string>();
                cd3.AddOrUpdate("k", ai, (_, _) => ai);
                Console.WriteLine([|cd3["k"]|]);
                var arr = new string[2];
                arr[0] = ai;
                Console.WriteLine([|arr[0]|]);
                List<string> expr = [ai];
                Console.WriteLine([|expr[0]|]);
                string[] users = ["u"];
                string[] spread = [.. users, .. expr];
                Console.WriteLine([|spread[1]|]);
            }
        }
        """);

    [Fact]
    public Task Collections_GetOrAdd_stores_content() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var cache = new ConcurrentDictionary<string, string>();
                cache.GetOrAdd("k", ai);
                Console.WriteLine([|cache["k"]|]);
            }
        }
        """);

    [Fact]
    public Task Collections_of_user_text_stay_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var ais = new List<string> { ai };
                var users = new List<string>();
                users.Add(user);
                users.AddRange(new[] { "a" });
                users.Insert(0, "b");
                users[0] = user;
                Console.WriteLine(string.Join(",", users));
                var dict = new Dictionary<string, string> { ["k"] = user };
                var dict2 = new Dictionary<string, string> { { "j", user } };
                Console.WriteLine(dict2["j"]);
                dict.Add("m", user);
                Console.WriteLine(dict["k"]);
                var queue = new Queue<string>();
                queue.Enqueue(user);
                Console.WriteLine(queue.Dequeue());
                var stack = new Stack<string>();
                stack.Push(user);
                Console.WriteLine(stack.Pop());
                var set = new HashSet<string> { user };
                Console.WriteLine(set.First());
                var cd = new ConcurrentDictionary<string, string>();
                cd.TryAdd("k", user);
                cd.GetOrAdd("j", "v");
                Console.WriteLine(cd["k"]);
                var arr = new string[1];
                arr[0] = user;
                Console.WriteLine(arr[0]);
                string[] spread = [.. users, "x"];
                Console.WriteLine(spread[0]);
                Console.WriteLine(ais.Count);
                var list = new List<string> { ai };
                list = new List<string> { user };
                Console.WriteLine(list[0]);
            }
        }
        """);

    // ================================================================ object creation and initializers

    [Fact]
    public Task Nested_objects_carry_content_per_member() => Verify("""
        public class Inner { public string Text { get; set; } = ""; public string Title { get; set; } = ""; }
        public class Outer { public Inner Inner { get; set; } = new Inner(); public string Name { get; set; } = ""; }
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var outer = new Outer { Name = user, Inner = new Inner { Text = ai, Title = user } };
                Console.WriteLine([|outer.Inner.Text|]);
                Console.WriteLine([|outer.Inner|]);
                Console.WriteLine([|outer|]);
                Console.WriteLine(outer.Inner.Title);
                Console.WriteLine(outer.Name);
            }
        }
        """);

    [Fact]
    public Task Nested_member_assignment_through_a_chain_reports() => Verify("""
        public class Inner { public string Text { get; set; } = ""; }
        public class Outer { public Inner Inner { get; set; } = new Inner(); }
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var outer = new Outer { Inner = new Inner() };
                outer.Inner.Text = ai;
                Console.WriteLine([|outer.Inner.Text|]);
            }
        }
        """);

    [Fact]
    public Task Nested_objects_of_user_text_are_clean() => Verify("""
        public class Inner { public string Text { get; set; } = ""; public string Title { get; set; } = ""; }
        public class Outer { public Inner Inner { get; set; } = new Inner(); public string Name { get; set; } = ""; }
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var outer = new Outer { Name = user, Inner = new Inner { Text = user, Title = "t" } };
                Console.WriteLine(outer);
                Console.WriteLine(outer.Inner.Text);
                var counted = new Outer { Name = ai.Length.ToString(), Inner = new Inner { Text = user } };
                Console.WriteLine(counted.Name);
                Console.WriteLine(counted);
            }
        }
        """);

    [Fact]
    public Task Three_level_nesting_keeps_sibling_members_clean() => Verify("""
        public class C { public string Text { get; set; } = ""; public string Title { get; set; } = ""; }
        public class B { public C C { get; set; } = new C(); }
        public class A { public B B { get; set; } = new B(); }
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var a = new A { B = new B { C = new C { Text = ai, Title = user } } };
                Console.WriteLine([|a.B.C.Text|]);
                Console.WriteLine(a.B.C.Title);
            }
        }
        """);

    // ================================================================ records and `with`

    [Fact]
    public Task Record_with_expression_setting_content_reports() => Verify("""
        public record Reply(string Text, string User);
        public record Card { public string Body { get; init; } = ""; public string Owner { get; init; } = ""; }
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var r = new Reply("x", user) with { Text = ai };
                Console.WriteLine([|r.Text|]);
                Console.WriteLine([|r|]);
                var card = new Card { Owner = user } with { Body = ai };
                Console.WriteLine([|card.Body|]);
                var kept = new Reply(ai, user) with { User = "someone" };
                Console.WriteLine([|kept.Text|]);
            }
        }
        """);

    [Fact]
    public Task Record_with_expression_overwriting_content_is_clean() => Verify("""
        public record Reply(string Text, string User);
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var r = new Reply(ai, user);
                Console.WriteLine(r.User);
                var fixedReply = r with { Text = "fixed" };
                Console.WriteLine(fixedReply.Text);
                Console.WriteLine(fixedReply.User);
                Console.WriteLine(fixedReply);
                var r2 = new Reply("x", user) with { Text = ai };
                Console.WriteLine(r2.User);
            }
        }
        """);

    // ================================================================ out variables

    [Fact]
    public Task Out_variables_carry_content() => Verify("""
        static class Parse
        {
            public static bool TrySplit(string s, out string head, out string tail)
            {
                var i = s.IndexOf(':');
                head = i < 0 ? s : s.Substring(0, i);
                tail = i < 0 ? "" : s.Substring(i + 1);
                return i >= 0;
            }
        }
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Parse.TrySplit(ai, out var head, out var tail);
                Console.WriteLine([|head|]);
                Console.WriteLine([|tail|]);
                var queue = new Queue<string>();
                queue.Enqueue(ai);
                if (queue.TryDequeue(out var next)) { Console.WriteLine([|next|]); }
                string declared;
                Parse.TrySplit(ai, out declared, out _);
                Console.WriteLine([|declared|]);
            }
        }
        """);

    [Fact]
    public Task Out_variables_without_content_are_clean() => Verify("""
        static class Helpers
        {
            public static bool TryGetGreeting(out string greeting) { greeting = "hello"; return true; }
            public static void Describe(ChatResponse r, out string model) { model = r.ModelId ?? ""; }
        }
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var response = await client.GetResponseAsync("hi");
                var ai = response.Text;
                if (int.TryParse(ai, out var n)) { Console.WriteLine(n); }
                if (Helpers.TryGetGreeting(out var g)) { Console.WriteLine(g); }
                Helpers.Describe(response, out var model);
                Console.WriteLine(model);
                var users = new Dictionary<string, string> { ["k"] = user };
                if (users.TryGetValue("k", out var found)) { Console.WriteLine(found); }
            }
        }
        """);

    // ================================================================ JSON

    [Fact]
    public Task Json_parsing_of_content_reports() => Verify("""
        public class Parsed { public string? Summary { get; set; } }
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                using var doc = JsonDocument.Parse(ai);
                foreach (var item in doc.RootElement.EnumerateArray()) { Console.WriteLine([|item.GetString()|]); }
                Console.WriteLine([|doc.RootElement.ToString()|]);
                var node = JsonNode.Parse(ai);
                Console.WriteLine([|node!["answer"]!.GetValue<string>()|]);
                Console.WriteLine([|node["answer"]?.ToString()|]);
                Console.WriteLine([|JsonSerializer.Deserialize<Parsed>(ai)!.Summary|]);
                var map = JsonSerializer.Deserialize<Dictionary<string, string>>(ai)!;
                Console.WriteLine([|map["a"]|]);
                var arr = JsonSerializer.Deserialize<string[]>(ai)!;
                Console.WriteLine([|arr[0]|]);
            }
        }
        """);

    [Fact]
    public Task Json_of_user_text_and_scalars_of_content_are_clean() => Verify("""
        public class Parsed { public string? Summary { get; set; } }
        public record Forecast(string Summary, int Degrees);
        class App
        {
            async Task Run(IChatClient client, string userJson)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                using var userDoc = JsonDocument.Parse(userJson);
                Console.WriteLine(userDoc.RootElement.GetProperty("a").GetString());
                Console.WriteLine(JsonNode.Parse(userJson)?["a"]?.ToString());
                Console.WriteLine(JsonSerializer.Deserialize<Parsed>(userJson)?.Summary);
                using var doc = JsonDocument.Parse(ai);
                Console.WriteLine(doc.RootElement.GetProperty("n").GetInt32());
                Console.WriteLine(doc.RootElement.ValueKind);
                Console.WriteLine(JsonSerializer.Deserialize<Forecast>(ai)!.Degrees);
                Console.WriteLine(JsonSerializer.Serialize(new { n = ai.Length }));
            }
        }
        """);

    // ================================================================ lambdas

    // A service that streams into a callback its caller passes (`StreamAsync(q, chunk => …)`): the callback runs with
    // what the service passes it, through `?.Invoke`, a local lambda, a method group and a service that passes the
    // callback on; what the service labels first, or passes as a number, is clean.
    [Fact]
    public Task A_callback_parameter_runs_with_the_content_the_method_passes_it() => Verify("""
        class ChatService
        {
            private readonly IChatClient _client;
            public ChatService(IChatClient client) => _client = client;

            public async Task StreamAsync(string question, Func<string, Task> onChunk)
            {
                await foreach (var update in _client.GetStreamingResponseAsync(question))
                {
                    await onChunk(update.Text);
                }
            }

            public async Task AskAsync(string question, Action<string>? onAnswer, Action<int> onLength)
            {
                var text = (await _client.GetResponseAsync(question)).Text;
                onAnswer?.Invoke(text);
                onLength(text.Length);
            }

            public Task RelayAsync(string question, Func<string, Task> sink) => StreamAsync(question, sink);

            public async Task LabeledAsync(string question, Action<string> onAnswer) => onAnswer(Svc.Label((await _client.GetResponseAsync(question)).Text));
        }

        class Page
        {
            static void Show(string text) => Console.WriteLine(text);

            async Task Run(ChatService chat)
            {
                await chat.StreamAsync("q", chunk => { Console.Write([|chunk|]); return Task.CompletedTask; });
                await chat.AskAsync("q", answer => Console.WriteLine([|answer|]), n => Console.WriteLine(n));
                await chat.RelayAsync("q", c => { Console.Write([|c|]); return Task.CompletedTask; });
                await chat.LabeledAsync("q", a => Console.WriteLine(a));
                Action<string> print = s => Console.WriteLine([|s|]);
                await chat.AskAsync("q", print, _ => { });
                await chat.AskAsync("q", [|Show|], _ => { });
            }
        }
        """);


    [Fact]
    public Task Lambdas_returning_or_passing_content_report() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Func<string, string> wrap = s => "> " + s;
                Console.WriteLine([|wrap(ai)|]);
                Func<string> get = () => ai.Trim();
                Console.WriteLine([|get()|]);
                Console.WriteLine([|await Task.Run(() => ai)|]);
                Console.WriteLine([|await Task.Run(async () => (await client.GetResponseAsync("q")).Text)|]);
                Func<Task<string>> ask = async () => (await client.GetResponseAsync("q")).Text;
                Console.WriteLine([|await ask()|]);
            }
        }
        """);

    [Fact]
    public Task Lambda_passed_to_a_helper_returns_content() => Verify("""
        static class Helpers
        {
            public static string Apply(Func<string> f) => f();
        }
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine([|Helpers.Apply(() => ai)|]);
            }
        }
        """);

    [Fact]
    public Task Lambda_parameter_reaching_a_sink_reports() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Action<string> show = s => Console.WriteLine([|s|]);
                show(ai);
            }
        }
        """);

    [Fact]
    public Task Closure_sees_content_assigned_after_the_lambda_was_created() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var text = "placeholder";
                Func<string> current = () => text;
                text = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine([|current()|]);
            }
        }
        """);

    [Fact]
    public Task Closure_over_a_variable_overwritten_after_creation_is_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var text = (await client.GetResponseAsync("hi")).Text;
                Func<string> current = () => text;
                text = "replaced";
                Console.WriteLine(current());
            }
        }
        """);

    [Fact]
    public Task Lambdas_over_user_text_and_scalars_are_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Func<string, string> wrap = s => "> " + s;
                Console.WriteLine(wrap(user));
                Func<string> f = () => user;
                Console.WriteLine(f());
                Console.WriteLine(await Task.Run(() => user.Trim()));
                Console.WriteLine(await Task.Run(() => ai.Length));
                Func<int> len = () => ai.Length;
                Console.WriteLine(len());
                var s2 = ai;
                s2 = "x";
                Func<string> g = () => s2;
                Console.WriteLine(g());
                Action<string> show = s => Console.WriteLine(s);
                show(user);
            }
        }
        """);

    // ================================================================ local functions

    [Fact]
    public Task Local_functions_returning_content_report() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine([|await AskAsync(client)|]);
                Console.WriteLine([|Captured()|]);
                Console.WriteLine([|Rec(3)|]);

                static async Task<string> AskAsync(IChatClient c) => (await c.GetResponseAsync("q")).Text;
                string Captured() => ai + "!";
                string Rec(int n) => n == 0 ? ai : Rec(n - 1);
            }
        }
        """);

    [Fact]
    public Task Local_function_used_as_a_method_group_returns_content() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Func<string> f = Local;
                Console.WriteLine([|f()|]);

                string Local() => ai;
            }
        }
        """);

    [Fact]
    public Task Local_functions_over_user_text_are_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine(Greeting());
                Console.WriteLine(Rec(3));
                Console.WriteLine(Echo(user));
                Console.WriteLine(Count(ai));
                Print(user);

                string Greeting() => "hello " + user;
                string Rec(int n) => n == 0 ? user : Rec(n - 1);
                static string Echo(string s) => s.Trim();
                static int Count(string s) => s.Length;
                void Print(string s) => Console.WriteLine(s);
            }
        }
        """);

    // ================================================================ calls between methods of the compilation

    [Fact]
    public Task Helpers_static_and_instance_returning_content_report() => Verify("""
        class Bot
        {
            private readonly IChatClient _client;
            public Bot(IChatClient client) => _client = client;
            public async Task<string> AskAsync(string q) => (await _client.GetResponseAsync(q)).Text;
            public static async Task<string> AskStaticAsync(IChatClient c, string q) => (await c.GetResponseAsync(q)).Text;
            public static string Decorate(string s) => "Note: " + s;
        }
        class App
        {
            async Task Run(Bot bot, IChatClient client)
            {
                Console.WriteLine([|await bot.AskAsync("q")|]);
                Console.WriteLine([|await Bot.AskStaticAsync(client, "q")|]);
                Console.WriteLine([|Bot.Decorate(await bot.AskAsync("q"))|]);
            }
        }
        """);

    [Fact]
    public Task Helpers_returning_constants_or_labeled_text_are_clean() => Verify("""
        class Bot
        {
            private readonly IChatClient _client;
            public Bot(IChatClient client) => _client = client;
            public async Task<string> GreetAsync() { await _client.GetResponseAsync("warmup"); return "hello"; }
            public static async Task<string> ModelAsync(IChatClient c) => (await c.GetResponseAsync("q")).ModelId ?? "";
            public async Task<string> LabeledAsync(string q) => Svc.Label((await _client.GetResponseAsync(q)).Text);
            public static string MyLabel(string s) => "内容由人工智能生成 " + s;
        }
        class App
        {
            async Task Run(Bot bot, IChatClient client)
            {
                Console.WriteLine(await bot.GreetAsync());
                Console.WriteLine(await Bot.ModelAsync(client));
                Console.WriteLine(await bot.LabeledAsync("q"));
                Console.WriteLine(Bot.MyLabel((await client.GetResponseAsync("q")).Text));
            }
        }
        """);

    [Fact]
    public async Task Helper_parameter_sinks_report_at_the_caller_argument_only()
    {
        var diagnostics = await Verify("""
            static class Output
            {
                public static void Show(string text) => Console.WriteLine(text);
                public static void ShowLabeled(string text) => Console.WriteLine(Svc.Label(text));
                public static void Ignore(string text) { var n = text.Length; Console.WriteLine(n); }
            }
            class App
            {
                async Task Run(IChatClient client, string user)
                {
                    var ai = (await client.GetResponseAsync("hi")).Text;
                    Output.Show([|ai|]);
                    Output.Show(user);
                    Output.ShowLabeled(ai);
                    Output.Ignore(ai);
                }
            }
            """);
        var d = Assert.Single(diagnostics);
        Assert.Contains("via 'Output.Show'", d.GetMessage());
    }

    [Fact]
    public Task Helper_chains_several_calls_deep_report() => Verify("""
        class Chain
        {
            private readonly IChatClient _c;
            public Chain(IChatClient c) => _c = c;
            public async Task<string> L1() => await L2();
            async Task<string> L2() => (await L3()).Trim();
            async Task<string> L3() => await L4() + "";
            async Task<string> L4() => (await _c.GetResponseAsync("q")).Text;

            public static void S1(string s) => S2(s + "!");
            static void S2(string s) => S3(s.Trim());
            static void S3(string s) => S4($"[{s}]");
            static void S4(string s) => Console.WriteLine(s);
        }
        class App
        {
            async Task Run(Chain chain, IChatClient client, string user)
            {
                Console.WriteLine([|await chain.L1()|]);
                Chain.S1([|(await client.GetResponseAsync("q")).Text|]);
                Chain.S1(user);
            }
        }
        """);

    [Fact]
    public Task Helper_chain_eight_calls_deep_reports() => Verify("""
        class Chain
        {
            private readonly IChatClient _c;
            public Chain(IChatClient c) => _c = c;
            public async Task<string> L1() => await L2();
            async Task<string> L2() => await L3();
            async Task<string> L3() => await L4();
            async Task<string> L4() => await L5();
            async Task<string> L5() => await L6();
            async Task<string> L6() => await L7();
            async Task<string> L7() => await L8();
            async Task<string> L8() => (await _c.GetResponseAsync("q")).Text;
        }
        class App
        {
            async Task Run(Chain chain)
            {
                Console.WriteLine([|await chain.L1()|]);
            }
        }
        """);

    [Fact]
    public Task Extension_and_generic_helpers_carry_content() => Verify("""
        static class Ext
        {
            public static string Shout(this string s) => s.ToUpperInvariant() + "!";
            public static T Identity<T>(T x) => x;
            public static T FirstOf<T>(List<T> items) => items[0];
            public static async Task<string> AskAsync(this IChatClient c) => (await c.GetResponseAsync("q")).Text;
        }
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine([|ai.Shout()|]);
                Console.WriteLine([|Ext.Identity(ai)|]);
                Console.WriteLine([|Ext.FirstOf(new List<string> { ai })|]);
                Console.WriteLine([|await client.AskAsync()|]);
            }
        }
        """);

    [Fact]
    public Task Extension_and_generic_helpers_over_user_text_are_clean() => Verify("""
        static class Ext
        {
            public static string Shout(this string s) => s.ToUpperInvariant() + "!";
            public static T Identity<T>(T x) => x;
            public static async Task<string?> ModelAsync(this IChatClient c) => (await c.GetResponseAsync("q")).ModelId;
        }
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine(user.Shout());
                Console.WriteLine(Ext.Identity(user));
                Console.WriteLine(Ext.Identity(ai.Length));
                Console.WriteLine(await client.ModelAsync());
            }
        }
        """);

    [Fact]
    public Task Virtual_helper_overridden_with_content_reports_through_base_reference() => Verify("""
        class Answerer
        {
            public virtual Task<string> AnswerAsync(IChatClient c, string q) => Task.FromResult("canned: " + q);
        }
        class AiAnswerer : Answerer
        {
            public override async Task<string> AnswerAsync(IChatClient c, string q) => (await c.GetResponseAsync(q)).Text;
        }
        class App
        {
            async Task Run(Answerer answerer, AiAnswerer direct, IChatClient client)
            {
                Console.WriteLine([|await answerer.AnswerAsync(client, "q")|]);
                Console.WriteLine([|await direct.AnswerAsync(client, "q")|]);
            }
        }
        """);

    [Fact]
    public Task Virtual_helper_whose_overrides_return_no_content_is_clean() => Verify("""
        class Answerer
        {
            public virtual Task<string> AnswerAsync(IChatClient c, string q) => Task.FromResult("canned: " + q);
        }
        class Polite : Answerer
        {
            public override async Task<string> AnswerAsync(IChatClient c, string q) { await c.GetResponseAsync(q); return "thanks"; }
        }
        class App
        {
            async Task Run(Answerer answerer, IChatClient client)
            {
                Console.WriteLine(await answerer.AnswerAsync(client, "q"));
            }
        }
        """);

    [Fact]
    public Task Interface_dispatched_helper_implemented_with_content_reports() => Verify("""
        interface IAnswerer { Task<string> AnswerAsync(string q); }
        class AiAnswerer : IAnswerer
        {
            private readonly IChatClient _c;
            public AiAnswerer(IChatClient c) => _c = c;
            public async Task<string> AnswerAsync(string q) => (await _c.GetResponseAsync(q)).Text;
        }
        class App
        {
            async Task Run(IAnswerer answerer)
            {
                Console.WriteLine([|await answerer.AnswerAsync("q")|]);
            }
        }
        """);

    [Fact]
    public Task Interface_dispatched_helper_without_content_implementations_is_clean() => Verify("""
        interface IAnswerer { Task<string> AnswerAsync(string q); }
        class Canned : IAnswerer
        {
            public Task<string> AnswerAsync(string q) => Task.FromResult("canned");
        }
        class App
        {
            async Task Run(IAnswerer answerer, IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine(ai.Length);
                Console.WriteLine(await answerer.AnswerAsync("q"));
            }
        }
        """);

    // ================================================================ fields and properties across methods

    [Fact]
    public Task Fields_and_properties_written_elsewhere_report() => Verify("""
        class ChatPage
        {
            private readonly IChatClient _client;
            private string _answer = "";
            private string _backing = "";
            public string Backed { get => _backing; set => _backing = value; }
            public static string LastGlobal { get; set; } = "";
            public string Answer { get; private set; } = "";

            public ChatPage(IChatClient client) => _client = client;

            public async Task AskAsync(string q)
            {
                var text = (await _client.GetResponseAsync(q)).Text;
                this._answer = text;
                Backed = text;
                LastGlobal = text;
                Answer = text;
            }

            public void Render()
            {
                Console.WriteLine([|this._answer|]);
                Console.WriteLine([|Backed|]);
                Console.WriteLine([|LastGlobal|]);
                Console.WriteLine([|Answer|]);
            }
        }
        """);

    [Fact]
    public Task Fields_only_ever_assigned_user_text_are_clean() => Verify("""
        class ChatPage
        {
            private readonly IChatClient _client;
            private string _answer = "";
            private string _greeting = "";
            private static string s_title = "";
            public string Status { get; set; } = "";

            public ChatPage(IChatClient client) => _client = client;

            public async Task AskAsync(string q)
            {
                _greeting = q;
                s_title = "Chat";
                Status = "asked " + q.Length;
                _answer = (await _client.GetResponseAsync(q)).Text;
            }

            public void Reset() { _greeting = "hi"; }

            public void Render()
            {
                Console.WriteLine(_greeting);
                Console.WriteLine(s_title);
                Console.WriteLine(Status);
                Console.WriteLine(Svc.Label(_answer));
            }
        }
        """);

    [Fact]
    public Task Field_overwritten_with_user_text_before_the_method_returns_is_clean() => Verify("""
        class ChatPage
        {
            private readonly IChatClient _client;
            private string _draft = "";

            public ChatPage(IChatClient client) => _client = client;

            public async Task AskAsync(string q)
            {
                _draft = (await _client.GetResponseAsync(q)).Text;
                Console.WriteLine(_draft.Length);
                _draft = "";
            }

            public void Render() => Console.WriteLine(_draft);
        }
        """);

    [Fact]
    public Task Property_written_with_content_read_from_another_type_reports() => Verify("""
        class ChatPage
        {
            private readonly IChatClient _client;
            public ChatPage(IChatClient client) => _client = client;
            public string LastAnswer { get; private set; } = "";
            public async Task AskAsync(string q) => LastAnswer = (await _client.GetResponseAsync(q)).Text;
        }
        class View
        {
            public void Show(ChatPage page) => Console.WriteLine([|page.LastAnswer|]);
        }
        """);

    // Found in a public app (mehdihadeli/genai-eshop-semantic-kernel, SemanticSearch): an explanation written into a
    // property with a fallback (`result.Message = answer ?? string.Empty`), in a generic result type the caller reads as a
    // constructed type (`Res<TEntity>` written, `Res<int>` read).
    [Fact]
    public Task Property_written_with_a_fallback_and_generic_results_read_as_constructed_types() => Verify("""
        class Res<T> { public string Msg { get; set; } = ""; public string Title { get; set; } = ""; }
        class Plain { public string Msg { get; set; } = ""; }

        class Search
        {
            public async Task<Res<T>> SearchAsync<T>(IChatClient client, string term)
            {
                var result = new Res<T> { Msg = "none", Title = term };
                var reply = await client.GetResponseAsync(term);
                result.Msg = reply.Text ?? string.Empty;
                return result;
            }

            public async Task Local(IChatClient client, bool flag)
            {
                var reply = await client.GetResponseAsync("q");
                var o = new Plain();
                o.Msg = reply.Text ?? string.Empty;
                Console.WriteLine([|o.Msg|]);
                var p = new Plain();
                p.Msg = flag ? reply.Text : "none";
                Console.WriteLine([|p.Msg|]);
                var q = new Plain();
                q.Msg = reply?.Text ?? "";
                Console.WriteLine([|q.Msg|]);
            }
        }

        class Endpoint
        {
            async Task Handle(Search search, IChatClient client)
            {
                var found = await search.SearchAsync<int>(client, "q");
                Console.WriteLine([|found.Msg|]);
                Console.WriteLine(found.Title);
            }
        }
        """);

    // Closures run later: a callback or labeler held in a field, property or event, assigned in one method (or by another
    // type) and called with content in another. The lambda or method assigned runs with what the call passes: a sink in it
    // reports at the call's argument; a member that only ever holds labelers labels. A callback that does nothing with its
    // text, and a member assigned something unknown besides a labeler, are not labels.
    [Fact]
    public Task Delegates_held_in_fields_properties_and_events_run_with_the_content_they_are_called_with() => Verify("""
        class Streamer
        {
            private readonly Action<string> _onToken;
            private readonly Action<string> _ignore = t => { };
            private readonly Func<string, string> _label = Svc.Label;
            private Func<string, string> _labelLambda = t => Svc.Label(t);
            private Func<string, string> _maybe = Svc.Label;
            public event EventHandler<string>? Answered;
            public Action<string>? OnDone { get; set; }

            public Streamer(Func<string, string> other)
            {
                _onToken = t => Console.Write(t);
                _maybe = other;
            }

            public async Task RunAsync(IChatClient client)
            {
                await foreach (var update in client.GetStreamingResponseAsync("q"))
                {
                    _onToken([|update.Text|]);
                    _onToken(_label(update.Text));
                    Console.Write(_labelLambda(update.Text));
                    Console.Write([|_maybe(update.Text)|]);
                    _ignore(update.Text);
                }

                var answer = (await client.GetResponseAsync("q")).Text;
                Answered?.Invoke(this, [|answer|]);
                OnDone?.Invoke([|answer|]);
                OnDone?.Invoke(Svc.Label(answer));
            }
        }

        class Page
        {
            void Wire(Streamer streamer)
            {
                streamer.Answered += (_, text) => Console.WriteLine(text);
                streamer.OnDone = Show;
            }

            void Show(string text) => Console.WriteLine(text);
        }
        """);

    // Seen 13 times in microsoft/Generative-AI-for-beginners-dotnet (StreamConsoleHelper): a static helper keeps what
    // its callers pass in a buffer field and prints it from another of its methods. The type's field sinks (which of its
    // buffer fields its methods print) make the method that fills the buffer a helper whose parameter reaches that sink:
    // reported at the caller's argument, also from inside the type for a static field (Ticker). A buffer of labeled text,
    // or one the type only counts, is clean. An instance field filled on `this` from inside its type is reported once, where
    // it is printed (RealAppShapeTests.A_helper_that_stores_its_argument_in_a_field).
    [Fact]
    public Task Static_helper_field_filled_by_callers_and_printed_later() => Verify("""
        static class Printer
        {
            private static readonly StringBuilder _pending = new();

            public static void Accumulate(string text)
            {
                _pending.Append(text);
                if (text.EndsWith('.')) { Flush(); }
            }

            public static void Flush()
            {
                Console.WriteLine(_pending.ToString());
                _pending.Clear();
            }
        }

        static class Ticker
        {
            private static readonly StringBuilder _buffer = new();
            private static void Add(string text) => _buffer.Append(text);
            private static void Show() => Console.WriteLine(_buffer.ToString());
            public static async Task RunAsync(IChatClient client) { Add([|(await client.GetResponseAsync("x")).Text|]); Show(); }
        }

        class Notes
        {
            private string _last = "";
            private readonly List<string> _kept = new();
            private int _count;
            public void Keep(string text) { _last = text; _kept.Add(text); _count = text.Length; }
            public void Show() => Console.WriteLine(_last + _count);
            public int Count => _kept.Count;
        }

        class App
        {
            async Task Run(IChatClient client, Notes notes)
            {
                await foreach (var update in client.GetStreamingResponseAsync("hi"))
                {
                    Printer.Accumulate([|update.Text|]);
                    Printer.Accumulate(Svc.Label(update.Text));
                }

                Printer.Flush();
                var answer = (await client.GetResponseAsync("q")).Text;
                notes.Keep([|answer|]);
                notes.Keep(Svc.Label(answer));
                Console.WriteLine(notes.Count);
            }
        }
        """);

    // ================================================================ derived scalars

    [Fact]
    public Task Derived_scalars_and_branches_are_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, List<string> list)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                list.Add(ai);
                Console.WriteLine(ai.Length);
                Console.WriteLine(list.Count);
                Console.WriteLine(ai.Contains("refund"));
                Console.WriteLine(ai.StartsWith("Y"));
                Console.WriteLine(ai.Equals("yes", StringComparison.OrdinalIgnoreCase));
                Console.WriteLine(ai == "yes");
                Console.WriteLine(int.Parse(ai));
                Console.WriteLine(double.Parse(ai) * 2);
                Console.WriteLine(Enum.Parse<DayOfWeek>(ai));
                Console.WriteLine(Convert.ToInt32(ai));
                Console.WriteLine(string.IsNullOrEmpty(ai));
                Console.WriteLine(ai.GetHashCode());
                Console.WriteLine(ai[0]);
                Console.WriteLine(ai.Length.ToString());
                if (ai.Contains("refund")) { Console.WriteLine("We will refund you"); }
                var verdict = ai.StartsWith("Y") ? "Approved" : "Denied";
                Console.WriteLine(verdict);
            }
        }
        """);

    [Fact]
    public Task Text_valued_transformations_are_not_derived_scalars() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var chars = ai.ToCharArray();
                Console.WriteLine([|new string(chars)|]);
                Console.WriteLine([|Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(ai))|]);
                Console.WriteLine([|ai.ToString()|]);
                Console.WriteLine([|new string(ai.Reverse().ToArray())|]);
            }
        }
        """);

    // ================================================================ metadata members

    [Fact]
    public Task Metadata_members_are_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                Console.WriteLine(response.Usage?.TotalTokenCount);
                Console.WriteLine(response.Usage);
                Console.WriteLine(response.ModelId);
                Console.WriteLine(response.FinishReason);
                Console.WriteLine(response.ResponseId);
                Console.WriteLine(response.CreatedAt);
                Console.WriteLine(response.AdditionalProperties);
                Console.WriteLine(response.AdditionalProperties?["x"]);
                var message = response.Messages[0];
                Console.WriteLine(message.Role);
                Console.WriteLine(message.AuthorName);
                Console.WriteLine(message.AdditionalProperties);
                await foreach (var u in client.GetStreamingResponseAsync("q"))
                {
                    Console.Write(u.Role);
                    Console.Write(u.ModelId);
                    Console.Write(u.FinishReason);
                    Console.Write(u.CreatedAt);
                    Console.Write(u.ResponseId);
                    Console.Write(u.AuthorName);
                    Console.Write(u.AdditionalProperties);
                }
            }
        }
        """);

    [Fact]
    public Task Content_members_next_to_metadata_report() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                Console.WriteLine([|response.ToString()|]);
                Console.WriteLine([|response.Messages[0].ToString()|]);
                Console.WriteLine([|response.Messages.Last().Contents|]);
                Console.WriteLine([|response|]);
                await foreach (var u in client.GetStreamingResponseAsync("q")) { Console.Write([|u.ToString()|]); }
            }
        }
        """);

    // ================================================================ labels: Svc.Label, LabelText composition

    [Fact]
    public Task Label_applied_to_something_else_leaves_content_unlabeled() => Verify("""
        class App
        {
            static async IAsyncEnumerable<string> Chunks(IChatClient c)
            {
                await foreach (var u in c.GetStreamingResponseAsync("q")) { yield return u.Text; }
            }

            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var other = (await client.GetResponseAsync("more")).Text;
                Console.WriteLine([|Svc.Label(ai) + "\n" + other|]);
                var labeledUser = Svc.Label(user);
                Console.WriteLine(labeledUser);
                Console.WriteLine([|ai|]);
                await foreach (var c in Chunks(client)) { Console.Write([|c|]); }
            }
        }
        """);

    [Fact]
    public Task Label_string_and_stream_overloads_are_clean() => Verify("""
        class App
        {
            static async IAsyncEnumerable<string> Chunks(IChatClient c)
            {
                await foreach (var u in c.GetStreamingResponseAsync("q")) { yield return u.Text; }
            }

            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine(Svc.Label(ai));
                var labeled = Svc.Label(ai);
                Console.WriteLine(labeled + "\n(end)");
                Console.WriteLine($"{Svc.Label(ai)} -- {user}");
                Console.WriteLine(Svc.Label(ai).Trim());
                await foreach (var c in Svc.Label(Chunks(client))) { Console.Write(c); }
            }
        }
        """);

    [Fact]
    public Task LabelText_in_the_middle_does_not_label() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                // A label among the first or last two pieces counts (e.g. "【" + label + "】" + text); one buried deep
                // in the middle of a longer composition does not.
                Console.WriteLine([|$"Q: {ai} / {ai} A: {Svc.LabelText} B: {ai} / {ai} end"|]);
                Console.WriteLine([|"Answer " + ai + " / " + Svc.LabelText + " / " + ai + " end"|]);
                var header = Svc.LabelText;
                Console.WriteLine(header);
                Console.WriteLine([|ai|]);
            }
        }
        """);

    [Fact]
    public Task LabelText_at_start_or_end_labels() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine($"{Svc.LabelText}{ai}");
                Console.WriteLine($"{Svc.LabelText}\n{ai}");
                Console.WriteLine($"{ai}{Svc.LabelText}");
                Console.WriteLine(ai + Svc.LabelText);
                Console.WriteLine(Svc.LabelText + ": " + ai);
            }
        }
        """);

    [Fact]
    public Task LabelText_wrapped_in_brackets_or_followed_by_newline_labels() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine($"【{Svc.LabelText}】{ai}");
                Console.WriteLine("[" + Svc.LabelText + "] " + ai);
                Console.WriteLine($"{ai}\n{Svc.LabelText}\n");
            }
        }
        """);

    [Fact]
    public Task LabelText_through_Concat_or_a_local_labels() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine(string.Concat(Svc.LabelText, ai));
                var label = Svc.LabelText;
                Console.WriteLine(label + ai);
                var tag = "【内容由人工智能生成】";
                Console.WriteLine(ai + "\n" + tag);
            }
        }
        """);

    [Fact]
    public Task A_local_that_stops_holding_the_label_does_not_label() => Verify("""
        class App
        {
            async Task Run(IChatClient client, bool quiet)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var label = Svc.LabelText;
                if (quiet) { label = ""; }
                Console.WriteLine([|label + ai|]);
                var other = "note: ";
                Console.WriteLine([|other + ai|]);
            }
        }
        """);

    // ================================================================ WithLabels clients

    [Fact]
    public Task Plain_and_reassigned_clients_report() => Verify("""
        class App
        {
            async Task Run(IChatClient inner, bool flag)
            {
                IChatClient client = Svc.WithLabels(inner);
                client = inner;
                Console.WriteLine([|(await client.GetResponseAsync("q")).Text|]);
                IChatClient maybe = flag ? Svc.WithLabels(inner) : inner;
                Console.WriteLine([|(await maybe.GetResponseAsync("q")).Text|]);
                var labeled = Svc.WithLabels(inner);
                Console.WriteLine((await labeled.GetResponseAsync("q")).Text);
                Console.WriteLine([|(await inner.GetResponseAsync("q")).Text|]);
            }
        }
        """);

    [Fact]
    public Task Client_reassigned_to_labeled_is_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient inner)
            {
                IChatClient client = inner;
                client = Svc.WithLabels(inner);
                Console.WriteLine((await client.GetResponseAsync("q").ConfigureAwait(false)).Text);
                await foreach (var u in client.GetStreamingResponseAsync("q")) { Console.Write(u.Text); }
                var r = await client.GetResponseAsync("q");
                Console.WriteLine(r.Messages[0].Text);
            }
        }
        """);

    [Fact]
    public Task Labeled_client_stored_in_a_field_is_clean() => Verify("""
        class ChatService
        {
            private readonly IChatClient _client;
            public ChatService(IChatClient inner) => _client = Svc.WithLabels(inner);
            public async Task Run() => Console.WriteLine((await _client.GetResponseAsync("q")).Text);
        }
        """);

    // A helper's summary keeps which parameter its source call's client was; each call settles it (labeled when the
    // caller passes the labeling client), through helpers that pass the client on.
    [Fact]
    public Task Labeled_client_passed_to_a_helper_is_clean() => Verify("""
        class App
        {
            static async Task<string> AskAsync(IChatClient c) => (await c.GetResponseAsync("q")).Text;
            static Task<string> AskOnAsync(string q, IChatClient client) => AskAsync(client);
            static async Task<string> AskLabeledAsync(IChatClient c) => (await Svc.WithLabels(c).GetResponseAsync("q")).Text;

            async Task Run(IChatClient inner)
            {
                var labeled = Svc.WithLabels(inner);
                Console.WriteLine(await AskAsync(Svc.WithLabels(inner)));
                Console.WriteLine(await AskAsync(labeled));
                Console.WriteLine(await AskOnAsync("q", labeled));
                Console.WriteLine(await AskLabeledAsync(inner));
                Console.WriteLine([|await AskAsync(inner)|]);
                Console.WriteLine([|await AskOnAsync("q", inner)|]);
            }
        }
        """);

    // ================================================================ [AiGenerated] / [UserFacing]

    [Fact]
    public Task Attributes_mark_sources_and_sinks() => Verify("""
        interface IModel { [AiGenerated] string Ask(string q); }
        interface IDisplay { void Show([UserFacing] string text); }
        class Screen
        {
            public void Show([UserFacing] string text, string debug) { }
            [UserFacing] public void Banner(string text) { }
        }
        static class ScreenExt { public static void Toast(this Screen s, [UserFacing] string text) { } }
        class App
        {
            void Run(IModel model, Screen screen, IDisplay display)
            {
                screen.Show([|model.Ask("q")|], "");
                screen.Toast([|model.Ask("q")|]);
                display.Show([|model.Ask("q").Trim()|]);
                screen.Banner([|"A: " + model.Ask("q")|]);
            }
        }
        """);

    [Fact]
    public Task AiGenerated_is_inherited_by_overrides() => Verify("""
        class Generator { [AiGenerated] public virtual string Generate() => "base"; }
        class Derived : Generator { public override string Generate() => "derived"; }
        class App
        {
            void Run(Derived d) => Console.WriteLine([|d.Generate()|]);
        }
        """);

    [Fact]
    public Task Attributes_without_unlabeled_content_are_clean() => Verify("""
        interface IModel { [AiGenerated] string Ask(string q); }
        class Screen
        {
            public void Show([UserFacing] string text, string debug) { }
            [UserFacing] public void Banner(string text) { }
        }
        class App
        {
            void Run(IModel model, Screen screen, string user)
            {
                screen.Show(Svc.Label(model.Ask("q")), model.Ask("q"));
                screen.Show(user, "");
                screen.Banner(model.Ask("q").Length.ToString());
                Console.WriteLine(Svc.Label(model.Ask("q")));
            }
        }
        """);

    // ================================================================ try / catch / finally

    [Fact]
    public Task Try_catch_paths_report() => Verify("""
        class App
        {
            static void Validate(string s) { if (s.Length == 0) { throw new FormatException(); } }

            async Task Run(IChatClient client)
            {
                string text = "none";
                try
                {
                    text = (await client.GetResponseAsync("hi")).Text;
                    Validate(text);
                }
                catch (FormatException)
                {
                    Console.WriteLine([|text|]);
                }

                string fromCatch = "none";
                try { await client.GetResponseAsync("x"); }
                catch (Exception) { fromCatch = (await client.GetResponseAsync("retry")).Text; }
                Console.WriteLine([|fromCatch|]);
            }
        }
        """);

    [Fact]
    public Task Content_assigned_in_finally_reports_after_it() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                string text = "none";
                try { Console.WriteLine("working"); }
                finally { text = (await client.GetResponseAsync("q")).Text; }
                Console.WriteLine([|text|]);
            }
        }
        """);

    [Fact]
    public Task Try_catch_without_content_at_the_sink_is_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                try
                {
                    var r = await client.GetResponseAsync("hi");
                    Console.WriteLine(r.ModelId);
                }
                catch (Exception ex)
                {
                    Console.WriteLine(ex.Message);
                }
                finally
                {
                    Console.WriteLine("done");
                }
            }
        }
        """);

    [Fact]
    public Task Content_overwritten_in_finally_is_clean_after_it() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                string text = "none";
                try
                {
                    text = (await client.GetResponseAsync("hi")).Text;
                    Console.WriteLine(text.Length);
                }
                finally
                {
                    text = "cleared";
                }

                Console.WriteLine(text);
            }
        }
        """);

    [Fact]
    public Task Content_from_try_reaches_a_sink_inside_finally() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                string text = "none";
                try
                {
                    text = (await client.GetResponseAsync("hi")).Text;
                }
                finally
                {
                    Console.WriteLine([|text|]);
                }
            }
        }
        """);

    [Fact]
    public Task Content_passes_through_a_finally_that_does_not_touch_it() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                string text = "none";
                string plain = "start";
                try
                {
                    text = (await client.GetResponseAsync("hi")).Text;
                }
                finally
                {
                    plain = "done";
                }

                Console.WriteLine([|text|]);
                Console.WriteLine(plain);
            }
        }
        """);

    [Fact]
    public Task Content_on_a_return_path_through_finally_does_not_reach_the_normal_exit() => Verify("""
        class App
        {
            async Task Run(IChatClient client, bool early)
            {
                string text = (await client.GetResponseAsync("hi")).Text;
                try
                {
                    if (early)
                    {
                        return;
                    }

                    text = "replaced";
                }
                finally
                {
                    Console.WriteLine("cleanup");
                }

                Console.WriteLine(text);
            }
        }
        """);

    [Fact]
    public Task Nested_finally_blocks_hand_on_what_they_write() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                string text = "none";
                string other = "none";
                try
                {
                    try { Console.WriteLine("work"); }
                    finally { text = (await client.GetResponseAsync("inner")).Text; }
                }
                finally
                {
                    other = text;
                }

                Console.WriteLine([|other|]);
                Console.WriteLine([|text|]);
            }
        }
        """);

    [Fact]
    public Task Finally_inside_a_loop_carries_content_to_the_next_iteration() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string[] prompts)
            {
                string last = "none";
                foreach (var prompt in prompts)
                {
                    Console.WriteLine([|last|]);
                    try { Console.WriteLine(prompt); }
                    finally { last = (await client.GetResponseAsync(prompt)).Text; }
                }
            }
        }
        """);

    [Fact]
    public Task Conditional_write_in_finally_does_not_bring_back_content_from_before_the_try() => Verify("""
        class App
        {
            async Task Run(IChatClient client, bool verbose)
            {
                string text = (await client.GetResponseAsync("hi")).Text;
                if (verbose)
                {
                    Console.WriteLine([|text|]);
                }

                text = "safe";
                try { Console.WriteLine("work"); }
                finally
                {
                    if (verbose)
                    {
                        text = "";
                    }
                }

                Console.WriteLine(text);
            }
        }
        """);

    [Fact]
    public Task Catch_sees_content_written_by_an_inner_finally() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                string text = "none";
                try
                {
                    try { throw new InvalidOperationException(); }
                    finally { text = (await client.GetResponseAsync("q")).Text; }
                }
                catch (InvalidOperationException)
                {
                    Console.WriteLine([|text|]);
                }
            }
        }
        """);

    [Fact]
    public Task Catch_sees_content_assigned_in_its_try_before_the_exception_and_so_does_the_code_after_it() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                string text = "none";
                try
                {
                    text = (await client.GetResponseAsync("q")).Text;
                    Validate(text);
                    text = "checked";
                }
                catch (ArgumentException)
                {
                    Console.WriteLine([|text|]);
                }

                // After the catch, text may still hold the answer (Validate threw before it was replaced).
                Console.WriteLine([|text|]);
            }

            static void Validate(string s) { }
        }
        """);

    [Fact]
    public Task Break_and_continue_through_finally_hand_on_its_writes() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string[] prompts)
            {
                string last = "none";
                foreach (var prompt in prompts)
                {
                    try
                    {
                        if (prompt.Length == 0)
                        {
                            continue;
                        }

                        if (prompt == "stop")
                        {
                            break;
                        }
                    }
                    finally
                    {
                        last = (await client.GetResponseAsync(prompt)).Text;
                    }
                }

                Console.WriteLine([|last|]);
            }
        }
        """);

    [Fact]
    public Task A_later_catch_block_does_not_get_content_from_outside_its_try() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user, bool early)
            {
                string text = user;
                if (early)
                {
                    text = (await client.GetResponseAsync("hi")).Text;
                    Console.WriteLine(Svc.Label(text));
                    return;
                }

                try { Console.WriteLine("work"); }
                catch (Exception ex)
                {
                    if (ex is TimeoutException)
                    {
                        Console.WriteLine("timeout");
                    }

                    Console.WriteLine(text);
                }

                Console.WriteLine(text);
            }
        }
        """);

    [Fact]
    public Task Using_statement_disposal_keeps_the_content_of_its_body() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                string text;
                using (var writer = new StringWriter())
                {
                    text = (await client.GetResponseAsync("hi")).Text;
                }

                Console.WriteLine([|text|]);
            }
        }
        """);

    // ================================================================ using declarations

    [Fact]
    public Task Using_declared_readers_and_writers_carry_content() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                using var sw = new StringWriter();
                sw.Write(ai);
                Console.WriteLine([|sw.ToString()|]);
                using (var reader = new StringReader(ai))
                {
                    Console.WriteLine([|reader.ReadLine()|]);
                }
            }
        }
        """);

    [Fact]
    public Task Using_declared_readers_and_writers_of_user_text_are_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                using var sw = new StringWriter();
                sw.Write(user);
                sw.Write(ai.Length);
                Console.WriteLine(sw.ToString());
                using var doc = JsonDocument.Parse(ai);
                Console.WriteLine(doc.RootElement.GetArrayLength());
                using (var reader = new StringReader(user))
                {
                    Console.WriteLine(reader.ReadLine());
                }
            }
        }
        """);

    // ================================================================ pattern matching

    [Fact]
    public Task Patterns_bind_content() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var response = await client.GetResponseAsync("hi");
                var ai = response.Text;
                object boxed = ai;
                var viaSwitch = boxed switch { string s => s, _ => "" };
                Console.WriteLine([|viaSwitch|]);
                if (ai is { Length: > 0 } nonEmpty) { Console.WriteLine([|nonEmpty|]); }
                if (response is { Messages: [.., var last] }) { Console.WriteLine([|last.Text|]); }
                switch (boxed)
                {
                    case string s when s.Length > 3:
                        Console.WriteLine([|s|]);
                        break;
                }
            }
        }
        """);

    [Fact]
    public Task Patterns_binding_metadata_or_scalars_are_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var response = await client.GetResponseAsync("hi");
                var ai = response.Text;
                if (response is { ModelId: var model }) { Console.WriteLine(model); }
                if (response is { FinishReason: var fr }) { Console.WriteLine(fr); }
                Console.WriteLine(ai is "yes");
                if (ai is { Length: var n }) { Console.WriteLine(n); }
                object boxed = ai;
                Console.WriteLine(boxed switch { string s => s.Length, _ => 0 });
                object userBoxed = user;
                if (userBoxed is string us) { Console.WriteLine(us); }
            }
        }
        """);

    // ================================================================ tuples and deconstruction

    [Fact]
    public Task Tuples_and_deconstruction_carry_content() => Verify("""
        class App
        {
            static async Task<(string Text, string? Model)> AskAsync(IChatClient c)
            {
                var r = await c.GetResponseAsync("q");
                return (r.Text, r.ModelId);
            }

            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var (a, b) = (ai, user);
                Console.WriteLine([|a|]);
                var (text, model) = await AskAsync(client);
                Console.WriteLine([|text|]);
                var t = (ai, user);
                Console.WriteLine([|t.Item1|]);
            }
        }
        """);

    [Fact]
    public Task Tuple_scalar_elements_are_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var (text, count) = (ai, ai.Length);
                Console.WriteLine(count);
                var pair = (Text: ai, Ok: ai.Length > 0);
                Console.WriteLine(pair.Ok);
            }
        }
        """);

    [Fact]
    public Task Tuple_and_deconstruction_text_elements_stay_separate() => Verify("""
        class App
        {
            static async Task<(string Text, string? Model)> AskAsync(IChatClient c)
            {
                var r = await c.GetResponseAsync("q");
                return (r.Text, r.ModelId);
            }

            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var (a, b) = (ai, user);
                Console.WriteLine(b);
                (string x, string y) t = (ai, user);
                Console.WriteLine(t.y);
                var (text, model) = await AskAsync(client);
                Console.WriteLine(model);
            }
        }
        """);

    // ================================================================ ternaries inside arguments

    [Fact]
    public Task Tuple_elements_keep_their_values_through_swaps_nesting_and_whole_use() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var a = ai;
                var b = user;
                (a, b) = (b, a);
                Console.WriteLine(a);
                Console.WriteLine([|b|]);
                var (x, (y, z)) = (user, (ai, user));
                Console.WriteLine(x);
                Console.WriteLine([|y|]);
                Console.WriteLine(z);
                var pair = (Question: user, Answer: ai);
                Console.WriteLine([|pair|]);
                Console.WriteLine(pair.Question);
                Console.WriteLine([|pair.Item2|]);
                var labeled = (Question: user, Answer: Svc.Label(ai));
                Console.WriteLine(labeled.Answer);
            }
        }
        """);

    [Fact]
    public Task Tuple_from_a_helper_keeps_its_elements_apart() => Verify("""
        class App
        {
            static async Task<(string Model, string Answer)> AskAsync(IChatClient c)
            {
                var r = await c.GetResponseAsync("q");
                return (r.ModelId ?? "none", r.Text);
            }

            async Task Run(IChatClient client)
            {
                var result = await AskAsync(client);
                Console.WriteLine(result.Model);
                Console.WriteLine([|result.Answer|]);
                var (model, answer) = await AskAsync(client);
                Console.WriteLine(model);
                Console.WriteLine([|answer|]);
            }
        }
        """);

    [Fact]
    public Task Tuples_written_by_element_passed_to_helpers_or_read_through_results_carry_content() => Verify("""
        class App
        {
            static string Second((string Q, string A) p) => p.A;

            static async Task<(string Model, string Answer)> AskAsync(IChatClient c) => ("m", (await c.GetResponseAsync("q")).Text);

            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var t = (Q: user, A: user);
                t.Item2 = ai;
                Console.WriteLine([|t.A|]);
                var (_, second) = t;
                Console.WriteLine([|second|]);
                Console.WriteLine([|Second((user, ai))|]);
                (string, string)? maybe = (user, ai);
                Console.WriteLine([|maybe.Value.Item2|]);
                Console.WriteLine([|AskAsync(client).Result.Answer|]);
                object boxed = (user, ai);
                Console.WriteLine([|boxed|]);
                t.A = "cleared";
                Console.WriteLine(t.Item2);
            }
        }
        """);

    [Fact]
    public Task Self_referencing_objects_built_in_a_loop_stay_followed() => Verify("""
        class Node
        {
            public string Text = "";
            public string Prompt = "";
            public Node? Next;
        }

        class App
        {
            async Task Run(IChatClient client, string[] prompts)
            {
                Node? head = null;
                foreach (var prompt in prompts)
                {
                    head = new Node { Text = (await client.GetResponseAsync(prompt)).Text, Prompt = prompt, Next = head };
                }

                Console.WriteLine([|head!.Next!.Next!.Next!.Next!.Next!.Text|]);
                Console.WriteLine(head.Prompt);
                Console.WriteLine(head.Next!.Prompt);
            }
        }
        """);

    [Fact]
    public Task Ternaries_inside_arguments_report() => Verify("""
        static class Output { public static void Show(string s) => Console.WriteLine(s); }
        class App
        {
            async Task Run(IChatClient client, bool flag, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine([|flag ? ai : user|]);
                Output.Show([|flag ? ai : "x"|]);
                Console.WriteLine("{0}", [|flag ? ai : user|]);
                Console.WriteLine([|flag ? Svc.Label(ai) : ai|]);
            }
        }
        """);

    [Fact]
    public Task Ternaries_inside_arguments_without_unlabeled_content_are_clean() => Verify("""
        static class Output { public static void Show(string s) => Console.WriteLine(s); }
        class App
        {
            async Task Run(IChatClient client, bool flag, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine(flag ? Svc.Label(ai) : user);
                Output.Show(flag ? Svc.Label(ai) : "none");
                Console.WriteLine(flag ? ai.Length : 0);
                Console.WriteLine(string.Concat(flag ? "a" : "b", user));
            }
        }
        """);

    // ================================================================ string.Create and spans

    [Fact]
    public Task Span_based_construction_carries_content() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine([|string.Create(ai.Length, ai, (span, s) => s.AsSpan().CopyTo(span))|]);
                Console.WriteLine([|new string(ai.AsSpan(1))|]);
                Console.WriteLine([|ai.AsSpan().Slice(1).ToString()|]);
                Console.WriteLine([|string.Concat(ai.AsSpan(), "x".AsSpan())|]);
            }
        }
        """);

    [Fact]
    public Task Span_CopyTo_buffer_carries_content() => Verify("""
        class App
        {
            void Run(IChatClient client, string user)
            {
                var ai = client.GetResponseAsync("q").GetAwaiter().GetResult().Text;
                Span<char> buffer = stackalloc char[64];
                ai.AsSpan().CopyTo(buffer);
                Console.WriteLine([|buffer.Slice(0, ai.Length).ToString()|]);
                var chars = new char[64];
                ai.CopyTo(0, chars, 0, 8);
                Console.WriteLine([|new string(chars)|]);
                var copy = new char[64];
                Array.Copy(chars, copy, 8);
                Console.WriteLine([|new string(copy)|]);
                var clean = new char[64];
                user.AsSpan().TryCopyTo(clean);
                Console.WriteLine(new string(clean));
            }
        }
        """);

    [Fact]
    public Task Span_based_construction_without_content_is_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client, string user)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine(string.Create(ai.Length, '*', (span, c) => span.Fill(c)));
                Console.WriteLine(new string('*', ai.Length));
                Console.WriteLine(ai.AsSpan().IndexOf('x'));
                Console.WriteLine(new string(user.AsSpan(1)));
            }
        }
        """);

    // ================================================================ nameof, default

    [Fact]
    public Task Nameof_and_default_are_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine(nameof(ai));
                string d = default!;
                Console.WriteLine(d);
                Console.WriteLine(default(string));
                var t = ai;
                t = default!;
                Console.WriteLine(t);
            }
        }
        """);

    [Fact]
    public Task Default_as_an_alternative_keeps_content() => Verify("""
        class App
        {
            async Task Run(IChatClient client, bool flag)
            {
                string? ai = (await client.GetResponseAsync("hi")).Text;
                Console.WriteLine([|ai ?? default|]);
                Console.WriteLine([|flag ? ai : default|]);
            }
        }
        """);

    // ================================================================ exception messages
    // Decision: an exception whose message is AI text, caught and shown, is AI content reaching a user: report it at the
    // sink (ex.Message). An exception built from our own text is clean.

    [Fact]
    public Task Exception_message_built_from_content_reports_when_shown() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                try
                {
                    throw new InvalidOperationException(ai);
                }
                catch (InvalidOperationException ex)
                {
                    Console.WriteLine([|ex.Message|]);
                }
            }
        }
        """);

    // A callee's exception carries what it was built from to its callers' handlers (summaries keep what a method
    // throws), through a rethrow; a handler of a later try does not see what an earlier one caught.
    [Fact]
    public Task Exception_thrown_by_a_callee_carries_content_to_the_caller_s_handler() => Verify("""
        class App
        {
            static string Parse(string text) => text.StartsWith("{") ? text : throw new FormatException("not JSON: " + text);

            static async Task<string> AskAsync(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                if (ai.Length == 0) { throw new InvalidOperationException("empty answer"); }
                if (ai.Length > 100) { throw new InvalidOperationException(ai); }
                return Svc.Label(ai);
            }

            static async Task<string> RethrowAsync(IChatClient client)
            {
                try { return await AskAsync(client); }
                catch (InvalidOperationException) { throw; }
            }

            static async Task<int> CountAsync(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                if (ai.Length == 0) { throw new InvalidOperationException("empty answer"); }
                return ai.Length;
            }

            async Task Run(IChatClient client, string user)
            {
                try { Console.WriteLine(await AskAsync(client)); }
                catch (InvalidOperationException ex) { Console.WriteLine([|ex.Message|]); }

                try { Console.WriteLine(await RethrowAsync(client)); }
                catch (Exception ex) { Console.WriteLine([|ex.Message|]); }

                var ai = (await client.GetResponseAsync("q")).Text;
                try { Console.WriteLine(Svc.Label(Parse(ai))); }
                catch (FormatException ex) { Console.WriteLine([|ex.Message|]); }

                try { Console.WriteLine(Parse(user)); }
                catch (FormatException ex) { Console.WriteLine(ex.Message); }

                try { Console.WriteLine(await CountAsync(client)); }
                catch (InvalidOperationException ex) { Console.WriteLine(ex.Message); }
            }
        }
        """);

    [Fact]
    public Task Exception_message_of_own_text_is_clean() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                try
                {
                    if (ai.Length == 0) { throw new InvalidOperationException("empty answer"); }
                }
                catch (InvalidOperationException ex)
                {
                    Console.WriteLine(ex.Message);
                }
            }
        }
        """);

    [Fact]
    public Task Exception_carrying_labeled_content_is_clean_and_a_throw_expression_carries_content() => Verify("""
        class App
        {
            async Task Run(IChatClient client)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                try
                {
                    throw new InvalidOperationException(Svc.Label(ai));
                }
                catch (InvalidOperationException ex)
                {
                    Console.WriteLine(ex.Message);
                }

                try
                {
                    var shown = ai.Length > 0 ? ai : throw new ArgumentException(ai);
                    Console.WriteLine([|shown|]);
                }
                catch (ArgumentException ex)
                {
                    Console.WriteLine([|ex.Message|]);
                }
            }
        }
        """);

    // ================================================================ logging and debug output are not sinks

    [Fact]
    public Task Logging_and_debug_output_are_not_sinks() => Verify("""
        class App
        {
            private readonly ILogger<App> _logger;
            public App(ILogger<App> logger) => _logger = logger;

            async Task Run(IChatClient client, ILogger logger)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                logger.LogInformation(ai);
                logger.LogInformation("Answer {Answer}", ai);
                logger.Log(LogLevel.Warning, "Answer {Answer}", ai);
                _logger.LogDebug("A: {A}", ai);
                using (logger.BeginScope(ai)) { }
                Debug.WriteLine(ai);
                Debug.Print(ai);
                Trace.WriteLine(ai);
                Trace.TraceInformation(ai);
            }
        }
        """);

    [Fact]
    public Task Console_next_to_logging_reports_only_the_console() => Verify("""
        class App
        {
            async Task Run(IChatClient client, ILogger logger)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                logger.LogInformation("Answer {Answer}", ai);
                Debug.WriteLine(ai);
                Console.WriteLine([|ai|]);
                Console.Error.WriteLine([|ai|]);
            }
        }
        """);

    // ================================================================ extra: console writers held in variables

    [Fact]
    public Task Console_writer_held_in_a_local_reports() => Verify("""
        class App
        {
            async Task Run(IChatClient client, TextWriter file)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                var w = Console.Out;
                w.WriteLine([|ai|]);
                var e = Console.Error;
                e.Write([|ai|]);
                var f = file;
                f.WriteLine(ai);
            }
        }
        """);

    [Fact]
    public Task TextWriter_that_is_not_the_console_is_not_a_sink() => Verify("""
        class App
        {
            async Task Run(IChatClient client, TextWriter file)
            {
                var ai = (await client.GetResponseAsync("hi")).Text;
                file.WriteLine(ai);
                var sw = new StringWriter();
                sw.WriteLine(ai);
            }
        }
        """);
}
