using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// The role values of chat messages (Microsoft.Extensions.AI <c>ChatRole</c>, Semantic Kernel <c>AuthorRole</c>): a
    /// branch on a message's role tells whose message it is (the engine refines on <c>Role == …</c>). Only the
    /// assistant's messages hold model text; the user's, the app's (system) and tools' do not.
    /// </summary>
    internal static class MessageRoles
    {
        public const string Assistant = "Assistant";

        /// <summary>"Assistant", "User", "System" or "Tool" for a static role property of a known role type; else null.</summary>
        public static string? Of(IPropertySymbol property) =>
            property.IsStatic && property.Name is Assistant or "User" or "System" or "Tool" &&
            property.ContainingType is { Name: "ChatRole" or "AuthorRole" } type &&
            type.ContainingNamespace?.ToDisplayString() is "Microsoft.Extensions.AI" or "Microsoft.SemanticKernel.ChatCompletion"
                ? property.Name
                : null;
    }
}
