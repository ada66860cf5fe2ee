using System.Collections.Generic;
using System.Linq;

namespace AiCompliance.Benchmarks;

internal static class Stats
{
    /// <summary>The median of the values (the mean of the middle two for an even count); NaN when there are none.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
