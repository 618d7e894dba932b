using StoryMerge.Core;
using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Scoring;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Online;

/// <summary>The pair scorer of a growing archive: key rarity counted over the stored stories, profiles against each language's sample.</summary>
/// <remarks>
/// Key weights are a snapshot (<see cref="KeyWeigher"/>); a new snapshot is taken each time the archive has grown by
/// <see cref="WeightRefreshGrowth"/> since the last, at fixed archive sizes, so the same stories in the same order
/// give the same scores. Not thread-safe.
/// </remarks>
public sealed class ArchiveScoring
{
    /// <summary>Growth of the archive (5%) after which key weights are taken again.</summary>
    public const double WeightRefreshGrowth = 1.05;

    private readonly DedupPipeline _pipeline;
    private readonly DedupOptions _options;
    private int _generation = -1;

    public ArchiveScoring(DedupPipeline pipeline, StoryStore store)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        _pipeline = pipeline;
        _options = pipeline.Options;
        Rarity = new KeyRarity(pipeline.Background);
        Rarity.AddCounts(store.KeyFrequencies(), checked((int)store.StoryCount()));
        Weigher = new KeyWeigher(Rarity);
        Backgrounds = new SampledBackgrounds(new PairStatistics(pipeline.Background), _options.OnlineProfileSample, Weigher);
        foreach (var language in store.Languages()) Backgrounds.SetSample(language, store.SampleOf(language, _options.OnlineProfileSample));
        Refresh();
    }

    public KeyRarity Rarity { get; }

    public KeyWeigher Weigher { get; private set; }

    public SampledBackgrounds Backgrounds { get; }

    public PairScorer Scorer { get; private set; } = null!;

    public double Threshold => _options.Scoring.MatchThreshold;

    /// <summary>A story was stored: count its keys, offer it to the sample, take new weights when due.</summary>
    public void Added(StoredFeatures story)
    {
        ArgumentNullException.ThrowIfNull(story);
        Rarity.Add(story.Features.Keys);
        Backgrounds.Offer(story);
        Refresh();
    }

    /// <summary>A story was deleted; <paramref name="sample"/> reads a language's sample again when the story was in it.</summary>
    public void Removed(long seq, MatchFeatures story, Func<LanguageTag, IReadOnlyList<StoredFeatures>> sample)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(sample);
        Rarity.Remove(story.Keys);
        if (Backgrounds.Holds(seq, story.Language)) Backgrounds.SetSample(story.Language, sample(story.Language));
        Refresh();
    }

    private void Refresh()
    {
        int generation = (int)Math.Floor(Math.Log(Rarity.CollectionDocuments + 1) / Math.Log(WeightRefreshGrowth));
        if (generation == _generation) return;
        _generation = generation;
        Weigher = new KeyWeigher(Rarity);
        Backgrounds.UseWeigher(Weigher);
        Scorer = _pipeline.Scorer(Weigher, Backgrounds, Backgrounds.Coverage);
    }
}
