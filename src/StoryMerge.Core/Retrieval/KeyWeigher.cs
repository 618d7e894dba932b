using System.Runtime.CompilerServices;

namespace StoryMerge.Core.Retrieval;

/// <summary>A story's match keys as sorted integer ids with their rarity weights, per family: what pair scoring compares.</summary>
/// <remarks>Comparing two stories is then a merge of sorted arrays, with no hashing of strings.</remarks>
public sealed class WeightedKeys
{
    internal WeightedKeys(int[][] ids, float[][] weights, double[] norms)
    {
        Ids = ids;
        Weights = weights;
        Norms = norms;
    }

    internal int[][] Ids { get; }
    internal float[][] Weights { get; }
    internal double[] Norms { get; }

    /// <summary>Cosine of the two stories' keys of one family as binary vectors weighted by IDF (each key's weight is IDF²).</summary>
    public double Overlap(WeightedKeys other, KeyFamily family)
    {
        ArgumentNullException.ThrowIfNull(other);
        int f = (int)family;
        if (Norms[f] == 0 || other.Norms[f] == 0) return 0;
        var a = Ids[f];
        var b = other.Ids[f];
        var w = Weights[f];
        double shared = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared += w[i]; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return Normalised(shared, other, f);
    }

    /// <summary>How many keys of one family both stories hold.</summary>
    public int SharedCount(WeightedKeys other, KeyFamily family)
    {
        ArgumentNullException.ThrowIfNull(other);
        var a = Ids[(int)family];
        var b = other.Ids[(int)family];
        int shared = 0, i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return shared;
    }

    /// <summary>How many keys of one family the story holds.</summary>
    public int Count(KeyFamily family) => Ids[(int)family].Length;

    /// <summary>The overlap of one family (index <paramref name="f"/>) from the summed weight of the keys both stories hold: divided by both norms, at most 1.</summary>
    internal double Normalised(double shared, WeightedKeys other, int f) => Math.Min(1, shared / (Norms[f] * other.Norms[f]));
}

/// <summary>Turns stories' match keys into <see cref="WeightedKeys"/> with the rarity of one moment, and remembers them.</summary>
/// <remarks>
/// Weights are memoised: a key keeps the weight it had when first weighed, so give it rarity that does not move (a
/// batch makes one after counting all its stories; a growing archive gives a <see cref="RaritySnapshot"/>). Thread-safe.
/// </remarks>
public sealed class KeyWeigher
{
    private static readonly KeyFamily[] Families = Enum.GetValues<KeyFamily>();
    // One lock per story weighed, not per key: ConcurrentDictionaries here spent more time in their locks (growing
    // tables take all of them) than in weighing, while the online ingest weighs from one thread.
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, float> _weights = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<MatchFeatures, WeightedKeys> _cache = new();
    private readonly Func<string, double> _idf;
    // Made once: a method group passed to GetValue is a new delegate on every call, and For is called for every pair scored.
    private readonly ConditionalWeakTable<MatchFeatures, WeightedKeys>.CreateValueCallback _weigh;

    public KeyWeigher(KeyRarity rarity)
    {
        ArgumentNullException.ThrowIfNull(rarity);
        _idf = rarity.Idf;
        _weigh = Weigh;
    }

    public KeyWeigher(RaritySnapshot rarity)
    {
        ArgumentNullException.ThrowIfNull(rarity);
        _idf = rarity.Idf;
        _weigh = Weigh;
    }

    public WeightedKeys For(AnalyzedStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return For(story.Features);
    }

    public WeightedKeys For(MatchFeatures story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return _cache.GetValue(story, _weigh);
    }

    private WeightedKeys Weigh(MatchFeatures story)
    {
        var ids = new int[Families.Length][];
        var weights = new float[Families.Length][];
        var norms = new double[Families.Length];
        lock (_lock)
        {
            foreach (var family in Families)
            {
                var keys = story.Keys.Of(family);
                int f = (int)family;
                ids[f] = new int[keys.Count];
                weights[f] = new float[keys.Count];
                int n = 0;
                foreach (var key in keys)
                {
                    ids[f][n] = Id(key);
                    weights[f][n] = Weight(key);
                    n++;
                }
            }
        }
        foreach (var family in Families)
        {
            int f = (int)family;
            double norm = 0;
            foreach (var w in weights[f]) norm += w;
            Array.Sort(ids[f], weights[f]);
            norms[f] = Math.Sqrt(norm);
        }
        return new WeightedKeys(ids, weights, norms);
    }

    /// <summary>Each key its own number (a key seen first gets the next), so keys compare as integers. Called under the lock.</summary>
    private int Id(string key)
    {
        if (!_ids.TryGetValue(key, out var id)) _ids[key] = id = _ids.Count + 1;
        return id;
    }

    /// <summary>The key's weight, squared IDF, as the rarity gave it when the key was first weighed. Called under the lock.</summary>
    private float Weight(string key)
    {
        if (!_weights.TryGetValue(key, out var weight))
        {
            double idf = _idf(key);
            _weights[key] = weight = (float)(idf * idf);
        }
        return weight;
    }
}
