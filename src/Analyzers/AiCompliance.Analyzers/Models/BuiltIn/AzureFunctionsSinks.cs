namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Sinks: Azure Functions HTTP triggers: what an HTTP-triggered function returns, and what it writes to an
        /// isolated worker's <c>HttpResponseData</c>.
        /// </summary>
        private static void AzureFunctionsSinks(System.Collections.Generic.List<ModelEntry> m)
        {
            const string Http = "Microsoft.Azure.Functions.Worker.Http.";
            foreach (var write in new[] { "WriteString", "WriteStringAsync", "WriteAsJsonAsync", "WriteBytes", "WriteBytesAsync" })
            {
                Sink(m, Http + "HttpResponseDataExtensions", write, "Argument[1]", "HttpResponseData." + write);
            }

            Sink(m, ModelEntry.AnyType, "*", "ReturnValue", "HTTP-triggered function '" + SinkRow.MemberPlaceholder + "'", HttpTriggeredFunction.Instance);
        }
    }
}
