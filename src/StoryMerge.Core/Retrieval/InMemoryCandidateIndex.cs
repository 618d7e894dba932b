namespace StoryMerge.Core.Retrieval;

/// <summary>An inverted index from match keys to stories, held in memory, for batch runs.</summary>
/// <remarks>
/// <para>A story's candidates are found as a store finds them (<c>CandidateRetriever</c>): its
/// <see cref="RetrievalOptions.QueryKeys"/> rarest keys that another story holds, stories published within
/// <see cref="RetrievalOptions.DateWindowDays"/> of it (and stories without a date; a story without a date searches
/// everything), ranked by the summed squared rarity of the keys they share, within each language apart: reports in
/// the story's own language share more words by chance, and would crowd out the other languages' reports of the same
/// event if all were ranked together.</para>
/// <para>Keys held by more than <see cref="MaxPostingShare"/> of the stories (and at least <see cref="MinPostingCap"/>)
/// are skipped: they rank nothing and cost the most. Reading only the rarest keys keeps a story's lookup from growing
/// with the collection (reading every key's postings made a 20,000-story batch spend 38 s here).</para>
/// Not thread-safe for writes; queries may run in parallel once all stories are added.
/// </remarks>
public sealed class InMemoryCandidateIndex(KeyRarity rarity, RetrievalOptions? retrieval = null) : ICandidateIndex
{
    public const double MaxPostingShare = 0.05;
    public const int MinPostingCap = 50;

    /// <summary>The most stories a key may be held by and still be a query key, in a collection of <paramref name="stories"/>.</summary>
    public static int PostingCap(long stories) => (int)Math.Max(MinPostingCap, stories * MaxPostingShare);

    private readonly RetrievalOptions _retrieval = retrieval ?? new RetrievalOptions();
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);
    private readonly List<StoryId> _ids = [];
    private readonly List<LanguageTag> _languages = [];
    private readonly List<int?> _days = [];
    private readonly Dictionary<StoryId, int> _index = [];
    private readonly ThreadLocal<Accumulator> _accumulators = new(() => new Accumulator());

    public int Count => _ids.Count;

    public void Add(AnalyzedStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (_index.ContainsKey(story.Id)) throw new ArgumentException($"Story '{story.Id}' is already in the index.", nameof(story));
        int n = _ids.Count;
        _ids.Add(story.Id);
        _languages.Add(story.Language);
        _days.Add(story.Story.Published?.DayNumber);
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
        bool indexed = _index.TryGetValue(story.Id, out int self);
        int? day = story.Story.Published?.DayNumber;
        int window = _retrieval.DateWindowDays;
        var accumulator = _accumulators.Value!;
        var scores = accumulator.Scores(_ids.Count);
        var touched = accumulator.Touched;
        foreach (var list in QueryPostings(story, indexed))
        {
            string key = list.Key;
            double w = rarity.Idf(key);
            w *= w;
            if (w <= 0) continue;
            foreach (var other in list.Stories)
            {
                if (indexed && other == self) continue;
                if (day is { } d && _days[other] is { } o && Math.Abs(d - o) > window) continue;
                if (scores[other] == 0) touched.Add(other);
                scores[other] += w;
            }
        }
        var best = new List<(int Story, double Score)>(touched.Count);
        foreach (var other in touched)
        {
            best.Add((other, scores[other]));
            scores[other] = 0;
        }
        touched.Clear();
        return best.GroupBy(s => _languages[s.Story])
            .SelectMany(g => g.OrderByDescending(s => s.Score).ThenBy(s => s.Story).Take(limit))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Story)
            .Select(s => new Candidate(_ids[s.Story], s.Score)).ToList();
    }

    /// <summary>The postings of the story's query keys: its rarest keys another story holds, within the cap, fewest stories first.</summary>
    private IEnumerable<(string Key, List<int> Stories)> QueryPostings(AnalyzedStory story, bool indexed)
    {
        int cap = PostingCap(_ids.Count);
        int own = indexed ? 1 : 0;
        var keys = new List<(string Key, List<int> Stories)>();
        foreach (var key in story.Keys.All)
            if (_postings.TryGetValue(key, out var list) && list.Count > own && list.Count <= cap) keys.Add((key, list));
        return keys.OrderBy(k => k.Stories.Count).ThenBy(k => k.Key, StringComparer.Ordinal).Take(_retrieval.QueryKeys);
    }

    /// <summary>One thread's running sums, one per story, and which are not zero: no dictionary per lookup.</summary>
    private sealed class Accumulator
    {
        private double[] _scores = [];

        public List<int> Touched { get; } = [];

        public double[] Scores(int stories)
        {
            if (_scores.Length < stories) _scores = new double[stories];
            return _scores;
        }
    }
}
