using StoryMerge.Core;
using StoryMerge.Core.Retrieval;
using StoryMerge.Storage.Index;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Online;

/// <summary>Retrieves the candidates of the next stories of a batch on another thread, while the filing thread files the ones before them.</summary>
/// <remarks>
/// <para>Filing is one story at a time, and candidate retrieval was a third of it. This class does the retrieval ahead,
/// in input order, on its own connection to the database and a near-real-time snapshot of the Lucene index, and gives
/// the same candidates the filing thread would have found, whatever the timing:</para>
/// <list type="bullet">
/// <item>The index snapshot it reads may lag behind the filing thread (it holds every story up to its
/// <see cref="IndexSnapshot.MaxSeq"/>). The stories filed since (or to be filed before this one) are kept in memory with
/// their keys and scored as the index scores them (whole units of weight, so sums are exact in any order), so every
/// story stored before this one is counted exactly once, from the snapshot or from memory.</item>
/// <item>It predicts what filing will do with each story before it: a duplicate (same id or text as a stored or an
/// earlier story) or an empty story is not stored; any other is stored under the next seq. With that it counts key
/// rarity on its own copy, as filing does, so the query keys and weights are the ones filing would use.</item>
/// </list>
/// <para><see cref="BatchIngestor"/> checks every prediction against what filing did and stops looking ahead at the first
/// difference (none is expected: the predictions follow filing's own rules). Deletions and editors' actions do not
/// happen during a batch. Used from one thread at a time.</para>
/// </remarks>
public sealed class CandidateLookahead : IUnindexedStories, IDisposable
{
    private readonly StoryStore _store;
    private readonly LuceneStoryIndex _index;
    private readonly KeyRarity _rarity;
    private readonly CandidateRetriever _retriever;
    private readonly Queue<Unindexed> _unindexed = new();
    private readonly Dictionary<string, Queue<Unindexed>> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hashes = new(StringComparer.Ordinal);
    private long _nextSeq;
    private long _undated;
    /// <summary>The index view of the chunk being looked at (<see cref="InOneSnapshot"/>), else null.</summary>
    private IndexSnapshot? _snapshot;

    /// <summary>Opens a second connection to the ingestor's database; call before the batch files anything.</summary>
    public CandidateLookahead(StoryIngestor ingestor)
    {
        ArgumentNullException.ThrowIfNull(ingestor);
        _store = StoryStore.Open(ingestor.Store.Path, create: false);
        _index = ingestor.Store.Index;
        _rarity = ingestor.Scoring.Rarity.Clone();
        _undated = ingestor.UndatedStories;
        _nextSeq = ingestor.Store.MaxSeq() + 1;
        _retriever = new CandidateRetriever(_index, _rarity, ingestor.Pipeline.Options, () => _undated);
    }

    /// <summary>What filing will do with <paramref name="story"/>, and its candidates if it will be stored; call in input order.</summary>
    public Lookahead Look(PreparedStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var analysis = story.Analysis;
        if (StoryIngestor.IsEmpty(analysis)) return Lookahead.NotStored;
        if (_snapshot is null)
        {
            Lookahead result = Lookahead.NotStored;
            InOneSnapshot(() => result = Look(story));
            return result;
        }
        // The index snapshot holds stories up to its MaxSeq, and the database snapshot (taken after it) at least as many.
        Forget(_snapshot.MaxSeq);
        var id = analysis.Id.Value;
        if (_ids.Contains(id) || _hashes.Contains(story.ContentHash)
            || _store.FindStory(analysis.Id) is not null || _store.FindAlias(analysis.Id) is not null
            || _store.FindByContent(story.ContentHash) is not null)
            return Lookahead.NotStored;

        var candidates = _retriever.Candidates(analysis.Features, this, _snapshot);
        long seq = _nextSeq++;
        Remember(new Unindexed(seq, analysis.Language, analysis.Story.Published, id, story.ContentHash,
            analysis.Keys.All.Where(IndexTerms.Indexable).ToHashSet(StringComparer.Ordinal)));
        _rarity.Add(analysis.Keys);
        if (analysis.Story.Published is null) _undated++;
        return new Lookahead(seq, candidates);
    }

    /// <summary>Runs <paramref name="look"/> (calls of <see cref="Look"/>) on one snapshot of the index and one read transaction of the
    /// database: a chunk of stories then pays for one of each, not one a story.</summary>
    public void InOneSnapshot(Action look)
    {
        ArgumentNullException.ThrowIfNull(look);
        if (_snapshot is not null) { look(); return; }
        // The index first: everything it holds is committed in the database, so the database snapshot holds at least as much.
        using var snapshot = _index.Snapshot();
        _snapshot = snapshot;
        try { _store.ReadSnapshot(() => { look(); return 0; }); }
        finally { _snapshot = null; }
    }

    public IEnumerable<ScoredStory> Matching(IReadOnlyList<(string Key, float Units)> keys, DayWindow window)
    {
        var scores = new Dictionary<Unindexed, float>();
        foreach (var (key, units) in keys)
            if (_byKey.TryGetValue(key, out var stories))
                foreach (var story in stories)
                    if (window.Holds(story.Published)) scores[story] = scores.GetValueOrDefault(story) + units;
        return scores.Select(s => new ScoredStory(s.Key.Seq, s.Key.Language, s.Value));
    }

    private void Remember(Unindexed story)
    {
        _unindexed.Enqueue(story);
        _ids.Add(story.Id);
        _hashes.Add(story.ContentHash);
        foreach (var key in story.Keys)
        {
            if (!_byKey.TryGetValue(key, out var queue)) _byKey[key] = queue = new Queue<Unindexed>();
            queue.Enqueue(story);
        }
    }

    /// <summary>Drops the remembered stories the snapshot holds (seq up to <paramref name="indexed"/>).</summary>
    private void Forget(long indexed)
    {
        while (_unindexed.TryPeek(out var oldest) && oldest.Seq <= indexed)
        {
            _unindexed.Dequeue();
            _ids.Remove(oldest.Id);
            _hashes.Remove(oldest.ContentHash);
            // Stories are remembered and forgotten in seq order, so the oldest is at the head of each of its keys' queues.
            foreach (var key in oldest.Keys)
            {
                var queue = _byKey[key];
                queue.Dequeue();
                if (queue.Count == 0) _byKey.Remove(key);
            }
        }
    }

    public void Dispose() => _store.Dispose();

    private sealed record Unindexed(long Seq, LanguageTag Language, DateOnly? Published, string Id, string ContentHash, IReadOnlySet<string> Keys);
}

/// <summary>What the look-ahead predicts for one story: stored under <see cref="Seq"/> with these candidates, or not stored (null seq).</summary>
public sealed record Lookahead(long? Seq, IReadOnlyList<long> Candidates)
{
    public static readonly Lookahead NotStored = new(null, []);
}
