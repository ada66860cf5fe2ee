using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // AI sources: modeled source calls, [AiGenerated] members, registration notices.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>
        /// A source call (a modeled source or an [AiGenerated] method): recorded, and its value is the source (labeled
        /// when the client is the labeling wrapper); null for any other call.
        /// </summary>
        private TaintValue? SourceCall(IInvocationOperation invocation, IMethodSymbol method, MemberModel? memberModel, TaintValue receiver, ImmutableArray<TaintValue> argumentValues)
        {
            var sourceDescription = memberModel?.SourceDescription;
            if (sourceDescription is null && IsAiGenerated(method.OriginalDefinition))
            {
                sourceDescription = TypeAndMember(method);
            }

            if (sourceDescription is null)
            {
                return null;
            }

            var client = invocation.Instance is not null ? receiver : (argumentValues.Length > 0 ? argumentValues[0] : TaintValue.Clean);
            var clientOperation = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
            var labeledClient = client.LabeledClient || (clientOperation is not null && IsLabelingClientType(Unwrap(clientOperation).Type)) || IsLabelingClientType(method.ContainingType) ||
                                (clientOperation is not null && IsInjectedClient(Unwrap(clientOperation)) && _context.InjectedChatClientsLabeled(_cancellationToken));
            if (labeledClient && IsStructuredOutput(method))
            {
                labeledClient = false; // the labeling client leaves structured output (JSON the app parses) unlabeled
            }

            // The labeling wrapper's responses are labeled. A client that is a parameter of this method (a helper that
            // takes the client) is settled at each call of it: the summary keeps which parameter it was.
            int? clientParameter = !labeledClient && client.Params.Count == 1 && client.Sources.IsEmpty ? client.Params.First() : null;
            var source = new SourceRef(sourceDescription, invocation.Syntax.GetLocation(), labeled: labeledClient, clientParameter: clientParameter);
            _sourceCalls.Add(source);
            return TaintValue.FromSource(source);
        }

        /// <summary><c>GetResponseAsync&lt;T&gt;</c> of Microsoft.Extensions.AI: the values of a structured answer.</summary>
        private bool IsStructuredOutput(IMethodSymbol method) =>
            _model.StructuredOutputExtensions is { } owner && SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType, owner);

        /// <summary>
        /// An <c>IChatClient</c> the app was given rather than built here: a parameter, a field or a property (labeled when
        /// every registration is, see <see cref="InjectedChatClients"/>).
        /// </summary>
        private bool IsInjectedClient(IOperation client) =>
            _model.IsChatClientInterface(client.Type) &&
            client is IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation;

        private bool IsRegistrationDisplay(ISymbol member) =>
            member.Name is "RegistrationNotice" or "RegistrationNoticeEnglish" or "RegistrationNoticeHtml" or "RegistrationNumber" &&
            FlowModel.HasAttribute(member.ContainingType, _model.RegisteredServiceAttribute);

        private bool IsInteractionNotice(ISymbol member) =>
            InteractionNotices.IsMemberName(member.Name) && FlowModel.HasAttribute(member.ContainingType, _model.RegisteredServiceAttribute);

        /// <summary>[AiGenerated] on the method, its return value, or a member it overrides (the attribute is inherited).</summary>
        private bool IsAiGenerated(IMethodSymbol method)
        {
            for (var m = method; m is not null; m = m.OverriddenMethod?.OriginalDefinition)
            {
                if (FlowModel.HasAttribute(m, _model.AiGeneratedAttribute) || HasReturnAttribute(m, _model.AiGeneratedAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasReturnAttribute(IMethodSymbol method, INamedTypeSymbol? attribute) =>
            attribute is not null && method.GetReturnTypeAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
    }
}
