using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace AiCompliance.Tests.Generator;

/// <summary>Compiles and runs the generated members: Label, ImplicitLabel, the registration display.</summary>
public class GeneratorBehaviorTests
{
    private const string LabelText = "AI生成内容";

    private static GeneratedService Service(LabelPosition position) =>
        GeneratedService.Load(ServiceSource.WithPosition(position, ", LabelText = \"" + LabelText + "\""));

    public static TheoryData<LabelPosition, string> PositionsAndContents()
    {
        var data = new TheoryData<LabelPosition, string>();
        foreach (var position in new[] { LabelPosition.Start, LabelPosition.End, LabelPosition.Both })
        {
            foreach (var content in new[] { "hello", "多行\n内容\r\n", " ", "AI", "生成" })
            {
                data.Add(position, content);
            }
        }

        return data;
    }

    // ---- Label(string) ----

    [Theory]
    [MemberData(nameof(PositionsAndContents))]
    public void Label_string_puts_the_label_at_the_position_exactly_once(LabelPosition position, string content)
    {
        var service = Service(position);
        Assert.Equal(LabelText, service.LabelText);

        LabelAssert.Labeled(position, LabelText, content, service.Label(content));
    }

    [Theory]
    [InlineData(LabelPosition.Start)]
    [InlineData(LabelPosition.End)]
    [InlineData(LabelPosition.Both)]
    public void Label_string_of_empty_text_is_just_the_label(LabelPosition position)
    {
        var labeled = Service(position).Label(string.Empty);

        LabelAssert.Labeled(position, LabelText, string.Empty, labeled);
    }

    [Theory]
    [MemberData(nameof(PositionsAndContents))]
    public void Label_string_is_idempotent(LabelPosition position, string content)
    {
        var service = Service(position);
        var once = service.Label(content);

        Assert.Equal(once, service.Label(once));
        Assert.Equal(once, service.Label(service.Label(once)));
    }

    [Theory]
    [InlineData(LabelPosition.Start)]
    [InlineData(LabelPosition.End)]
    [InlineData(LabelPosition.Both)]
    public void Label_string_is_idempotent_for_text_that_is_only_the_label(LabelPosition position)
    {
        var service = Service(position);
        var once = service.Label(LabelText);

        Assert.Contains(LabelText, once, StringComparison.Ordinal);
        Assert.Equal(once, service.Label(once));
    }

    [Fact]
    public void Label_string_with_a_label_only_at_the_end_still_gets_the_start_label()
    {
        var service = Service(LabelPosition.Both);
        var endLabeled = Service(LabelPosition.End).Label("hello");

        Assert.Equal(LabelAssert.Expected(LabelPosition.Both, LabelText, "hello"), service.Label(endLabeled));
    }

    [Theory]
    [InlineData(LabelPosition.Start)]
    [InlineData(LabelPosition.End)]
    [InlineData(LabelPosition.Both)]
    public void Label_string_null_throws_ArgumentNullException(LabelPosition position)
    {
        var exception = Assert.Throws<ArgumentNullException>(() => Service(position).Label((string)null!));
        Assert.Equal("text", exception.ParamName);
    }

    [Fact]
    public void Label_uses_the_default_wording_when_LabelText_is_not_set()
    {
        var service = GeneratedService.Load(ServiceSource.Create("\"" + ServiceSource.NationalNumber + "\""));

        Assert.Equal("内容由人工智能生成", service.LabelText);
        Assert.Equal("内容由人工智能生成\nhello", service.Label("hello"));
    }

    [Fact]
    public void Label_string_carries_the_AiContentLabeler_attribute()
    {
        var service = Service(LabelPosition.Start);

        Assert.All(
            service.Type.GetMethods().Where(m => m.Name == "Label"),
            m => Assert.Contains(m.GetCustomAttributes(false), a => a.GetType().FullName == "AiCompliance.AiContentLabelerAttribute"));
        Assert.Equal(2, service.Type.GetMethods().Count(m => m.Name == "Label"));
    }

    // ---- Label(IAsyncEnumerable<string>) ----

    private static async IAsyncEnumerable<string> Chunks(IEnumerable<string> chunks, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var chunk in chunks)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return chunk;
        }
    }

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> stream)
    {
        var list = new List<string>();
        await foreach (var item in stream)
        {
            list.Add(item);
        }

        return list;
    }

    [Theory]
    [InlineData(LabelPosition.Start)]
    [InlineData(LabelPosition.End)]
    [InlineData(LabelPosition.Both)]
    public async Task Label_stream_labels_once_and_keeps_the_chunks_in_order(LabelPosition position)
    {
        var chunks = new[] { "第一", "段", " second", string.Empty, "third\n" };
        var result = await ToListAsync(Service(position).Label(Chunks(chunks)));

        var expected = new List<string>();
        if (position != LabelPosition.End)
        {
            expected.Add(LabelText + "\n");
        }

        expected.AddRange(chunks);
        if (position != LabelPosition.Start)
        {
            expected.Add("\n" + LabelText);
        }

        Assert.Equal(expected, result);
        LabelAssert.Labeled(position, LabelText, string.Concat(chunks), string.Concat(result));
    }

    [Theory]
    [InlineData(LabelPosition.Start)]
    [InlineData(LabelPosition.End)]
    [InlineData(LabelPosition.Both)]
    public async Task Label_stream_of_an_empty_stream_stays_empty(LabelPosition position)
    {
        Assert.Empty(await ToListAsync(Service(position).Label(Chunks(Array.Empty<string>()))));
    }

    [Theory]
    [InlineData(LabelPosition.Start)]
    [InlineData(LabelPosition.End)]
    [InlineData(LabelPosition.Both)]
    public async Task Label_stream_can_be_enumerated_twice(LabelPosition position)
    {
        var labeled = Service(position).Label(Chunks(new[] { "a", "b" }));

        var first = await ToListAsync(labeled);
        var second = await ToListAsync(labeled);

        Assert.Equal(first, second);
        Assert.Equal(LabelAssert.ExpectedCount(position), first.Count(c => c.Contains(LabelText, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(LabelPosition.Start)]
    [InlineData(LabelPosition.End)]
    [InlineData(LabelPosition.Both)]
    public async Task Label_stream_cancellation_through_WithCancellation_reaches_the_source(LabelPosition position)
    {
        var sourceTokenCancelable = false;
        async IAsyncEnumerable<string> Endless([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            sourceTokenCancelable = cancellationToken.CanBeCanceled;
            for (var i = 0; i < 10_000; i++)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                yield return "chunk" + i;
            }
        }

        using var cts = new CancellationTokenSource();
        var received = new List<string>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in Service(position).Label(Endless()).WithCancellation(cts.Token))
            {
                received.Add(chunk);
                if (chunk == "chunk1")
                {
                    cts.Cancel();
                }
            }
        });

        Assert.True(sourceTokenCancelable, "the token given to WithCancellation did not reach the source stream");
        Assert.Equal("chunk1", received[^1]);
        Assert.Equal(position == LabelPosition.End ? 2 : 3, received.Count);
    }

    [Theory]
    [InlineData(LabelPosition.Start)]
    [InlineData(LabelPosition.End)]
    [InlineData(LabelPosition.Both)]
    public async Task Label_stream_with_a_token_cancelled_up_front_yields_nothing(LabelPosition position)
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var received = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var chunk in Service(position).Label(Chunks(new[] { "a", "b" })).WithCancellation(cts.Token))
            {
                received.Add(chunk);
            }
        });

        Assert.Empty(received);
    }

    [Fact]
    public void Label_stream_null_throws_ArgumentNullException_eagerly()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => Service(LabelPosition.Start).Label((IAsyncEnumerable<string>)null!));
        Assert.Equal("stream", exception.ParamName);
    }

    // ---- ImplicitLabel ----

    public static TheoryData<string> ContentIds() => new()
    {
        "resp-1",
        string.Empty,
        "quote\" backslash\\ newline\n cr\r tab\t",
        "中文标识符-内容",
        "emoji 😀 and \u2028 and \u0085 and \u007F and \u0001",
        "{\"AIGC\":{}}",
        "</script><!--",
    };

    [Theory]
    [MemberData(nameof(ContentIds))]
    public void ImplicitLabel_is_the_Annex_E_object_under_AIGC(string contentId)
    {
        var service = GeneratedService.Load(ServiceSource.Create("\"" + ServiceSource.NationalNumber + "\", Provider = \"ExampleCo\""));

        var json = service.ImplicitLabel(contentId);
        var fields = LabelAssert.ImplicitLabel(json);

        Assert.Equal("ExampleCo", fields["ContentProducer"]);
        Assert.Equal(contentId, fields["ProduceID"]);

        // Everything outside printable ASCII is written as a \uXXXX escape.
        Assert.All(json, c => Assert.InRange(c, ' ', '~'));
    }

    [Theory]
    [MemberData(nameof(ContentIds))]
    public void ImplicitLabelValue_is_the_bare_object_inside_ImplicitLabel(string contentId)
    {
        var service = GeneratedService.Load(ServiceSource.Create("\"" + ServiceSource.NationalNumber + "\", Provider = \"ExampleCo\""));

        var value = service.ImplicitLabelValue(contentId);
        var fields = LabelAssert.AnnexEObject(value);

        Assert.Equal(contentId, fields["ProduceID"]);
        using var wrapped = JsonDocument.Parse(service.ImplicitLabel(contentId));
        Assert.Equal(value, wrapped.RootElement.GetProperty("AIGC").GetRawText());
    }

    [Theory]
    [InlineData(ServiceSource.NationalNumber)]
    [InlineData(ServiceSource.LocalNumber)]
    public void ImplicitLabel_ContentProducer_is_the_registration_number_when_Provider_is_not_set(string number)
    {
        var service = GeneratedService.Load(ServiceSource.Create("\"" + number + "\""));

        Assert.Equal(number, service.ContentProducer);
        Assert.Equal(number, LabelAssert.ImplicitLabel(service.ImplicitLabel("x"))["ContentProducer"]);
    }

    [Fact]
    public void ImplicitLabel_ContentProducer_round_trips_a_provider_that_needs_JSON_escaping()
    {
        const string Provider = "某某科技 \"Co\" \\ Ltd\n";
        var service = GeneratedService.Load(ServiceSource.Create("\"" + ServiceSource.NationalNumber + "\", Provider = " + ServiceSource.Literal(Provider)));

        Assert.Equal(Provider, service.ContentProducer);
        Assert.Equal(Provider, LabelAssert.ImplicitLabel(service.ImplicitLabel("id"))["ContentProducer"]);
    }

    [Fact]
    public void ImplicitLabel_with_a_null_id_has_an_empty_ProduceID()
    {
        var service = GeneratedService.Load(ServiceSource.Create("\"" + ServiceSource.NationalNumber + "\""));

        Assert.Equal(string.Empty, LabelAssert.ImplicitLabel(service.ImplicitLabel(null))["ProduceID"]);
    }

    // ---- Registration display ----

    [Theory]
    [InlineData(ServiceSource.NationalNumber, "YunQue", "已备案", "已登记")]
    [InlineData(ServiceSource.LocalNumber, "Plaud", "已登记", "已备案")]
    public void RegistrationNotice_names_the_service_and_number_worded_by_kind(string number, string nameFromNumber, string wording, string otherWording)
    {
        var service = GeneratedService.Load(ServiceSource.Create("\"" + number + "\""));

        Assert.Equal(number, service.RegistrationNumber);
        Assert.Equal(nameFromNumber, service.ServiceName);
        var notice = service.RegistrationNotice;
        Assert.Contains(nameFromNumber, notice, StringComparison.Ordinal);
        Assert.Contains(number, notice, StringComparison.Ordinal);
        Assert.Contains(wording, notice, StringComparison.Ordinal);
        Assert.DoesNotContain(otherWording, notice, StringComparison.Ordinal);
        Assert.True(notice.IndexOf(nameFromNumber + " ", StringComparison.Ordinal) < notice.LastIndexOf(number, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ServiceSource.NationalNumber, "filed")]
    [InlineData(ServiceSource.LocalNumber, "registered")]
    public void RegistrationNoticeEnglish_names_the_service_and_number(string number, string wording)
    {
        var service = GeneratedService.Load(ServiceSource.Create("\"" + number + "\", ServiceName = \"My Bot\""));

        var notice = service.RegistrationNoticeEnglish;
        Assert.Contains("My Bot", notice, StringComparison.Ordinal);
        Assert.Contains(number, notice, StringComparison.Ordinal);
        Assert.Contains(wording, notice, StringComparison.Ordinal);
        Assert.All(notice, c => Assert.True(c < 128, "the English notice should be ASCII: " + notice));
    }

    [Fact]
    public void ServiceName_set_explicitly_is_used_in_the_notice()
    {
        var service = GeneratedService.Load(ServiceSource.Create("\"" + ServiceSource.NationalNumber + "\", ServiceName = \"云雀大模型\""));

        Assert.Equal("云雀大模型", service.ServiceName);
        Assert.Contains("云雀大模型", service.RegistrationNotice, StringComparison.Ordinal);
        Assert.DoesNotContain("YunQue ", service.RegistrationNotice, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceName_falls_back_to_the_class_name_when_the_number_has_no_name_part()
    {
        var service = GeneratedService.Load(ServiceSource.Create("\"garbage\"", typeName: "MyBot"), "App.MyBot");

        Assert.Equal("garbage", service.RegistrationNumber);
        Assert.Equal("MyBot", service.ServiceName);
        Assert.Contains("MyBot", service.RegistrationNotice, StringComparison.Ordinal);
    }
}
