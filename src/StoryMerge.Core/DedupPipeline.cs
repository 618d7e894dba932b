using StoryMerge.Core.Analysis;
using StoryMerge.Core.Clustering;
using StoryMerge.Core.Merging;
using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Scoring;

namespace StoryMerge.Core;

/// <summary>The whole job on a batch: analyse stories, find candidate pairs through the key index, score them, cluster into events and merge each event.</summary>
/// <remarks>Immutable and thread-safe; build once with <see cref="DedupPipelineBuilder"/>. Each batch gets its own rarity, index and statistics.</remarks>
public sealed class DedupPipeline
{
    internal DedupPipeline(DedupOptions options, BackgroundModel background, StoryAnalyzer analyzer, PairModel? model)
    {
        Model = model;
        Options = options;
        Background = background;
        Analyzer = analyzer;
    }

    public DedupOptions Options { get; }

    public BackgroundModel Background { get; }

    public StoryAnalyzer Analyzer { get; }

    /// <summary>The learned pair decision, or null when pairs are decided by the weighted z-scores.</summary>
    public PairModel? Model { get; }

    public AnalyzedStory Analyze(Story story) => Analyzer.Analyze(story);

    /// <summary>The pair scorer of these options over a collection's key weights, story profiles and signal coverage: the one place batch, store and tools get theirs.</summary>
    public PairScorer Scorer(KeyWeigher weigher, IStoryBackgrounds backgrounds, SignalCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(weigher);
        ArgumentNullException.ThrowIfNull(backgrounds);
        ArgumentNullException.ThrowIfNull(coverage);
        return new PairScorer(Options.Scoring, weigher, backgrounds, coverage, Model);
    }

    /// <summary>Analyses stories in parallel, keeping their order; a story the analysis refuses (too long) is left out and handed to <paramref name="rejected"/> with the reason.</summary>
    /// <exception cref="ArgumentException">A story was refused and no <paramref name="rejected"/> callback was given.</exception>
    /// <param name="slim">Keep only what scoring and merging read of each analysis (<see cref="AnalyzedStory.Slim"/>): for batches too large to hold every story's tokens.</param>
    public IReadOnlyList<AnalyzedStory> AnalyzeAll(IReadOnlyList<Story> stories, IProgress<BatchProgress>? progress = null,
        Action<Story, string>? rejected = null, CancellationToken cancellation = default, bool slim = false)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var result = new AnalyzedStory?[stories.Count];
        var errors = new string?[stories.Count];
        int done = 0;
        Parallel.For(0, stories.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            try { result[i] = slim ? Analyzer.Analyze(stories[i]).Slim() : Analyzer.Analyze(stories[i]); }
            catch (ArgumentException e) { errors[i] = UserMessage.Of(e); }
            int n = Interlocked.Increment(ref done);
            if (n % 500 == 0 || n == stories.Count) progress?.Report(new BatchProgress("analyse", n, stories.Count));
        });
        for (int i = 0; i < stories.Count; i++)
        {
            if (errors[i] is not { } error) continue;
            if (rejected is null) throw new ArgumentException(error, nameof(stories));
            rejected(stories[i], error);
        }
        return result.Where(r => r is not null).Select(r => r!).ToList();
    }

    /// <summary>Runs the batch job on analysed stories; ids must be unique.</summary>
    /// <exception cref="ArgumentException">Two stories share an id.</exception>
    public BatchResult Cluster(IReadOnlyList<AnalyzedStory> stories, IProgress<BatchProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clusters = ClusterScored(stories, progress, cancellation);
        progress?.Report(new BatchProgress("cluster", clusters.Count, clusters.Count));

        var merger = new EventMerger();   // stateless: events merge in parallel, in cluster order
        var events = clusters.AsParallel().AsOrdered().WithCancellation(cancellation)
            .Select(c => merger.Merge(c.Select(i => stories[i]).ToList())).ToList();
        progress?.Report(new BatchProgress("merge", events.Count, events.Count));
        return new BatchResult(stories, events);
    }

    /// <summary>Scores the candidates and clusters them, keeping each pair's total only (a pair's whole score is ~200 bytes:
    /// 1.7M pairs at 20k stories), so nothing of the scoring outlives the clustering.</summary>
    private IReadOnlyList<IReadOnlyList<int>> ClusterScored(IReadOnlyList<AnalyzedStory> stories, IProgress<BatchProgress>? progress, CancellationToken cancellation)
    {
        var context = Context(stories);
        var edges = ScoreCandidates(context, p => p.Total, progress, cancellation);
        return AverageLink(stories, context.Scorer, context.Scorer.MatchThreshold, p => p.Total, edges.Select(e => new ScoredEdge(e.I, e.J, e.Score)));
    }

    /// <summary>The first half of the batch job: candidates from the key index, each scored once.</summary>
    /// <exception cref="ArgumentException">Two stories share an id.</exception>
    public ScoredBatch Score(IReadOnlyList<AnalyzedStory> stories, IProgress<BatchProgress>? progress = null, CancellationToken cancellation = default)
    {
        var context = Context(stories);
        return new ScoredBatch(stories, ScoreCandidates(context, p => p, progress, cancellation)) { Scorer = context.Scorer };
    }

    /// <summary>The batch's index and scorer, once its ids are known to be unique.</summary>
    /// <exception cref="ArgumentException">Two stories share an id.</exception>
    private BatchContext Context(IReadOnlyList<AnalyzedStory> stories)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var duplicate = stories.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Story id '{duplicate.Key}' occurs {duplicate.Count()} times in the batch; ids must be unique.", nameof(stories));
        return BatchContext.Build(this, stories);
    }

    /// <summary>The second half: average-link clusters of a scored batch at a threshold, with the pair total given (so a tuner can try other weights).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Group(ScoredBatch scored, double threshold, Func<PairScore, double> total)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(total);
        return AverageLink(scored.Stories, scored.Scorer, threshold, total, scored.Pairs.Select(e => new ScoredEdge(e.I, e.J, total(e.Score))));
    }

    /// <summary>Average-link clusters of scored edges; pairs retrieval did not propose are scored by <paramref name="scorer"/> when there is one.</summary>
    private IReadOnlyList<IReadOnlyList<int>> AverageLink(IReadOnlyList<AnalyzedStory> stories, PairScorer? scorer, double threshold,
        Func<PairScore, double> total, IEnumerable<ScoredEdge> edges)
    {
        Func<int, int, double>? missing = scorer is null ? null : (i, j) => total(scorer.Score(stories[i], stories[j]));
        return new AverageLinkClusterer(Options.Clustering, threshold, missing).Cluster(stories.Count, edges);
    }

    /// <summary>The scored candidate pairs of a batch, each pair once (i &lt; j).</summary>
    internal IReadOnlyList<(int I, int J, T Score)> ScoreCandidates<T>(BatchContext context, Func<PairScore, T> keep, IProgress<BatchProgress>? progress, CancellationToken cancellation)
    {
        var stories = context.Stories;
        var pairs = new HashSet<(int, int)>();
        var lists = new IReadOnlyList<Candidate>[stories.Count];
        Parallel.For(0, stories.Count, new ParallelOptions { CancellationToken = cancellation },
            i => lists[i] = context.Index.Candidates(stories[i], Options.Clustering.CandidatesPerLanguage));
        for (int i = 0; i < stories.Count; i++)
            foreach (var c in lists[i])
            {
                int j = context.Position[c.Id];
                pairs.Add(i < j ? (i, j) : (j, i));
            }
        var ordered = pairs.OrderBy(p => p.Item1).ThenBy(p => p.Item2).ToArray();
        var scores = new T[ordered.Length];
        Parallel.For(0, ordered.Length, new ParallelOptions { CancellationToken = cancellation },
            k => scores[k] = keep(context.Scorer.Score(stories[ordered[k].Item1], stories[ordered[k].Item2])));
        progress?.Report(new BatchProgress("score", ordered.Length, ordered.Length));
        return ordered.Select((p, k) => (p.Item1, p.Item2, scores[k])).ToList();
    }
}

/// <summary>Per-batch state: the candidate index and the scorer (with the batch's key rarity and statistics) for one set of stories.</summary>
internal sealed class BatchContext
{
    public required IReadOnlyList<AnalyzedStory> Stories { get; init; }
    public required Dictionary<StoryId, int> Position { get; init; }
    public required InMemoryCandidateIndex Index { get; init; }
    public required PairScorer Scorer { get; init; }

    public static BatchContext Build(DedupPipeline pipeline, IReadOnlyList<AnalyzedStory> stories)
    {
        var rarity = new KeyRarity(pipeline.Background);
        foreach (var s in stories) rarity.Add(s.Keys);
        var index = new InMemoryCandidateIndex(rarity, pipeline.Options.Retrieval);
        foreach (var s in stories) index.Add(s);
        var weigher = new KeyWeigher(rarity);
        var statistics = new PairStatistics(pipeline.Background);
        SampleStatistics(stories, weigher, statistics, pipeline.Options);
        var backgrounds = new StoryBackgrounds(statistics);
        SampleStoryProfiles(stories, weigher, backgrounds, pipeline.Options);
        return new BatchContext
        {
            Stories = stories,
            Position = stories.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i),
            Index = index,
            Scorer = pipeline.Scorer(weigher, backgrounds, SignalCoverage.Of(stories.Select(s => s.Features))),
        };
    }

    /// <summary>Measures every story against a sample of each language's stories (its profile for per-story z-scores).</summary>
    /// <remarks>
    /// Each language's sample is its bottom-k by <see cref="ProfileSample"/>, as a store holding the same stories takes
    /// it, indexed once: a profile then walks the story's own keys once instead of comparing it with every sampled story.
    /// </remarks>
    private static void SampleStoryProfiles(IReadOnlyList<AnalyzedStory> stories, KeyWeigher weigher, StoryBackgrounds backgrounds, DedupOptions options)
    {
        if (options.StoryProfileSample == 0) return;
        var samples = stories.Select(s => s.Features).GroupBy(s => s.Language).OrderBy(g => g.Key.Code, StringComparer.Ordinal)
            .Select(g => (Language: g.Key, Signals: new SampleSignals(ProfileSample.Of(g, options.StoryProfileSample), weigher).Prepare()))
            .ToArray();
        // Each sample's signals become the profile's few figures at once: holding every story's signals until the end took
        // a story × language × sample list (about 300 MB at 20k stories in six languages).
        var profiles = new SignalStatistics?[stories.Count * samples.Length];
        Parallel.For(0, stories.Count, i =>
        {
            for (int l = 0; l < samples.Length; l++)
                if (samples[l].Signals.Of(stories[i].Features) is { Count: > 0 } sample)
                    profiles[i * samples.Length + l] = backgrounds.Profile(stories[i], samples[l].Language, sample);
        });
        for (int k = 0; k < profiles.Length; k++)
            if (profiles[k] is { } profile) backgrounds.Set(stories[k / samples.Length], samples[k % samples.Length].Language, profile);
    }

    /// <summary>Updates the unrelated-pair statistics from random pairs of this batch, per language pair.</summary>
    private static void SampleStatistics(IReadOnlyList<AnalyzedStory> stories, KeyWeigher weigher, PairStatistics statistics, DedupOptions options)
    {
        if (options.StatisticsSamplePairs == 0) return;
        var random = new Random(options.Seed);
        var byLanguage = stories.Select((s, i) => (s.Language, i)).GroupBy(x => x.Language).ToDictionary(g => g.Key, g => g.Select(x => x.i).ToArray());
        var languages = byLanguage.Keys.OrderBy(l => l.Code, StringComparer.Ordinal).ToList();
        for (int x = 0; x < languages.Count; x++)
            for (int y = x; y < languages.Count; y++)
            {
                var a = byLanguage[languages[x]];
                var b = byLanguage[languages[y]];
                long possible = x == y ? (long)a.Length * (a.Length - 1) / 2 : (long)a.Length * b.Length;
                if (possible < 30) continue;   // too few to say anything the background does not
                int n = (int)Math.Min(options.StatisticsSamplePairs, possible);
                var sample = new List<PairSignals>(n);
                var seen = new HashSet<(int, int)>();
                for (int tries = 0; sample.Count < n && tries < n * 4; tries++)
                {
                    int i = a[random.Next(a.Length)], j = b[random.Next(b.Length)];
                    if (i == j || !seen.Add(i < j ? (i, j) : (j, i))) continue;
                    sample.Add(PairSignals.Of(stories[i], stories[j], weigher));
                }
                statistics.Observe(languages[x], languages[y], PairStatistics.Measure(sample));
            }
    }
}

/// <summary>The outcome of a batch: the analysed stories and the events (<see cref="DedupPipeline.Score"/> gives the scored pairs).</summary>
public sealed record BatchResult(IReadOnlyList<AnalyzedStory> Stories, IReadOnlyList<CanonicalEvent> Events)
{
    /// <summary>The event id of every story.</summary>
    public IReadOnlyDictionary<StoryId, string> Assignments =>
        Events.SelectMany(e => e.Members.Select(m => (m.Id, e.Id))).ToDictionary(x => x.Item1, x => x.Item2);
}

/// <summary>A batch's stories and its scored candidate pairs (indexes into the stories, I &lt; J).</summary>
public sealed record ScoredBatch(IReadOnlyList<AnalyzedStory> Stories, IReadOnlyList<(int I, int J, PairScore Score)> Pairs)
{
    /// <summary>The batch's scorer, for pairs clustering needs that retrieval did not propose; null to count those as <see cref="ClusteringOptions.MissingPairScore"/>.</summary>
    public PairScorer? Scorer { get; init; }
}

/// <summary>Progress of a long batch: the stage and how far it is.</summary>
public readonly record struct BatchProgress(string Stage, int Done, int Total);
