using System;
using System.Linq;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Generator;

/// <summary>
/// Hostile attribute arguments and identifiers: the generated file must compile without warnings and every string
/// must come back exactly as written.
/// </summary>
public class EscapingTests
{
    public static TheoryData<string, string> HostileStrings() => new()
    {
        { "quote", "say \"hi\"" },
        { "backslash", "C:\\path\\ end\\" },
        { "crlf", "line1\r\nline2\rline3\nline4" },
        { "line separators", "ls\u2028ps\u2029end" },
        { "next line", "nel\u0085end" },
        { "comment end", "x */ y" },
        { "comment start", "x /* y" },
        { "doc comment", "/// <summary>x</summary>" },
        { "line directive", "#line 1 \"x\"" },
        { "error directive", "\n#error boom\n#if NEVER\n" },
        { "format placeholders", "{0} and {1} and {{2}}" },
        { "nul", "a\u0000b" },
        { "lone high surrogate", "a\uD800b" },
        { "lone low surrogate", "a\uDC00" },
        { "emoji", "ok 😀 👍🏽" },
        { "control characters", "\a\b\f\v\t\u0001\u001B\u007F" },
        { "format characters", "bidi\u202Eoverride\u200Bzw\uFEFFbom" },
        { "private use and unassigned", "\uE000\uFFFF" },
        { "code injection", "\"; } public static class Injected { const string X = \"" },
        { "verbatim and interpolation", "@\"{x}\" $\"{x}\" \"\"\"raw\"\"\"" },
        { "escape look-alikes", "\\u0022 \\n \\x41" },
        { "chinese", "内容由人工智能生成（AI）" },
        { "empty-looking", " " },
    };

    private static string Source(string value, LabelPosition position = LabelPosition.Start)
    {
        var literal = ServiceSource.Literal(value);
        return ServiceSource.Create(
            literal + ", ServiceName = " + literal + ", Provider = " + literal + ", LabelText = " + literal + ", LabelPosition = LabelPosition." + position);
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void Strings_round_trip_exactly(string description, string value)
    {
        var service = GeneratedService.Load(Source(value));

        Assert.True(value == service.RegistrationNumber, description + ": RegistrationNumber");
        Assert.True(value == service.ServiceName, description + ": ServiceName");
        Assert.True(value == service.LabelText, description + ": LabelText");
        Assert.True(value == service.ContentProducer, description + ": ContentProducer");
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void Label_starts_with_the_exact_label_text(string description, string value)
    {
        var service = GeneratedService.Load(Source(value));

        var labeled = service.Label("content");
        Assert.True(labeled.StartsWith(value, StringComparison.Ordinal), description);
        Assert.Equal(value + "\ncontent", labeled);
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void Notices_contain_the_exact_name_and_number(string description, string value)
    {
        var service = GeneratedService.Load(Source(value));

        // ServiceName and number are the same string here: it appears twice, and placeholders in it are not re-read.
        Assert.True(LabelAssert.Count(service.RegistrationNotice, value) >= 2, description + ": " + service.RegistrationNotice);
        Assert.True(LabelAssert.Count(service.RegistrationNoticeEnglish, value) >= 2, description + ": " + service.RegistrationNoticeEnglish);
    }

    [Theory]
    [MemberData(nameof(HostileStrings))]
    public void ImplicitLabel_is_valid_JSON_and_round_trips_the_provider(string description, string value)
    {
        var service = GeneratedService.Load(Source(value));

        var json = service.ImplicitLabel(value);
        if (HasLoneSurrogate(value))
        {
            // Valid JSON text, but System.Text.Json cannot turn an unpaired surrogate escape into a .NET string.
            using var document = System.Text.Json.JsonDocument.Parse(json);
            Assert.Equal(LabelAssert.AnnexEFields, document.RootElement.GetProperty("AIGC").EnumerateObject().Select(p => p.Name));
            return;
        }

        var fields = LabelAssert.ImplicitLabel(json);
        Assert.True(value == fields["ContentProducer"], description + ": ContentProducer");
        Assert.True(value == fields["ProduceID"], description + ": ProduceID");
    }

    [Fact]
    public void All_hostile_strings_together_in_every_position_with_the_chat_client()
    {
        var all = string.Concat(HostileStrings().Select(row => (string)row[1]));
        foreach (var position in new[] { LabelPosition.Start, LabelPosition.End, LabelPosition.Both })
        {
            var service = GeneratedService.Load(Source(all, position));

            Assert.Equal(all, service.RegistrationNumber);
            Assert.Equal(all, service.LabelText);
            Assert.Equal(LabelAssert.Expected(position, all, "content"), service.Label("content"));
            Assert.NotNull(service.FindMethod("WithLabels", typeof(Microsoft.Extensions.AI.IChatClient)));
        }
    }

    [Fact]
    public void Raw_characters_in_a_verbatim_literal_round_trip()
    {
        // The user's own literal holds raw CR LF, LS, NEL and non-BMP characters (not escapes).
        const string Value = "first\r\nsecond\u2028third\u0085fourth 😀 \"quoted\"";
        var source = ServiceSource.Create("@\"" + Value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\", LabelText = @\"" + Value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        var service = GeneratedService.Load(source);

        Assert.Equal(Value, service.RegistrationNumber);
        Assert.Equal(Value, service.LabelText);
        Assert.StartsWith(Value, service.Label("x"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_generated_file_holds_no_raw_line_breaks_inside_literals_and_no_hostile_text_outside_them()
    {
        var result = GeneratorRun.RunClean(GeneratorRun.Compile(Source(string.Concat(HostileStrings().Select(row => (string)row[1]))), withMeai: true)).Result;
        var text = Assert.Single(GeneratorRun.ServiceSources(result)).SourceText.ToString();

        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\u2028', text);
        Assert.DoesNotContain('\u2029', text);
        Assert.DoesNotContain('\u0085', text);
        Assert.DoesNotContain('\0', text);
        Assert.DoesNotContain(text, char.IsSurrogate);
        Assert.DoesNotContain(text.Split('\n'), line => line.TrimStart().StartsWith("#", StringComparison.Ordinal) && line.Trim() != "#nullable enable");
        Assert.DoesNotContain(text.Split('\n'), line => !line.Contains('"', StringComparison.Ordinal) && line.Contains("Injected", StringComparison.Ordinal));
        Snapshot.Match("Generator.HostileStrings", GeneratorRun.Describe(result));
    }

    [Theory]
    [InlineData("@class", "class")]
    [InlineData("@string", "string")]
    [InlineData("@record", "record")]
    [InlineData("服务助手", "服务助手")]
    [InlineData("Ünïcødé_1", "Ünïcødé_1")]
    [InlineData("\\u0041bc", "Abc")]
    public void Class_names_that_need_care(string declaredName, string metadataName)
    {
        var source = ServiceSource.Create("\"" + ServiceSource.NationalNumber + "\"", typeName: declaredName);
        if (declaredName == "@record")
        {
            // 'record' needs the escape in C# 9+; the user's own declaration has CS8860 (a warning) for it, so only
            // the generated file is checked here.
            var (output, run) = GeneratorHarness.Run(TestReferences.Compile(source));
            Assert.Single(GeneratorRun.ServiceSources(run.Results[0]));
            var generated = output.SyntaxTrees.Skip(1).ToList();
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generated.Contains(tree)));
            Assert.Contains("partial class @record", generated.Single(t => !t.FilePath.Contains(GeneratorRun.MediaHintPrefix, StringComparison.Ordinal)).ToString(), StringComparison.Ordinal);
            return;
        }

        var service = GeneratedService.Load(source, "App." + metadataName);

        Assert.Equal(ServiceSource.NationalNumber, service.RegistrationNumber);
        Assert.Equal("内容由人工智能生成\nx", service.Label("x"));
    }

    [Fact]
    public void Keyword_namespaces_and_chinese_names_compile_and_get_distinct_safe_hint_names()
    {
        var source = """
            using AiCompliance;

            namespace @namespace.@int.应用
            {
                [RegisteredAiService("Beijing-YunQue-20230821")]
                public static partial class 服务 { }

                [RegisteredAiService("Beijing-YunQue-20230821")]
                public static partial class 助手 { }

                public partial class @class
                {
                    [RegisteredAiService("Beijing-YunQue-20230821")]
                    public static partial class @event { }
                }
            }
            """;
        var (output, result) = GeneratorRun.RunClean(TestReferences.Compile(source, withMeai: true, assemblyName: "Gen" + Guid.NewGuid().ToString("N")));

        var hintNames = GeneratorRun.ServiceSources(result).Select(s => s.HintName).ToList();
        Assert.Equal(3, hintNames.Count);
        Assert.Equal(3, hintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(hintNames, h =>
        {
            Assert.StartsWith("AiCompliance.", h, StringComparison.Ordinal);
            Assert.EndsWith(".g.cs", h, StringComparison.Ordinal);
            Assert.All(h, c => Assert.True(c < 128 && (char.IsLetterOrDigit(c) || c == '.' || c == '_'), "hint name character '" + c + "' in " + h));
        });
        Assert.Contains("AiCompliance.namespace.int.__.class.event.", hintNames.Single(h => h.Contains("event", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.All(GeneratorRun.ServiceSources(result), s => Assert.Contains("namespace @namespace.@int.应用", s.SourceText.ToString(), StringComparison.Ordinal));

        var assembly = GeneratorRun.Load(output);
        foreach (var name in new[] { "namespace.int.应用.服务", "namespace.int.应用.助手", "namespace.int.应用.class+event" })
        {
            var service = new GeneratedService(assembly.GetType(name, throwOnError: true)!);
            Assert.Equal(ServiceSource.NationalNumber, service.RegistrationNumber);
            Assert.Equal("内容由人工智能生成\nx", service.Label("x"));
        }
    }
}
