using StoryMerge.Core;
using StoryMerge.Core.Retrieval;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Online;

/// <summary>Finds the stored stories that may report the same event as a new one, through the full-text index.</summary>
/// <remarks>
/// The query is the new story's <see cref="RetrievalOptions.QueryKeys"/> rarest keys that the archive holds (highest
/// IDF first; keys in more than <see cref="InMemoryCandidateIndex.MaxPostingShare"/> of the stories are left out, as
/// in the batch index: they rank nothing and cost the most), OR-ed, ranked by FTS5's BM25. Stories published within
/// the date window, and stories without a date, are searched; a story without a date searches everything.
/// </remarks>
public sealed class CandidateRetriever(StoryStore store, KeyRarity rarity, RetrievalOptions options)
{
    /// <summary>Stored stories sharing rare keys with <paramref name="story"/>, best BM25 rank first, each once.</summary>
    public IReadOnlyList<long> Candidates(MatchFeatures story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var keys = QueryKeys(story);
        if (keys.Count == 0) return [];
        var hits = new List<(long Seq, double Rank)>();
        if (story.Published is { } day)
        {
            var (from, to) = StoryStore.DayRange(day, options.DateWindowDays);
            hits.AddRange(store.Search(keys, from, to, options.CandidateLimit));
            var (undatedFrom, undatedTo) = StoryStore.UndatedRange;
            hits.AddRange(store.Search(keys, undatedFrom, undatedTo, options.CandidateLimit));
        }
        else
        {
            var (from, to) = StoryStore.AllRange;
            hits.AddRange(store.Search(keys, from, to, options.CandidateLimit));
        }
        // BM25 ranks are negative, better ones lower.
        return hits.OrderBy(h => h.Rank).ThenBy(h => h.Seq).Select(h => h.Seq).Distinct().Take(options.CandidateLimit).ToList();
    }

    /// <summary>The keys of the query: rare in the archive but held by some stored story.</summary>
    public IReadOnlyList<string> QueryKeys(MatchFeatures story)
    {
        ArgumentNullException.ThrowIfNull(story);
        int cap = Math.Max(InMemoryCandidateIndex.MinPostingCap, (int)(rarity.CollectionDocuments * InMemoryCandidateIndex.MaxPostingShare));
        return story.Keys.All
            .Where(k => IndexKeys.IsIndexable(k))
            .Select(k => (Key: k, Stories: rarity.CollectionFrequency(k)))
            .Where(k => k.Stories > 0 && k.Stories <= cap)
            .OrderBy(k => k.Stories).ThenBy(k => k.Key, StringComparer.Ordinal)
            .Take(options.QueryKeys)
            .Select(k => k.Key).ToList();
    }
}
