using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// A <c>Stream</c> write whose stream is a file (<c>FileStream</c>, as <c>File.OpenWrite</c> / <c>File.Create</c> return
    /// it): the receiver of <c>Write</c> / <c>WriteAsync</c>, or the destination of <c>CopyTo</c> / <c>CopyToAsync</c>. By the
    /// static type: a file stream held as a plain <c>Stream</c> is not seen (a memory buffer is not a file).
    /// </summary>
    internal sealed class FileStreamTarget : SinkCondition
    {
        public static FileStreamTarget Instance { get; } = new FileStreamTarget();

        public override string Name => "the stream written (the receiver, or CopyTo's destination) is a FileStream";

        public override bool Holds(CallSite site)
        {
            var stream = site.Method.Name.StartsWith("CopyTo", System.StringComparison.Ordinal)
                ? (site.Invocation.Arguments.Length > 0 ? site.Invocation.Arguments[0].Value : null)
                : site.Invocation.Instance;
            return site.Model.FileStream is { } fileStream && FlowModel.IsOrDerives(Unconverted(stream)?.Type, fileStream);
        }

        private static IOperation? Unconverted(IOperation? operation) =>
            operation is Microsoft.CodeAnalysis.Operations.IConversionOperation { IsImplicit: true } conversion ? conversion.Operand : operation;
    }
}
