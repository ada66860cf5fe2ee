using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>Names read from syntax, before any binding.</summary>
    internal static class SyntaxNames
    {
        /// <summary>The name an expression ends with (<c>Label</c> of <c>Svc.Label</c>, <c>_onToken</c>), or null.</summary>
        public static string? NameOf(ExpressionSyntax expression) => expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => null,
        };
    }
}
