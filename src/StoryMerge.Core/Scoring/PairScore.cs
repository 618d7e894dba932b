namespace StoryMerge.Core.Scoring;

/// <summary>How alike two stories are: the raw signals, their z-scores against unrelated pairs of the same languages, and the combined score.</summary>
/// <param name="Total">Weighted sum of the z-scores minus penalties; compared with the match threshold.</param>
/// <param name="Similarity">The total squashed into [0, 1]: 0.5 at the match threshold.</param>
public sealed record PairScore(StoryId A, StoryId B, PairSignals Signals, double[] Z, double Penalty, double Total, Similarity Similarity)
{
    /// <summary>The combined score: the weighted sum of the z-scores minus the penalty. The one definition, for the scorer and for tuners trying other weights.</summary>
    public static double Combine(IReadOnlyList<double> weights, IReadOnlyList<double> z, double penalty)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(z);
        double total = -penalty;
        for (int i = 0; i < z.Count; i++) total += weights[i] * z[i];
        return total;
    }

    /// <summary>Which signals both stories' languages carry (<see cref="SignalCoverage"/>); null when all do.</summary>
    public bool[]? Carried { get; init; }

    /// <summary>This pair's total under other weights, scaled over the carried signals as the scorer does.</summary>
    public double TotalWith(IReadOnlyList<double> weights) => Combine(Carried is null ? weights : PairScorer.Scaled(weights, Carried), Z, Penalty);

    /// <summary>The signals as "names z=7.1 (0.42)", strongest first, for error reports and editors.</summary>
    public string Explain() => string.Join(", ",
        Enumerable.Range(0, PairSignals.Count).OrderByDescending(i => Z[i])
            .Select(i => $"{PairSignals.SignalNames[i]} z={Z[i]:0.0} ({Signals[i]:0.000})"))
        + (Penalty != 0 ? $", penalty {Penalty:0.0}" : "");
}
