namespace AiCompliance.Analyzers.Flow
{
    internal static partial class BuiltInModels
    {
        /// <summary>
        /// Sinks: files the app writes — an exported or downloaded copy must keep its label (Measures Art. 4 ¶2). The bytes
        /// of <c>File.WriteAllBytes</c>, a write to a <c>FileStream</c>, a stream copied into one (<c>bytes.ToStream().CopyTo(file)</c>,
        /// the SDK samples' way of saving a generated image or speech), and <c>DataContent.SaveToAsync(path)</c>. Text files
        /// (<c>File.WriteAllText</c> and the like) are not: in public apps they hold the app's own state (a persisted
        /// conversation thread, a cache, an evaluation export); declare a text export with <c>[UserFacing]</c> or a sink row.
        /// </summary>
        private static void FileSinks(System.Collections.Generic.List<ModelEntry> m)
        {
            Sink(m, "System.IO.File", "WriteAllBytes", "Argument[1]", "File.WriteAllBytes");
            Sink(m, "System.IO.File", "WriteAllBytesAsync", "Argument[1]", "File.WriteAllBytesAsync");
            foreach (var write in new[] { "Write", "WriteAsync" })
            {
                Sink(m, "System.IO.Stream", write, "Argument[0]", "FileStream." + write, FileStreamTarget.Instance);
                Sink(m, "System.IO.FileStream", write, "Argument[0]", "FileStream." + write, FileStreamTarget.Instance);
            }

            Sink(m, "Microsoft.Extensions.AI.DataContent", "SaveToAsync", "this", "DataContent.SaveToAsync");
            foreach (var copy in new[] { "CopyTo", "CopyToAsync" })
            {
                Sink(m, "System.IO.Stream", copy, "this", "Stream." + copy + " (a file)", FileStreamTarget.Instance);
            }
        }
    }
}
