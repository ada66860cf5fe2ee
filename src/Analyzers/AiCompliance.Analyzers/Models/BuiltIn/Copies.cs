namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Copies: calls that write what they read into a destination argument (on top of the default rule), and a
        /// record's synthesized clone (the flow graph's lowering of <c>with</c>: the copy holds what the original held,
        /// member by member; the initializer's assignments then overwrite members of the copy).
        /// </summary>
        private static void Copies(System.Collections.Generic.List<ModelEntry> m)
        {
            // ai.AsSpan().CopyTo(buffer), text.CopyTo(0, chars, 0, n), list.CopyTo(array): of any type, into its buffers.
            Copy(m, ModelEntry.AnyType, "CopyTo", "this -> Argument[*]");
            Copy(m, ModelEntry.AnyType, "TryCopyTo", "this -> Argument[*]");

            // Array.Copy(src, dst, n), Array.Copy(src, i, dst, j, n), Buffer.BlockCopy(src, i, dst, j, n).
            Copy(m, "System.Array", "Copy", "Argument[0] -> Argument[1..]");
            Copy(m, "System.Array", "ConstrainedCopy", "Argument[0] -> Argument[1..]");
            Copy(m, "System.Buffer", "BlockCopy", "Argument[0] -> Argument[1..]");

            m.Add(new ModelEntry(ModelKind.Clone, ModelEntry.AnyType, "<Clone>$"));
        }
    }
}
