using StoryMerge.Core.Analysis;
using StoryMerge.Core.Clustering;
using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Scoring;

namespace StoryMerge.Core;

/// <summary>All settings of the pipeline, as storymerge.json holds them.</summary>
public sealed record DedupOptions
{
    public AnalysisOptions Analysis { get; init; } = new();

    public ScoringOptions Scoring { get; init; } = new();

    public ClusteringOptions Clustering { get; init; } = new();

    /// <summary>Candidate retrieval: the same query keys and date window for the persistent index (ingest and the service) and `cluster`'s in-memory index.</summary>
    public RetrievalOptions Retrieval { get; init; } = new();

    /// <summary>Random pairs per language pair sampled from a batch to update the unrelated-pair statistics (default 400).</summary>
    public int StatisticsSamplePairs { get; init; } = 400;

    /// <summary>Stories of each language each story is compared with to learn its own background (default 64): the language's bottom-k by <see cref="Scoring.ProfileSample"/>.</summary>
    public int StoryProfileSample { get; init; } = 64;

    /// <summary>The same when stories are filed one at a time into a store (default 32): each filed story is measured against this many stories of every language, so it is kept smaller than the batch's.</summary>
    public int OnlineProfileSample { get; init; } = 32;

    /// <summary>A background statistics file made by `storymerge learn`, used instead of the shipped one; null (default) for the shipped one. Relative paths are relative to the configuration file.</summary>
    public string? BackgroundFile { get; init; }

    /// <summary>A pair model made by `storymerge train`, used instead of the shipped one; null (default) for the shipped one. Relative paths are relative to the configuration file.</summary>
    public string? PairModelFile { get; init; }

    /// <summary>Seed of the random pairs the statistics are sampled from, so the same input gives the same events.</summary>
    public int Seed { get; init; } = 20251122;

    /// <summary>The feeds `serve` polls, and how `serve` and `watch` poll (none by default).</summary>
    public Input.FeedOptions Feeds { get; init; } = new();

    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        Scoring.Validate();
        Clustering.Validate();
        Retrieval.Validate();
        Feeds.Validate();
        if (Analysis.MaxStoryChars < 1) throw new ArgumentException("analysis.maxStoryChars must be ≥ 1.");
        if (Analysis.VectorDimensions is < 64 or > 1 << 20) throw new ArgumentException("analysis.vectorDimensions must be between 64 and 1048576.");
        if (StatisticsSamplePairs < 0) throw new ArgumentException("statisticsSamplePairs must be ≥ 0.");
        if (StoryProfileSample < 0) throw new ArgumentException("storyProfileSample must be ≥ 0.");
        if (OnlineProfileSample < 0) throw new ArgumentException("onlineProfileSample must be ≥ 0.");
    }
}
