using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiCompliance.Analyzers.Flow
{
    // Object creation (constructors, records, initializers), anonymous objects, tuples, arrays, collections.
    internal sealed partial class MethodAnalysis
    {
        private TaintValue EvalCreation(IObjectCreationOperation creation)
        {
            var type = creation.Type;
            if (IsLabelingClientType(type))
            {
                return TaintValue.LabeledClientValue;
            }

            var values = EvalArguments(creation.Arguments, null);
            if (FlowModel.IsOrDerives(type, _model.AiAgent) && values.Any(v => v.LabeledClient))
            {
                return TaintValue.LabeledClientValue; // new ChatClientAgent(labeledClient, ...)
            }

            if (creation.Constructor is { } sinkConstructor && _model.Find(sinkConstructor) is { Sinks.Count: > 0 } constructorModel)
            {
                ReportConstructorSinks(creation, constructorModel, values);
                return TaintValue.Clean;
            }

            var summarized = creation.Constructor is { } constructor
                ? CallSummary(creation, constructor, null, creation.Arguments, TaintValue.Clean, values)
                : null;
            var value = summarized is not null && creation.Constructor is { } ctor
                ? ConstructedFields(ctor, values)
                : CreatedValue(creation, type, values);
            if (creation.Initializer is not null)
            {
                value = ApplyInitializer(creation.Initializer, value);
            }

            return ByType(value, type);
        }

        /// <summary>A constructor that is a sink (new MarkupString(ai)): reported at the argument; the object is not followed.</summary>
        private void ReportConstructorSinks(IObjectCreationOperation creation, MemberModel constructorModel, ImmutableArray<TaintValue> values)
        {
            foreach (var row in constructorModel.Sinks)
            {
                for (var i = 0; i < creation.Arguments.Length && i < values.Length && row.Condition is null; i++)
                {
                    if (row.Access.Covers(creation.Arguments[i].Parameter?.Ordinal ?? i) && !row.Access.DelegateReturn)
                    {
                        ReportSink(creation.Arguments[i].Value, values[i], row.Description);
                    }
                }
            }
        }

        /// <summary>Constructor of this compilation: its writes to fields become the new object's fields.</summary>
        private TaintValue ConstructedFields(IMethodSymbol ctor, ImmutableArray<TaintValue> values)
        {
            var value = TaintValue.Clean;
            var result = _context.GetResult(ctor, _depth + 1, _cancellationToken);
            if (result is not null)
            {
                foreach (var write in result.Summary.FieldWrites)
                {
                    if (write.Key.IsStatic)
                    {
                        continue;
                    }

                    var instantiated = write.Value.Instantiate(ordinal => ordinal >= 0 && ordinal < values.Length ? values[ordinal] : TaintValue.Clean);
                    if (instantiated.IsTainted)
                    {
                        value = value.WithField(write.Key, instantiated);
                    }
                }
            }

            return value;
        }

        /// <summary>An object of a library type (or of a constructor without a summary): what its arguments and lambdas carry.</summary>
        private TaintValue CreatedValue(IObjectCreationOperation creation, ITypeSymbol? type, ImmutableArray<TaintValue> values)
        {
            var arguments = TaintValue.JoinAll(values.Select(v => v.Whole()));
            var lambdaReturns = AnalyzeLambdaArguments(creation.Arguments, arguments);
            var value = ByType(arguments.Join(lambdaReturns).Own(), type);
            if (type is INamedTypeSymbol { IsRecord: true } record && creation.Constructor is { } recordCtor)
            {
                // Positional records: parameter i becomes the property of the same name.
                value = TaintValue.Clean;
                for (var i = 0; i < creation.Arguments.Length; i++)
                {
                    var parameter = creation.Arguments[i].Parameter;
                    var property = parameter is null ? null : record.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
                    value = property is not null ? value.WithField(property, values[i]) : value.Join(values[i].Whole());
                }
            }

            return value;
        }

        /// <summary>An object initializer's assignments, made on <paramref name="value"/> (the object under construction).</summary>
        private TaintValue ApplyInitializer(IObjectOrCollectionInitializerOperation initializer, TaintValue value)
        {
            var saved = _objectUnderConstruction;
            _objectUnderConstruction = value;
            try
            {
                foreach (var assignment in initializer.Initializers)
                {
                    Eval(assignment);
                }

                return _objectUnderConstruction;
            }
            finally
            {
                _objectUnderConstruction = saved;
            }
        }

        private TaintValue EvalAnonymousObject(IAnonymousObjectCreationOperation anonymous)
        {
            var value = TaintValue.Clean;
            foreach (var initializer in anonymous.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
                {
                    value = value.WithField(target.Property, ByType(Eval(assignment.Value), target.Type));
                }
                else
                {
                    value = value.Join(Eval(initializer).Whole());
                }
            }

            return value;
        }

        private TaintValue EvalTuple(ITupleOperation tuple)
        {
            if (AsTuple(tuple.Type, tuple.Elements.Length) is { } tupleType)
            {
                // Element by element: (ai, user).Item2 and var (a, b) = (ai, user) keep b clean.
                var value = TaintValue.Clean;
                for (var i = 0; i < tuple.Elements.Length; i++)
                {
                    var element = Eval(tuple.Elements[i]);
                    if (element != TaintValue.Clean)
                    {
                        value = value.WithField(TupleElementKey(tupleType.TupleElements[i]), element);
                    }
                }

                return value;
            }

            return ByType(TaintValue.JoinAll(tuple.Elements.Select(e => Eval(e).Whole())), tuple.Type);
        }

        private TaintValue EvalArrayCreation(IArrayCreationOperation arrayCreation)
        {
            foreach (var size in arrayCreation.DimensionSizes)
            {
                Eval(size);
            }

            return ByType(arrayCreation.Initializer is null ? TaintValue.Clean : TaintValue.JoinAll(arrayCreation.Initializer.ElementValues.Select(e => Eval(e).Whole())), arrayCreation.Type);
        }

        private TaintValue EvalArrayInitializer(IArrayInitializerOperation arrayInitializer) =>
            TaintValue.JoinAll(arrayInitializer.ElementValues.Select(e => Eval(e).Whole()));

        private TaintValue EvalCollectionExpression(ICollectionExpressionOperation collection) =>
            ByType(TaintValue.JoinAll(collection.Elements.Select(e => Eval(e).Whole())), collection.Type);
    }
}
