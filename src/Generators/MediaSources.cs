using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace AiCompliance.Generators
{
    /// <summary>
    /// The media labelers (<c>src/Generators/Media/*.cs</c>): dependency-free C# 7.3 kept as embedded resources of the
    /// generator and emitted once into each compilation that declares a service, so <c>LabelImage</c> and
    /// <c>LabelAudio</c> need no package at run time. Read once per generator load; sorted by name (deterministic).
    /// </summary>
    internal static class MediaSources
    {
        private const string Prefix = "AiCompliance.Media.";

        private static IReadOnlyList<(string HintName, string Text)>? s_all;

        /// <summary>Each labeler file: its hint name (<c>AiCompliance.Media.AigcImage.g.cs</c>) and its text.</summary>
        public static IReadOnlyList<(string HintName, string Text)> All => s_all ??= Load();

        private static List<(string HintName, string Text)> Load()
        {
            var assembly = typeof(MediaSources).Assembly;
            var files = new List<(string HintName, string Text)>();
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, System.StringComparison.Ordinal)).OrderBy(n => n, System.StringComparer.Ordinal))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                var text = reader.ReadToEnd().Replace("\r\n", "\n");
                files.Add((name.Substring(0, name.Length - ".cs".Length) + ".g.cs", text));
            }

            return files;
        }
    }
}
