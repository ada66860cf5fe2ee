namespace AiCompliance.Analyzers.Flow
{
    /// <summary>An SDK assembly AiCompliance models: its assembly name and the namespace prefix of its source rows.</summary>
    internal sealed class SdkAssembly
    {
        public SdkAssembly(string assemblyName, string sourceNamespace)
        {
            AssemblyName = assemblyName;
            SourceNamespace = sourceNamespace;
        }

        public string AssemblyName { get; }

        public string SourceNamespace { get; }
    }
}
