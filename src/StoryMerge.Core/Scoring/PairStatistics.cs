using StoryMerge.Core.Retrieval;

namespace StoryMerge.Core.Scoring;

/// <summary>The statistics of unrelated pairs per language pair that z-scores are taken against: shipped background, updated by the collection.</summary>
/// <remarks>
/// The collection's own random pairs are mostly unrelated, so their mean and spread estimate the same thing as the
/// background; the two are blended, the background counting as <see cref="PriorPairs"/> pairs, so five stories lean
/// on the background and a large archive on itself. Not thread-safe for writes.
/// </remarks>
public sealed class PairStatistics(BackgroundModel background)
{
    /// <summary>How many observed pairs the background is worth when blending.</summary>
    public const int PriorPairs = 300;

    private readonly Dictionary<string, SignalStatistics> _blended = new(StringComparer.Ordinal);

    public SignalStatistics For(LanguageTag a, LanguageTag b)
    {
        var key = BackgroundModel.PairKey(a, b);
        if (_blended.TryGetValue(key, out var s)) return s;
        return background.ForPair(a, b);
    }

    /// <summary>Replaces the collection's observations for one language pair and recomputes the blend.</summary>
    public void Observe(LanguageTag a, LanguageTag b, SignalStatistics observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var key = BackgroundModel.PairKey(a, b);
        var prior = background.ForPair(a, b);
        _blended[key] = Blend(prior, prior.IsNeutral ? 0 : PriorPairs, observed);
    }

    /// <summary>Mixes two sets of statistics, the prior counting as <paramref name="priorWeight"/> observations: means averaged, variances pooled.</summary>
    public static SignalStatistics Blend(SignalStatistics prior, double priorWeight, SignalStatistics observed)
    {
        double wp = priorWeight, wo = observed.Pairs;
        if (wp + wo == 0) return prior;
        var mean = new double[PairSignals.Count];
        var std = new double[PairSignals.Count];
        for (int i = 0; i < PairSignals.Count; i++)
        {
            mean[i] = (wp * prior.Mean[i] + wo * observed.Mean[i]) / (wp + wo);
            double vp = prior.StdDev[i] * prior.StdDev[i] + Math.Pow(prior.Mean[i] - mean[i], 2);
            double vo = observed.StdDev[i] * observed.StdDev[i] + Math.Pow(observed.Mean[i] - mean[i], 2);
            std[i] = Math.Sqrt((wp * vp + wo * vo) / (wp + wo));
        }
        return new SignalStatistics { Mean = mean, StdDev = std, Pairs = (long)(wp + wo) };
    }

    /// <summary>Mean and spread of a sample of signals, dropping the top share as likely related pairs.</summary>
    /// <remarks>
    /// With a share above zero at least one value is dropped once there are three: in a small collection a story's
    /// sample holds its own duplicate, the one value that must not count as "unrelated".
    /// </remarks>
    public static SignalStatistics Measure(IReadOnlyList<PairSignals> sample, double trimTop = 0.02)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var mean = new double[PairSignals.Count];
        var std = new double[PairSignals.Count];
        if (sample.Count == 0) return new SignalStatistics { Mean = mean, StdDev = std, Pairs = 0 };
        int drop = trimTop <= 0 || sample.Count < 3 ? 0 : Math.Max(1, (int)Math.Ceiling(sample.Count * trimTop));
        int keep = sample.Count - drop;
        // Plain arrays, not LINQ: a store measures a profile for nearly every story it files.
        var values = new double[sample.Count];
        for (int i = 0; i < PairSignals.Count; i++)
        {
            for (int k = 0; k < values.Length; k++) values[k] = sample[k][i];
            Array.Sort(values);
            double sum = 0;
            for (int k = 0; k < keep; k++) sum += values[k];
            double m = sum / keep;
            double squares = 0;
            for (int k = 0; k < keep; k++) squares += (values[k] - m) * (values[k] - m);
            mean[i] = m;
            std[i] = Math.Sqrt(squares / Math.Max(1, keep - 1));
        }
        return new SignalStatistics { Mean = mean, StdDev = std, Pairs = keep };
    }
}
