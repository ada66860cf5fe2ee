using System.Linq;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Generator;

public class GeneratorSmokeTests
{
    [Fact]
    public void Label_puts_the_default_label_at_the_start()
    {
        var assembly = GeneratorHarness.GenerateAndLoad("""
            using AiCompliance;
            namespace App;
            [RegisteredAiService("Beijing-YunQue-20230821", ServiceName = "YunQue", Provider = "Co")]
            public static partial class Svc { }
            """);
        var type = assembly.GetType("App.Svc")!;
        var label = type.GetMethods().Single(m => m.Name == "Label" && m.GetParameters()[0].ParameterType == typeof(string));
        Assert.Equal("内容由人工智能生成\nhello", label.Invoke(null, new object[] { "hello" }));
    }
}
