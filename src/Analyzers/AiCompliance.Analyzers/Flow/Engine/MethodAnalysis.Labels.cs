using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AiCompliance.Internal;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Labels: the labeling wrapper and client, labeled compositions, label pieces and locals.
    internal sealed partial class MethodAnalysis
    {
        /// <summary>The generated <c>WithLabels</c> factory, or the generated <c>ChatClientBuilder.Use…Labels()</c> extension.</summary>
        private bool IsLabelingWrapperFactory(IMethodSymbol method) => _model.IsLabelingWrapperFactory(method);

        /// <summary>
        /// builder.UseSvcLabels()...Build(): the pipeline's outer client labels; so does an agent built over a labeling
        /// client (labeled.AsAIAgent(...)).
        /// </summary>
        private bool BuildsLabelingClient(IInvocationOperation invocation, IMethodSymbol method, TaintValue receiver, ImmutableArray<TaintValue> argumentValues)
        {
            if (IsPipelineStep(method) && StepReturnsLabelingClient(invocation, argumentValues))
            {
                return true; // builder.Use(inner => Svc.WithLabels(inner)): a step that returns a labeling client
            }

            var self = invocation.Instance is not null ? receiver : (method.IsExtensionMethod && argumentValues.Length > 0 ? argumentValues[0] : TaintValue.Clean);
            return self.LabeledClient && _model.DelegatingChatClient is not null &&
                   (method.ReturnType is INamedTypeSymbol { Name: "IChatClient" or "ChatClientBuilder" or "IImageGenerator" or "ImageGeneratorBuilder" or "ITextToSpeechClient" or "TextToSpeechClientBuilder" } ||
                    FlowModel.IsOrDerives(method.ReturnType, _model.AiAgent));
        }

        /// <summary>A factory given to <c>Use</c> (a lambda, or a delegate value) that returns a labeling client.</summary>
        private bool StepReturnsLabelingClient(IInvocationOperation invocation, ImmutableArray<TaintValue> argumentValues)
        {
            for (var i = 0; i < invocation.Arguments.Length; i++)
            {
                if (Unwrap(invocation.Arguments[i].Value) is IFlowAnonymousFunctionOperation lambda)
                {
                    if (_lambdasRunning.Add(lambda))
                    {
                        try
                        {
                            if (TryAnalyzeLambda(lambda, _ => TaintValue.Clean, returnSink: null) is { LabeledClient: true })
                            {
                                return true;
                            }
                        }
                        finally
                        {
                            _lambdasRunning.Remove(lambda);
                        }
                    }
                }
                else if (i < argumentValues.Length && argumentValues[i].LabeledClient)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>ChatClientBuilder.Use(...)</c> (or the image generator's and speech client's builders') of Microsoft.Extensions.AI: a step of the pipeline given as a factory.</summary>
        private bool IsPipelineStep(IMethodSymbol method) =>
            method is { Name: "Use", IsStatic: false } &&
            (SymbolEqualityComparer.Default.Equals(method.ContainingType, _model.ChatClientBuilder) ||
             _model.MediaClientBuilders.Any(b => b is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, b)));

        /// <summary>The generated labeling client type (nested in a registered service, derived from DelegatingChatClient).</summary>
        private bool IsLabelingClientType(ITypeSymbol? type) => _model.IsLabelingClientType(type);

        /// <summary>
        /// A concatenation or interpolation whose leading or trailing pieces carry a label (within the first or last
        /// two pieces, so "【" + label + "】" + text and text + "\n" + label + "\n" count).
        /// </summary>
        private bool IsLabeledComposition(IOperation operation)
        {
            var pieces = new List<IOperation>();
            Flatten(operation, pieces);
            if (pieces.Count == 0)
            {
                return false;
            }

            for (var i = 0; i < pieces.Count && i < 2; i++)
            {
                if (IsLabelPiece(pieces[i]) || IsLabelPiece(pieces[pieces.Count - 1 - i]))
                {
                    return true;
                }
            }

            return false;
        }

        private static void Flatten(IOperation operation, List<IOperation> pieces)
        {
            switch (operation)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    Flatten(binary.LeftOperand, pieces);
                    Flatten(binary.RightOperand, pieces);
                    break;
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        switch (part)
                        {
                            case IInterpolatedStringTextOperation text:
                                pieces.Add(text.Text);
                                break;
                            case IInterpolationOperation interpolation:
                                Flatten(interpolation.Expression, pieces);
                                break;
                        }
                    }

                    break;
                case IInvocationOperation { TargetMethod: { Name: "Concat", ContainingType.SpecialType: SpecialType.System_String } } concat:
                    foreach (var argument in concat.Arguments)
                    {
                        if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                        {
                            foreach (var element in initializer.ElementValues)
                            {
                                Flatten(element, pieces);
                            }
                        }
                        else
                        {
                            Flatten(argument.Value, pieces);
                        }
                    }

                    break;
                case IConversionOperation conversion:
                    Flatten(conversion.Operand, pieces);
                    break;
                default:
                    pieces.Add(operation);
                    break;
            }
        }

        private static IOperation? FirstPiece(IOperation operation) => operation switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => FirstPiece(binary.LeftOperand),
            IInterpolatedStringOperation interpolated => interpolated.Parts.FirstOrDefault() switch
            {
                IInterpolatedStringTextOperation text => text.Text,
                IInterpolationOperation interpolation => FirstPiece(interpolation.Expression),
                _ => null,
            },
            IConversionOperation conversion => FirstPiece(conversion.Operand),
            _ => operation,
        };

        private static IOperation? LastPiece(IOperation operation) => operation switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary => LastPiece(binary.RightOperand),
            IInterpolatedStringOperation interpolated => interpolated.Parts.LastOrDefault() switch
            {
                IInterpolatedStringTextOperation text => text.Text,
                IInterpolationOperation interpolation => LastPiece(interpolation.Expression),
                _ => null,
            },
            IConversionOperation conversion => LastPiece(conversion.Operand),
            _ => operation,
        };

        private bool IsLabelPiece(IOperation? piece)
        {
            switch (piece)
            {
                case IFieldReferenceOperation { Field: { IsConst: true, Name: "LabelText" } field }:
                    return FlowModel.HasAttribute(field.ContainingType, _model.RegisteredServiceAttribute);
                case IPropertyReferenceOperation { Property.Name: "LabelText" } property:
                    return FlowModel.HasAttribute(property.Property.ContainingType, _model.RegisteredServiceAttribute);
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } }:
                    return text.Length <= 64 && _model.IsLabelWording(text);
                case ILocalReferenceOperation { Local: { IsConst: false } local } reference:
                    return IsLabelLocal(local, reference);
                default:
                    return piece is { ConstantValue: { HasValue: true, Value: string constant } } && constant.Length <= 64 &&
                           _model.IsLabelWording(constant);
            }
        }

        /// <summary>
        /// A local that holds the label and nothing else: initialized from <c>Svc.LabelText</c> (or a label wording) and
        /// never assigned again, nor passed by <c>ref</c>/<c>out</c>, in its method.
        /// </summary>
        private bool IsLabelLocal(ILocalSymbol local, IOperation reference)
        {
            if (local.Type?.SpecialType != SpecialType.System_String ||
                SingleAssignmentInitializer(local, i => i is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax || NameOf(i) == "LabelText") is not { } initializer)
            {
                return false;
            }

            var semanticModel = reference.SemanticModel ?? _context.SemanticModelFor(initializer.SyntaxTree);
            return initializer is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax { Token.Value: string text }
                ? text.Length <= 64 && _model.IsLabelWording(text)
                : semanticModel.GetSymbolInfo(initializer, _cancellationToken).Symbol is { Name: "LabelText" } symbol &&
                  (symbol is IFieldSymbol { IsConst: true } || symbol is IPropertySymbol) &&
                  FlowModel.HasAttribute(symbol.ContainingType, _model.RegisteredServiceAttribute);
        }

        private static string? NameOf(Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression) => SyntaxNames.NameOf(expression);

        /// <summary>
        /// The initializer of a local that is never assigned again, nor passed by <c>ref</c>/<c>out</c>, in its method
        /// (so it holds that value wherever it is read); null otherwise.
        /// </summary>
        private Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax? SingleAssignmentInitializer(ILocalSymbol local, Func<Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax, bool> shape)
        {
            if (local.IsConst || local.DeclaringSyntaxReferences.Length != 1 ||
                local.DeclaringSyntaxReferences[0].GetSyntax(_cancellationToken) is not Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator ||
                !shape(initializer) ||
                !_context.Compilation.ContainsSyntaxTree(declarator.SyntaxTree))
            {
                return null; // the shape test comes before the walk below: most locals fail it
            }

            var scope = declarator.Ancestors().FirstOrDefault(a => a is Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax);
            if (scope is null)
            {
                return null;
            }

            foreach (var node in scope.DescendantNodes())
            {
                switch (node)
                {
                    case Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax { Left: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax left } when left.Identifier.ValueText == local.Name:
                        return null;
                    case Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax passed } when passed.Identifier.ValueText == local.Name:
                        return null;
                }
            }

            return initializer;
        }
    }
}
