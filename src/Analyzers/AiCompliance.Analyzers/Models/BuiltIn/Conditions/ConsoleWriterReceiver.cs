using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>A <c>TextWriter</c> write is a sink only when the writer is <c>Console.Out</c> or <c>Console.Error</c> (or a local holding it).</summary>
    internal sealed class ConsoleWriterReceiver : SinkCondition
    {
        public static ConsoleWriterReceiver Instance { get; } = new ConsoleWriterReceiver();

        public override string Name => "the receiver is Console.Out or Console.Error";

        public override bool Holds(CallSite site) =>
            site.MemberRead(site.Invocation.Instance, "Out", "Error") is IPropertySymbol { Name: "Out" or "Error" } property &&
            SymbolEqualityComparer.Default.Equals(property.ContainingType, site.Model.Console);
    }
}
