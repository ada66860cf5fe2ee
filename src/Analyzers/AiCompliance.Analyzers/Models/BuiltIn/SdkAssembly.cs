namespace AiCompliance.Analyzers.Flow
{
    /// <summary>
    /// An SDK assembly AiCompliance models: its assembly name and the namespace prefixes of its source rows (several when
    /// versions moved them: Azure.AI.OpenAI 1.0 betas have their own client, 2.x returns OpenAI's). The SDK is understood
    /// when a source row under any of them resolves.
    /// </summary>
    internal sealed class SdkAssembly
    {
        public SdkAssembly(string assemblyName, params string[] sourceNamespaces)
        {
            AssemblyName = assemblyName;
            SourceNamespaces = sourceNamespaces;
        }

        public string AssemblyName { get; }

        public string[] SourceNamespaces { get; }

        public bool Owns(string typeName)
        {
            foreach (var prefix in SourceNamespaces)
            {
                if (typeName.StartsWith(prefix, System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
