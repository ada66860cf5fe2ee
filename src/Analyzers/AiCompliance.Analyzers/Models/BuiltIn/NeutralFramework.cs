namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>Neutral framework types that look like they could carry text.</summary>
        private static void NeutralFramework(System.Collections.Generic.List<ModelEntry> m)
        {
            Neutral(m, "System.Threading.CancellationToken");
            Neutral(m, "System.Type");
            Neutral(m, "System.Text.Encoding");
        }
    }
}
