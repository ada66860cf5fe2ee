using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// What a delegate held in a field, property or event of this compilation may run: the lambdas and method groups
    /// assigned or subscribed to it (<c>_onToken = t => Console.Write(t)</c>, <c>OnAnswer = Show</c>,
    /// <c>service.TokenReceived += (_, t) => ...</c>), read from the syntax that can assign it (its type's for a private
    /// member, else the compilation's); a parameter of a constructor or method of its type stored in it, what the
    /// type's creations or the method's calls pass. A value of another kind (a lambda's parameter, a call's result)
    /// makes the set open: it still lists what is known, and <see cref="Open"/> says more may run.
    /// </summary>
    internal sealed class DelegateTargets
    {
        public static readonly DelegateTargets None = new DelegateTargets(ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<SyntaxNode>.Empty, open: true);

        public DelegateTargets(ImmutableArray<IMethodSymbol> methods, ImmutableArray<SyntaxNode> lambdas, bool open)
        {
            Methods = methods;
            Lambdas = lambdas;
            Open = open;
        }

        /// <summary>Method groups assigned (or wrapped: <c>new Action&lt;string&gt;(Show)</c>).</summary>
        public ImmutableArray<IMethodSymbol> Methods { get; }

        /// <summary>Lambdas and anonymous methods assigned, by syntax.</summary>
        public ImmutableArray<SyntaxNode> Lambdas { get; }

        /// <summary>Something else was assigned too (or nothing was found): more than these may run.</summary>
        public bool Open { get; }

        public bool IsEmpty => Methods.IsEmpty && Lambdas.IsEmpty;

        /// <summary>The delegate member an operation reads (a field, property or event of delegate type), else null.</summary>
        public static ISymbol? MemberOf(IOperation? operation)
        {
            var member = operation switch
            {
                IFieldReferenceOperation field => (ISymbol)field.Field,
                IPropertyReferenceOperation { Arguments.Length: 0 } property => property.Property,
                IEventReferenceOperation @event => @event.Event,
                IConversionOperation conversion => MemberOf(conversion.Operand),
                IParenthesizedOperation parenthesized => MemberOf(parenthesized.Operand),
                _ => null,
            };
            return member is not null && TypeOf(member) is INamedTypeSymbol { TypeKind: TypeKind.Delegate } ? member.OriginalDefinition : null;
        }

        private static ITypeSymbol? TypeOf(ISymbol member) => member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            IEventSymbol @event => @event.Type,
            _ => null,
        };

        /// <summary>Scans the syntax that can assign <paramref name="member"/> (see the class summary).</summary>
        public static DelegateTargets Find(ISymbol member, Compilation compilation, Func<SyntaxTree, SemanticModel> semanticModel, CancellationToken cancellationToken)
        {
            var roots = new List<SyntaxNode>();
            if (member.DeclaredAccessibility == Accessibility.Private && member.ContainingType is { } owner)
            {
                roots.AddRange(owner.DeclaringSyntaxReferences.Where(r => compilation.ContainsSyntaxTree(r.SyntaxTree)).Select(r => r.GetSyntax(cancellationToken)));
            }
            else
            {
                foreach (var tree in compilation.SyntaxTrees)
                {
                    if (tree.GetText(cancellationToken).ToString().IndexOf(member.Name, StringComparison.Ordinal) >= 0)
                    {
                        roots.Add(tree.GetRoot(cancellationToken));
                    }
                }
            }

            var methods = ImmutableArray.CreateBuilder<IMethodSymbol>();
            var lambdas = ImmutableArray.CreateBuilder<SyntaxNode>();
            var open = false;
            foreach (var root in roots)
            {
                var model = semanticModel(root.SyntaxTree);
                foreach (var node in root.DescendantNodes())
                {
                    ExpressionSyntax? value = node switch
                    {
                        AssignmentExpressionSyntax assignment when SyntaxNames.NameOf(assignment.Left) == member.Name &&
                                                                  Is(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, member) => assignment.Right,
                        VariableDeclaratorSyntax { Initializer: { } initializer } declarator when declarator.Identifier.ValueText == member.Name &&
                                                                                                 Is(model.GetDeclaredSymbol(declarator, cancellationToken), member) => initializer.Value,
                        PropertyDeclarationSyntax { Initializer: { } initializer } property when property.Identifier.ValueText == member.Name &&
                                                                                                Is(model.GetDeclaredSymbol(property, cancellationToken), member) => initializer.Value,
                        _ => null,
                    };
                    if (value is null)
                    {
                        continue;
                    }

                    if (value is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } wrapped)
                    {
                        value = wrapped.ArgumentList.Arguments[0].Expression; // new Action<string>(Show)
                    }

                    if (value is IdentifierNameSyntax && model.GetSymbolInfo(value, cancellationToken).Symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.Ordinary } setter } parameter &&
                        SymbolEqualityComparer.Default.Equals(setter.ContainingType.OriginalDefinition, member.ContainingType?.OriginalDefinition))
                    {
                        // _onToken = onToken in a constructor (or a primary constructor's parameter): what its creations
                        // pass; in a method of the type (OnToken(Action<string> handler) => _onToken = handler): what its calls pass.
                        open |= !AddArguments(setter, parameter, compilation, semanticModel, methods, lambdas, cancellationToken);
                    }
                    else
                    {
                        open |= !Add(value, model, methods, lambdas, cancellationToken);
                    }
                }
            }

            return new DelegateTargets(methods.ToImmutable(), lambdas.ToImmutable(), open || (methods.Count == 0 && lambdas.Count == 0));
        }

        /// <summary>Adds a lambda or method group; false for anything else (a parameter, a field, a call's result: not known here), true for null.</summary>
        private static bool Add(ExpressionSyntax value, SemanticModel model, ImmutableArray<IMethodSymbol>.Builder methods, ImmutableArray<SyntaxNode>.Builder lambdas, CancellationToken cancellationToken)
        {
            if (value is AnonymousFunctionExpressionSyntax lambda)
            {
                lambdas.Add(lambda);
                return true;
            }

            if (model.GetSymbolInfo(value, cancellationToken).Symbol is IMethodSymbol { MethodKind: not MethodKind.Constructor } target &&
                value is IdentifierNameSyntax or MemberAccessExpressionSyntax or GenericNameSyntax)
            {
                methods.Add(target.ReducedFrom ?? target);
                return true;
            }

            return value is LiteralExpressionSyntax; // null is not a target
        }

        /// <summary>
        /// What the calls of a method of the member's type pass for the parameter the delegate member is set from: the
        /// creations of a constructor (<c>new Streamer(t =&gt; Console.Write(t))</c>, also a <c>this(…)</c> / <c>base(…)</c>
        /// call), the invocations of an ordinary method (<c>streamer.OnToken(t =&gt; Console.Write(t))</c>). True when every
        /// one of them is known and there is at least one. A call the text cannot find leaves the member open: dependency
        /// injection, a target-typed <c>new(…)</c> in a file that does not name the type, a method used as a delegate, or
        /// one that implements an interface or overrides a base (called through another symbol).
        /// </summary>
        private static bool AddArguments(
            IMethodSymbol setter,
            IParameterSymbol parameter,
            Compilation compilation,
            Func<SyntaxTree, SemanticModel> semanticModel,
            ImmutableArray<IMethodSymbol>.Builder methods,
            ImmutableArray<SyntaxNode>.Builder lambdas,
            CancellationToken cancellationToken)
        {
            var isConstructor = setter.MethodKind == MethodKind.Constructor;
            if (parameter.IsParams || (!isConstructor && (setter.IsOverride || setter.IsVirtual || setter.IsAbstract || setter.IsExtensionMethod || ImplementsInterface(setter))))
            {
                return false;
            }

            var found = false;
            var known = true;
            var name = isConstructor ? setter.ContainingType.Name : setter.Name;
            foreach (var tree in compilation.SyntaxTrees)
            {
                // A file that does not spell the type's name can still create it with a target-typed new(…).
                var spellsName = tree.GetText(cancellationToken).ToString().IndexOf(name, StringComparison.Ordinal) >= 0;
                if (!spellsName && !isConstructor)
                {
                    continue;
                }

                var model = semanticModel(tree);
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (!spellsName && node is not ImplicitObjectCreationExpressionSyntax)
                    {
                        continue;
                    }

                    ArgumentListSyntax? arguments;
                    if (isConstructor)
                    {
                        arguments = node switch
                        {
                            BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
                            ConstructorInitializerSyntax initializer => initializer.ArgumentList,
                            PrimaryConstructorBaseTypeSyntax baseType => baseType.ArgumentList,
                            _ => null,
                        };
                    }
                    else if (node is SimpleNameSyntax simple && simple.Identifier.ValueText == setter.Name)
                    {
                        if (!Is((model.GetSymbolInfo(simple, cancellationToken).Symbol as IMethodSymbol)?.OriginalDefinition, setter.OriginalDefinition))
                        {
                            continue;
                        }

                        var callee = simple.Parent is MemberAccessExpressionSyntax access && access.Name == simple ? access : (ExpressionSyntax)simple;
                        if (callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee)
                        {
                            arguments = invocation.ArgumentList;
                        }
                        else
                        {
                            known = false; // the method used as a delegate (or in nameof): calls the text cannot see
                            continue;
                        }
                    }
                    else
                    {
                        continue;
                    }

                    if (arguments is null ||
                        (isConstructor && !Is((model.GetSymbolInfo(node, cancellationToken).Symbol as IMethodSymbol)?.OriginalDefinition, setter.OriginalDefinition)))
                    {
                        continue;
                    }

                    found = true;
                    var argument = arguments.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameter.Name);
                    if (argument is null && parameter.Ordinal < arguments.Arguments.Count && arguments.Arguments.Take(parameter.Ordinal + 1).All(a => a.NameColon is null))
                    {
                        argument = arguments.Arguments[parameter.Ordinal];
                    }

                    if (argument is not null)
                    {
                        known &= Add(argument.Expression, model, methods, lambdas, cancellationToken);
                    }
                    else if (arguments.Arguments.Any(a => a.NameColon is not null) || !parameter.IsOptional)
                    {
                        known = false; // named arguments out of order, or an argument list the text does not map
                    }
                }
            }

            // A method other assemblies can call (or dependency injection, through reflection) may be given anything:
            // what the text found still runs, but more may.
            return found && known && !IsVisibleOutside(setter);
        }

        private static bool ImplementsInterface(IMethodSymbol method)
        {
            if (!method.ExplicitInterfaceImplementations.IsEmpty)
            {
                return true;
            }

            foreach (var @interface in method.ContainingType.AllInterfaces)
            {
                foreach (var candidate in @interface.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(candidate), method))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsVisibleOutside(IMethodSymbol method)
        {
            if (method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }

            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                if (type.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Is(ISymbol? symbol, ISymbol member) => symbol is not null && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, member);

        /// <summary>
        /// The flow graph of a lambda of the compilation and its symbol: found in the graph of the member that holds it
        /// (a method, constructor or accessor body, or a field or property initializer); null elsewhere (local functions,
        /// lambdas inside lambdas, code without a graph).
        /// </summary>
        public static (IMethodSymbol Symbol, ControlFlowGraph Graph)? LambdaGraph(SyntaxNode lambda, FlowContext context, CancellationToken cancellationToken)
        {
            var model = context.SemanticModelFor(lambda.SyntaxTree);
            ControlFlowGraph? container = null;
            foreach (var ancestor in lambda.Ancestors())
            {
                if (ancestor is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    return null;
                }

                if (ancestor is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax)
                {
                    if (model.GetDeclaredSymbol(ancestor, cancellationToken) is IMethodSymbol method)
                    {
                        container = context.GraphOfMethod(method, cancellationToken);
                    }

                    break;
                }

                if (ancestor is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } or PropertyDeclarationSyntax } initializer)
                {
                    try
                    {
                        container = model.GetOperation(initializer, cancellationToken) switch
                        {
                            IFieldInitializerOperation field => ControlFlowGraph.Create(field, cancellationToken),
                            IPropertyInitializerOperation property => ControlFlowGraph.Create(property, cancellationToken),
                            _ => null,
                        };
                    }
                    catch (ArgumentException)
                    {
                        container = null;
                    }

                    break;
                }
            }

            if (container is null)
            {
                return null;
            }

            foreach (var block in container.Blocks)
            {
                var operations = block.BranchValue is null ? block.Operations : block.Operations.Add(block.BranchValue);
                foreach (var operation in operations)
                {
                    foreach (var found in operation.DescendantsAndSelf().OfType<IFlowAnonymousFunctionOperation>())
                    {
                        if (found.Syntax == lambda)
                        {
                            return (found.Symbol, container.GetAnonymousFunctionControlFlowGraph(found, cancellationToken));
                        }
                    }
                }
            }

            return null;
        }
    }
}
