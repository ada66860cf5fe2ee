using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static AiCompliance.Tests.Rules.Aic001.PrefilterCompilations;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// Mentions of a producing member's name that the text settles without binding the body: a name only written
/// (<c>new Report { Exception = text }</c>) or written as a type (<c>catch (Exception e)</c>), and receivers read along their
/// access path (<c>context.Function.Type</c>, <c>Consts.GenAI.Output.Type</c>). On dotnet/extensions' Microsoft.Extensions.AI
/// these took the bodies the index binds from 151 to 116. Each test also checks what still produces.
/// </summary>
public class ReceiverChainsTests
{
    [Fact]
    public void A_name_only_written_or_written_as_a_type_does_not_read_the_member()
    {
        var compilation = Library("Positions", Code.Header + """
            class Report
            {
                public string Exception { get; set; } = "";
                public static async Task<Report> Ask(IChatClient client) => new Report { Exception = (await client.GetResponseAsync("q")).Text };
            }

            class Log
            {
                public string Catching(Func<string> f) { try { return f(); } catch (Exception e) { return e.GetType().Name; } }
                public Report Make(string s) => new Report { Exception = s };
                public string Typed() => typeof(Exception).Name + default(Exception)?.Message + new Exception("x").Message;
                public void Assign(Report r, string s) { var copy = r; copy.Exception = s; }
                public void Mixed(Report r) { try { r.Exception = ""; } catch (Exception e) { r.Exception = e.Message; } }

                public string Read(object o) => ((Report)o).Exception;
                public string Compound(object o) { var r = (Report)o; r.Exception += "!"; return r.Exception; }
            }
            """);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));
        var log = compilation.GetTypeByMetadataName("Log")!;

        foreach (var name in new[] { "Catching", "Make", "Typed", "Assign", "Mixed" })
        {
            Assert.False(context.MayProduce(log.GetMembers(name).Single()), name);
        }

        foreach (var name in new[] { "Read", "Compound" })
        {
            Assert.True(context.MayProduce(log.GetMembers(name).Single()), name);
        }

        // Bound: Report.Ask (to confirm GetResponseAsync), Read (whose receiver is a cast: the text does not tell its type)
        // and Compound (a Report, so it may be that member: the symbol confirms it). Mixed writes r.Exception, a Report's,
        // and names Exception as a type: neither reads it, so it is not bound.
        Assert.Equal(3, context.Prefilter.ConfirmationsBound);
    }

    private const string ChainsCode = Code.Header + """
        static class Consts
        {
            public static class GenAI
            {
                public static class Output { public const string Type = "gen_ai.output.type"; }
            }
        }

        class Part
        {
            public string Type { get; set; } = "";
            public static async Task<Part> Ask(IChatClient client) => new Part { Type = (await client.GetResponseAsync("q")).Text };
        }

        class Function { public string Type { get; set; } = ""; }
        class Base { public Function Function { get; set; } = new(); }
        class Context : Base { }
        class Holder { public Part Part { get; set; } = new(); public static Holder Shared { get; } = new(); }
        class Elsewhere { public string Output { get; set; } = ""; }
        class Box<T> { public T Item { get; set; } = default!; }

        class Tracer
        {
            private readonly Context _context = new();

            public string Constant() => Consts.GenAI.Output.Type;
            public string Chain(Context context) => context.Function.Type;
            public string Field() => this._context.Function.Type + _context.Function.Type;

            public string ToPart(Holder holder) => holder.Part.Type;
            public string StaticToPart() => Holder.Shared.Part.Type;
            public string Generic(Box<Part> box) => box.Item.Type;
            public string Untyped() { var holder = new Holder(); var part = holder.Part; return part.Type; }
        }
        """;

    [Fact]
    public void A_receiver_read_along_its_path_spares_the_binding_and_loses_nothing()
    {
        var compilation = Library("Chains", ChainsCode);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));
        var tracer = compilation.GetTypeByMetadataName("Tracer")!;

        // A constant of a nested static type (Output is also a property of another type), a typed parameter's property
        // declared in its base class, a field's: none is Part.Type.
        foreach (var name in new[] { "Constant", "Chain", "Field" })
        {
            Assert.False(context.MayProduce(tracer.GetMembers(name).Single()), name);
        }

        // Holder.Part is a Part, read from a parameter or a static property; a type argument and a var are left to the symbols.
        foreach (var name in new[] { "ToPart", "StaticToPart", "Generic", "Untyped" })
        {
            Assert.True(context.MayProduce(tracer.GetMembers(name).Single()), name);
        }

        // Bound: Part.Ask (to confirm GetResponseAsync), and the four that may read Part.Type, to confirm it.
        Assert.Equal(5, context.Prefilter.ConfirmationsBound);
    }

    [Fact]
    public void A_static_classs_field_is_no_extension_member()
    {
        var compilation = Library("StaticField", Code.Header + """
            static class Last
            {
                public static string Type = "";
                public static async Task Ask(IChatClient client) => Type = (await client.GetResponseAsync("q")).Text;
            }

            class Function { public string Type { get; set; } = ""; }

            class Reader
            {
                public string Other(Function function) => function.Type;
                public string Read() => Last.Type;
            }
            """);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var context = new FlowContext(FlowModel.Create(compilation));
        var reader = compilation.GetTypeByMetadataName("Reader")!;
        Assert.False(context.MayProduce(reader.GetMembers("Other").Single()));
        Assert.True(context.MayProduce(reader.GetMembers("Read").Single()));

        // Bound: Last.Ask only, to confirm GetResponseAsync (Last.Type names its type, so the text decides). A static
        // class's method may be an extension member, reached from a receiver of any type, but its field Type is not:
        // function.Type is settled by the parameter's type.
        Assert.Equal(1, context.Prefilter.ConfirmationsBound);
    }

    // AIC001 end to end: the path through a typed property reaches the producing member, and is reported; the nested
    // constant and the other type's property are not.
    [Fact]
    public Task A_producing_member_read_along_a_typed_path_is_reported() => FlowVerifier.VerifyAsync(Code.Header + """
        static class Consts { public static class Output { public const string Type = "gen_ai.output.type"; } }
        class Part { public string Type { get; set; } = ""; }
        class Function { public string Type { get; set; } = ""; }
        class Holder { public Part Part { get; set; } = new(); public Function Function { get; set; } = new(); }
        class Page
        {
            private readonly Holder _holder = new();

            async Task Ask(IChatClient client) => _holder.Part.Type = (await client.GetResponseAsync("q")).Text;

            void Show()
            {
                Console.WriteLine([|_holder.Part.Type|]);
                Console.WriteLine(_holder.Function.Type);
                Console.WriteLine(Consts.Output.Type);
            }
        }
        """);
}
