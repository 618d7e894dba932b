using StoryMerge.Core.Retrieval;

namespace StoryMerge.Core.Scoring;

/// <summary>Combines the pair signals into one score that means the same for every language pair.</summary>
/// <remarks>
/// A raw similarity is not comparable across language pairs: two unrelated Russian reports share more words than one
/// story told in Kazakh and Russian. Each signal is therefore turned into a z-score against unrelated pairs of the
/// same two languages, seen from each story (<see cref="StoryBackgrounds"/>): the two z-scores are averaged, capped,
/// weighted and summed over the signals both languages carry (<see cref="SignalCoverage"/>: a signal a script or
/// the lexicon cannot give is no evidence against a match, so the other signals' weights are scaled up to the full
/// sum); then penalties for a shared language and for dates too far apart are subtracted. Build it with <see cref="DedupPipeline.Scorer"/>.
/// Thread-safe while the rarity and statistics are not being written.
/// </remarks>
public sealed class PairScorer(ScoringOptions options, KeyWeigher weigher, IStoryBackgrounds backgrounds, SignalCoverage coverage, PairModel? model = null) : IPairScorer
{
    private readonly double[] _weights = options.Weights;

    /// <summary>Smallest spread divided by: a story that shares no key with any sampled story has a spread of zero.</summary>
    private const double MinStdDev = 0.01;

    /// <summary>The total at which a pair is one event: the model's log-odds of <see cref="ScoringOptions.MatchProbability"/>, or the weights' threshold.</summary>
    public double MatchThreshold { get; } = model is null ? options.MatchThreshold : PairModel.LogOddsOf(options.MatchProbability);

    /// <summary>The learned decision, or null when the weighted z-scores decide.</summary>
    public PairModel? Model => model;

    public ScoringOptions Options => options;

    public PairScore Score(AnalyzedStory a, AnalyzedStory b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Score(a.Features, b.Features);
    }

    /// <summary>Scores a pair from their match features (what a store keeps of each story).</summary>
    public PairScore Score(MatchFeatures a, MatchFeatures b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Score(a, b, Signals(a, b));
    }

    /// <summary>The pair's signals, for <see cref="Screen"/> and then <see cref="Score(MatchFeatures, MatchFeatures, PairSignals)"/> without computing them twice.</summary>
    public PairSignals Signals(MatchFeatures a, MatchFeatures b) => PairSignals.Of(a, b, weigher);

    /// <summary>Scores a pair whose signals are already computed.</summary>
    public PairScore Score(MatchFeatures a, MatchFeatures b, PairSignals signals)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Combine(a, b, signals, backgrounds.For(a, b.Language));
    }

    /// <summary>A cheap estimate of the pair's total that needs only <paramref name="b"/>'s profile (as if <paramref name="a"/>'s were the same).</summary>
    /// <remarks>A store screens a new story's candidates with it, so the new story's own profile against a language is measured only when some candidate of that language may match.</remarks>
    public double Screen(MatchFeatures a, MatchFeatures b, PairSignals signals)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Combine(a, b, signals, backgrounds.For(b, a.Language)).Total;
    }

    /// <summary>The pair model's features of a scored pair (for training it).</summary>
    public double[] Features(MatchFeatures a, MatchFeatures b, PairScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return PairFeatures.Of(a, b, weigher.For(a), weigher.For(b), score.Z);
    }

    /// <summary>Which signals both languages carry; null when all do.</summary>
    private bool[]? CarriedBy(LanguageTag a, LanguageTag b)
    {
        bool[]? carried = null;
        for (int i = 0; i < PairSignals.Count; i++)
        {
            if (coverage.Carries(a, b, i)) continue;
            carried ??= Enumerable.Repeat(true, PairSignals.Count).ToArray();
            carried[i] = false;
        }
        return carried;
    }

    /// <summary>The weights of the carried signals scaled up to the full sum, the others zero (all given back when none is carried).</summary>
    public static double[] Scaled(IReadOnlyList<double> weights, bool[] carried)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(carried);
        double all = 0, kept = 0;
        for (int i = 0; i < weights.Count; i++)
        {
            all += weights[i];
            if (carried[i]) kept += weights[i];
        }
        var scaled = new double[weights.Count];
        for (int i = 0; i < weights.Count; i++) scaled[i] = kept == 0 ? weights[i] : carried[i] ? weights[i] * all / kept : 0;
        return scaled;
    }

    /// <summary>Caps the names (numbers) z-score of a pair that shares a single name (number) key and no number (name) key:
    /// one sparse signal backed by one key. A shared name and a shared figure agree, and are left as they are.</summary>
    private void BoundSingleKeys(MatchFeatures a, MatchFeatures b, double[] z)
    {
        var (ka, kb) = (weigher.For(a), weigher.For(b));
        int names = ka.SharedCount(kb, KeyFamily.Name), numbers = ka.SharedCount(kb, KeyFamily.Number);
        if (names == 1 && numbers == 0) z[1] = Math.Min(z[1], options.SingleKeyMaxZ);
        if (numbers == 1 && names == 0) z[2] = Math.Min(z[2], options.SingleKeyMaxZ);
    }

    /// <summary>What dates further apart than the window take off the score.</summary>
    private double DatePenalty(MatchFeatures a, MatchFeatures b)
    {
        if (a.Published is not { } da || b.Published is not { } db) return 0;
        int days = Math.Abs(da.DayNumber - db.DayNumber);
        return days > options.DateWindowDays ? (days - options.DateWindowDays) * options.DatePenaltyPerDay : 0;
    }

    /// <summary>Turns a pair's signals into z-scores seen from each story (a's profile as given), the penalties and the total.</summary>
    private PairScore Combine(MatchFeatures a, MatchFeatures b, PairSignals signals, SignalStatistics fromA)
    {
        var fromB = backgrounds.For(b, a.Language);
        var z = new double[PairSignals.Count];
        for (int i = 0; i < PairSignals.Count; i++)
        {
            double za = (signals[i] - fromA.Mean[i]) / Math.Max(fromA.StdDev[i], MinStdDev);
            double zb = (signals[i] - fromB.Mean[i]) / Math.Max(fromB.StdDev[i], MinStdDev);
            z[i] = Math.Clamp((za + zb) / 2, -options.MaxSignalZ, options.MaxSignalZ);
        }
        var carried = CarriedBy(a.Language, b.Language);
        var weights = _weights;
        if (carried is not null)
        {
            weights = Scaled(_weights, carried);
            for (int i = 0; i < PairSignals.Count; i++)
                if (!carried[i]) z[i] = 0;   // shown as no evidence, not as whatever the missing signal's statistics made of zero
        }
        BoundSingleKeys(a, b, z);
        // Under the model, a shared language is one of its features; the date penalty is not (no dev file has dates).
        double penalty = DatePenalty(a, b);
        if (model is null && a.Language == b.Language) penalty += options.SameLanguagePenalty;
        double total;
        if (model is null) total = PairScore.Combine(weights, z, penalty);
        else
        {
            Span<double> features = stackalloc double[PairFeatures.Count];
            PairFeatures.Fill(a, b, weigher.For(a), weigher.For(b), z, features);
            total = model.LogOdds(features) - penalty;
        }
        var similarity = Similarity.Clamp(1 / (1 + Math.Exp(-(total - MatchThreshold))));
        return new PairScore(a.Id, b.Id, signals, z, penalty, total, similarity) { Carried = carried };
    }
}
