using StoryMerge.Core;
using StoryMerge.Core.Retrieval;
using StoryMerge.Storage.Index;

namespace StoryMerge.Storage.Online;

/// <summary>Finds the stored stories that may report the same event as a new one, through the Lucene index: each language's best.</summary>
/// <remarks>
/// The query is the new story's <see cref="RetrievalOptions.QueryKeys"/> rarest keys that the archive holds (fewest
/// stories first; keys in more than <see cref="InMemoryCandidateIndex.MaxPostingShare"/> of the stories are left out,
/// as in the batch index: they rank nothing and cost the most), OR-ed, over stories published within the date window
/// and stories without a date (a story without a date searches everything). A story's score is the summed squared IDF
/// of the query keys it holds (the batch index's weighting: BM25 with binary term frequency and no length
/// normalisation, squared), and the best <see cref="Core.Clustering.ClusteringOptions.CandidatesPerLanguage"/> of each
/// language are kept, so no language crowds out another. One query collects every language's best at once
/// (a query per language would read the same postings once per language).
/// </remarks>
public sealed class CandidateRetriever(LuceneStoryIndex index, KeyRarity rarity, DedupOptions options, Func<long> undatedStories)
{
    /// <summary>Stored stories sharing rare keys with <paramref name="story"/>: each language's best, best first overall, each once.</summary>
    /// <param name="unindexed">Stories filed before this one that <paramref name="snapshot"/> does not hold (see <see cref="CandidateLookahead"/>).</param>
    /// <param name="snapshot">The index view to search (default: a new one, holding every story filed so far).</param>
    public IReadOnlyList<long> Candidates(MatchFeatures story, IUnindexedStories? unindexed = null, IndexSnapshot? snapshot = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        var keys = QueryKeys(story).Select(k => (Key: k, Units: StoryIndexSearch.Units(Weight(k)))).ToList();
        if (keys.Count == 0) return [];
        var window = story.Published is { } day
            ? DayWindow.Around(day, options.Retrieval.DateWindowDays, undatedStories() > 0)
            : DayWindow.Everything;
        int perLanguage = options.Clustering.CandidatesPerLanguage;
        List<ScoredStory> found;
        if (snapshot is null)
        {
            using var fresh = index.Snapshot();
            found = StoryIndexSearch.Candidates(fresh, keys, window, perLanguage);
        }
        else found = StoryIndexSearch.Candidates(snapshot, keys, window, perLanguage);
        if (unindexed is not null) found.AddRange(unindexed.Matching(keys, window));
        return found
            .GroupBy(s => s.Language)
            .SelectMany(g => g.OrderByDescending(s => s.Score).ThenBy(s => s.Seq).Take(perLanguage))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Seq)
            .Select(s => s.Seq).ToList();
    }

    private double Weight(string key)
    {
        double idf = rarity.Idf(key);
        return idf * idf;
    }

    /// <summary>The keys of the query: rare in the archive but held by some stored story.</summary>
    public IReadOnlyList<string> QueryKeys(MatchFeatures story)
    {
        ArgumentNullException.ThrowIfNull(story);
        int cap = InMemoryCandidateIndex.PostingCap(rarity.CollectionDocuments);
        return story.Keys.All
            .Where(IndexTerms.Indexable)
            .Select(k => (Key: k, Stories: rarity.CollectionFrequency(k)))
            .Where(k => k.Stories > 0 && k.Stories <= cap)
            .OrderBy(k => k.Stories).ThenBy(k => k.Key, StringComparer.Ordinal)
            .Take(options.Retrieval.QueryKeys)
            .Select(k => k.Key).ToList();
    }
}

/// <summary>Stories filed before the one being looked up that the index snapshot being read does not hold.</summary>
public interface IUnindexedStories
{
    /// <summary>Those holding any of <paramref name="keys"/> within <paramref name="window"/>, scored as the index scores (the summed units of the keys held).</summary>
    IEnumerable<ScoredStory> Matching(IReadOnlyList<(string Key, float Units)> keys, DayWindow window);
}
