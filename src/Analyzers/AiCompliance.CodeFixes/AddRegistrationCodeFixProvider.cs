using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using AiCompliance.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AiCompliance.CodeFixes
{
    /// <summary>
    /// AIC003: adds a registration class skeleton in a new file. The number is a placeholder in the documented shape
    /// that AIC002 rejects until the real, published number is filled in, so the skeleton cannot ship by accident.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddRegistrationCodeFixProvider)), Shared]
    public sealed class AddRegistrationCodeFixProvider : CodeFixProvider
    {
        public const string FileName = "AiServiceRegistration.cs";

        /// <inheritdoc />
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ServiceNotRegistered);

        /// <inheritdoc />
        public override FixAllProvider? GetFixAllProvider() => null; // one per project by construction

        /// <inheritdoc />
        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var diagnostic = context.Diagnostics.First();
            var project = context.Document.Project;
            if (project.Documents.Any(d => d.Name == FileName))
            {
                return Task.CompletedTask;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add a [RegisteredAiService] registration class",
                    ct =>
                    {
                        var ns = project.DefaultNamespace ?? project.AssemblyName;
                        var text = Skeleton(ns, project.ParseOptions is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp10 });
                        var folders = context.Document.Folders;
                        var document = project.AddDocument(FileName, SourceText.From(text, System.Text.Encoding.UTF8), folders.Count == 0 ? null : folders);
                        return Task.FromResult(document.Project.Solution);
                    },
                    equivalenceKey: nameof(AddRegistrationCodeFixProvider)),
                diagnostic);
            return Task.CompletedTask;
        }

        /// <summary>The skeleton text (public for tests).</summary>
        public static string Skeleton(string? ns, bool fileScopedNamespace)
        {
            var validNamespace = ns is not null && ns.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part));
            var body = "/// <summary>The generative-AI service this app uses, as registered (备案 / 上线编号).</summary>\n" +
                       "/// <remarks>Replace the placeholder with the number published for your service, e.g. Beijing-YunQue-20230821.</remarks>\n" +
                       "[RegisteredAiService(\"Province-ServiceName-yyyyMMdd\", ServiceName = \"ServiceName\", Provider = \"ProviderCode\")]\n" +
                       "public static partial class AiService\n{\n}\n";
            var header = "using AiCompliance;\n\n";
            if (!validNamespace)
            {
                return header + body;
            }

            if (fileScopedNamespace)
            {
                return header + "namespace " + ns + ";\n\n" + body;
            }

            return header + "namespace " + ns + "\n{\n" + string.Join("\n", body.TrimEnd('\n').Split('\n').Select(l => l.Length == 0 ? l : "    " + l)) + "\n}\n";
        }
    }
}
