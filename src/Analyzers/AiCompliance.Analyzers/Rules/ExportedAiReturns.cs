using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiCompliance.Analyzers.Rules
{
    /// <summary>A member of one project that returns unlabeled AI content to the projects that reference it.</summary>
    internal sealed class ExportedAiReturn : IEquatable<ExportedAiReturn>
    {
        public ExportedAiReturn(string typeMetadataName, string member, string origin, string? display = null)
        {
            Display = display ?? typeMetadataName.Substring(typeMetadataName.LastIndexOf('.') + 1) + "." + member;
            TypeMetadataName = typeMetadataName;
            Member = member;
            Origin = origin;
        }

        /// <summary>The declaring type's metadata name (<c>Ns.Outer+Inner</c>, <c>Ns.Cache`1</c>), as a user model row names it.</summary>
        public string TypeMetadataName { get; }

        /// <summary>The method or property name (every overload of that name is a source, as for a user model row).</summary>
        public string Member { get; }

        /// <summary>The member as C# names it (<c>Outer&lt;T&gt;.Inner.AskAsync</c>), for messages.</summary>
        public string Display { get; }

        /// <summary>The source call the content comes from, as AIC001 names it (<c>IChatClient.GetResponseAsync</c>).</summary>
        public string Origin { get; }

        public bool Equals(ExportedAiReturn? other) =>
            other is not null && TypeMetadataName == other.TypeMetadataName && Member == other.Member && Origin == other.Origin;

        public override bool Equals(object? obj) => Equals(obj as ExportedAiReturn);

        public override int GetHashCode() => (TypeMetadataName.GetHashCode() * 31) ^ Member.GetHashCode();
    }

    /// <summary>
    /// What a project hands its dependents: the members other assemblies can call that return unlabeled AI content, the
    /// ones AIC010 asks to mark <c>[AiGenerated]</c>. A build of a dependent sees only the attribute; the scanner sees
    /// the whole solution, so it finds these in each referenced project and gives them to the projects that reference
    /// it as user model source rows (<c>aicompliance.json</c>), before it analyzes those.
    /// </summary>
    internal static class ExportedAiReturns
    {
        /// <summary>The exported AI returns of a compilation, in a stable order; empty when it uses no AI source.</summary>
        public static ImmutableArray<ExportedAiReturn> Find(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var context = FlowContext.For(compilation, options, cancellationToken);
            if (!context.Model.HasSourceTypes)
            {
                return ImmutableArray<ExportedAiReturn>.Empty;
            }

            var found = new SortedDictionary<string, ExportedAiReturn>(StringComparer.Ordinal);
            var types = new Stack<INamespaceOrTypeSymbol>();
            types.Push(compilation.Assembly.GlobalNamespace);
            while (types.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var container = types.Pop();
                foreach (var member in container.GetMembers())
                {
                    switch (member)
                    {
                        case INamespaceSymbol ns:
                            types.Push(ns);
                            break;
                        case INamedTypeSymbol type when UndeclaredAiReturnAnalyzer.IsVisibleOutside(type):
                            types.Push(type);
                            break;
                        case IMethodSymbol { MethodKind: MethodKind.Ordinary } method:
                            Add(context, method, found, cancellationToken);
                            break;
                        case IPropertySymbol { GetMethod: { } getter, IsIndexer: false }:
                            Add(context, getter, found, cancellationToken);
                            break;
                    }
                }
            }

            return ImmutableArray.CreateRange(found.Values);
        }

        private static void Add(FlowContext context, IMethodSymbol method, SortedDictionary<string, ExportedAiReturn> found, CancellationToken cancellationToken)
        {
            if (UndeclaredAiReturnAnalyzer.ExportedMember(method) is not { } member || !UndeclaredAiReturnAnalyzer.IsVisibleOutside(member) ||
                !context.MayProduce(member) || context.GetResult(method, 0, cancellationToken) is not { } result ||
                UndeclaredAiReturnAnalyzer.UndeclaredSource(member, method, context.Model, result) is not { } source)
            {
                return;
            }

            var type = MetadataName(member.ContainingType);
            var key = type + "\u0001" + member.Name;
            if (!found.ContainsKey(key))
            {
                found[key] = new ExportedAiReturn(type, member.Name, source.Description, member.ContainingType.ToDisplayString(TypeDisplay) + "." + member.Name);
            }
        }

        private static readonly SymbolDisplayFormat TypeDisplay = new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters);

        /// <summary>A type's metadata name: namespace, nested types after <c>+</c>, arity after a backtick.</summary>
        internal static string MetadataName(INamedTypeSymbol type)
        {
            var name = type.MetadataName;
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                name = outer.MetadataName + "+" + name;
                type = outer;
            }

            return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
        }

        /// <summary>
        /// A user model file (<c>aicompliance.json</c>) with one source row per export, each naming the project it comes
        /// from and the source call behind it (AIC001's message in the dependent names that).
        /// </summary>
        public static string ToModelFile(IEnumerable<(string Project, ExportedAiReturn Export)> exports)
        {
            var json = new StringBuilder("{\n  \"sources\": [\n");
            var first = true;
            foreach (var (project, export) in exports)
            {
                json.Append(first ? string.Empty : ",\n");
                first = false;
                var description = export.Display + " (project " + project + ", from " + export.Origin + ")";
                json.Append("    { \"type\": ").Append(Quote(export.TypeMetadataName))
                    .Append(", \"member\": ").Append(Quote(export.Member))
                    .Append(", \"description\": ").Append(Quote(description)).Append(" }");
            }

            return json.Append("\n  ]\n}\n").ToString();
        }

        private static string Quote(string text)
        {
            var quoted = new StringBuilder("\"");
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"':
                        quoted.Append("\\\"");
                        break;
                    case '\\':
                        quoted.Append("\\\\");
                        break;
                    default:
                        if (c < ' ')
                        {
                            quoted.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            quoted.Append(c);
                        }

                        break;
                }
            }

            return quoted.Append('"').ToString();
        }
    }
}
