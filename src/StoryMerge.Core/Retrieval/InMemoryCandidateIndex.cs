namespace StoryMerge.Core.Retrieval;

/// <summary>An inverted index from match keys to stories, held in memory, for batch runs.</summary>
/// <remarks>
/// A story's candidates are ranked by the summed squared rarity of the keys they share, within each language
/// apart: reports in the story's own language share more words by chance, and would crowd out the other languages'
/// reports of the same event if all were ranked together. Keys held by more than
/// <see cref="MaxPostingShare"/> of the stories (and at least <see cref="MinPostingCap"/>) are skipped: they rank nothing
/// and cost the most. Not thread-safe for writes; queries may run in parallel once all stories are added.
/// </remarks>
public sealed class InMemoryCandidateIndex(KeyRarity rarity) : ICandidateIndex
{
    public const double MaxPostingShare = 0.05;
    public const int MinPostingCap = 50;

    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);
    private readonly List<StoryId> _ids = [];
    private readonly List<LanguageTag> _languages = [];
    private readonly Dictionary<StoryId, int> _index = [];

    public int Count => _ids.Count;

    public void Add(AnalyzedStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (_index.ContainsKey(story.Id)) throw new ArgumentException($"Story '{story.Id}' is already in the index.", nameof(story));
        int n = _ids.Count;
        _ids.Add(story.Id);
        _languages.Add(story.Language);
        _index[story.Id] = n;
        foreach (var key in story.Keys.All)
        {
            if (!_postings.TryGetValue(key, out var list)) _postings[key] = list = [];
            list.Add(n);
        }
    }

    /// <remarks><paramref name="limit"/> applies to each language.</remarks>
    public IReadOnlyList<Candidate> Candidates(AnalyzedStory story, int limit)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        int cap = Math.Max(MinPostingCap, (int)(_ids.Count * MaxPostingShare));
        _index.TryGetValue(story.Id, out int self);
        bool indexed = _index.ContainsKey(story.Id);
        var scores = new Dictionary<int, double>();
        foreach (var key in story.Keys.All)
        {
            if (!_postings.TryGetValue(key, out var list) || list.Count > cap) continue;
            double w = rarity.Idf(key);
            w *= w;
            foreach (var other in list)
                if (!indexed || other != self) scores[other] = scores.GetValueOrDefault(other) + w;
        }
        return scores.GroupBy(kv => _languages[kv.Key])
            .SelectMany(g => g.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(limit))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key)
            .Select(kv => new Candidate(_ids[kv.Key], kv.Value)).ToList();
    }
}
