using StoryMerge.Core.Analysis;

namespace StoryMerge.Core;

/// <summary>What merging an event reads of a story: its names with the words beside them, figures, dates, title and lede.</summary>
/// <remarks>
/// Small enough to keep for every stored story (the full analysis is not), so a store rebuilds an event's canonical
/// record from its members' stored merge features instead of analysing them again; <see cref="Merging.EventMerger"/>
/// gives the same record from these as from the analyses. Of the story's tokens only those of its names and the one on
/// either side are kept (<see cref="NameTokens"/>), each with its place in the story: deciding a name's kind looks at no
/// others. Those tokens carry their surface, lower case and position, not their stems or neutral forms (merging reads
/// neither). Immutable; safe to share between threads.
/// </remarks>
public sealed class MergeFeatures
{
    /// <exception cref="ArgumentNullException">A list is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tokenCount"/> is negative.</exception>
    public MergeFeatures(StoryId id, LanguageTag language, DateOnly? published, string? source, string? title, string? lede,
        IReadOnlyList<EntityMention> entities, IReadOnlyList<Figure> figures, IReadOnlyList<StatedDate> dates,
        IReadOnlyList<(int Index, Token Token)> nameTokens, int tokenCount)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(nameTokens);
        ArgumentOutOfRangeException.ThrowIfNegative(tokenCount);
        Id = id;
        Language = language;
        Published = published;
        Source = source;
        Title = title;
        Lede = lede;
        Entities = entities;
        Figures = figures;
        Dates = dates;
        NameTokens = nameTokens;
        TokenCount = tokenCount;
    }

    /// <summary>The merge features of an analysed story.</summary>
    public static MergeFeatures Of(AnalyzedStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var tokens = story.Tokens;
        var kept = new SortedSet<int>();
        foreach (var mention in story.Entities)
        {
            int first = IndexOf(tokens, mention.Tokens[0].Start);
            if (first < 0) continue;
            for (int i = Math.Max(0, first - 1); i <= Math.Min(tokens.Count - 1, first + mention.Tokens.Count); i++) kept.Add(i);
        }
        // Kept tokens drop the stems and neutral forms merging never reads (what the store keeps of them too), so a batch that
        // holds every story's merge features holds two strings a token, not five; a token a mention shares stays shared.
        var slim = new Dictionary<Token, Token>(ReferenceEqualityComparer.Instance);
        Token Slim(Token t) => slim.TryGetValue(t, out var s) ? s : slim[t] = t with { Stem = t.Lower, Neutral = "", NeutralSurface = "" };
        var nameTokens = kept.Select(i => (i, Slim(tokens[i]))).ToList();
        var entities = story.Entities.Select(m => m with { Tokens = m.Tokens.Select(Slim).ToArray() }).ToList();
        return new MergeFeatures(story.Id, story.Language, story.Story.Published, story.Story.Source, story.Title,
            story.Sentences.Count > 0 ? Merging.EventMerger.Shorten(story.Sentences[0].Text) : null,
            entities, story.Figures, story.Dates, nameTokens, tokens.Count)
        {
            PublishedAt = story.Story.PublishedAt, Located = story.Story.Located, Subjects = story.Story.Subjects,
        };
    }

    public StoryId Id { get; }

    public LanguageTag Language { get; }

    public DateOnly? Published { get; }

    /// <summary>The publication time with its offset, when the feed gave one (<see cref="Story.PublishedAt"/>; the store keeps it beside).</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The places the feed tagged the story with (<see cref="Story.Located"/>).</summary>
    public IReadOnlyList<Concept> Located { get; init; } = [];

    /// <summary>The subjects the feed tagged the story with (<see cref="Story.Subjects"/>).</summary>
    public IReadOnlyList<Concept> Subjects { get; init; } = [];

    /// <summary>Who published the story, when the feed said.</summary>
    public string? Source { get; }

    /// <summary>The analysis' title: the feed's, else the page headline, else null.</summary>
    public string? Title { get; }

    /// <summary>The first sentence, shortened as a title is (what the event is called when no report has a title); null for a story without sentences.</summary>
    public string? Lede { get; }

    public IReadOnlyList<EntityMention> Entities { get; }

    public IReadOnlyList<Figure> Figures { get; }

    public IReadOnlyList<StatedDate> Dates { get; }

    /// <summary>The tokens of the story's names and the token on either side of each, with their index in the story's tokens, in order.</summary>
    public IReadOnlyList<(int Index, Token Token)> NameTokens { get; }

    /// <summary>How many tokens the whole story has.</summary>
    public int TokenCount { get; }

    /// <summary>The story's tokens just before and just after a mention (the one after only within its sentence); nulls for a mention that does not start at a token.</summary>
    public (Token? Before, Token? After) Neighbours(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        int at = Search(mention.Tokens[0].Start, e => e.Token.Start);
        if (at < 0) return (null, null);
        int first = NameTokens[at].Index;
        int last = first + mention.Tokens.Count - 1;
        var before = first > 0 ? TokenAt(first - 1) : null;
        var after = last + 1 < TokenCount && TokenAt(last + 1) is { } next && next.Sentence == mention.Sentence ? next : null;
        return (before, after);
    }

    private Token? TokenAt(int index) => Search(index, e => e.Index) is var at and >= 0 ? NameTokens[at].Token : null;

    /// <summary>The position in <see cref="NameTokens"/> whose key is <paramref name="key"/> (both keys grow along the list), or -1.</summary>
    private int Search(int key, Func<(int Index, Token Token), int> keyOf)
    {
        int lo = 0, hi = NameTokens.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            int k = keyOf(NameTokens[mid]);
            if (k == key) return mid;
            if (k < key) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, int start)
    {
        int lo = 0, hi = tokens.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (tokens[mid].Start == start) return mid;
            if (tokens[mid].Start < start) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }
}
