namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>Sinks: ASP.NET Core minimal APIs (Results, TypedResults, response writes, route handlers).</summary>
        private static void MinimalApiSinks(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Http = "Microsoft.AspNetCore.Http.";
            foreach (var results in new[] { "Results", "TypedResults" })
            {
                foreach (var member in new[] { "Ok", "Content", "Json", "Text", "Created", "CreatedAtRoute", "Accepted", "AcceptedAtRoute", "Stream", "ServerSentEvents", "Bytes", "File", "BadRequest", "NotFound", "Conflict", "UnprocessableEntity", "Problem", "ValidationProblem" })
                {
                    Sink(m, Http + results, member, "Argument[*]", results + "." + member);
                }
            }

            Sink(m, Http + "HttpResponseWritingExtensions", "WriteAsync", "Argument[1]", "HttpResponse.WriteAsync");
            Sink(m, Http + "HttpResponseJsonExtensions", "WriteAsJsonAsync", "Argument[1]", "HttpResponse.WriteAsJsonAsync");
            Sink(m, ModelEntry.AnyType, "*", "Argument[*]", "HttpResponse.Body." + SinkRow.MemberPlaceholder, ResponseBodyReceiver.Instance);
            foreach (var map in new[] { "Map", "MapGet", "MapPost", "MapPut", "MapDelete", "MapPatch", "MapMethods", "MapFallback" })
            {
                Sink(m, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions", map, "Argument[*].ReturnValue", "route handler (" + map + ")");
            }
        }
    }
}
