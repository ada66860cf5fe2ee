namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>Projections: content reaches the result only through the selector.</summary>
        private static void Projections(System.Collections.Generic.List<ModelEntry> m)
        {
            foreach (var linq in new[] { "System.Linq.Enumerable", "System.Linq.Queryable", "System.Linq.AsyncEnumerable", "System.Linq.ParallelEnumerable" })
            {
                m.Add(new ModelEntry(ModelKind.Projection, linq, "Select"));
                m.Add(new ModelEntry(ModelKind.Projection, linq, "SelectMany"));
            }

            m.Add(new ModelEntry(ModelKind.Projection, "System.Collections.Generic.List`1", "ConvertAll"));
            m.Add(new ModelEntry(ModelKind.Projection, "System.Array", "ConvertAll"));
        }
    }
}
