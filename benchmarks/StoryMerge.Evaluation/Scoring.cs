using StoryMerge.Core;

namespace StoryMerge.Evaluation;

/// <summary>Scores clusters of a batch against gold labels.</summary>
public static class ClusterScoring
{
    /// <summary>Metrics of <paramref name="clusters"/> (story indexes) over the stories gold labels.</summary>
    public static ClusteringMetrics Score(IReadOnlyList<IReadOnlyList<int>> clusters, IReadOnlyList<AnalyzedStory> stories, IReadOnlyDictionary<string, string> gold)
    {
        var languages = stories.ToDictionary(s => s.Id.Value, s => s.Language.Code, StringComparer.Ordinal);
        return ClusteringMetrics.Compute(gold, Predicted(clusters, stories), languages);
    }

    /// <summary>Story id → predicted cluster name ("c0", "c1", …) for clusters of story indexes.</summary>
    public static Dictionary<string, string> Predicted(IReadOnlyList<IReadOnlyList<int>> clusters, IReadOnlyList<AnalyzedStory> stories)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(stories);
        var predicted = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int c = 0; c < clusters.Count; c++)
            foreach (var i in clusters[c]) predicted[stories[i].Id.Value] = "c" + c;
        return predicted;
    }
}

/// <summary>One point of a threshold sweep: the threshold and the quality it gives.</summary>
public sealed record SweepPoint(double Threshold, ClusteringMetrics Metrics);

/// <summary>What decides a pair in an evaluation: the five signal weights and the match threshold (what tuning chooses), or the pipeline's pair model and its threshold in log-odds.</summary>
public sealed record ScoreSetting(double[] Weights, double Threshold, bool UsesModel = false)
{
    public static ScoreSetting From(Core.Scoring.ScoringOptions options) => new(options.Weights, options.MatchThreshold);

    /// <summary>The pipeline's own decision: its model when it has one (threshold in log-odds), else its weights.</summary>
    public static ScoreSetting Of(DedupPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var options = pipeline.Options.Scoring;
        return pipeline.Model is null ? From(options) : new(options.Weights, Core.Scoring.PairModel.LogOddsOf(options.MatchProbability), UsesModel: true);
    }

    /// <summary>The pair total: the model's log-odds as scored, or the total under these weights from the pair's stored z-scores and penalty.</summary>
    public double Total(Core.Scoring.PairScore score) => UsesModel ? score.Total : score.TotalWith(Weights);

    public Core.Scoring.ScoringOptions ApplyTo(Core.Scoring.ScoringOptions options) => UsesModel
        ? options with { MatchProbability = 1 / (1 + Math.Exp(-Threshold)) }
        : options with
        {
            VectorWeight = Weights[0], NamesWeight = Weights[1], NumbersWeight = Weights[2], WordsWeight = Weights[3], ConceptsWeight = Weights[4],
            MatchThreshold = Threshold,
        };

    public override string ToString() => UsesModel
        ? $"pair model; match at log-odds {Threshold:0.##} (probability {1 / (1 + Math.Exp(-Threshold)):0.###})"
        : string.Join(", ", Core.Scoring.PairSignals.SignalNames.Zip(Weights, (n, w) => $"{n} {w:0.###}")) + $"; threshold {Threshold:0.##}";
}
