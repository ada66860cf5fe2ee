using System.Linq;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace AiCompliance.Tests.Engine;

/// <summary>
/// Metadata-name lookups in referenced assemblies are shared by compilations that hold the same referenced assembly
/// symbols (an IDE keystroke), never by compilations of other references, and the compilation's own type still wins.
/// </summary>
public class WellKnownTypesTests
{
    private const string ChatClient = "Microsoft.Extensions.AI.IChatClient";

    [Fact]
    public void A_keystroke_compilation_reuses_the_lookups_and_another_reference_set_does_not()
    {
        var tree = CSharpSyntaxTree.ParseText("class A { }", TestReferences.ParseOptions);
        var compilation = CSharpCompilation.Create("App", new[] { tree }, FlowVerifier.All);
        var keystroke = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText("class A { int x; }", TestReferences.ParseOptions));
        var other = CSharpCompilation.Create("App", new[] { tree }, TestReferences.Net100);

        Assert.Same(ReferencedTypes.For(compilation), ReferencedTypes.For(keystroke));
        Assert.NotSame(ReferencedTypes.For(compilation), ReferencedTypes.For(other));

        // Same answers as the compiler's own lookup.
        Assert.Same(compilation.GetTypeByMetadataName(ChatClient), WellKnownTypes.For(compilation).Get(ChatClient));
        Assert.Same(keystroke.GetTypeByMetadataName(ChatClient), WellKnownTypes.For(keystroke).Get(ChatClient));
        Assert.Null(WellKnownTypes.For(other).Get(ChatClient));
        Assert.Empty(WellKnownTypes.For(other).GetAll(ChatClient));
    }

    [Fact]
    public void The_compilations_own_type_of_the_name_wins_and_is_listed_first()
    {
        var compilation = CSharpCompilation.Create("App",
            new[] { CSharpSyntaxTree.ParseText("namespace Microsoft.Extensions.AI { public interface IChatClient { } }", TestReferences.ParseOptions) },
            FlowVerifier.All);
        var own = WellKnownTypes.For(compilation).Get(ChatClient);
        Assert.NotNull(own);
        Assert.Equal(compilation.Assembly, own!.ContainingAssembly, SymbolEqualityComparer.Default);
        var all = WellKnownTypes.For(compilation).GetAll(ChatClient);
        Assert.Equal(2, all.Length);
        Assert.Same(own, all[0]);
        Assert.Equal("Microsoft.Extensions.AI.Abstractions", all[1].ContainingAssembly.Name);
    }
}
