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
    [Fact]
    public void Asking_only_the_assemblies_that_declare_the_type_name_finds_what_asking_every_assembly_finds()
    {
        var compilation = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText("class A { }", TestReferences.ParseOptions) }, FlowVerifier.All);
        var assemblies = compilation.SourceModule.ReferencedAssemblySymbols;
        var names = new System.Collections.Generic.List<string>
        {
            "System.Environment+SpecialFolder", "System.Collections.Generic.List`1", "No.Such.Namespace.Type", "System.NoSuchType", "NoNamespace",
        };
        foreach (var assembly in assemblies)
        {
            names.AddRange(MetadataNames(assembly.GlobalNamespace).Take(40)); // top-level, nested and generic types of every reference
        }

        var referenced = ReferencedTypes.For(compilation);
        var checkedNames = 0;
        foreach (var name in names.Distinct())
        {
            var expected = assemblies.Select(a => a.GetTypeByMetadataName(name)).Where(t => t is not null).ToList();
            Assert.Equal(expected, referenced.Get(name).ToList<INamedTypeSymbol?>());
            checkedNames++;
        }

        Assert.True(checkedNames > 1000, checkedNames.ToString());
        Assert.Equal("List", ReferencedTypes.TopLevelNameOf("System.Collections.Generic.List`1"));
        Assert.Equal("Environment", ReferencedTypes.TopLevelNameOf("System.Environment+SpecialFolder"));
        Assert.Equal("B", ReferencedTypes.TopLevelNameOf("A.B+C.D"));
        Assert.Equal("NoNamespace", ReferencedTypes.TopLevelNameOf("NoNamespace"));
    }

    private static System.Collections.Generic.IEnumerable<string> MetadataNames(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers())
        {
            var name = ns.IsGlobalNamespace ? type.MetadataName : ns.ToDisplayString() + "." + type.MetadataName;
            yield return name;
            foreach (var nested in type.GetTypeMembers())
            {
                yield return name + "+" + nested.MetadataName;
            }
        }

        foreach (var inner in ns.GetNamespaceMembers())
        {
            foreach (var name in MetadataNames(inner))
            {
                yield return name;
            }
        }
    }
}
