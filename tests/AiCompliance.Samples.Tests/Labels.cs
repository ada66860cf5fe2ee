using System;
using System.Linq;
using System.Text.Json;
using Xunit;

namespace AiCompliance.Samples.Tests;

/// <summary>What ChatWeb is registered as (samples/ChatWeb/ChatAssistant.cs) and how its labels look.</summary>
internal static class Labels
{
    public const string RegistrationNumber = "Shanghai-ChatWeb-20240315";
    public const string Notice = "生成式人工智能服务 ChatWeb 已备案，编号：" + RegistrationNumber;
    public const string ExplicitLabel = "内容由人工智能生成";
    public const string ContentProducer = "ExampleCo";

    /// <summary>GB 45438-2025 Annex E: the seven fields, in this order.</summary>
    public static readonly string[] AigcFields =
        { "Label", "ContentProducer", "ProduceID", "ReservedCode1", "ContentPropagator", "PropagateID", "ReservedCode2" };

    public static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Asserts the explicit label stands once, at the start, on its own line.</summary>
    public static void AssertLabeledOnceAtStart(string answer)
    {
        Assert.StartsWith(ExplicitLabel + "\n", answer, StringComparison.Ordinal);
        Assert.Equal(1, Count(answer, ExplicitLabel));
    }

    /// <summary>Asserts a bare Annex E object (the value under an AIGC key) and returns its ProduceID.</summary>
    public static string AssertAigcValue(JsonElement value)
    {
        Assert.Equal(JsonValueKind.Object, value.ValueKind);
        Assert.Equal(AigcFields, value.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.All(value.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal("1", value.GetProperty("Label").GetString());
        Assert.Equal(ContentProducer, value.GetProperty("ContentProducer").GetString());
        var id = value.GetProperty("ProduceID").GetString();
        Assert.False(string.IsNullOrEmpty(id), "ProduceID is empty");
        return id!;
    }
}
