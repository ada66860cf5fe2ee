using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>
    /// How the prefilter names a type of the compilation: its namespace and its own name (<c>Shop.Chat.ChatService</c>;
    /// a nested type by its own name in its outermost type's namespace), so two apps' or two folders' <c>ChatService</c>
    /// are two types. The same key from syntax (before binding) and from a symbol.
    /// </summary>
    internal static class TypeKey
    {
        public static string Of(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

        public static string Of(INamedTypeSymbol type)
        {
            var ns = type.ContainingNamespace;
            return ns is null || ns.IsGlobalNamespace ? type.Name : Of(ns.ToDisplayString(), type.Name);
        }

        /// <summary>The type's own name (what the code writes).</summary>
        public static string SimpleName(string key)
        {
            var dot = key.LastIndexOf('.');
            return dot < 0 ? key : key.Substring(dot + 1);
        }

        /// <summary>The namespace part of the key ("" for the global namespace).</summary>
        public static string Namespace(string key)
        {
            var dot = key.LastIndexOf('.');
            return dot < 0 ? string.Empty : key.Substring(0, dot);
        }

        /// <summary>The namespace a declaration is in, from the namespace declarations around it (file-scoped included).</summary>
        public static string NamespaceOf(SyntaxNode node)
        {
            List<string>? parts = null;
            for (var n = node.Parent; n is not null; n = n.Parent)
            {
                if (n is BaseNamespaceDeclarationSyntax ns)
                {
                    (parts ??= new List<string>()).Insert(0, Clean(ns.Name.ToString()));
                }
            }

            return parts is null ? string.Empty : string.Join(".", parts);
        }

        /// <summary>A namespace name as written, without spaces or <c>global::</c>.</summary>
        public static string Clean(string name)
        {
            name = name.Replace(" ", string.Empty);
            return name.StartsWith("global::", System.StringComparison.Ordinal) ? name.Substring(8) : name;
        }
    }
}
