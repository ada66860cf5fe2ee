using System;
using System.IO;
using System.Linq;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AiCompliance.Tests.Generator;

public class ZzScratchTests
{
    static void Dump(string name, string source, bool meai, CSharpParseOptions? po = null)
    {
        var comp = TestReferences.Compile(source, meai, parseOptions: po);
        var (output, result) = GeneratorHarness.Run(comp);
        var diags = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
        File.WriteAllText("/tmp/scratch/" + name + ".txt",
            string.Join("\n", diags) + "\n-----\n" + string.Join("\n=====\n", result.Results[0].GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText)));
    }

    [Fact]
    public void Scratch()
    {
        Dump("cs73", "using AiCompliance;\n[RegisteredAiService(\"Beijing-YunQue-20230821\")] public static partial class Svc { }", true, new CSharpParseOptions(LanguageVersion.CSharp7_3));
        Dump("cs8", "using AiCompliance;\n[RegisteredAiService(\"Beijing-YunQue-20230821\")] public static partial class Svc { }", true, new CSharpParseOptions(LanguageVersion.CSharp8));
        Dump("kw", "using AiCompliance;\nnamespace @class.@int { [RegisteredAiService(\"Beijing-YunQue-20230821\")] public static partial class @class { } [RegisteredAiService(\"Beijing-YunQue-20230821\")] public static partial class 服务 { } }", true);
        Dump("docs", "using AiCompliance;\n/// <summary>x</summary>\n[RegisteredAiService(\"Beijing-YunQue-20230821\")] public static partial class Svc { }", true, new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose));
        Dump("full", "using AiCompliance;\nnamespace App;\n[RegisteredAiService(\"Beijing-YunQue-20230821\", ServiceName=\"YQ\", Provider=\"Co\", LabelText=\"AI生成\", LabelPosition=LabelPosition.Both)] public static partial class Svc { }", true);
    }
}
