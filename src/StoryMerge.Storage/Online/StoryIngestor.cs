using StoryMerge.Core;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Online;

/// <summary>Files stories one at a time under the events of a store: analyse, retrieve candidates, score, assign, store.</summary>
/// <remarks>
/// Assignment rule, applied to each new story:
/// <list type="number">
/// <item>Candidates come from the index (<see cref="CandidateRetriever"/>); the best
/// <see cref="Core.Clustering.ClusteringOptions.CandidatesPerLanguage"/> of each language are scored with the core pair scorer.</item>
/// <item>Every event holding a candidate that scored at or above the match threshold is scored as a whole: the average
/// of the new story's scores against all its members (the batch job's average link).</item>
/// <item>The story joins the event with the highest average, if that average reaches the threshold and the event is
/// below <see cref="Core.Clustering.ClusteringOptions.MaxClusterSize"/>; otherwise it starts a new event.</item>
/// <item>Merge: another event whose average also reaches the threshold is merged into the joined one when the average
/// over all pairs between the two (the new story included) reaches the threshold: the story has shown that they are one
/// event, unless an editor split any of their stories apart (<see cref="Editing.EditorActions.Split"/>). The older
/// event keeps its id; the other id redirects to it.</item>
/// </list>
/// Each story is stored in one transaction (story, index entry, membership, event changes), so a crash leaves it
/// either fully stored or absent. The canonical record of a new event is written at once; that of an event that
/// grew is marked stale and rebuilt by <see cref="CanonicalEvents"/> when read or at the end of a batch. The same
/// stories in the same order give the same events. Not thread-safe: callers serialise calls.
/// </remarks>
public sealed class StoryIngestor
{
    private const int BestMatchesReported = 5;
    // 1,024, not 8,192: at 20,000 stories the larger cache kept some 125 MB more of decoded features alive in gen2
    // (heap after the run 190 → 63 MB, peak working set about 720 → 540 MB) and filed no faster, with the same events.
    private const int FeatureCacheSize = 1024;

    /// <summary>How far below the threshold a candidate's screening total may be and still be scored in full.</summary>
    private const double ScreenMargin = 2.0;

    private readonly DedupPipeline _pipeline;
    private readonly StoryStore _store;
    private readonly TimeProvider _clock;
    private readonly ArchiveScoring _scoring;
    private readonly CandidateRetriever _retriever;
    private readonly FeatureCache _cache = new(FeatureCacheSize);
    private long _undated;

    public StoryIngestor(DedupPipeline pipeline, StoryStore store, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        _pipeline = pipeline;
        _store = store;
        _clock = clock ?? TimeProvider.System;
        store.OpenIndex(new Index.StoryIndexer(pipeline, store).Entries);
        _scoring = new ArchiveScoring(pipeline, store);
        _undated = store.UndatedStoryCount();
        _retriever = new CandidateRetriever(store.Index, _scoring.Rarity, pipeline.Options, () => _undated);
        Canonical = new CanonicalEvents(pipeline, store);
    }

    public DedupPipeline Pipeline => _pipeline;

    public StoryStore Store => _store;

    public CanonicalEvents Canonical { get; }

    /// <summary>Analyses and files one story.</summary>
    public IngestResult Ingest(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        // Before hashing and analysing: a re-sent feed, or a re-run after a kill, costs one lookup a story.
        if (Stored(story.Id) is { } stored) return stored;
        var hash = ContentHash.Of(story.Text);
        if (FindDuplicate(story, hash) is { } duplicate) return duplicate;
        return PreparedStory.TryPrepare(_pipeline, story, out var rejection) is { } prepared ? File(prepared) : IngestResult.Rejected(story.Id, rejection!);
    }

    /// <summary>Files one analysed story.</summary>
    public IngestResult Ingest(AnalyzedStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return Ingest(PreparedStory.Of(story));
    }

    /// <summary>Files one story prepared beforehand (a batch prepares ahead in parallel; filing stays in order).</summary>
    public IngestResult Ingest(PreparedStory prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        return FindDuplicate(prepared.Analysis.Story, prepared.ContentHash) ?? File(prepared);
    }

    /// <summary>Files a story known not to be stored yet: the four steps, then the in-memory state.</summary>
    private IngestResult File(PreparedStory prepared)
    {
        var story = prepared.Analysis;
        if (IsEmpty(story)) return IngestResult.Rejected(story.Id, "empty story: no text is left once page furniture is removed");

        var features = prepared.Features;
        var scored = ScoreCandidates(features, prepared.Lookahead?.Candidates);
        var contenders = ScoreEvents(features, scored);
        var best = contenders.FirstOrDefault(c => c.Average >= _scoring.Threshold && c.Members.Count < _pipeline.Options.Clustering.MaxClusterSize);
        var merges = best is null ? [] : MergesShownBy(features, best, contenders);
        var (seq, eventId, mergedIds) = Save(prepared, best, merges);

        _cache.Add(seq, features);
        _scoring.Added(new StoredFeatures(seq, features, eventId, prepared.SampleRank));
        if (features.Published is null) _undated++;
        var matches = scored.Take(BestMatchesReported).Select(c => new Match(c.Features.Id, c.Event, c.Score.Total, c.Score.Similarity)).ToList();
        return new IngestResult(story.Id, best is null ? IngestOutcome.NewEvent : IngestOutcome.JoinedEvent, eventId,
            best?.Average ?? contenders.FirstOrDefault()?.Average ?? scored.FirstOrDefault()?.Score.Total, matches,
            Merged: mergedIds.Count > 0 ? mergedIds : null) { Seq = seq };
    }

    /// <summary>A story with no text left once page furniture is removed: rejected, never stored.</summary>
    internal static bool IsEmpty(AnalyzedStory story) => story.Tokens.Count == 0 && string.IsNullOrWhiteSpace(story.Body);

    internal ArchiveScoring Scoring => _scoring;

    internal long UndatedStories => _undated;

    /// <summary>Step 1: the index's candidates (or those a <see cref="CandidateLookahead"/> found), the best of each language, scored (best first).</summary>
    /// <remarks>
    /// A candidate far below the threshold even as seen from its own profile is not scored in full, so the new
    /// story's profile against a language is measured only when some candidate in it may match.
    /// </remarks>
    private List<ScoredCandidate> ScoreCandidates(MatchFeatures features, IReadOnlyList<long>? found)
    {
        var scorer = _scoring.Scorer;
        double screen = _scoring.Threshold - ScreenMargin;
        var candidates = Features(found ?? _retriever.Candidates(features));
        var events = _store.EventsOf(candidates.Select(c => c.Seq).ToList());
        var scored = new List<ScoredCandidate>();
        foreach (var c in candidates.GroupBy(c => c.Features.Language).SelectMany(g => g.Take(_pipeline.Options.Clustering.CandidatesPerLanguage)))
        {
            var signals = scorer.Signals(features, c.Features);
            if (scorer.Screen(features, c.Features, signals) < screen) continue;
            scored.Add(new ScoredCandidate(c.Seq, c.Features, scorer.Score(features, c.Features, signals), events.GetValueOrDefault(c.Seq)));
        }
        return scored.OrderByDescending(c => c.Score.Total).ThenBy(c => c.Seq).ToList();
    }

    /// <summary>Step 2: every event holding a candidate at or above the threshold, scored as a whole (average over all its members), best first.</summary>
    private List<EventScore> ScoreEvents(MatchFeatures features, List<ScoredCandidate> scored)
    {
        var contenders = new List<EventScore>();
        foreach (var eventId in scored.Where(c => c.Score.Total >= _scoring.Threshold && c.Event is not null).Select(c => c.Event!).Distinct())
        {
            var row = _store.FindEvent(eventId)!;
            var members = Features(_store.MembersOf(eventId));
            double average = members.Average(m => _scoring.Scorer.Score(features, m.Features).Total);
            contenders.Add(new EventScore(eventId, row.CreatedSeq, members, average));
        }
        return contenders.OrderByDescending(c => c.Average).ThenBy(c => c.CreatedSeq).ToList();
    }

    /// <summary>Step 3: the other events the story shows to be one with <paramref name="best"/> (average link over all pairs between them, the story included).</summary>
    private List<EventScore> MergesShownBy(MatchFeatures features, EventScore best, List<EventScore> contenders)
    {
        var merges = new List<EventScore>();
        var joined = best.Members.Select(m => m.Features).Append(features).ToList();
        foreach (var other in contenders.Where(c => c != best && c.Average >= _scoring.Threshold))
        {
            if (joined.Count + other.Members.Count > _pipeline.Options.Clustering.MaxClusterSize) continue;
            double between = joined.SelectMany(a => other.Members.Select(b => _scoring.Scorer.Score(a, b.Features).Total)).Average();
            if (between < _scoring.Threshold) continue;
            if (_store.AnyKeptApart(JoinedSeqs(best, merges), other.Members.Select(m => m.Seq).ToList())) continue;   // an editor split them
            merges.Add(other);
            joined.AddRange(other.Members.Select(m => m.Features));
        }
        return merges;
    }

    private static List<long> JoinedSeqs(EventScore best, List<EventScore> merges) =>
        best.Members.Concat(merges.SelectMany(m => m.Members)).Select(m => m.Seq).ToList();

    /// <summary>Step 4: stores the story, its index entry, its membership and the event changes in one transaction.</summary>
    private (long Seq, string EventId, List<string> Merged) Save(PreparedStory prepared, EventScore? best, List<EventScore> merges)
    {
        var story = prepared.Analysis;
        var now = _clock.GetUtcNow();
        return _store.InTransaction(() =>
        {
            long seq = _store.InsertStory(story.Story, story.Language, prepared.ContentHash, prepared.SampleRank, prepared.EncodedFeatures, prepared.EncodedMergeFeatures, prepared.IndexTerms, now);
            if (best is null)
            {
                var created = _store.NewEventId(story.Id, seq);
                _store.CreateEvent(created, seq, now);
                _store.SetMembership(seq, created);
                _store.Touch(created, now);
                Canonical.Save(created, prepared.Alone);
                return (seq, created, new List<string>());
            }
            // The oldest of the events involved keeps its id.
            var survivor = merges.Append(best).OrderBy(e => e.CreatedSeq).First();
            _store.SetMembership(seq, survivor.Id);
            var merged = new List<string>();
            foreach (var other in merges.Append(best).Where(e => e != survivor))
            {
                _store.MergeEvent(other.Id, survivor.Id);
                merged.Add(other.Id);
            }
            _store.Touch(survivor.Id, now);
            return (seq, survivor.Id, merged);
        });
    }

    /// <summary>Removes a retracted story from the index and its event; an event left empty disappears, one with members left is marked stale (<see cref="CanonicalEvents"/> rebuilds it when next read).</summary>
    /// <returns>The event the story was in (which may no longer exist), or null when no story has this id.</returns>
    public DeleteResult? Delete(StoryId id)
    {
        var row = _store.FindStory(id);
        if (row is null)
            return _store.FindAlias(id) is { } original && _store.DeleteAlias(id) ? new DeleteResult(id, original.EventId, EventRemoved: false) : null;
        var features = _store.LoadFeatures([row.Seq]).Single().Features;
        bool eventRemoved = false;
        _store.InTransaction(() =>
        {
            _store.DeleteStory(row.Seq);
            if (row.EventId is not { } eventId) return;
            if (_store.MembersOf(eventId).Count == 0)
            {
                _store.DeleteEvent(eventId);
                eventRemoved = true;
            }
            else _store.Touch(eventId, _clock.GetUtcNow());   // its record is rebuilt when next read
        });
        _cache.Remove(row.Seq);
        if (features.Published is null) _undated--;
        _scoring.Removed(features);
        return new DeleteResult(id, row.EventId, eventRemoved);
    }

    /// <summary>Stored stories matching free text through the index, best first (<see cref="Index.TextSearch"/>).</summary>
    /// <exception cref="ArgumentException">The text is empty.</exception>
    public IReadOnlyList<long> Search(string text, int limit = 200) => Index.TextSearch.Stories(_pipeline, _store.Index, _store.Languages(), text, limit);

    /// <summary>What filing a story under an id already stored (as a story, or as a content duplicate of one) gives: a duplicate,
    /// found by a lookup, before anything is analysed; null for an id not stored.</summary>
    public IngestResult? Stored(StoryId id)
    {
        if (_store.FindStory(id) is { } same) return Duplicate(id, same);
        if (_store.FindAlias(id) is { } repeated) return Duplicate(id, repeated);
        return null;
    }

    /// <summary>What <see cref="Stored(StoryId)"/> gives for each of these ids that is stored, by id, in one lookup.</summary>
    public Dictionary<string, IngestResult> Stored(IReadOnlyCollection<StoryId> ids) =>
        _store.FindStories(ids).ToDictionary(found => found.Key, found => Duplicate(new StoryId(found.Key), found.Value), StringComparer.Ordinal);

    /// <summary>The result of filing <paramref name="id"/> again: a duplicate of the stored story, in its event.</summary>
    private static IngestResult Duplicate(StoryId id, StoryRow stored) =>
        new(id, IngestOutcome.Duplicate, stored.EventId, null, [], DuplicateOf: stored.Id);

    private IngestResult? FindDuplicate(Story story, string contentHash)
    {
        if (Stored(story.Id) is { } stored) return stored;
        if (_store.FindByContent(contentHash) is { } copy)
        {
            // Remembered under its own id, so export, GET and a re-send all find the copy with its original's event.
            _store.AddAlias(story.Id, copy.Seq, _clock.GetUtcNow());
            return Duplicate(story.Id, copy);
        }
        return null;
    }

    /// <summary>Stored features of the given stories, in the order given, from the cache where possible.</summary>
    private IReadOnlyList<(long Seq, MatchFeatures Features)> Features(IReadOnlyList<long> seqs)
    {
        var found = new Dictionary<long, MatchFeatures>(seqs.Count);
        var missing = new List<long>();
        foreach (var seq in seqs)
        {
            if (_cache.TryGet(seq, out var cached)) found[seq] = cached;
            else missing.Add(seq);
        }
        if (missing.Count > 0)
            foreach (var loaded in _store.LoadFeatures(missing))
            {
                found[loaded.Seq] = loaded.Features;
                _cache.Add(loaded.Seq, loaded.Features);
            }
        return seqs.Where(found.ContainsKey).Select(seq => (seq, found[seq])).ToList();
    }

    private sealed record ScoredCandidate(long Seq, MatchFeatures Features, Core.Scoring.PairScore Score, string? Event);

    private sealed record EventScore(string Id, long CreatedSeq, IReadOnlyList<(long Seq, MatchFeatures Features)> Members, double Average);
}

/// <summary>What deleting a story did to its event.</summary>
public sealed record DeleteResult(StoryId Id, string? EventId, bool EventRemoved);

