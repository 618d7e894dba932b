namespace StoryMerge.Core.Scoring;

/// <summary>Weights and thresholds of the pair score; read from storymerge.json ("scoring").</summary>
public sealed record ScoringOptions
{
    /// <summary>Weight of each signal's z-score, in <see cref="PairSignals.SignalNames"/> order.</summary>
    public double VectorWeight { get; init; } = 0.3;
    public double NamesWeight { get; init; } = 0.3;
    public double NumbersWeight { get; init; } = 0.15;
    public double WordsWeight { get; init; } = 0.25;
    public double ConceptsWeight { get; init; } = 0.25;

    /// <summary>Subtracted when both reports are in one language: two outlets in one language share wording without sharing an event.</summary>
    public double SameLanguagePenalty { get; init; } = 0.5;

    /// <summary>Reports whose dates are further apart than this many days are penalised (default 3).</summary>
    public int DateWindowDays { get; init; } = 3;

    /// <summary>Subtracted per day beyond the window (default 0.5).</summary>
    public double DatePenaltyPerDay { get; init; } = 0.5;

    /// <summary>A z-score is capped here, a guard against a spread near zero (default 50).</summary>
    public double MaxSignalZ { get; init; } = 50;

    /// <summary>The names (numbers) z-score of a pair that shares one name (number) key and no number (name) key is at most this
    /// (default 3): one shared rare name or figure alone is what unrelated stories share by chance, however rare it is.</summary>
    public double SingleKeyMaxZ { get; init; } = 3;

    /// <summary>The combined score at which two reports, or on average two groups of reports, count as one event (Similarity 0.5 there; default 3.5).</summary>
    public double MatchThreshold { get; init; } = 3.5;

    /// <summary>What decides a pair: "model" (default), the learned <see cref="PairModel"/>, whose log-odds are compared with <see cref="MatchProbability"/>;
    /// or "weights", the weighted sum of z-scores above, compared with <see cref="MatchThreshold"/>. A build without a model uses the weights.</summary>
    public string Decision { get; init; } = ModelDecision;

    public const string ModelDecision = "model";
    public const string WeightsDecision = "weights";

    /// <summary>Under the model: the probability of one event at which two reports, or on average two groups of reports, are merged (default 0.6, chosen on held-out halves of the dev files).</summary>
    public double MatchProbability { get; init; } = 0.6;

    /// <summary>The signal weights in <see cref="PairSignals.SignalNames"/> order; derived, so not part of the configuration file.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double[] Weights => [VectorWeight, NamesWeight, NumbersWeight, WordsWeight, ConceptsWeight];

    /// <exception cref="ArgumentException">A weight is negative or not finite, or the window is negative.</exception>
    public void Validate()
    {
        foreach (var (w, name) in Weights.Zip(PairSignals.SignalNames))
            if (!double.IsFinite(w) || w < 0) throw new ArgumentException($"scoring.{name}Weight must be a finite number ≥ 0 (got {w}).");
        if (DateWindowDays < 0) throw new ArgumentException("scoring.dateWindowDays must be ≥ 0.");
        if (!double.IsFinite(MatchThreshold)) throw new ArgumentException("scoring.matchThreshold must be a finite number.");
        if (Decision is not (ModelDecision or WeightsDecision)) throw new ArgumentException($"scoring.decision must be \"{ModelDecision}\" or \"{WeightsDecision}\" (got \"{Decision}\").");
        if (!(MatchProbability > 0 && MatchProbability < 1)) throw new ArgumentException("scoring.matchProbability must be between 0 and 1, both excluded.");
        if (MaxSignalZ <= 0) throw new ArgumentException("scoring.maxSignalZ must be > 0.");
        if (!(SingleKeyMaxZ >= 0)) throw new ArgumentException("scoring.singleKeyMaxZ must be a number ≥ 0.");
    }
}
