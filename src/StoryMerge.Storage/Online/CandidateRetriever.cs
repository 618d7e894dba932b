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
    /// <summary>Most stories read from the index for one query before ranking.</summary>
    public const int MaxHits = 2000;

    /// <summary>Stored stories sharing rare keys with <paramref name="story"/>, best first, each once.</summary>
    /// <param name="features">Reads the stored features of stories (the ingestor's cache).</param>
    public IReadOnlyList<long> Candidates(MatchFeatures story, Func<IReadOnlyList<long>, IReadOnlyList<(long Seq, MatchFeatures Features)>> features)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(features);
        var keys = QueryKeys(story);
        if (keys.Count == 0) return [];
        var hits = new List<long>();
        if (story.Published is { } day)
        {
            var (from, to) = StoryStore.DayRange(day, options.DateWindowDays);
            hits.AddRange(store.Search(keys, from, to, MaxHits));
            if (undatedStories() > 0)
            {
                var (undatedFrom, undatedTo) = StoryStore.UndatedRange;
                hits.AddRange(store.Search(keys, undatedFrom, undatedTo, MaxHits));
            }
        }
        else
        {
            var (from, to) = StoryStore.AllRange;
            hits.AddRange(store.Search(keys, from, to, MaxHits));
        }
        var weights = keys.Select(k => { double idf = rarity.Idf(k); return (Key: k, Weight: idf * idf); }).ToList();
        return features(hits.Distinct().ToList())
            .Select(h => (h.Seq, Score: weights.Where(w => Holds(h.Features.Keys, w.Key)).Sum(w => w.Weight)))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Seq)
            .Take(options.CandidateLimit)
            .Select(h => h.Seq).ToList();
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

    private static bool Holds(MatchKeys keys, string key) => key[0] switch
    {
        'n' => keys.Names.Contains(key),
        '#' => keys.Numbers.Contains(key),
        'w' => keys.Words.Contains(key),
        _ => keys.Concepts.Contains(key),
    };
}
