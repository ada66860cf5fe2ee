using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>The index's closure: from the seed names to every member that produces or writes content.</summary>
    internal sealed partial class ProducerIndexBuilder
    {
        /// <summary>
        /// Closure: a producing name marks the members that mention it where it resolves (a source or a field anywhere;
        /// a member only in its own type, or where the mention's type is unknown); marked members are then re-read for
        /// the fields and properties they fill from what produces.
        /// </summary>
        private void Close()
        {
            _names.UnionWith(_seeds);
            foreach (var seed in _seeds)
            {
                Enqueue(seed, null);
            }

            while (_queue.Count > 0 || _dirty.Count > 0)
            {
                MarkMentioning();
                CollectProducingWrites();
            }
        }

        /// <summary>Drains the worklist: every member that mentions a producing name where it resolves produces.</summary>
        private void MarkMentioning()
        {
            while (_queue.Count > 0)
            {
                var (name, producedIn) = _queue.Dequeue();
                if (!_mentionedBy.TryGetValue(name, out var mentioning))
                {
                    continue;
                }

                foreach (var (entry, scope) in mentioning)
                {
                    if (producedIn is not null && scope is not null && scope != producedIn)
                    {
                        continue; // a same-named member of another type
                    }

                    if (_confirm is not null && !entry.Matched.Contains(name) && NeedsConfirmation(entry, name, producedIn, scope) && !Confirm(entry, name, producedIn))
                    {
                        continue; // the name is there, but not as a call of a source (HttpClient.SendAsync) or of that member (LogLevel.Error)
                    }

                    if (!entry.Matched.Add(name) && entry.Producer)
                    {
                        continue;
                    }

                    if (!entry.Dirty)
                    {
                        entry.Dirty = true;
                        _dirty.Add(entry);
                    }

                    if (entry.Producer)
                    {
                        continue;
                    }

                    entry.Producer = true;
                    if (FlowTelemetry.IndexTrace is { } trace && _traced++ < 40)
                    {
                        trace("  " + entry.Type + "." + entry.Name + " produces: mentions '" + name + "'" + (producedIn is null ? string.Empty : " of " + producedIn) + " (" + entry.Declaration.SyntaxTree.FilePath + ")");
                    }

                    _types.Add(entry.Type);
                    if (!entry.HandsNothingBack)
                    {
                        _names.Add(entry.Name);
                        Enqueue(entry.Name, entry.Type); // its callers and readers get content from it
                        if (IsMediatorHandler(entry) && _names.Add(MediatorSend))
                        {
                            Enqueue(MediatorSend, null); // a mediator's handler: sender.Send(request) runs it
                        }
                    }
                }
            }
        }

        /// <summary>
        /// Re-reads the members marked since the last round for the storage they fill from what produces; those names
        /// produce wherever they may refer to that storage.
        /// </summary>
        private void CollectProducingWrites()
        {
            foreach (var entry in _dirty)
            {
                entry.Dirty = false;
                var writes = entry.MayWriteStorage ? entry.ProducingWrites(_storageNames, MayStoreInReceiver) : null; // else no field or property in a write position
                if (ParameterWritesCalledBy(entry) is { } throughCalls)
                {
                    (writes ??= new List<string>()).AddRange(throughCalls);
                }

                HandToChildComponents(entry);
                HandToViews(entry);

                foreach (var written in writes ?? Enumerable.Empty<string>())
                {
                    if (FlowTelemetry.IndexTrace is { } trace && _traced++ < 40)
                    {
                        trace("  " + entry.Type + "." + entry.Name + " writes '" + written + "' from what produces");
                    }

                    entry.Writer = true;
                    _types.Add(entry.Type);
                    _names.Add(written);

                    // A field or property of the writer's own type (a type no other type of the compilation derives
                    // from): mentions that resolve to another type's member of that name (every class's _logger) do not
                    // read it. Else it is the storage of that name of some type of this compilation that declares it
                    // (message.Content = answer): a mention whose type the text does not tell (other.Content, but also
                    // response.Content of HttpResponseMessage, options.Value) counts once its symbol confirms it.
                    if (_narrowable.Contains(entry.Type) && _declares[entry.Type].Contains(written))
                    {
                        Enqueue(written, entry.Type);
                    }
                    else
                    {
                        foreach (var type in DeclaringTypes(written))
                        {
                            Enqueue(written, type);
                        }
                    }
                }
            }

            _dirty.Clear();
            MarkViews(); // after the round: it adds to the next one
        }

        /// <summary>
        /// A producing render tree that opens components of this compilation (<c>OpenComponent&lt;Child&gt;</c>) may hand
        /// them content: their <c>[Parameter]</c> properties produce in them (the child renders what it is given).
        /// </summary>
        private void HandToChildComponents(MemberEntry entry)
        {
            if (_componentParameters.Count == 0 || _textOf(entry.Body.SyntaxTree).IndexOf("OpenComponent<", entry.Body.SpanStart, entry.Body.Span.Length, StringComparison.Ordinal) < 0)
            {
                return;
            }

            foreach (var child in ChildComponentParameter.OpenedComponentNames(entry.Body))
            {
                if (!_keysByName.TryGetValue(child, out var keys))
                {
                    continue;
                }

                foreach (var key in keys)
                {
                    if (_componentParameters.TryGetValue(key, out var parameters))
                    {
                        foreach (var parameter in parameters)
                        {
                            _types.Add(key);
                            _names.Add(parameter);
                            Enqueue(parameter, key);
                        }
                    }
                }
            }
        }

        private Dictionary<string, List<MemberEntry>>? _storingMethods;

        /// <summary>
        /// What the methods of its own type that store their parameters in storage write, for a member that calls them
        /// (<c>Keep(answer)</c> where <c>void Keep(string t) =&gt; _last = t;</c>); null when it calls none. The methods that
        /// may write storage and take parameters are listed once per type; what one stores is read only when a producer
        /// calls it.
        /// </summary>
        private List<string>? ParameterWritesCalledBy(MemberEntry entry)
        {
            if (_storingMethods is null)
            {
                _storingMethods = new Dictionary<string, List<MemberEntry>>(StringComparer.Ordinal);
                foreach (var method in _entries)
                {
                    if (method.MayWriteStorage && method.Declaration is MethodDeclarationSyntax { ParameterList.Parameters.Count: > 0 })
                    {
                        if (!_storingMethods.TryGetValue(method.Type, out var list))
                        {
                            _storingMethods[method.Type] = list = new List<MemberEntry>();
                        }

                        list.Add(method);
                    }
                }
            }

            if (!_storingMethods.TryGetValue(entry.Type, out var candidates))
            {
                return null;
            }

            List<string>? written = null;
            foreach (var method in candidates)
            {
                if (!ReferenceEquals(method, entry) && _mentionedBy.TryGetValue(method.Name, out var callers) &&
                    callers.Any(c => ReferenceEquals(c.Entry, entry) && (c.Scope is null || c.Scope == method.Type)))
                {
                    var stored = method.WritesFromParameters(_storageNames, MayStoreInReceiver);
                    if (stored.Count > 0)
                    {
                        (written ??= new List<string>()).AddRange(stored);
                    }
                }
            }

            return written;
        }

        /// <summary>
        /// Whether a call of that name may store its arguments in its receiver: a method this compilation declares (its
        /// summary decides), or what the model says of a library's (<see cref="FlowModel.MayStoreInReceiver"/>); without a
        /// model, every call may. A hub's <c>SendAsync</c> or a client's <c>SearchAsync</c> stores nothing in its receiver
        /// for the engine, so the index does not make their receivers hold content.
        /// </summary>
        private bool MayStoreInReceiver(string name) =>
            _mayStoreInReceiver is null || _mayStoreInReceiver(name) ||
            (_declaredNames ??= new HashSet<string>(_entries.Select(e => e.Name), StringComparer.Ordinal)).Contains(name);

        private HashSet<string>? _declaredNames;

        private int _traced;

        private void Enqueue(string name, string? type)
        {
            if (_queued.Add((name, type)))
            {
                _queue.Enqueue((name, type));
            }
        }
    }
}
