using StoryMerge.Core;
using StoryMerge.Core.Retrieval;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Online;

/// <summary>Finds the stored stories that may report the same event as a new one, through the full-text index.</summary>
/// <remarks>
/// The query is the new story's <see cref="RetrievalOptions.QueryKeys"/> rarest keys that the archive holds (fewest
/// stories first; keys in more than <see cref="InMemoryCandidateIndex.MaxPostingShare"/> of the stories are left out,
/// as in the batch index: they rank nothing and cost the most), OR-ed, over stories published within the date window
/// and stories without a date (a story without a date searches everything). The stories found are ranked by the summed
/// squared IDF of the query keys they share, the batch index's weighting (BM25 with binary term frequency and no
/// length normalisation, squared): FTS5's own bm25() counts every query key's stories over the whole index, outside
/// the window too, which cost more than the rest of filing a story.
/// </remarks>
public sealed class CandidateRetriever(StoryStore store, KeyRarity rarity, RetrievalOptions options, Func<long> undatedStories)
{
    /// <summary>Most stories read from the index for one query key (the newest in the window).</summary>
    public const int MaxHits = 2000;

    /// <summary>Stored stories sharing rare keys with <paramref name="story"/>, best first, each once.</summary>
    /// <param name="unindexed">Stories filed before this one that the index being read does not show yet (see <see cref="CandidateLookahead"/>).</param>
    /// <remarks>
    /// Each query key is looked up on its own and its weight added to every story holding it, so ranking needs
    /// nothing but the index (one OR query and then reading every hit's keys cost three times as much).
    /// </remarks>
    public IReadOnlyList<long> Candidates(MatchFeatures story, IUnindexedStories? unindexed = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        var keys = QueryKeys(story);
        if (keys.Count == 0) return [];
        var ranges = new List<(long From, long To)>(2);
        if (story.Published is { } day)
        {
            ranges.Add(StoryStore.DayRange(day, options.DateWindowDays));
            if (undatedStories() > 0) ranges.Add(StoryStore.UndatedRange);
        }
        else ranges.Add(StoryStore.AllRange);

        var scores = new Dictionary<long, double>();
        foreach (var key in keys)
        {
            double idf = rarity.Idf(key), weight = idf * idf;
            foreach (var (from, to) in ranges)
                foreach (var rowid in Hits(key, from, to, unindexed))
                {
                    long seq = StoryStore.SeqOf(rowid);
                    scores[seq] = scores.GetValueOrDefault(seq) + weight;
                }
        }
        return scores.OrderByDescending(h => h.Value).ThenBy(h => h.Key)
            .Take(options.CandidateLimit)
            .Select(h => h.Key).ToList();
    }

    /// <summary>The newest <see cref="MaxHits"/> stories holding the key in the range, from the index and the stories it does not show yet.</summary>
    private IEnumerable<long> Hits(string key, long from, long to, IUnindexedStories? unindexed)
    {
        var indexed = store.SearchKey(key, from, to, MaxHits);
        var more = unindexed?.Holding(key, from, to);
        if (more is null || more.Count == 0) return indexed;
        return indexed.Concat(more).OrderDescending().Take(MaxHits);
    }

    /// <summary>The keys of the query: rare in the archive but held by some stored story.</summary>
    public IReadOnlyList<string> QueryKeys(MatchFeatures story)
    {
        ArgumentNullException.ThrowIfNull(story);
        int cap = Math.Max(InMemoryCandidateIndex.MinPostingCap, (int)(rarity.CollectionDocuments * InMemoryCandidateIndex.MaxPostingShare));
        return story.Keys.All
            .Where(IndexKeys.IsIndexable)
            .Select(k => (Key: k, Stories: rarity.CollectionFrequency(k)))
            .Where(k => k.Stories > 0 && k.Stories <= cap)
            .OrderBy(k => k.Stories).ThenBy(k => k.Key, StringComparer.Ordinal)
            .Take(options.QueryKeys)
            .Select(k => k.Key).ToList();
    }
}

/// <summary>Stories filed before the one being looked up that the index being read does not hold yet.</summary>
public interface IUnindexedStories
{
    /// <summary>Index rowids of those holding <paramref name="key"/> within the rowid range.</summary>
    IReadOnlyCollection<long> Holding(string key, long fromRowid, long toRowid);
}
