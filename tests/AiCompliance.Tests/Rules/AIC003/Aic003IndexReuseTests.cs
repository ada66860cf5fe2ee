using System.Linq;
using System.Threading;
using AiCompliance.Analyzers.Flow;
using AiCompliance.Analyzers.Rules;
using Xunit;
using static AiCompliance.Tests.Rules.Aic001.PrefilterCompilations;

namespace AiCompliance.Tests.Rules.Aic003;

/// <summary>
/// AIC003 asks every call named like a source row whether it is one. Calls the AIC001 index already answered (it bound
/// the body to confirm the name, or the receivers' declared types ruled it out) are not bound again, and the answer is
/// the same as binding every call: the real source call is found, the look-alikes are not.
/// </summary>
public class Aic003IndexReuseTests
{
    private const string LookAlikes = """
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.AI;

        public static class Payloads
        {
            public static HttpContent Create(string text) => new StringContent(text);
        }

        public class Relay
        {
            private readonly HttpClient _http = new HttpClient();
            public Task<HttpResponseMessage> Forward(HttpRequestMessage request) => _http.SendAsync(request);
            public HttpContent Wrap(string text) => Payloads.Create(text);
            public HttpContent Again(string text) => Payloads.Create(text + "!");
        }

        public class Chat(IChatClient client)
        {
            public async Task<string> Ask(string question) => (await client.GetResponseAsync(question)).Text;
        }
        """;

    [Fact]
    public void Calls_the_index_ruled_out_are_not_bound_again_and_the_answer_is_unchanged()
    {
        var compilation = Library("Aic003Reuse", LookAlikes);
        var tree = compilation.SyntaxTrees.Single();
        var context = new FlowContext(FlowModel.Create(compilation));
        var index = context.Prefilter.Index;

        var everyCall = new SourceCalls(context.Model);
        var withIndex = new SourceCalls(context.Model);
        var all = everyCall.In(compilation.GetSemanticModel(tree), CancellationToken.None);
        var reused = withIndex.In(compilation.GetSemanticModel(tree), CancellationToken.None, index.RulesOutSourceCall);

        Assert.Equal(all.Select(c => c.Call.ToString()), reused.Select(c => c.Call.ToString()));
        Assert.Equal("client.GetResponseAsync(question)", Assert.Single(reused).Call.ToString());
        Assert.Equal(4, everyCall.Bound); // SendAsync, Create twice, GetResponseAsync
        Assert.Equal(1, withIndex.Bound); // only the source call: the index answered the other three
    }
}
