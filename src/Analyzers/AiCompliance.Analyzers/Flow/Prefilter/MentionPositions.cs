using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>
    /// Where a mention of a name stands, from syntax alone: positions where it cannot read a field or property of the
    /// compilation, so the index need not bind the body to learn that it does not read a producing member.
    /// </summary>
    internal static class MentionPositions
    {
        /// <summary>
        /// The mention is only written: the target of a simple assignment (<c>Exception = exception;</c>,
        /// <c>x.Type = "text"</c>, <c>new OtelGenericPart { Type = "reasoning" }</c>, <c>r with { Name = n }</c>). Writing a
        /// member hands the writer nothing back; what is written is the closure's business (its name flows). Not a compound
        /// assignment (<c>+=</c> reads), not a nested initializer (<c>Parts = { part }</c> reads <c>Parts</c> to add to it),
        /// not a deconstruction, an <c>out</c> argument or a null-conditional assignment (the text is left to the symbols).
        /// </summary>
        public static bool IsWriteOnly(SimpleNameSyntax mention)
        {
            ExpressionSyntax target = mention;
            if (mention.Parent is MemberAccessExpressionSyntax access && access.Name == mention && access.IsKind(SyntaxKind.SimpleMemberAccessExpression))
            {
                target = access;
            }

            return target.Parent is AssignmentExpressionSyntax assignment &&
                assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) &&
                assignment.Left == target &&
                assignment.Right is not InitializerExpressionSyntax;
        }

        /// <summary>
        /// The mention is a type as written (a parameter's, a local's or a catch's type, a type argument, a cast, <c>typeof</c>,
        /// <c>new T(…)</c>, <c>x as T</c>, a declaration pattern): name lookup there finds only types and namespaces, never a
        /// field, property or method. Not <c>x is T</c> or a pattern's bare name, which may bind to a constant.
        /// </summary>
        public static bool IsType(SimpleNameSyntax mention)
        {
            SyntaxNode node = mention;
            while (true)
            {
                var parent = node.Parent;
                switch (parent)
                {
                    case QualifiedNameSyntax qualified when qualified.Right == node:
                    case AliasQualifiedNameSyntax aliased when aliased.Name == node:
                    case NullableTypeSyntax:
                    case ArrayTypeSyntax:
                    case PointerTypeSyntax:
                    case RefTypeSyntax:
                    case TupleElementSyntax:
                    case TupleTypeSyntax:
                        node = parent;
                        continue;
                    case TypeArgumentListSyntax:
                        return true; // a type argument is a type, whatever the generic name stands for
                    case ParameterSyntax parameter:
                        return parameter.Type == node;
                    case VariableDeclarationSyntax declaration:
                        return declaration.Type == node;
                    case CatchDeclarationSyntax @catch:
                        return @catch.Type == node;
                    case CastExpressionSyntax cast:
                        return cast.Type == node;
                    case TypeOfExpressionSyntax or DefaultExpressionSyntax or SizeOfExpressionSyntax:
                        return true;
                    case ObjectCreationExpressionSyntax creation:
                        return creation.Type == node;
                    case ArrayCreationExpressionSyntax:
                        return true;
                    case BinaryExpressionSyntax binary:
                        return binary.IsKind(SyntaxKind.AsExpression) && binary.Right == node;
                    case DeclarationPatternSyntax pattern:
                        return pattern.Type == node;
                    case RecursivePatternSyntax recursive:
                        return recursive.Type == node;
                    case DeclarationExpressionSyntax expression:
                        return expression.Type == node;
                    case ForEachStatementSyntax loop:
                        return loop.Type == node;
                    case LocalFunctionStatementSyntax function:
                        return function.ReturnType == node;
                    default:
                        return false;
                }
            }
        }
    }
}
