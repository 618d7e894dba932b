using StoryMerge.Core;
using StoryMerge.Core.Clustering;

namespace StoryMerge.Evaluation;

/// <summary>The plain baseline: TF-IDF cosine over transliterated character n-grams, clustered with the same average-link rule.</summary>
/// <remarks>
/// Each story's words in the language-neutral form (transliterated, not stemmed) give character 3- and 4-grams with
/// word boundaries; n-grams in more than <see cref="MaxDocumentShare"/> of the stories (and more than two) are cut, the
/// strongest of the cuts tried on ntrex-dev partial (50%: F1 0.40, 10%: 0.51, 5%: 0.63, 2%: 0.67, 1%: 0.45); weights are
/// (1 + ln tf) · ln(N / df); vectors are unit length. Every pair is compared (no index), so it is meant for
/// evaluation sets, not archives: more than <see cref="MaxStories"/> stories are refused.
/// </remarks>
public sealed class TfidfBaseline
{
    public const double MaxDocumentShare = 0.02;
    public const int MaxStories = 20_000;

    /// <summary>Thresholds tried for the baseline (cosine).</summary>
    public static double[] Thresholds { get; } = Enumerable.Range(1, 60).Select(i => i * 0.005).ToArray();

    private readonly IReadOnlyList<(int, int, double)> _pairs;
    private readonly int _count;

    /// <exception cref="ArgumentException">More than <see cref="MaxStories"/> stories.</exception>
    public TfidfBaseline(IReadOnlyList<AnalyzedStory> stories, double maxDocumentShare = MaxDocumentShare, int minGram = 3, int maxGram = 4)
    {
        ArgumentNullException.ThrowIfNull(stories);
        if (stories.Count > MaxStories) throw new ArgumentException($"The baseline compares every pair; {stories.Count:N0} stories is more than {MaxStories:N0}.", nameof(stories));
        _count = stories.Count;
        var grams = stories.Select(s => Grams(s, minGram, maxGram)).ToList();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in grams) foreach (var key in g.Keys) df[key] = df.GetValueOrDefault(key) + 1;
        var ids = df.Where(kv => kv.Value <= Math.Max(2, maxDocumentShare * stories.Count)).Select(kv => kv.Key).Order(StringComparer.Ordinal)
            .Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);
        var vectors = grams.Select(g => Vector(g, df, ids, stories.Count)).ToArray();
        var pairs = new List<(int, int, double)>[stories.Count];
        Parallel.For(0, stories.Count, i =>
        {
            var list = new List<(int, int, double)>();
            for (int j = i + 1; j < stories.Count; j++)
            {
                double c = Cosine(vectors[i], vectors[j]);
                if (c > 0) list.Add((i, j, c));
            }
            pairs[i] = list;
        });
        _pairs = pairs.SelectMany(p => p).ToList();
    }

    /// <summary>Average-link clusters at a cosine threshold; pairs not compared count as 0.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Cluster(double threshold) =>
        new AverageLinkClusterer(new ClusteringOptions { MissingPairScore = 0, MaxClusterSize = int.MaxValue }, threshold)
            .Cluster(_count, _pairs.Select(p => new ScoredEdge(p.Item1, p.Item2, p.Item3)));

    public IReadOnlyList<SweepPoint> Sweep(IReadOnlyList<AnalyzedStory> stories, IReadOnlyDictionary<string, string> gold) =>
        Thresholds.Select(t => new SweepPoint(t, ClusterScoring.Score(Cluster(t), stories, gold))).ToList();

    private static Dictionary<string, int> Grams(AnalyzedStory story, int minGram, int maxGram)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in story.Tokens)
        {
            if (t.NeutralSurface.Length == 0) continue;
            var word = " " + t.NeutralSurface + " ";
            for (int n = minGram; n <= maxGram; n++)
                for (int i = 0; i + n <= word.Length; i++)
                {
                    var g = word.Substring(i, n);
                    counts[g] = counts.GetValueOrDefault(g) + 1;
                }
        }
        return counts;
    }

    private static (int[] Ids, double[] Weights) Vector(Dictionary<string, int> grams, Dictionary<string, int> df, Dictionary<string, int> ids, int n)
    {
        var entries = grams.Where(kv => ids.ContainsKey(kv.Key))
            .Select(kv => (Id: ids[kv.Key], W: (1 + Math.Log(kv.Value)) * Math.Log((double)n / df[kv.Key])))
            .Where(e => e.W > 0).OrderBy(e => e.Id).ToArray();
        double norm = Math.Sqrt(entries.Sum(e => e.W * e.W));
        return (entries.Select(e => e.Id).ToArray(), entries.Select(e => norm == 0 ? 0 : e.W / norm).ToArray());
    }

    private static double Cosine((int[] Ids, double[] Weights) a, (int[] Ids, double[] Weights) b)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < a.Ids.Length && j < b.Ids.Length)
        {
            if (a.Ids[i] == b.Ids[j]) sum += a.Weights[i++] * b.Weights[j++];
            else if (a.Ids[i] < b.Ids[j]) i++;
            else j++;
        }
        return sum;
    }
}
