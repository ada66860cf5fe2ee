using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// The <c>Handle</c> methods of this compilation's MediatR / Mediator handlers (a type implementing an interface of
    /// those namespaces named <c>…Handler</c>: <c>IRequestHandler&lt;TRequest, TResponse&gt;</c>, <c>IQueryHandler</c>,
    /// <c>ICommandHandler</c>) whose request type is the one given.
    /// </summary>
    internal static class RequestHandlers
    {
        public static ImmutableArray<IMethodSymbol> Find(Compilation compilation, INamedTypeSymbol requestType, CancellationToken cancellationToken)
        {
            var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var symbol in compilation.GetSymbolsWithName("Handle", SymbolFilter.Member, cancellationToken))
            {
                if (symbol is not IMethodSymbol { IsStatic: false, Parameters.Length: > 0 } handle || handle.ContainingType is not { } type)
                {
                    continue;
                }

                foreach (var contract in type.AllInterfaces)
                {
                    if (contract.Name.EndsWith("Handler", System.StringComparison.Ordinal) && contract.TypeArguments.Length > 0 &&
                        IsMediatorNamespace(contract.ContainingNamespace) &&
                        SymbolEqualityComparer.Default.Equals(contract.TypeArguments[0], requestType) &&
                        SymbolEqualityComparer.Default.Equals(handle.Parameters[0].Type, requestType))
                    {
                        found.Add(handle);
                        break;
                    }
                }
            }

            return found.ToImmutable();
        }

        /// <summary>The root namespace of MediatR or of Mediator.</summary>
        public static bool IsMediatorNamespace(INamespaceSymbol? ns) =>
            ns is { Name: "MediatR" or "Mediator", ContainingNamespace.IsGlobalNamespace: true };
    }
}
