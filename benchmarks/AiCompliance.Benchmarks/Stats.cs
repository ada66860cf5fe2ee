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

    /// <summary>
    /// A 90% percentile-bootstrap interval for the median of <paramref name="values"/> (5,000 resamples, fixed seed, so
    /// the same values give the same interval). NaN for fewer than three values.
    /// </summary>
    public static (double Low, double High) BootstrapMedianInterval(IReadOnlyList<double> values)
    {
        if (values.Count < 3)
        {
            return (double.NaN, double.NaN);
        }

        const int Resamples = 5000;
        var random = new System.Random(20261129);
        var medians = new double[Resamples];
        var sample = new double[values.Count];
        for (var i = 0; i < Resamples; i++)
        {
            for (var j = 0; j < sample.Length; j++)
            {
                sample[j] = values[random.Next(values.Count)];
            }

            medians[i] = Median(sample);
        }

        System.Array.Sort(medians);
        return (medians[(int)(Resamples * 0.05)], medians[(int)(Resamples * 0.95) - 1]);
    }
}
