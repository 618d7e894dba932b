using StoryMerge.Core;

namespace StoryMerge.Storage.Index;

/// <summary>Search of the stored stories by free text (`events --query`, <c>GET /api/events?q=</c>).</summary>
/// <remarks>
/// The text is analysed like a story, and each content word once more on its own in the query's language, in every
/// language the archive holds and in every language of the learned lexicon (a one-word query cannot tell its language; "Алматыда" analysed as Kazakh is "almaty"). A
/// word's forms are its language-neutral stems and whole forms under those analyses, for a capitalised word the
/// consonant skeletons of those forms as name keys (Алматы = Almaty, Райдер = Ryder; skeletons of fewer than three sound
/// classes match too much and are left out), and its concepts (police = полиция). A story matches a word when it holds any of its forms, and is
/// a hit only when it matches at least <see cref="MinimumShare"/> of the query's words; hits are ranked by the summed
/// rarity of the words matched (each word by its rarest form held). A query none of whose words the archive holds
/// finds nothing.
/// </remarks>
public static class TextSearch
{
    /// <summary>The share of the query's words a story must match.</summary>
    public const double MinimumShare = 0.6;

    /// <summary>Longest query read, in characters (a query is a few words; a pasted article is cut here).</summary>
    public const int MaxQueryChars = 2000;

    /// <summary>Most words of a query used.</summary>
    public const int MaxQueryWords = 16;

    /// <summary>Fewest sound classes of a skeleton used as a name key.</summary>
    public const int MinSkeletonLength = 3;

    /// <summary>The stored stories matching <paramref name="text"/>, best first, at most <paramref name="limit"/>.</summary>
    /// <param name="languages">The languages of the stored stories (each query word is analysed in each).</param>
    /// <exception cref="ArgumentException">The text is empty.</exception>
    public static IReadOnlyList<long> Stories(DedupPipeline pipeline, LuceneStoryIndex index, IReadOnlyCollection<LanguageTag> languages, string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var words = Words(pipeline, languages, text.Length > MaxQueryChars ? text[..MaxQueryChars] : text);
        using var snapshot = index.Snapshot();
        return StoryIndexSearch.Text(snapshot, words, MinimumShare, limit).Select(s => s.Seq).ToList();
    }

    /// <summary>The query's content words, each with its neutral forms and keys.</summary>
    public static IReadOnlyList<QueryWord> Words(DedupPipeline pipeline, IReadOnlyCollection<LanguageTag> languages, string text)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(text);
        var query = pipeline.Analyze(new Story(new StoryId("query"), text));
        // The lexicon's languages too: an English word finds its concept (sea = море = теңіз) only when analysed as English.
        var analyses = languages.Append(query.Language).Concat(pipeline.Background.Lexicon.Words.Keys.Select(code => new LanguageTag(code)))
            .Where(l => l.IsKnown).Distinct().ToList();
        var words = new List<QueryWord>();
        foreach (var token in query.Tokens.Where(t => !t.IsStopWord && !t.IsNumber && IndexTerms.Indexable(t.Neutral)).DistinctBy(t => t.Neutral).Take(MaxQueryWords))
        {
            var forms = new HashSet<string>(StringComparer.Ordinal) { token.Neutral, token.NeutralSurface };
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var language in analyses)
            {
                var alone = pipeline.Analyze(new Story(new StoryId("query-word"), token.Surface, Language: language));
                foreach (var t in alone.Tokens.Where(t => !t.IsStopWord)) { forms.Add(t.Neutral); forms.Add(t.NeutralSurface); }
                keys.UnionWith(alone.Keys.Concepts);
            }
            // As in a story, only a capitalised word is taken for a name (so "qwerty" does not match a name that begins like it).
            if (token.IsCapitalised)
                foreach (var form in forms)
                {
                    var skeleton = Core.Analysis.ConsonantSkeleton.Of(form);
                    if (skeleton.Length >= MinSkeletonLength) keys.Add("n:" + skeleton);
                }
            words.Add(new QueryWord(forms.Where(IndexTerms.Indexable).Order(StringComparer.Ordinal).ToList(),
                keys.Where(IndexTerms.Indexable).Order(StringComparer.Ordinal).ToList()));
        }
        return words;
    }
}
