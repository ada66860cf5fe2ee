using System;
using System.Linq;
using AiCompliance.Analyzers.Json;
using AiCompliance.Analyzers.Models;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic007;

/// <summary>The dependency-free JSON reader behind the user model file: its errors, with their line, are the AIC007 messages.</summary>
public class UserModelJsonReaderTests
{
    private static JsonValue Parse(string text)
    {
        var value = MiniJson.Parse(text, out var error);
        Assert.True(error is null, "unexpected error: " + error?.Message + " at line " + error?.Line);
        return value!;
    }

    private static JsonError Fail(string text)
    {
        MiniJson.Parse(text, out var error);
        Assert.NotNull(error);
        return error;
    }

    [Theory]
    [InlineData(@"""plain""", "plain")]
    [InlineData(@"""""", "")]
    [InlineData(@"""a\""b""", "a\"b")]
    [InlineData(@"""back\\slash""", "back\\slash")]
    [InlineData(@"""\/\b\f\n\r\t""", "/\b\f\n\r\t")]
    [InlineData(@"""caf\u00e9 \u00E9""", "café é")]
    [InlineData(@"""\ud83d\ude00""", "😀")]
    [InlineData(@"""中文 😀 raw""", "中文 😀 raw")]
    [InlineData(@"""\u0000""", "\0")]
    [InlineData(@"""line\u2028sep""", "line\u2028sep")]
    public void Strings_decode_escapes_and_unicode(string json, string expected)
    {
        var value = Parse(json);
        Assert.Equal(JsonKind.String, value.Kind);
        Assert.Equal(expected, value.Text);
    }

    [Theory]
    [InlineData("0", 0d)]
    [InlineData("-0", 0d)]
    [InlineData("42", 42d)]
    [InlineData("-1.5", -1.5)]
    [InlineData("1e3", 1000d)]
    [InlineData("2.5E-2", 0.025)]
    [InlineData("1E+2", 100d)]
    [InlineData("123456789012345678901234567890", 1.2345678901234568E+29)]
    public void Numbers_follow_the_json_grammar(string json, double expected)
    {
        var value = Parse(json);
        Assert.Equal(JsonKind.Number, value.Kind);
        Assert.Equal(json, value.Text);
        Assert.Equal(expected, value.Number, 10);
    }

    [Theory]
    [InlineData("01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("-")]
    [InlineData("+1")]
    [InlineData("1x")]
    [InlineData("NaN")]
    [InlineData("0x10")]
    public void Bad_numbers_are_errors(string json)
    {
        var error = Fail(json);
        Assert.Equal(1, error.Line);
        Assert.Equal(1, error.Column);
    }

    [Fact]
    public void Literals_nested_containers_and_positions()
    {
        var json = "{\n  \"a\": [1, true, false, null, {\"b\": []}],\n  \"c\": {}\n}";
        var root = Parse(json);
        Assert.Equal(JsonKind.Object, root.Kind);
        Assert.Equal(new[] { "a", "c" }, root.Members!.Select(m => m.Name));
        var items = root.Members![0].Value.Items!;
        Assert.Equal(new[] { JsonKind.Number, JsonKind.True, JsonKind.False, JsonKind.Null, JsonKind.Object }, items.Select(i => i.Kind));
        Assert.Empty(items[4].Members![0].Value.Items!);
        Assert.Empty(root.Members[1].Value.Members!);
        Assert.True(root.Complete);
        Assert.Equal(0, root.Start);
        Assert.Equal(json.Length, root.End);
        Assert.Equal(json.IndexOf('[', StringComparison.Ordinal), root.Members[0].Value.Start);
        Assert.Equal(json.IndexOf("\"c\"", StringComparison.Ordinal), root.Members[1].NameStart);
    }

    [Fact]
    public void Duplicate_keys_are_kept_in_order_for_the_loader_to_report()
    {
        var root = Parse("""{ "a": 1, "a": 2 }""");
        Assert.Equal(new[] { "1", "2" }, root.Members!.Select(m => m.Value.Text));
    }

    [Fact]
    public void Comments_bom_and_whitespace_are_skipped()
    {
        var root = Parse("\uFEFF// models\n{ /* block\n comment */ \"a\" : 1 // end\n}\r\n");
        Assert.Equal("a", Assert.Single(root.Members!).Name);
    }

    [Theory]
    [InlineData("{\n  \"a\": 1,\n  \"b\": 2,\n}", 4, 1, "trailing comma before '}'")]
    [InlineData("[1,\n2,\n]", 3, 1, "trailing comma before ']'")]
    [InlineData("{\n\"a\" 1}", 2, 5, "expected ':' after the property name \"a\", found '1'")]
    [InlineData("{\n  \"a\": 1\n  \"b\": 2\n}", 3, 3, "expected ',' or '}' after a property value, found '\"'")]
    [InlineData("[1 2]", 1, 4, "expected ',' or ']' after an array item, found '2'")]
    [InlineData("{\n  \"a\": \"unterminated\n}", 2, 21, "line break inside a string (missing closing '\"'?)")]
    [InlineData("\"abc", 1, 1, "unterminated string (missing closing '\"')")]
    [InlineData("\"a\\qb\"", 1, 3, "invalid escape '\\q'")]
    [InlineData("\"\\u12G4\"", 1, 2, "invalid unicode escape")]
    [InlineData("\"tab\there\"", 1, 5, "control character U+0009 inside a string")]
    [InlineData("{ 'a': 1 }", 1, 3, "expected a property name in double quotes, found \"'\"")]
    [InlineData("['a']", 1, 2, "strings must use double quotes")]
    [InlineData("{ a: 1 }", 1, 3, "expected a property name in double quotes, found 'a'")]
    [InlineData("[tru]", 1, 2, "unexpected 'tru'")]
    [InlineData("[undefined]", 1, 2, "unexpected 'undefined'")]
    [InlineData("{}\n{}", 2, 1, "unexpected '{' after the end of the JSON value")]
    [InlineData("{\n\"a\": [\n1,\n", 4, 1, "unexpected end of file: '[' opened at line 2 is not closed")]
    [InlineData("{\n\n", 3, 1, "unexpected end of file: '{' opened at line 1 is not closed")]
    [InlineData("   ", 1, 4, "the file is empty")]
    [InlineData("/* open", 1, 1, "unterminated comment")]
    [InlineData("{\r\n\"a\":\r\n}", 3, 1, "unexpected '}': expected a value")]
    [InlineData("{\r\"a\":\r}", 3, 1, "unexpected '}': expected a value")]
    public void Errors_carry_line_column_and_what_is_wrong(string json, int line, int column, string message)
    {
        var error = Fail(json);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void After_an_error_the_values_read_before_it_are_kept_and_containers_cut_short_are_marked()
    {
        var root = MiniJson.Parse("{ \"a\": [ {\"x\": 1}, {\"y\": 2 ], \"b\": 3 }", out var error);
        Assert.NotNull(error);
        Assert.NotNull(root);
        Assert.False(root.Complete);
        var a = root.Members!.Single().Value;
        Assert.False(a.Complete);
        Assert.True(a.Items![0].Complete);
        Assert.False(a.Items[1].Complete);
    }

    [Fact]
    public void Nesting_is_limited()
    {
        Parse(new string('[', MiniJson.MaxDepth) + new string(']', MiniJson.MaxDepth));
        var error = Fail(new string('[', MiniJson.MaxDepth + 1) + new string(']', MiniJson.MaxDepth + 1));
        Assert.StartsWith("nesting deeper than 64 levels", error.Message, StringComparison.Ordinal);
        Assert.Equal(MiniJson.MaxDepth + 1, error.Column);
    }

    [Fact]
    public void Any_prefix_of_a_valid_file_parses_without_throwing()
    {
        const string Json = "{ \"sources\": [ { \"type\": \"A\\u00e9\", \"member\": \"B\", \"n\": -1.5e3, \"ok\": [true, false, null] } ] }";
        for (var i = 0; i <= Json.Length; i++)
        {
            MiniJson.Parse(Json.Substring(0, i), out var error);
            Assert.True(i == Json.Length ? error is null : error is not null, "prefix " + i);
            _ = UserModelFile.Parse(Json.Substring(0, i));
        }
    }
}
