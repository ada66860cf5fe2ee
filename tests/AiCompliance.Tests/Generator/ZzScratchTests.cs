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
        var comp = TestReferences.Compile(source, meai, parseOptions: po); if (po is not null && po.LanguageVersion < LanguageVersion.CSharp8) comp = comp.WithOptions(comp.Options.WithNullableContextOptions(NullableContextOptions.Disable));
        var (output, result) = GeneratorHarness.Run(comp);
        var diags = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
        File.WriteAllText("/tmp/scratch/" + name + ".txt",
            string.Join("\n", diags) + "\n-----\n" + string.Join("\n=====\n", result.Results[0].GeneratedSources.Select(s => s.HintName + "\n" + s.SourceText)));
    }

    [Fact]
    public void Scratch()
    {
        Dump("refstruct", "using AiCompliance;\nnamespace App; public ref partial struct Outer { [RegisteredAiService(\"Beijing-YunQue-20230821\")] public static partial class Svc { } }", true);
        Dump("rostruct", "using AiCompliance;\nnamespace App; public readonly partial struct Outer { [RegisteredAiService(\"Beijing-YunQue-20230821\")] public static partial class Svc { } }", true);
        Dump("file", "using AiCompliance;\nnamespace App; [RegisteredAiService(\"Beijing-YunQue-20230821\")] file static partial class Svc { }", true);
        Dump("fileouter", "using AiCompliance;\nnamespace App; file partial class Outer { [RegisteredAiService(\"Beijing-YunQue-20230821\")] public static partial class Svc { } }", true);
        Dump("unsafe", "using AiCompliance;\nnamespace App; unsafe partial class Outer { [RegisteredAiService(\"Beijing-YunQue-20230821\")] public static partial class Svc { } }", true);
        Dump("recprim", "using AiCompliance;\nnamespace App; public partial record Outer(int X) { [RegisteredAiService(\"Beijing-YunQue-20230821\")] public static partial class Svc { } } public partial record struct RS(int Y) { [RegisteredAiService(\"Beijing-YunQue-20230821\")] public static partial class Svc2 { } } public partial interface IO { [RegisteredAiService(\"Beijing-YunQue-20230821\")] public static partial class Svc3 { } }", true);
        Dump("recsvc", "using AiCompliance;\nnamespace App; [RegisteredAiService(\"Beijing-YunQue-20230821\")] public partial record Svc { } ", true);
        Dump("cs6", "using AiCompliance;\n[RegisteredAiService(\"Beijing-YunQue-20230821\")] public static partial class Svc { }", false, new CSharpParseOptions(LanguageVersion.CSharp6));
    }
}
