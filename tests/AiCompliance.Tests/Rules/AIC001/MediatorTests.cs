using System;
using System.Collections.Immutable;
using System.Threading.Tasks;
using AiCompliance.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AiCompliance.Tests.Rules.Aic001;

/// <summary>
/// In-process mediators: an endpoint sends a request and returns what its handler answered (every AI endpoint of
/// mehdihadeli/genai-eshop-semantic-kernel has this shape). On the real Mediator.Abstractions 3.0.2 and, keyed on its
/// public names, MediatR 12 (not served here: a compile-only stand-in).
/// </summary>
public class MediatorTests
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> MediatorReferences = new(() =>
        FlowVerifier.All.Add(MetadataReference.CreateFromFile(typeof(Mediator.ISender).Assembly.Location)));

    [Fact]
    public Task A_request_sent_through_Mediator_returns_what_its_handler_answers() => FlowVerifier.VerifyAsync("using Mediator;\nusing System.Threading;\n" + Code.Header + """
        record Recommend(string Question) : IRequest<Recommendation>;
        record Recommendation(string Text, int Count);
        record Lookup(string Sku) : IQuery<string>;

        sealed class RecommendHandler(IChatClient client) : IRequestHandler<Recommend, Recommendation>
        {
            public async ValueTask<Recommendation> Handle(Recommend request, CancellationToken cancellationToken)
            {
                var reply = await client.GetResponseAsync(request.Question, cancellationToken: cancellationToken);
                return new Recommendation(reply.Text, 3);
            }
        }

        sealed class LookupHandler : IQueryHandler<Lookup, string>
        {
            public ValueTask<string> Handle(Lookup query, CancellationToken cancellationToken) => new("in stock");
        }

        sealed class Endpoint(ISender sender, IMediator mediator)
        {
            async Task AskAsync(string question)
            {
                var result = await sender.Send(new Recommend(question));
                Console.WriteLine([|result.Text|]);
                Console.WriteLine(result.Count);
                Console.WriteLine(Svc.Label((await mediator.Send(new Recommend(question))).Text));
                Console.WriteLine(await sender.Send(new Lookup("x")));
            }
        }
        """, new FlowRun { References = MediatorReferences.Value });

    [Fact]
    public Task A_notification_published_with_the_answer_reaches_its_handlers_sinks() => FlowVerifier.VerifyAsync("using Mediator;\nusing System.Threading;\n" + Code.Header + """
        record AnswerReady(string Text, string Question) : INotification;

        sealed class PrintAnswer : INotificationHandler<AnswerReady>
        {
            public ValueTask Handle(AnswerReady notification, CancellationToken cancellationToken)
            {
                Console.WriteLine(notification.Text);
                Console.WriteLine(notification.Question);
                return default;
            }
        }

        sealed class PrintLabeled : INotificationHandler<AnswerReady>
        {
            public ValueTask Handle(AnswerReady notification, CancellationToken cancellationToken)
            {
                Console.WriteLine(Svc.Label(notification.Text));
                return default;
            }
        }

        sealed class Asker(IChatClient client, IPublisher publisher, IMediator mediator)
        {
            async Task AskAsync(string question)
            {
                var reply = await client.GetResponseAsync(question);
                await publisher.Publish([|new AnswerReady(reply.Text, question)|]);
                await mediator.Publish([|new AnswerReady(reply.Text, question)|]);
                await publisher.Publish(new AnswerReady(question, question));
            }
        }
        """, new FlowRun { References = MediatorReferences.Value });

    private const string MediatRStandIn = """
        using System.Threading;
        using System.Threading.Tasks;
        namespace MediatR
        {
            public interface IBaseRequest { }
            public interface IRequest<out TResponse> : IBaseRequest { }
            public interface IRequestHandler<in TRequest, TResponse> where TRequest : IRequest<TResponse>
            {
                Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
            }
            public interface ISender { Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default); }
            public interface IMediator : ISender { }
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> MediatRReferences = new(() =>
        FlowVerifier.All.Add(EmittedAssembly.Emit("MediatR", MediatRStandIn)));

    // The handler's parameter reaching a sink reports at the request, as for any helper.
    [Fact]
    public Task A_request_sent_through_MediatR_returns_what_its_handler_answers() => FlowVerifier.VerifyAsync("using MediatR;\nusing System.Threading;\n" + Code.Header + """
        record Summarize(string Text) : IRequest<string>;
        record Show(string Text) : IRequest<bool>;

        sealed class SummarizeHandler(IChatClient client) : IRequestHandler<Summarize, string>
        {
            public async Task<string> Handle(Summarize request, CancellationToken cancellationToken) =>
                (await client.GetResponseAsync("Summarize: " + request.Text, cancellationToken: cancellationToken)).Text;
        }

        sealed class ShowHandler : IRequestHandler<Show, bool>
        {
            public Task<bool> Handle(Show request, CancellationToken cancellationToken) { Console.WriteLine(request.Text); return Task.FromResult(true); }
        }

        sealed class Page(IMediator mediator)
        {
            async Task Run(string text)
            {
                var summary = await mediator.Send(new Summarize(text));
                Console.WriteLine([|summary|]);
                await mediator.Send([|new Show(summary)|]);
                await mediator.Send(new Show(text));
            }
        }
        """, new FlowRun { References = MediatRReferences.Value });
}
