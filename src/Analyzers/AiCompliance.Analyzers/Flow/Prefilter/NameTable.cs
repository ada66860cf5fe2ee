using System.Collections.Generic;

namespace AiCompliance.Analyzers.Flow.Prefilter
{
    /// <summary>A set of names looked up by a slice of a text, without allocating a string per lookup.</summary>
    internal sealed class NameTable
    {
        private readonly Dictionary<int, List<string>> _buckets = new Dictionary<int, List<string>>();

        public NameTable(IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                Add(name);
            }
        }

        public void Add(string name)
        {
            var hash = Hash(name, 0, name.Length);
            if (!_buckets.TryGetValue(hash, out var bucket))
            {
                _buckets[hash] = bucket = new List<string>(1);
            }

            if (!bucket.Contains(name))
            {
                bucket.Add(name);
            }
        }

        public bool TryFind(string text, int start, int length, out string name)
        {
            if (_buckets.TryGetValue(Hash(text, start, length), out var bucket))
            {
                foreach (var candidate in bucket)
                {
                    if (NameScanner.Is(text, start, length, candidate))
                    {
                        name = candidate;
                        return true;
                    }
                }
            }

            name = string.Empty;
            return false;
        }

        private static int Hash(string text, int start, int length)
        {
            unchecked
            {
                var hash = (int)2166136261;
                for (var i = start; i < start + length; i++)
                {
                    hash = (hash ^ text[i]) * 16777619;
                }

                return hash;
            }
        }
    }
}
