using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Rules;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AiCompliance.Tests.Engine;

/// <summary>
/// The rules run once per tree and find its code blocks themselves (<see cref="CodeBlocks"/>): they must find the
/// blocks the analyzer driver hands to a code-block action, each with the same method, for every shape of member.
/// </summary>
public class CodeBlocksTests
{
    private const string EveryShape = """
        using System;
        Console.WriteLine("top-level");
        static string LocalTop() => "x";

        namespace Shapes
        {
            public record R(string A) { public string B => A; public string C { get => A; set { } } public int this[int i] => i; }
            public record S(string A) : R(A);
            public class Base(string s) { public virtual string V() => s; }
            public class C(string p) : Base(p)
            {
                private string f = "x";
                public string P => f;
                public string Q { get; } = "init";
                public string W { get { return f; } init { f = value; } }
                public C() : this("z") { }
                static C() { }
                ~C() { }
                public static C operator +(C a, C b) => a;
                public static implicit operator string(C c) => c.f;
                public event Action E { add { } remove { } }
                public override string V() { string Local() => f; return Local(); }
                public string N() => f;
                partial class Nested { partial void Z(); partial void Z() { } }
            }
            public interface I { string M(); string D() => "default"; }
            public abstract class A { public abstract string M(); public extern string X(); }
            public struct St(int x) { public int X => x; }
        }
        """;

    [Fact]
    public async Task The_blocks_found_in_a_tree_are_the_blocks_the_driver_hands_out()
    {
        var compilation = TestReferences.Compile(EveryShape).WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);

        var recorder = new BlockRecorder();
        await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(recorder)).GetAnalyzerDiagnosticsAsync();
        var driver = recorder.Blocks.Where(b => HasGraph(model, b.Block)).Select(b => Describe(b.Method, b.Block)).OrderBy(s => s).ToList();

        var found = CodeBlocks.Of(tree.GetRoot(), null)
            .Select(b => (Method: CodeBlocks.MethodOf(model, b, CancellationToken.None), Block: b))
            .Where(b => b.Method is not null && HasGraph(model, b.Block))
            .Select(b => Describe(b.Method!, b.Block)).OrderBy(s => s).ToList();

        Assert.True(driver.Count >= 20, string.Join("\n", driver)); // the shapes above, not an empty list
        Assert.Equal(driver, found);
    }

    [Fact]
    public void A_span_in_one_method_finds_that_method_only()
    {
        var compilation = TestReferences.Compile(EveryShape).WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var root = compilation.SyntaxTrees.Single().GetRoot();
        var method = root.DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "N");

        var blocks = CodeBlocks.Of(root, method.Body?.Span ?? method.ExpressionBody!.Span).ToList();

        // The file's top-level statements and C's primary constructor are blocks whose span holds the method's; no other.
        var type = method.Ancestors().OfType<ClassDeclarationSyntax>().First();
        Assert.Equal("C", type.Identifier.ValueText);
        Assert.Equal(new SyntaxNode[] { root, type, method }, blocks);
    }

    private static bool HasGraph(SemanticModel model, SyntaxNode block) =>
        FlowContext.GraphOf(model.GetOperation(block), CancellationToken.None) is not null;

    private static string Describe(IMethodSymbol method, SyntaxNode block) =>
        method.ToDisplayString() + " @ " + block.Kind() + " " + block.SpanStart;

#pragma warning disable RS1001, RS2008 // a test's recorder, run directly through CompilationWithAnalyzers, never shipped
    private sealed class BlockRecorder : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new("TEST01", "unused", "unused", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public ConcurrentBag<(IMethodSymbol Method, SyntaxNode Block)> Blocks { get; } = new();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze);
            context.EnableConcurrentExecution();
            context.RegisterCodeBlockAction(c =>
            {
                if (c.OwningSymbol is IMethodSymbol method)
                {
                    Blocks.Add((method, c.CodeBlock));
                }
            });
        }
    }
}
#pragma warning restore RS1001, RS2008
