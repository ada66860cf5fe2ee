using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>
    /// Declared types, read from syntax, whose values can carry neither AI text nor a labeling client: numbers, flags,
    /// dates, ids, enums of the compilation, and the telemetry and synchronization types every service holds (a logger,
    /// an activity source, a histogram). Storage of such a type is never a producing name, and neither is the name of a
    /// member that returns one and can hand nothing back through its parameters. A name the compilation declares as a
    /// type of its own (other than an enum) is never taken for the framework type of that name.
    /// </summary>
    internal sealed class ContentFreeTypes
    {
        private static readonly HashSet<string> FrameworkNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Guid", "DateTime", "DateTimeOffset", "TimeSpan", "DateOnly", "TimeOnly", "CancellationToken", "Boolean", "Int32", "Int64", "Double",
            "ILogger", "ActivitySource", "Activity", "Meter", "Histogram", "Counter", "UpDownCounter", "Stopwatch", "SemaphoreSlim", "Lock",
            "Random", "TimeProvider", "Task", "ValueTask",
        };

        /// <summary>Type names a by-value parameter of which hands nothing back to the caller (immutable values).</summary>
        private static readonly HashSet<string> ImmutableNames = new HashSet<string>(FrameworkNames, StringComparer.Ordinal) { "String" };

        private readonly HashSet<string> _enums;
        private readonly HashSet<string> _ownTypes;

        /// <param name="enums">Enum names of the compilation.</param>
        /// <param name="ownTypes">Names of the compilation's classes, structs, records and interfaces (not its enums).</param>
        public ContentFreeTypes(HashSet<string> enums, HashSet<string> ownTypes)
        {
            _enums = enums;
            _ownTypes = ownTypes;
        }

        /// <summary>Whether a value of the declared type holds no content (<c>int</c>, <c>bool?</c>, <c>Task&lt;bool&gt;</c>, <c>ILogger&lt;T&gt;</c>, an enum).</summary>
        public bool IsContentFree(TypeSyntax? type) => type switch
        {
            PredefinedTypeSyntax predefined => !predefined.Keyword.IsKind(SyntaxKind.StringKeyword) && !predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword) && !predefined.Keyword.IsKind(SyntaxKind.CharKeyword),
            NullableTypeSyntax nullable => IsContentFree(nullable.ElementType),
            QualifiedNameSyntax qualified => IsContentFree(qualified.Right),
            AliasQualifiedNameSyntax alias => IsContentFree(alias.Name),
            GenericNameSyntax generic => IsFramework(generic.Identifier.ValueText) && (generic.Identifier.ValueText is not ("Task" or "ValueTask") || IsContentFree(generic.TypeArgumentList.Arguments[0])),
            IdentifierNameSyntax name => IsEnum(name.Identifier.ValueText) || IsFramework(name.Identifier.ValueText),
            _ => false,
        };

        /// <summary>
        /// Whether a method's callers get no content from it: it returns nothing that can hold content (<c>void</c>,
        /// <c>Task</c>, <c>bool</c>) and takes every parameter by value as an immutable value (a string, a number, an id),
        /// so nothing comes back through an argument (a builder, a list, a callback, an <c>out</c>).
        /// </summary>
        public bool HandsNothingBack(MethodDeclarationSyntax method)
        {
            if (!IsContentFree(method.ReturnType))
            {
                return false;
            }

            foreach (var parameter in method.ParameterList.Parameters)
            {
                if (parameter.Modifiers.Count > 0 && !(parameter.Modifiers.Count == 1 && parameter.Modifiers[0].IsKind(SyntaxKind.ThisKeyword)))
                {
                    return false; // out, ref, in, params
                }

                if (!IsImmutable(parameter.Type))
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsImmutable(TypeSyntax? type) => type switch
        {
            PredefinedTypeSyntax predefined => !predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword),
            NullableTypeSyntax nullable => IsImmutable(nullable.ElementType),
            QualifiedNameSyntax qualified => IsImmutable(qualified.Right),
            IdentifierNameSyntax name => IsEnum(name.Identifier.ValueText) || (!_ownTypes.Contains(name.Identifier.ValueText) && ImmutableNames.Contains(name.Identifier.ValueText)),
            _ => IsContentFree(type),
        };

        private bool IsFramework(string name) => FrameworkNames.Contains(name) && !_ownTypes.Contains(name);

        /// <summary>An enum of the compilation, and no class or struct of that name anywhere in it.</summary>
        private bool IsEnum(string name) => _enums.Contains(name) && !_ownTypes.Contains(name);
    }
}
