namespace StoryMerge.Core;

/// <summary>Percentiles of measured values (latencies), by nearest rank.</summary>
public static class Percentile
{
    /// <summary>The value below which a share <paramref name="p"/> of the <paramref name="sorted"/> values lie (nearest rank); 0 when there are none.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
