using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using AiCompliance.Tests.Infrastructure;
using Xunit;

namespace AiCompliance.Tests.Repository;

/// <summary>
/// The code base stays readable in parts: no source file under src/ over 800 lines, no method, constructor, accessor,
/// operator or local function over 120 lines (from its first line to its last).
/// </summary>
public sealed class CodeShapeTests
{
    private const int MaxFileLines = 800;
    private const int MaxMemberLines = 120;

    private static readonly string Src = Path.Combine(RepositoryRoot.Find(), "src");

    private static string[] SourceFiles() => Directory.GetFiles(Src, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
        .ToArray();

    [Fact]
    public void No_source_file_is_over_800_lines()
    {
        var files = SourceFiles();
        Assert.True(files.Length > 50, "src/ was not found or is nearly empty: " + Src);
        var tooLong = files
            .Select(f => (File: Path.GetRelativePath(Src, f), Lines: File.ReadAllLines(f).Length))
            .Where(f => f.Lines > MaxFileLines)
            .Select(f => $"{f.File}: {f.Lines} lines")
            .ToList();
        Assert.True(tooLong.Count == 0, string.Join("\n", tooLong));
    }

    [Fact]
    public void No_method_is_over_120_lines()
    {
        var tooLong = SourceFiles()
            .SelectMany(file =>
            {
                var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file);
                return tree.GetRoot().DescendantNodes()
                    .Where(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax)
                    .Select(n => (Node: n, Span: n.GetLocation().GetLineSpan()))
                    .Select(m => (Name: Name(m.Node), File: Path.GetRelativePath(Src, file), Line: m.Span.StartLinePosition.Line + 1, Lines: m.Span.EndLinePosition.Line - m.Span.StartLinePosition.Line + 1));
            })
            .Where(m => m.Lines > MaxMemberLines)
            .Select(m => $"{m.File}:{m.Line} {m.Name}: {m.Lines} lines")
            .ToList();
        Assert.True(tooLong.Count == 0, string.Join("\n", tooLong));
    }

    private static string Name(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax m => m.Identifier.ValueText,
        ConstructorDeclarationSyntax c => c.Identifier.ValueText + " (constructor)",
        LocalFunctionStatementSyntax l => l.Identifier.ValueText + " (local function)",
        AccessorDeclarationSyntax a => a.Keyword.ValueText + " accessor",
        _ => node.Kind().ToString(),
    };
}
