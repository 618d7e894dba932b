using StoryMerge.Core.Retrieval;

namespace StoryMerge.Core.Scoring;

/// <summary>The signals of any story against each story of a fixed sample, as <see cref="PairSignals.Of(MatchFeatures, MatchFeatures, KeyWeigher)"/> gives them pair by pair.</summary>
/// <remarks>
/// <para>Measuring a profile compares every story with the same few sampled stories. Rather than merging the story's
/// keys with each sampled story's keys, this indexes the sample once: each key to the sampled stories that hold it, so
/// a story's shared keys with all of them come from walking its own keys once. Each sum adds the same weights in the
/// same order (the story's keys by ascending id) as the pairwise merge, so the signals are bit for bit the same.</para>
/// <para>Sampled stories are weighed when first needed, in sample order, skipping the story measured, as the pairwise
/// loop weighs them: a weigher numbers keys in the order it first sees them, and that order decides the order of the
/// sums. Not thread-safe, except <see cref="Of"/> once <see cref="Prepare"/> has run.</para>
/// </remarks>
public sealed class SampleSignals
{
    private static readonly KeyFamily[] Families = Enum.GetValues<KeyFamily>();
    private const int StackShares = 256;

    private readonly MatchFeatures[] _sample;
    private readonly WeightedKeys?[] _keys;
    private readonly Dictionary<int, List<int>>[] _holders;
    private int _unweighed;

    /// <exception cref="ArgumentNullException">Sample, one of its stories, or weigher is null.</exception>
    public SampleSignals(IReadOnlyList<MatchFeatures> sample, KeyWeigher weigher)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(weigher);
        _sample = [.. sample];
        foreach (var story in _sample) ArgumentNullException.ThrowIfNull(story, nameof(sample));
        Weigher = weigher;
        _keys = new WeightedKeys?[_sample.Length];
        _unweighed = _sample.Length;
        _holders = new Dictionary<int, List<int>>[Families.Length];
        for (int f = 0; f < _holders.Length; f++) _holders[f] = [];
    }

    /// <summary>The weigher the sample's keys are indexed with.</summary>
    public KeyWeigher Weigher { get; }

    /// <summary>The signals of <paramref name="story"/> against each sampled story with another id, in sample order.</summary>
    /// <exception cref="ArgumentNullException">Story is null.</exception>
    /// <exception cref="ArgumentException">The story's vector and a sampled story's have different dimensions.</exception>
    public List<PairSignals> Of(MatchFeatures story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var keys = Weigher.For(story);
        if (_unweighed > 0) WeighSample(story.Id);
        int n = _sample.Length;
        int cells = n * Families.Length;
        Span<double> overlaps = cells <= StackShares ? stackalloc double[StackShares] : new double[cells];
        Span<double> shared = n <= StackShares ? stackalloc double[StackShares] : new double[n];
        overlaps = overlaps[..cells];
        shared = shared[..n];
        overlaps.Clear();
        foreach (var family in Families)
        {
            int f = (int)family;
            if (keys.Norms[f] == 0) continue;
            shared.Clear();
            var ids = keys.Ids[f];
            var weights = keys.Weights[f];
            var holders = _holders[f];
            for (int i = 0; i < ids.Length; i++)
                if (holders.TryGetValue(ids[i], out var holding))
                    foreach (var p in holding) shared[p] += weights[i];
            for (int p = 0; p < n; p++)
            {
                var other = _keys[p];
                if (other is null || other.Norms[f] == 0) continue;
                overlaps[p * Families.Length + f] = keys.Normalised(shared[p], other, f);
            }
        }
        var signals = new List<PairSignals>(n);
        for (int p = 0; p < n; p++)
        {
            if (_sample[p].Id == story.Id) continue;
            var o = overlaps.Slice(p * Families.Length, Families.Length);
            signals.Add(new PairSignals(
                NgramEmbedder.Cosine(story.Vector, _sample[p].Vector),
                o[(int)KeyFamily.Name],
                o[(int)KeyFamily.Number],
                o[(int)KeyFamily.Word],
                o[(int)KeyFamily.Concept]));
        }
        return signals;
    }

    /// <summary>Weighs and indexes every sampled story now; after it, <see cref="Of"/> only reads and may run on many threads at once.</summary>
    public SampleSignals Prepare()
    {
        if (_unweighed > 0) WeighSample(null);
        return this;
    }

    private void WeighSample(StoryId? measured)
    {
        for (int p = 0; p < _sample.Length; p++)
        {
            if (_keys[p] is not null || _sample[p].Id == measured) continue;
            var keys = _keys[p] = Weigher.For(_sample[p]);
            _unweighed--;
            for (int f = 0; f < _holders.Length; f++)
                foreach (var id in keys.Ids[f])
                {
                    if (!_holders[f].TryGetValue(id, out var holding)) _holders[f][id] = holding = [];
                    holding.Add(p);
                }
        }
    }
}
