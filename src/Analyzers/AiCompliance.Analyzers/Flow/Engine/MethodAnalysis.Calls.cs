using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Invocations: the order of the rules, arguments, library calls (model and defaults), user summaries.
    internal sealed partial class MethodAnalysis
    {
        private TaintValue EvalInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var receiver = Eval(invocation.Instance);

            // Local functions: analyzed inline with the captured state.
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                var values = EvalArguments(invocation.Arguments, null);
                return AnalyzeLocalFunction(invocation, method, values);
            }

            var memberModel = _model.Find(method);
            if (memberModel is { Clone: true } && invocation.Instance is not null)
            {
                return receiver; // a record's clone (with): the copy holds what the original held, member by member
            }

            var argumentValues = EvalArguments(invocation.Arguments, memberModel);
            if (IsSanitizer(method, memberModel) || IsLabelerDelegateCall(invocation, method) || IsLabelerDelegateMember(invocation, method))
            {
                return TaintValue.JoinAll(argumentValues.Select(v => v.Whole())).Join(receiver.Whole()).AsLabeled();
            }

            if (InvokeLambdaLocal(invocation, method, argumentValues) is { } lambdaResult)
            {
                return lambdaResult;
            }

            RecordDelegateParameterCall(invocation, method, argumentValues);
            HandToDelegateMember(invocation, method, argumentValues);

            if (IsLabelingWrapperFactory(method) ||
                (InjectedChatClients.IsResolution(method, _model) && _context.InjectedChatClientsLabeled(_cancellationToken)))
            {
                return TaintValue.LabeledClientValue; // Svc.WithLabels(inner); services.GetRequiredService<IChatClient>() when every registration labels
            }

            var sinkCall = CheckSinks(invocation, method, memberModel, argumentValues, receiver);
            if (SourceCall(invocation, method, memberModel, receiver, argumentValues) is { } source)
            {
                return source;
            }

            if (sinkCall)
            {
                return TaintValue.Clean; // what a sink returns (an IResult, a Task) is not content
            }

            if (BuildsLabelingClient(invocation, method, receiver, argumentValues))
            {
                return TaintValue.LabeledClientValue;
            }

            // User-declared pass-through summaries (aicompliance.json) replace the default rule and the body's own summary.
            if (memberModel is { Summaries.Count: > 0 })
            {
                return ApplyUserSummaries(invocation, method, memberModel.Summaries, receiver, argumentValues);
            }

            // Methods of this compilation: their summary; a mediator's Send: its handlers'; others by the model and the defaults.
            return CallSummary(invocation, method, invocation.Instance, invocation.Arguments, receiver, argumentValues) ??
                   MediatorDispatch(invocation, method, receiver, argumentValues) ??
                   LibraryCall(invocation, method, memberModel, receiver, argumentValues);
        }

        /// <summary>
        /// A labeler held in a delegate: <c>Func&lt;string, string&gt; label = Svc.Label; label(text)</c>, or a lambda
        /// that only labels its parameter (<c>t =&gt; Svc.Label(t)</c>), in a local never assigned again.
        /// </summary>
        private bool IsLabelerDelegateCall(IInvocationOperation invocation, IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.DelegateInvoke || invocation.Instance is null || Unwrap(invocation.Instance) is not ILocalReferenceOperation { Local: { } local } reference ||
                SingleAssignmentInitializer(local, i => i is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.LambdaExpressionSyntax) is not { } initializer)
            {
                return false;
            }

            var semanticModel = reference.SemanticModel ?? _context.SemanticModelFor(initializer.SyntaxTree);
            if (initializer is Microsoft.CodeAnalysis.CSharp.Syntax.LambdaExpressionSyntax lambda)
            {
                return LabelsItsParameter(lambda, semanticModel);
            }

            return semanticModel.GetSymbolInfo(initializer, _cancellationToken).Symbol is IMethodSymbol target && IsSanitizer(target, _model.Find(target));
        }

        /// <summary><c>t =&gt; Svc.Label(t)</c>: a lambda whose body is a labeler called on its only parameter.</summary>
        private bool LabelsItsParameter(Microsoft.CodeAnalysis.CSharp.Syntax.LambdaExpressionSyntax lambda, SemanticModel semanticModel)
        {
            if (lambda.ExpressionBody is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax body)
            {
                return false;
            }

            var parameter = lambda switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
                Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
                _ => null,
            };
            return parameter is not null &&
                   body.ArgumentList.Arguments.Count == 1 &&
                   body.ArgumentList.Arguments[0].Expression is Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax { Identifier.ValueText: var argument } && argument == parameter &&
                   semanticModel.GetSymbolInfo(body, _cancellationToken).Symbol is IMethodSymbol labeler && IsSanitizer(labeler, _model.Find(labeler));
        }

        /// <summary>Sanitizers: the generated Label overloads and anything marked [AiContentLabeler].</summary>
        private bool IsSanitizer(IMethodSymbol method, MemberModel? memberModel) =>
            (memberModel?.Sanitizer ?? false) || FlowModel.HasAttribute(method.ReducedFrom ?? method, _model.LabelerAttribute) || FlowModel.HasAttribute(method.OriginalDefinition, _model.LabelerAttribute);

        /// <summary>
        /// A call with no body in this compilation: label tampering (AIC005), the library defaults, and the overrides of
        /// this compilation a virtual call may run.
        /// </summary>
        private TaintValue LibraryCall(IInvocationOperation invocation, IMethodSymbol method, MemberModel? memberModel, TaintValue receiver, ImmutableArray<TaintValue> argumentValues)
        {
            CheckTampering(invocation, method, receiver, argumentValues);
            var external = ExternalCall(invocation, method, memberModel, receiver, argumentValues);
            var abstractTarget = (method.ReducedFrom ?? method).OriginalDefinition;
            if (IsVirtualDispatch(invocation, abstractTarget))
            {
                external = external.Join(DispatchSummary(invocation, abstractTarget, invocation.Instance, invocation.Arguments, receiver, argumentValues));
            }

            return method.Name == "Concat" && method.ContainingType?.SpecialType == SpecialType.System_String && IsLabeledComposition(invocation)
                ? external.AsLabeled()
                : external;
        }

        private ImmutableArray<TaintValue> EvalArguments(ImmutableArray<IArgumentOperation> arguments, MemberModel? memberModel)
        {
            var builder = ImmutableArray.CreateBuilder<TaintValue>(arguments.Length);
            foreach (var argument in arguments)
            {
                // Lambdas are analyzed by the call that receives them (it knows what flows into their parameters).
                if (Unwrap(argument.Value) is IFlowAnonymousFunctionOperation)
                {
                    builder.Add(TaintValue.Clean);
                    continue;
                }

                builder.Add(Eval(argument.Value));
            }

            return builder.MoveToImmutable();
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IDelegateCreationOperation creation:
                        operation = creation.Target;
                        continue;
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>A call into a library we only know by the model and the defaults.</summary>
        private TaintValue ExternalCall(IInvocationOperation invocation, IMethodSymbol method, MemberModel? memberModel, TaintValue receiver, ImmutableArray<TaintValue> values)
        {
            // A static call's inputs are its arguments.
            var inputs = ReceiverInputs(invocation, method, receiver);
            var argumentsTaint = ArgumentInputs(invocation, method, values);

            if (ToDictionaryCall(invocation, method, receiver, values) is { } dictionary)
            {
                return ByType(dictionary, invocation.Type);
            }

            // Projections: content reaches the result only through the selector's return value.
            if (memberModel?.Projection ?? false)
            {
                var source = invocation.Instance is not null ? receiver.Whole() : (values.Length > 0 ? values[0].Whole() : TaintValue.Clean);
                var projected = AnalyzeLambdaArguments(invocation.Arguments, source);
                return ByType(projected, invocation.Type);
            }

            var all = inputs.Join(argumentsTaint);

            // Lambdas passed to the library see the other inputs (ForEach, Where, ContinueWith, Aggregate...).
            var lambdaReturns = AnalyzeLambdaArguments(invocation.Arguments, all);

            // Mutators of collections and builders store their arguments in the receiver (a dictionary's keys apart).
            if (StoresInReceiver(method, memberModel) && StoreDictionaryEntry(invocation, values))
            {
            }
            else if (argumentsTaint.IsTainted && StoresInReceiver(method, memberModel))
            {
                if (invocation.Instance is not null)
                {
                    StoreInto(invocation.Instance, argumentsTaint);
                    HandToFieldSinks(invocation.Instance, invocation, argumentsTaint); // _pending.Append(text), printed by another method
                }
                else if (invocation.Arguments.Length > 0)
                {
                    StoreInto(invocation.Arguments[0].Value, TaintValue.JoinAll(values.Skip(1).Select(v => v.Whole())));
                }
            }

            if (memberModel is { Copies.Count: > 0 })
            {
                ApplyFlows(invocation, method, memberModel.Copies, receiver, values); // CopyTo, Array.Copy: into their destinations
            }

            AssignOutArguments(invocation, inputs, values);
            return ByType(all.Join(lambdaReturns).Own(), invocation.Type);
        }

        /// <summary>What a library call reads from its receiver: through a modeled SDK type, only its content members carry content.</summary>
        private TaintValue ReceiverInputs(IInvocationOperation invocation, IMethodSymbol method, TaintValue receiver)
        {
            var inputs = receiver.Whole();
            if (invocation.Instance is not null && receiver.HasOwnTaint)
            {
                var content = _model.ContentMembersOf(method.ContainingType);
                if ((content is not null && !content.Contains(method.Name)) || IsNeutralMember(method))
                {
                    inputs = TaintValue.Clean;
                }
            }

            return inputs;
        }

        /// <summary>What a library call reads from its arguments (extension methods on modeled SDK types: content members named by the static method).</summary>
        private TaintValue ArgumentInputs(IInvocationOperation invocation, IMethodSymbol method, ImmutableArray<TaintValue> values)
        {
            var argumentsTaint = TaintValue.Clean;
            for (var i = 0; i < values.Length; i++)
            {
                argumentsTaint = argumentsTaint.Join(values[i].Whole());
            }

            if (invocation.Instance is null && method.IsExtensionMethod && values.Length > 0 && values[0].HasOwnTaint)
            {
                var thisType = method.Parameters.Length > 0 ? method.Parameters[0].Type : null;
                var content = _model.ContentMembersOf(thisType);
                if (content is not null && !content.Contains(method.Name))
                {
                    argumentsTaint = TaintValue.JoinAll(values.Skip(1).Select(v => v.Whole()));
                }
            }

            return argumentsTaint;
        }

        /// <summary>out / ref arguments receive the inputs (TryGetValue, TryPickText, TryParse of text).</summary>
        private void AssignOutArguments(IInvocationOperation invocation, TaintValue inputs, ImmutableArray<TaintValue> values)
        {
            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                var argument = invocation.Arguments[i];
                if (argument.Parameter is { RefKind: RefKind.Out or RefKind.Ref } parameter && _model.IsContentCapable(parameter.Type))
                {
                    Assign(argument.Value, ByType(inputs.Join(TaintValue.JoinAll(values.Where((_, j) => j != i).Select(v => v.Whole()))), parameter.Type));
                }
            }
        }

        /// <summary>
        /// A member with user-declared summaries passes exactly what they say, and nothing else (see <see cref="ApplyFlows"/>).
        /// </summary>
        private TaintValue ApplyUserSummaries(IInvocationOperation invocation, IMethodSymbol method, List<SummaryAccess> summaries, TaintValue receiver, ImmutableArray<TaintValue> values) =>
            ByType(ApplyFlows(invocation, method, summaries, receiver, values).Own(), invocation.Type);

        /// <summary>
        /// Applies flows in the summary grammar: "… -> ReturnValue" to the value returned, "… -> this" into the receiver
        /// (an extension method's first argument), "… -> Argument[j]" into the arguments written (one named argument
        /// whatever it is; a range only its buffers). Argument ordinals are parameter ordinals of the declared method (an
        /// extension method's this is 0). Returns what reaches the call's value.
        /// </summary>
        private TaintValue ApplyFlows(IInvocationOperation invocation, IMethodSymbol method, List<SummaryAccess> flows, TaintValue receiver, ImmutableArray<TaintValue> values)
        {
            var extensionSelf = invocation.Instance is null && method.IsExtensionMethod && invocation.Arguments.Length > 0;
            var self = extensionSelf ? invocation.Arguments[0].Value : invocation.Instance;
            var selfValue = extensionSelf ? values[0].Whole() : receiver.Whole();
            var result = TaintValue.Clean;
            foreach (var flow in flows)
            {
                var from = flow.From == SummaryAccess.This ? selfValue : TaintValue.Clean;
                for (var i = 0; i < invocation.Arguments.Length && flow.From != SummaryAccess.This; i++)
                {
                    var ordinal = invocation.Arguments[i].Parameter?.Ordinal ?? i;
                    if (flow.From == SummaryAccess.AllArguments || flow.From == ordinal)
                    {
                        from = from.Join(values[i].Whole());
                    }
                }

                switch (flow.Target)
                {
                    case FlowTarget.ReturnValue:
                        result = result.Join(from);
                        break;
                    case FlowTarget.This when from.IsTainted && self is not null:
                        StoreInto(self, from);
                        break;
                    case FlowTarget.Argument when from.IsTainted:
                        StoreIntoArguments(invocation, flow, from);
                        break;
                }
            }

            return result;
        }

        /// <summary>The arguments a flow writes: the one it names (if its type can hold content), or the buffers of a range.</summary>
        private void StoreIntoArguments(IInvocationOperation invocation, SummaryAccess flow, TaintValue from)
        {
            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is not null && flow.ToArguments.Covers(parameter.Ordinal) &&
                    (flow.ToOneArgument ? _model.IsContentCapable(parameter.Type) : IsBufferType(parameter.Type)))
                {
                    StoreInto(argument.Value, from);
                }
            }
        }

        /// <summary>A destination a copy writes into: an array, <c>Span&lt;T&gt;</c> or <c>Memory&lt;T&gt;</c>.</summary>
        private static bool IsBufferType(ITypeSymbol? type) =>
            type is IArrayTypeSymbol || (type is INamedTypeSymbol { Name: "Span" or "Memory" or "Array", ContainingNamespace.Name: "System" });

        private bool StoresInReceiver(IMethodSymbol method, MemberModel? memberModel)
        {
            if (memberModel?.StoresInReceiver ?? false)
            {
                return true;
            }

            if (method.IsStatic && !method.IsExtensionMethod)
            {
                return false;
            }

            if (!FlowModel.IsMutatorName(method.Name))
            {
                return false;
            }

            var type = method.IsExtensionMethod && method.ReducedFrom is null && method.Parameters.Length > 0 ? method.Parameters[0].Type : method.ContainingType;
            if (type is null)
            {
                return false;
            }

            return FlowModel.IsOrDerives(type, _model.StringBuilder) || FlowModel.IsOrDerives(type, _model.TextWriter) ||
                   type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_IEnumerable || i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T) ||
                   type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_ICollection_T ||
                   type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IList_T;
        }
    }
}
