using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using StoryMerge.Core;

namespace StoryMerge.Storage.Index;

/// <summary>The two searches of the story index: candidates for a new story (best of each language) and stories matching a text.</summary>
public static class StoryIndexSearch
{
    /// <summary>A key's weight is counted in units of 1/<see cref="WeightScale"/>: sums of whole numbers are exact in any order, so the
    /// index's ranking and the look-ahead's count of stories it does not hold yet agree to the last bit.</summary>
    public const double WeightScale = 64;

    /// <summary>The largest weight of one key (a squared IDF; real ones stay below 150), so 1,000 keys still sum exactly in a float (below 2^24 units).</summary>
    private const double MaxWeight = 256;

    /// <summary>A key weight as the index counts it: whole units of 1/<see cref="WeightScale"/>.</summary>
    public static float Units(double weight) => (float)Math.Round(Math.Clamp(weight, 0, MaxWeight) * WeightScale);

    /// <summary>The stories holding any of <paramref name="keys"/> within <paramref name="window"/>, each language's best <paramref name="perLanguage"/>
    /// by the summed weight (<see cref="Units"/>) of the keys they hold.</summary>
    /// <remarks>
    /// Reads each key's postings itself, with one terms enumerator per segment for all the keys: through a BooleanQuery of
    /// TermQuerys, Lucene builds a new enumerator per key and segment twice over (looking the term up, then scoring it), about a
    /// megabyte of garbage per query, which made the garbage collector the largest cost of filing.
    /// </remarks>
    public static List<ScoredStory> Candidates(IndexSnapshot snapshot, IReadOnlyList<(string Key, float Units)> keys, DayWindow window, int perLanguage)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(perLanguage, 1);
        if (keys.Count == 0) return [];
        var terms = keys.Select(k => (Bytes: new BytesRef(k.Key), k.Units)).ToList();
        var best = new BestPerLanguage(perLanguage);
        var scores = new Dictionary<int, float>();
        DocsEnum? docs = null;
        foreach (var leaf in snapshot.Reader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var index = reader.GetTerms(LuceneStoryIndex.KeyField);
            if (index is null) continue;
            var days = reader.GetNumericDocValues(LuceneStoryIndex.DayValueField);
            var live = reader.LiveDocs;
            var enumerator = index.GetEnumerator();
            scores.Clear();
            foreach (var (bytes, units) in terms)
            {
                if (!enumerator.SeekExact(bytes)) continue;
                docs = enumerator.Docs(live, docs, DocsFlags.NONE);
                for (int doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                    if (window.HoldsDay((int)days.Get(doc))) scores[doc] = scores.GetValueOrDefault(doc) + units;
            }
            best.SetNextReader(leaf);
            foreach (var (doc, score) in scores) best.Collect(doc, score);
        }
        return best.Results();
    }

    /// <summary>Stories matching a text, best first: every query word is one clause (its neutral word, or any of its keys), and a story must match
    /// at least <paramref name="minimumShare"/> of the clauses.</summary>
    /// <param name="words">Each query word's forms: the neutral word (field <c>word</c>) and its keys (field <c>key</c>).</param>
    public static List<ScoredStory> Text(IndexSnapshot snapshot, IReadOnlyList<QueryWord> words, double minimumShare, int limit)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (words.Count == 0) return [];
        var query = new BooleanQuery(disableCoord: true);
        foreach (var word in words)
        {
            // A word counts once, by its best form held (a story holding "almaty" and n:lmt matched one word, not two).
            var forms = word.Words.Select(w => (Query)new TermQuery(new Term(LuceneStoryIndex.WordField, w)))
                .Concat(word.Keys.Select(k => new TermQuery(new Term(LuceneStoryIndex.KeyField, k)))).ToList();
            if (forms.Count > 0) query.Add(new DisjunctionMaxQuery(forms, 0f), Occur.SHOULD);
        }
        if (query.Clauses.Count == 0) return [];
        query.MinimumNumberShouldMatch = Math.Max(1, (int)Math.Ceiling(minimumShare * words.Count));
        if (query.MinimumNumberShouldMatch > query.Clauses.Count) return [];
        var top = snapshot.Searcher.Search(query, limit);
        var result = new List<ScoredStory>(top.ScoreDocs.Length);
        foreach (var hit in top.ScoreDocs)
        {
            var leaf = snapshot.Reader.Leaves[ReaderUtil.SubIndex(hit.Doc, snapshot.Reader.Leaves)];
            int doc = hit.Doc - leaf.DocBase;
            var reader = leaf.AtomicReader;
            var language = new BytesRef();
            reader.GetSortedDocValues(LuceneStoryIndex.LanguageField).Get(doc, language);
            result.Add(new ScoredStory(reader.GetNumericDocValues(LuceneStoryIndex.SeqValueField).Get(doc), new LanguageTag(language.Utf8ToString()), hit.Score));
        }
        return result;
    }

    /// <summary>Collects each language's best stories: highest score first, lower seq first among equal scores.</summary>
    private sealed class BestPerLanguage(int perLanguage)
    {
        private readonly Dictionary<string, PriorityQueue<ScoredStory, (float Score, long Seq)>> _best = new(StringComparer.Ordinal);
        private static readonly Comparer<(float Score, long Seq)> WorstFirst =
            Comparer<(float Score, long Seq)>.Create((a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : b.Seq.CompareTo(a.Seq));
        private NumericDocValues? _seqs;
        private SortedDocValues? _languages;
        private string?[] _languageOfOrd = [];

        public void SetNextReader(AtomicReaderContext context)
        {
            _seqs = context.AtomicReader.GetNumericDocValues(LuceneStoryIndex.SeqValueField);
            _languages = context.AtomicReader.GetSortedDocValues(LuceneStoryIndex.LanguageField);
            _languageOfOrd = new string?[_languages?.ValueCount ?? 0];
        }

        public void Collect(int doc, float score)
        {
            int ord = _languages!.GetOrd(doc);
            var language = _languageOfOrd[ord] ??= LookUp(ord);
            Offer(new ScoredStory(_seqs!.Get(doc), new LanguageTag(language), score), language);
        }

        private string LookUp(int ord)
        {
            var bytes = new BytesRef();
            _languages!.LookupOrd(ord, bytes);
            return bytes.Utf8ToString();
        }

        private void Offer(ScoredStory story, string language)
        {
            if (!_best.TryGetValue(language, out var queue)) _best[language] = queue = new PriorityQueue<ScoredStory, (float, long)>(perLanguage + 1, WorstFirst);
            var priority = (story.Score, story.Seq);
            if (queue.Count < perLanguage) queue.Enqueue(story, priority);
            else if (queue.TryPeek(out _, out var worst) && WorstFirst.Compare(priority, worst) > 0) queue.DequeueEnqueue(story, priority);
        }

        public List<ScoredStory> Results() => _best.Values.SelectMany(q => q.UnorderedItems.Select(i => i.Element)).ToList();
    }
}

/// <summary>A story found in the index, with its language and score.</summary>
public readonly record struct ScoredStory(long Seq, LanguageTag Language, float Score);

/// <summary>One word of a text query: its language-neutral forms and its match keys; a story matches the word when it holds any of them.</summary>
public sealed record QueryWord(IReadOnlyList<string> Words, IReadOnlyList<string> Keys);

/// <summary>Which publication days a candidate search covers: a window around a day, optionally with the stories without a date, or everything.</summary>
public readonly record struct DayWindow(int From, int To, bool Undated, bool All)
{
    public static DayWindow Everything => new(0, 0, true, true);

    public static DayWindow Around(DateOnly day, int days, bool undated) => new(day.AddDays(-days).DayNumber, day.AddDays(days).DayNumber, undated, false);

    /// <summary>Whether a story published on <paramref name="day"/> (null: without a date) is in the window.</summary>
    public bool Holds(DateOnly? day) => All || (day is { } d ? d.DayNumber >= From && d.DayNumber <= To : Undated);

    /// <summary>Whether a story indexed with <paramref name="day"/> (a day number, <see cref="LuceneStoryIndex.NoDay"/> without a date) is in the window.</summary>
    internal bool HoldsDay(int day) => All || (day == LuceneStoryIndex.NoDay ? Undated : day >= From && day <= To);
}

/// <summary>Scoring without normalisation: a query's score is the plain sum of its clauses' weights.</summary>
internal sealed class StoryIndexSimilarity : DefaultSimilarity
{
    public static readonly StoryIndexSimilarity Instance = new();

    public override float QueryNorm(float sumOfSquaredWeights) => 1f;

    public override float Coord(int overlap, int maxOverlap) => 1f;
}
