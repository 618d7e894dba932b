using StoryMerge.Core;

namespace StoryMerge.Evaluation;

/// <summary>Chooses the pair-score weights and match threshold that give the best BCubed F1 on labelled stories.</summary>
/// <remarks>
/// Works on one scored batch: signals and z-scores do not depend on the weights, so each trial only recombines stored
/// z-scores and re-clusters. Coordinate search: each weight in turn is scaled by the factors in <see cref="Factors"/>,
/// each with a full threshold sweep, and the best is kept; two rounds. Deterministic: ties keep the earlier setting.
/// Nothing but the batch it is given is read, so tuning on one file and measuring on another cannot mix them.
/// </remarks>
public sealed class Tuner(DedupPipeline pipeline)
{
    private static readonly double[] Factors = [0, 0.5, 1.5, 2];
    private const int Rounds = 2;

    /// <summary>Thresholds tried for StoryMerge's score (z-score units).</summary>
    public static double[] Thresholds { get; } = Enumerable.Range(0, 33).Select(i => 1.0 + i * 0.25).ToArray();

    /// <summary>Thresholds tried for the pair model's log-odds (probability 0.02 to 0.98).</summary>
    public static double[] ModelThresholds { get; } = Enumerable.Range(0, 33).Select(i => -4.0 + i * 0.25).ToArray();

    /// <summary>Quality at every threshold with fixed weights.</summary>
    public IReadOnlyList<SweepPoint> Sweep(ScoredBatch batch, IReadOnlyDictionary<string, string> gold, double[] weights, IEnumerable<double>? thresholds = null) =>
        Sweep(batch, gold, new ScoreSetting(weights, 0), thresholds);

    /// <summary>Quality at every threshold of a setting's decision (the model's log-odds thresholds when it uses the model).</summary>
    public IReadOnlyList<SweepPoint> Sweep(ScoredBatch batch, IReadOnlyDictionary<string, string> gold, ScoreSetting setting, IEnumerable<double>? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(setting);
        return (thresholds ?? (setting.UsesModel ? ModelThresholds : Thresholds))
            .Select(t => new SweepPoint(t, ClusterScoring.Score(pipeline.Group(batch, t, setting.Total), batch.Stories, gold)))
            .ToList();
    }

    /// <summary>The best setting found, starting from <paramref name="start"/>, and its F1 on this batch.</summary>
    public (ScoreSetting Setting, double F1) Tune(ScoredBatch batch, IReadOnlyDictionary<string, string> gold, ScoreSetting start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var best = BestThreshold(batch, gold, start.Weights);
        for (int round = 0; round < Rounds; round++)
            for (int i = 0; i < start.Weights.Length; i++)
                foreach (var factor in Factors)
                {
                    var weights = best.Setting.Weights.ToArray();
                    weights[i] = best.Setting.Weights[i] * factor;
                    if (weights[i] == best.Setting.Weights[i] || weights.All(w => w == 0)) continue;
                    var trial = BestThreshold(batch, gold, weights);
                    if (trial.F1 > best.F1 + 1e-9) best = trial;
                }
        return best;
    }

    private (ScoreSetting Setting, double F1) BestThreshold(ScoredBatch batch, IReadOnlyDictionary<string, string> gold, double[] weights)
    {
        var best = Sweep(batch, gold, weights).OrderByDescending(p => p.Metrics.BCubedF1).First();
        return (new ScoreSetting(weights, best.Threshold), best.Metrics.BCubedF1);
    }
}
