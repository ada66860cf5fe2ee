using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // In-process mediators (MediatR, Mediator): `sender.Send(new Query(...))` runs the handler of the request's type, and
    // its result is what that handler's Handle returns (seen in a public app: every AI endpoint answered through one);
    // `publisher.Publish(new AnswerReady(text))` runs every handler of the notification's type with it.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>
        /// <c>ISender.Send</c> / <c>IMediator.Send</c> (and <c>IPublisher.Publish</c>) of MediatR or Mediator: the summaries of
        /// the compilation's handlers for the request's (notification's) type, applied with it (their parameter sinks report
        /// at the request); null for other calls.
        /// </summary>
        private TaintValue? MediatorDispatch(IInvocationOperation invocation, IMethodSymbol method, TaintValue receiver, ImmutableArray<TaintValue> values)
        {
            if (!IsMediatorDispatch(method) || invocation.Arguments.Length == 0 || Unwrap(invocation.Arguments[0].Value).Type is not INamedTypeSymbol requestType)
            {
                return null;
            }

            TaintValue? returned = null;
            foreach (var handler in _context.GetRequestHandlers(requestType, _cancellationToken))
            {
                if (_context.GetResult(handler, _depth + 1, _cancellationToken) is { } result)
                {
                    returned = (returned ?? TaintValue.Clean).Join(ApplySummary(result, invocation, null, invocation.Arguments, TaintValue.Clean, values));
                }
            }

            return returned;
        }

        private static bool IsMediatorDispatch(IMethodSymbol method) =>
            method.Name is "Send" or "SendAsync" or "Publish" &&
            method.ContainingType is { TypeKind: TypeKind.Interface, Name: "ISender" or "IMediator" or "IPublisher" } owner &&
            RequestHandlers.IsMediatorNamespace(owner.ContainingNamespace);
    }
}
