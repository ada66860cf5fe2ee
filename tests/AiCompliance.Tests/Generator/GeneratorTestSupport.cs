using System.Collections.Immutable;
using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using AiCompliance.Generators;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.AI;
using Xunit;

namespace AiCompliance.Tests.Generator;

/// <summary>Builds test sources with a <c>[RegisteredAiService]</c> class.</summary>
internal static class ServiceSource
{
    /// <summary>A national filing number (备案).</summary>
    public const string NationalNumber = "Beijing-YunQue-20230821";

    /// <summary>A local registration / launch number (登记).</summary>
    public const string LocalNumber = "Guangdong-Plaud-20251229S0027";

    /// <summary>A file with one service class <c>{ns}.{typeName}</c> carrying <c>[RegisteredAiService({arguments})]</c>.</summary>
    public static string Create(string arguments, string typeName = "Svc", string? ns = "App", string declaration = "public static partial class") =>
        "using AiCompliance;\n" +
        (ns is null ? string.Empty : "\nnamespace " + ns + "\n{") +
        "\n[RegisteredAiService(" + arguments + ")]\n" +
        declaration + " " + typeName + " { }\n" +
        (ns is null ? string.Empty : "}\n");

    /// <summary><c>App.Svc</c> with the national number, provider "Co" and the given label position.</summary>
    public static string WithPosition(LabelPosition position, string extra = "") =>
        Create("\"" + NationalNumber + "\", Provider = \"Co\", LabelPosition = LabelPosition." + position + extra);

    /// <summary>
    /// A C# regular string literal for <paramref name="value"/>, written by the test itself (not by the generator's
    /// escaper): everything outside printable ASCII becomes a \u escape.
    /// </summary>
    public static string Literal(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c == '"' || c == '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c >= 0x20 && c < 0x7F)
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return sb.Append('"').ToString();
    }
}

/// <summary>Compiles, runs the generator, and loads the result, with options the shared harness does not expose.</summary>
internal static class GeneratorRun
{
    /// <summary>A compilation with explicit language version, documentation mode and warning level.</summary>
    public static CSharpCompilation Compile(
        string source,
        bool withMeai,
        LanguageVersion languageVersion = LanguageVersion.Latest,
        DocumentationMode documentationMode = DocumentationMode.Parse,
        int warningLevel = 4,
        NullableContextOptions? nullable = null)
    {
        var parseOptions = new CSharpParseOptions(languageVersion, documentationMode);

        // Nullable contexts need C# 8; a 7.x project has no <Nullable> (CS8630 otherwise).
        var nullableOptions = nullable ?? (parseOptions.LanguageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable);
        return CSharpCompilation.Create(
            "Gen" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions, path: "Test0.cs") },
            TestReferences.For(withMeai),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullableOptions, warningLevel: warningLevel));
    }

    /// <summary>Runs the generator, asserts no generator diagnostics and a warning-free result.</summary>
    public static (CSharpCompilation Output, GeneratorRunResult Result) RunClean(CSharpCompilation compilation)
    {
        var (output, result) = GeneratorHarness.Run(compilation);
        var single = Assert.Single(result.Results);
        Assert.Null(single.Exception);
        GeneratorHarness.AssertNoWarnings(output);
        return (output, single);
    }

    /// <summary>Emits a compilation and loads it into a collectible context (as <see cref="GeneratorHarness.GenerateAndLoad"/>).</summary>
    public static Assembly Load(Compilation output)
    {
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        context.Resolving += (ctx, name) => AssemblyLoadContext.Default.LoadFromAssemblyName(name);
        return context.LoadFromStream(stream);
    }

    /// <summary>The hint names of the media labelers, emitted once per compilation with a service (<c>MediaLabelingTests</c> checks them).</summary>
    public const string MediaHintPrefix = "AiCompliance.Media.";

    /// <summary>The suffix of each service's second file, its media labeling wrappers (<c>MediaWrapperTests</c>).</summary>
    public const string MediaWrappersSuffix = "-MediaWrappers.g.cs";

    /// <summary>The generated files of the service classes (the media labelers and the media wrappers' files left out).</summary>
    public static ImmutableArray<GeneratedSourceResult> ServiceSources(GeneratorRunResult result) =>
        result.GeneratedSources.Where(s => !s.HintName.StartsWith(MediaHintPrefix, StringComparison.Ordinal) && !s.HintName.EndsWith(MediaWrappersSuffix, StringComparison.Ordinal)).ToImmutableArray();

    /// <summary>The media wrappers' files of the service classes.</summary>
    public static ImmutableArray<GeneratedSourceResult> WrapperSources(GeneratorRunResult result) =>
        result.GeneratedSources.Where(s => s.HintName.EndsWith(MediaWrappersSuffix, StringComparison.Ordinal)).ToImmutableArray();

    /// <summary>The service classes' generated files (with their media wrappers) in one text, ordered by hint name, each under a header naming it (for snapshots; the media labelers are the repository's own files, compared by <c>MediaLabelingTests</c>).</summary>
    public static string Describe(GeneratorRunResult result) =>
        string.Join("\n", ServiceSources(result).AddRange(WrapperSources(result))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => "// ===== " + s.HintName + " =====\n" + s.SourceText));
}

/// <summary>Reflection access to one generated service class, loaded and run.</summary>
internal sealed class GeneratedService
{
    private static readonly ConcurrentDictionary<(string Source, bool WithMeai), Lazy<Assembly>> Cache = new();

    public GeneratedService(Type type)
    {
        Type = type;
    }

    public Type Type { get; }

    public string RegistrationNumber => Constant(nameof(RegistrationNumber));

    public string ServiceName => Constant(nameof(ServiceName));

    public string LabelText => Constant(nameof(LabelText));

    public string ContentProducer => Constant(nameof(ContentProducer));

    public string RegistrationNotice => StaticProperty(nameof(RegistrationNotice));

    public string RegistrationNoticeEnglish => StaticProperty(nameof(RegistrationNoticeEnglish));

    /// <summary>Generates and loads <paramref name="source"/> (cached per source) and returns <paramref name="typeName"/>.</summary>
    public static GeneratedService Load(string source, string typeName = "App.Svc", bool withMeai = true)
    {
        var assembly = Cache.GetOrAdd((source, withMeai), key => new Lazy<Assembly>(() => GeneratorHarness.GenerateAndLoad(key.Source, key.WithMeai))).Value;
        var type = assembly.GetType(typeName);
        Assert.True(type is not null, "Type '" + typeName + "' not found; types: " + string.Join(", ", assembly.GetTypes().Select(t => t.FullName)));
        return new GeneratedService(type!);
    }

    public string Constant(string name)
    {
        var field = Type.GetField(name, BindingFlags.Public | BindingFlags.Static);
        Assert.True(field is not null, "No public static field " + name);
        Assert.True(field!.IsLiteral, name + " should be a const");
        return (string)field.GetRawConstantValue()!;
    }

    public string StaticProperty(string name)
    {
        var property = Type.GetProperty(name, BindingFlags.Public | BindingFlags.Static);
        Assert.True(property is not null, "No public static property " + name);
        return (string)property!.GetValue(null)!;
    }

    public MethodInfo? FindMethod(string name, Type parameterType) =>
        Type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .SingleOrDefault(m => m.Name == name && m.GetParameters().Length == 1 && m.GetParameters()[0].ParameterType == parameterType);

    /// <summary>A direct delegate (exceptions are not wrapped in TargetInvocationException).</summary>
    public TDelegate Method<TDelegate>(string name, Type parameterType)
        where TDelegate : Delegate
    {
        var method = FindMethod(name, parameterType);
        Assert.True(method is not null, "No public static " + name + "(" + parameterType.Name + ")");
        return method!.CreateDelegate<TDelegate>();
    }

    public string Label(string text) => Method<Func<string, string>>("Label", typeof(string))(text);

    public IAsyncEnumerable<string> Label(IAsyncEnumerable<string> stream) =>
        Method<Func<IAsyncEnumerable<string>, IAsyncEnumerable<string>>>("Label", typeof(IAsyncEnumerable<string>))(stream);

    public string ImplicitLabel(string? contentId) => Method<Func<string?, string>>("ImplicitLabel", typeof(string))(contentId);

    public string ImplicitLabelValue(string? contentId) => Method<Func<string?, string>>("ImplicitLabelValue", typeof(string))(contentId);

    public IChatClient WithLabels(IChatClient inner) => Method<Func<IChatClient, IChatClient>>("WithLabels", typeof(IChatClient))(inner);
}

/// <summary>Checks on labeled text and on the Annex E implicit label.</summary>
internal static class LabelAssert
{
    /// <summary>The Annex E fields, in the order of GB 45438-2025 Annex E.</summary>
    public static readonly string[] AnnexEFields =
    {
        "Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID", "ReservedCode2",
    };

    /// <summary>Non-overlapping ordinal occurrences of <paramref name="needle"/>.</summary>
    public static int Count(string haystack, string needle)
    {
        Assert.NotEmpty(needle);
        var count = 0;
        for (var i = haystack.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = haystack.IndexOf(needle, i + needle.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>What labeled text must be: the label once at the start, once at the end, or once at each.</summary>
    public static string Expected(LabelPosition position, string label, string content) => position switch
    {
        LabelPosition.Start => label + "\n" + content,
        LabelPosition.End => content + "\n" + label,
        LabelPosition.Both => label + "\n" + content + "\n" + label,
        _ => throw new ArgumentOutOfRangeException(nameof(position)),
    };

    public static int ExpectedCount(LabelPosition position) => position == LabelPosition.Both ? 2 : 1;

    /// <summary>Asserts <paramref name="labeled"/> is <paramref name="content"/> labeled at <paramref name="position"/>, each label exactly once.</summary>
    public static void Labeled(LabelPosition position, string label, string content, string labeled)
    {
        Assert.Equal(ExpectedCount(position), Count(labeled, label));
        if (position != LabelPosition.End)
        {
            Assert.StartsWith(label, labeled, StringComparison.Ordinal);
        }

        if (position != LabelPosition.Start)
        {
            Assert.EndsWith(label, labeled, StringComparison.Ordinal);
        }

        Assert.Equal(Expected(position, label, content), labeled);
    }

    /// <summary>Parses an Annex E object (the value under AIGC) and checks its seven string fields; returns them.</summary>
    public static IReadOnlyDictionary<string, string> AnnexEObject(string json)
    {
        using var document = JsonDocument.Parse(json);
        return AnnexEObject(document.RootElement);
    }

    public static IReadOnlyDictionary<string, string> AnnexEObject(JsonElement element)
    {
        Assert.Equal(JsonValueKind.Object, element.ValueKind);
        var properties = element.EnumerateObject().ToList();
        Assert.Equal(AnnexEFields, properties.Select(p => p.Name));
        Assert.All(properties, p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        var fields = properties.ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Equal("1", fields["Label"]);
        Assert.Equal(string.Empty, fields["ReservedCode1"]);
        Assert.Equal(string.Empty, fields["ContentPropagator"]);
        Assert.Equal(string.Empty, fields["PropagateID"]);
        Assert.Equal(string.Empty, fields["ReservedCode2"]);
        return fields;
    }

    /// <summary>Parses <c>{"AIGC":{…}}</c>: exactly one top-level key, AIGC, holding the Annex E object.</summary>
    public static IReadOnlyDictionary<string, string> ImplicitLabel(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        var property = Assert.Single(root.EnumerateObject());
        Assert.Equal("AIGC", property.Name);
        return AnnexEObject(property.Value);
    }
}

/// <summary>
/// Walks pipeline output values by reflection and reports every value that would defeat incremental caching or keep
/// a compilation alive: symbols, syntax, compilations, semantic models, syntax trees (and locations, which hold trees).
/// </summary>
internal static class ModelWalker
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree), typeof(Location), typeof(SyntaxReference),
    };

    public sealed class Report
    {
        public List<string> Problems { get; } = new();

        public List<string> Strings { get; } = new();

        public List<Type> Types { get; } = new();
    }

    public static Report Walk(object? value, string path)
    {
        var report = new Report();
        Walk(value, path, report, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
        return report;
    }

    private static void Walk(object? value, string path, Report report, HashSet<object> seen, int depth)
    {
        if (value is null)
        {
            return;
        }

        var type = value.GetType();
        report.Types.Add(type);
        if (Forbidden.Any(f => f.IsInstanceOfType(value)))
        {
            report.Problems.Add(path + " is a " + type.FullName);
            return;
        }

        if (value is string s)
        {
            report.Strings.Add(s);
            return;
        }

        if (type.IsPrimitive || type.IsEnum || value is decimal || value is Type || value is MemberInfo || value is Delegate)
        {
            return;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (depth > 64)
        {
            report.Problems.Add(path + " is nested too deeply to check");
            return;
        }

        if (value is IEnumerable enumerable)
        {
            var i = 0;
            foreach (var item in enumerable)
            {
                Walk(item, path + "[" + i++ + "]", report, seen, depth + 1);
            }

            // A collection (an array, ImmutableArray, EquatableArray) is what it enumerates.
            return;
        }

        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), path + "." + field.Name, report, seen, depth + 1);
            }
        }

        // Properties of the generator's own models (records): read them too, in case one is computed rather than stored.
        if (type.Assembly == typeof(RegisteredAiServiceGenerator).Assembly)
        {
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                if (property.GetIndexParameters().Length == 0 && property.GetMethod is not null)
                {
                    Walk(property.GetValue(value), path + "." + property.Name, report, seen, depth + 1);
                }
            }
        }
    }
}
