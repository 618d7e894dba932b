namespace StoryMerge.Evaluation;

/// <summary>Quality of a clustering against gold labels: BCubed and pairwise precision/recall/F1, and pair recall by language pair.</summary>
public sealed record ClusteringMetrics(
    double BCubedPrecision, double BCubedRecall, double BCubedF1,
    double PairPrecision, double PairRecall, double PairF1,
    double CrossLanguagePairRecall, IReadOnlyDictionary<string, PairRecall> RecallByLanguagePair,
    int Stories, int GoldEvents, int PredictedEvents)
{
    /// <summary>Scores <paramref name="predicted"/> event ids against <paramref name="gold"/> ones, over the stories gold labels.</summary>
    /// <param name="languages">Language of each story, for the per-language-pair breakdown.</param>
    /// <exception cref="ArgumentException">A gold story has no predicted event.</exception>
    public static ClusteringMetrics Compute(IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted, IReadOnlyDictionary<string, string> languages)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(languages);
        var ids = gold.Keys.Order(StringComparer.Ordinal).ToList();
        var missing = ids.FirstOrDefault(id => !predicted.ContainsKey(id));
        if (missing is not null) throw new ArgumentException($"Story '{missing}' has a gold event but no predicted one.", nameof(predicted));

        var goldGroups = ids.GroupBy(id => gold[id]).ToDictionary(g => g.Key, g => g.ToHashSet());
        var predGroups = ids.GroupBy(id => predicted[id]).ToDictionary(g => g.Key, g => g.ToHashSet());

        double bp = 0, br = 0;
        foreach (var id in ids)
        {
            var g = goldGroups[gold[id]];
            var p = predGroups[predicted[id]];
            int both = p.Count(g.Contains);
            bp += (double)both / p.Count;
            br += (double)both / g.Count;
        }
        bp /= Math.Max(1, ids.Count);
        br /= Math.Max(1, ids.Count);

        // Pairs within gold events and within predicted events only: all pairs of 100k stories would be 5·10⁹.
        long truePairs = 0, goldPairs = 0;
        long predPairs = predGroups.Values.Sum(g => (long)g.Count * (g.Count - 1) / 2);
        var byLanguage = new Dictionary<string, (int Found, int Total)>(StringComparer.Ordinal);
        foreach (var group in goldGroups.Values)
        {
            var members = group.Order(StringComparer.Ordinal).ToList();
            for (int i = 0; i < members.Count; i++)
                for (int j = i + 1; j < members.Count; j++)
                {
                    bool samePred = predicted[members[i]] == predicted[members[j]];
                    goldPairs++;
                    if (samePred) truePairs++;
                    var la = languages.GetValueOrDefault(members[i], "und");
                    var lb = languages.GetValueOrDefault(members[j], "und");
                    var key = string.CompareOrdinal(la, lb) <= 0 ? $"{la}-{lb}" : $"{lb}-{la}";
                    var (f, t) = byLanguage.GetValueOrDefault(key);
                    byLanguage[key] = (f + (samePred ? 1 : 0), t + 1);
                }
        }
        double pp = predPairs == 0 ? 1 : (double)truePairs / predPairs;
        double pr = goldPairs == 0 ? 1 : (double)truePairs / goldPairs;
        var cross = byLanguage.Where(kv => kv.Key.Split('-') is [var a, var b] && a != b).ToList();
        int crossFound = cross.Sum(kv => kv.Value.Found), crossTotal = cross.Sum(kv => kv.Value.Total);
        return new ClusteringMetrics(bp, br, F1(bp, br), pp, pr, F1(pp, pr),
            crossTotal == 0 ? 1 : (double)crossFound / crossTotal,
            byLanguage.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => new PairRecall(kv.Value.Found, kv.Value.Total)),
            ids.Count, goldGroups.Count, predGroups.Count);
    }

    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>How many of the gold same-event pairs of one language pair were put together.</summary>
public readonly record struct PairRecall(int Found, int Total)
{
    public double Recall => Total == 0 ? 1 : (double)Found / Total;
}
