using StoryMerge.Core;
using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Scoring;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Online;

/// <summary>The pair scorer of a growing archive: key rarity counted over the stored stories, profiles against each language's sample.</summary>
/// <remarks>
/// Key weights come from a snapshot of the rarity (<see cref="RaritySnapshot"/>), taken again each time the archive has
/// grown by <see cref="WeightRefreshGrowth"/>, at fixed archive sizes. A reopened archive rebuilds the snapshot of its
/// size from its stored stories, so the same stories in the same order give the same scores however often the process
/// stopped in between. Not thread-safe.
/// </remarks>
public sealed class ArchiveScoring
{
    /// <summary>Growth of the archive (5%) after which key weights are taken again.</summary>
    public const double WeightRefreshGrowth = 1.05;

    private readonly DedupPipeline _pipeline;
    private readonly DedupOptions _options;
    private readonly StoryStore _store;
    private int _generation;
    private RaritySnapshot _snapshot;

    public ArchiveScoring(DedupPipeline pipeline, StoryStore store)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        _pipeline = pipeline;
        _options = pipeline.Options;
        _store = store;
        Rarity = new KeyRarity(pipeline.Background);
        int stories = checked((int)store.StoryCount());
        Rarity.AddCounts(store.KeyFrequencies(), stories);
        // The snapshot of this generation was taken when the archive first reached its size: the stories since are the latest.
        _generation = Generation(stories);
        _snapshot = new RaritySnapshot(Rarity);
        int since = stories - FirstSizeOf(_generation, stories);
        if (since > 0)
            foreach (var later in store.LatestFeatures(since)) _snapshot.Later(later.Features.Keys);
        Weigher = new KeyWeigher(_snapshot);
        Backgrounds = new SampledBackgrounds(new PairStatistics(pipeline.Background), _options.OnlineProfileSample, Weigher);
        foreach (var (language, count) in store.LanguageCounts()) ReadLanguage(language, count);
        Scorer = _pipeline.Scorer(Weigher, Backgrounds, Backgrounds.Coverage);
    }

    public KeyRarity Rarity { get; }

    public KeyWeigher Weigher { get; private set; }

    public SampledBackgrounds Backgrounds { get; }

    public PairScorer Scorer { get; private set; } = null!;

    public double Threshold => Scorer.MatchThreshold;

    /// <summary>A story was stored: count its keys, offer it to the sample, take new weights when due.</summary>
    public void Added(StoredFeatures story)
    {
        ArgumentNullException.ThrowIfNull(story);
        Rarity.Add(story.Features.Keys);
        _snapshot.Later(story.Features.Keys);
        Backgrounds.Offer(story);
        Refresh();
    }

    /// <summary>A story was deleted: uncount its keys, and read its language's samples again.</summary>
    public void Removed(MatchFeatures story)
    {
        ArgumentNullException.ThrowIfNull(story);
        Rarity.Remove(story.Keys);
        _snapshot.LaterRemoved(story.Keys);
        ReadLanguage(story.Language, _store.StoryCount(story.Language));
        Refresh();
    }

    private void ReadLanguage(LanguageTag language, int stories)
    {
        int size = _options.OnlineProfileSample;
        Backgrounds.SetLanguage(language, stories, _store.SampleOf(language, size),
            _store.SampleOf(language, size, among: SampledBackgrounds.ProfileSampleAmong(stories)));
    }

    /// <summary>Which snapshot an archive of <paramref name="stories"/> stories weighs with: a new one every 5% of growth.</summary>
    internal static int Generation(int stories) => (int)Math.Floor(Math.Log(stories + 1) / Math.Log(WeightRefreshGrowth));

    /// <summary>The size at which an archive growing to <paramref name="stories"/> entered <paramref name="generation"/>.</summary>
    internal static int FirstSizeOf(int generation, int stories)
    {
        while (stories > 0 && Generation(stories - 1) == generation) stories--;
        return stories;
    }

    private void Refresh()
    {
        int generation = Generation(Rarity.CollectionDocuments);
        if (generation == _generation) return;
        _generation = generation;
        _snapshot = new RaritySnapshot(Rarity);
        Weigher = new KeyWeigher(_snapshot);
        Backgrounds.UseWeigher(Weigher);
        Scorer = _pipeline.Scorer(Weigher, Backgrounds, Backgrounds.Coverage);
    }
}
