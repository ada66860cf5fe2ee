using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>A flow between names inside one member: when a source name produces, the targets may hold content.</summary>
    internal readonly struct NameFlow
    {
        public NameFlow(string[]? sources, string[] targets, string? via = null)
        {
            Sources = sources;
            Targets = targets;
            Via = via;
        }

        /// <summary>Null: the targets produce whenever the member does (parameters of lambdas and local functions).</summary>
        public string[]? Sources { get; }

        public string[] Targets { get; }

        /// <summary>
        /// For the arguments of a call stored into its receiver: the called member's name, so that the index can keep the
        /// flow only where that call may store (<see cref="FlowModel.MayStoreInReceiver"/>, or a method of the compilation).
        /// </summary>
        public string? Via { get; }
    }

    /// <summary>
    /// The name-to-name flows inside one member body, read from syntax without binding: assignments, initializers,
    /// arguments into a receiver, out/ref arguments, pattern, loop and query variables, and parameters.
    /// </summary>
    internal static class NameFlows
    {
        private static readonly string[] SetterValue = { "value" };

        /// <summary>The flows inside <paramref name="body"/>; a property's setter also stores what callers assign to <paramref name="entryName"/>.</summary>
        public static List<NameFlow> Collect(SyntaxNode body, string entryName, bool isProperty)
        {
            var flows = new List<NameFlow>();
            var tokens = new TokenNames(body);
            if (isProperty)
            {
                flows.Add(new NameFlow(new[] { entryName }, SetterValue)); // a setter stores what callers assign
            }

            foreach (var node in body.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment:
                        flows.Add(new NameFlow(tokens.In(assignment.Right), tokens.In(assignment.Left)));
                        break;
                    case VariableDeclaratorSyntax { Initializer: { } initializer } declarator:
                        flows.Add(new NameFlow(tokens.In(initializer.Value), new[] { declarator.Identifier.ValueText }));
                        break;
                    case ForEachStatementSyntax forEach:
                        flows.Add(new NameFlow(tokens.In(forEach.Expression), new[] { forEach.Identifier.ValueText }));
                        break;
                    case ForEachVariableStatementSyntax forEachVariable:
                        flows.Add(new NameFlow(tokens.In(forEachVariable.Expression), tokens.In(forEachVariable.Variable)));
                        break;
                    case InvocationExpressionSyntax invocation:
                        {
                            // receiver.Add(x), builder.Append(x), list.AddRange(x): the arguments may be stored in the receiver.
                            var (receiver, called) = invocation.Expression switch
                            {
                                MemberAccessExpressionSyntax access => (access.Expression, access.Name.Identifier.ValueText),
                                MemberBindingExpressionSyntax binding => (invocation.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression, binding.Name.Identifier.ValueText),
                                _ => (null, null),
                            };
                            if (receiver is not null && invocation.ArgumentList.Arguments.Count > 0)
                            {
                                flows.Add(new NameFlow(WithoutLambdaParameters(tokens.In(invocation.ArgumentList), invocation.ArgumentList), ReceiverPath(receiver, tokens), called));
                            }

                            foreach (var argument in invocation.ArgumentList.Arguments)
                            {
                                if (!argument.RefKindKeyword.IsKind(SyntaxKind.None))
                                {
                                    flows.Add(new NameFlow(tokens.In(invocation), tokens.In(argument.Expression)));
                                }
                            }

                            break;
                        }

                    case SingleVariableDesignationSyntax designation:
                        flows.Add(new NameFlow(tokens.In(GoverningNode(designation)), new[] { designation.Identifier.ValueText }));
                        break;
                    case FromClauseSyntax or LetClauseSyntax or JoinClauseSyntax or QueryContinuationSyntax:
                        {
                            var query = node.FirstAncestorOrSelf<QueryExpressionSyntax>();
                            var identifier = node switch
                            {
                                FromClauseSyntax from => from.Identifier,
                                LetClauseSyntax let => let.Identifier,
                                JoinClauseSyntax join => join.Identifier,
                                QueryContinuationSyntax continuation => continuation.Identifier,
                                _ => default,
                            };
                            flows.Add(new NameFlow(tokens.In(query), new[] { identifier.ValueText }));
                            break;
                        }

                    case ParameterSyntax parameter:
                        if (parameter.Parent?.Parent is MemberDeclarationSyntax)
                        {
                            // A parameter of the member itself holds what its type says (a labeling client injected by type).
                            flows.Add(new NameFlow(tokens.In(parameter.Type), new[] { parameter.Identifier.ValueText }));
                        }
                        else
                        {
                            // Lambdas and local functions: their callers are not followed here, so assume the worst.
                            flows.Add(new NameFlow(null, new[] { parameter.Identifier.ValueText }));
                        }

                        break;
                }
            }

            return flows;
        }

        /// <summary>
        /// The argument names without the parameters of lambdas written among the arguments: <c>result.Value.Data.Select(i
        /// =&gt; i.Url)</c> does not store into <c>result</c>, <c>Value</c> or <c>Data</c> what the callee hands the lambda (a
        /// lambda's parameters are assumed to hold content, and on azure-search-openai-demo that made every type's
        /// <c>Value</c> produce). What the lambda captures still counts, and its own statements have their own flows.
        /// </summary>
        private static string[] WithoutLambdaParameters(string[] names, ArgumentListSyntax arguments)
        {
            HashSet<string>? parameters = null;
            foreach (var argument in arguments.Arguments)
            {
                if (argument.Expression is AnonymousFunctionExpressionSyntax function)
                {
                    foreach (var parameter in function.DescendantNodesAndSelf().OfType<ParameterSyntax>())
                    {
                        if (parameter.Parent is SimpleLambdaExpressionSyntax || parameter.Parent?.Parent is ParenthesizedLambdaExpressionSyntax)
                        {
                            (parameters ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(parameter.Identifier.ValueText);
                        }
                    }
                }
            }

            return parameters is null ? names : names.Where(name => !parameters.Contains(name)).ToArray();
        }

        /// <summary>
        /// The names along a receiver's access path (<c>this._history.Messages</c> → this, _history, Messages; the
        /// callee of <c>Lookup(key).Add</c> → Lookup), without its arguments: what a mutating call may store into.
        /// Linear in the chain, so a long fluent chain is not walked once per call in it.
        /// </summary>
        private static string[] ReceiverPath(ExpressionSyntax receiver, TokenNames tokens)
        {
            var names = new List<string>();
            for (var node = receiver; node is not null;)
            {
                switch (node)
                {
                    case MemberAccessExpressionSyntax access:
                        names.Add(access.Name.Identifier.ValueText);
                        node = access.Expression;
                        break;
                    case InvocationExpressionSyntax call:
                        node = call.Expression;
                        break;
                    case ElementAccessExpressionSyntax element:
                        node = element.Expression;
                        break;
                    case ConditionalAccessExpressionSyntax conditional:
                        node = conditional.Expression;
                        break;
                    case ParenthesizedExpressionSyntax parenthesized:
                        node = parenthesized.Expression;
                        break;
                    case CastExpressionSyntax cast:
                        node = cast.Expression;
                        break;
                    case PostfixUnaryExpressionSyntax postfix:
                        node = postfix.Operand;
                        break;
                    case SimpleNameSyntax simple:
                        names.Add(simple.Identifier.ValueText);
                        node = null;
                        break;
                    case ThisExpressionSyntax:
                        names.Add("this");
                        node = null;
                        break;
                    default:
                        return tokens.In(node);
                }
            }

            return names.ToArray();
        }

        /// <summary>What a pattern or loop variable is taken from: the tested or iterated expression, else its statement.</summary>
        private static SyntaxNode? GoverningNode(SyntaxNode designation)
        {
            for (var node = designation.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case IsPatternExpressionSyntax isPattern:
                        return isPattern.Expression;
                    case SwitchExpressionSyntax switchExpression:
                        return switchExpression.GoverningExpression;
                    case SwitchStatementSyntax switchStatement:
                        return switchStatement.Expression;
                    case ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax } argument:
                        return argument.Parent!.Parent;
                    case QueryExpressionSyntax query:
                        return query;
                    case LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or LocalFunctionStatementSyntax:
                        return node;
                    case IfStatementSyntax ifStatement:
                        return ifStatement.Condition;
                    case WhileStatementSyntax whileStatement:
                        return whileStatement.Condition;
                    case StatementSyntax statement when statement is not BlockSyntax:
                        return statement;
                    case MemberDeclarationSyntax member:
                        return member;
                }
            }

            return null;
        }
    }
}
