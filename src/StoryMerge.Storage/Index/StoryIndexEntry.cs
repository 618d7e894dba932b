using StoryMerge.Core;

namespace StoryMerge.Storage.Index;

/// <summary>What the index holds of one stored story: its seq and id, language, publication day, event and terms.</summary>
public sealed record StoryIndexEntry(long Seq, StoryId Id, LanguageTag Language, DateOnly? Published, string? EventId, IndexTerms Terms);

/// <summary>The words of a story the index holds: its match keys (candidate retrieval) and its language-neutral terms (search by text).</summary>
public sealed record IndexTerms(IReadOnlyList<string> Keys, IReadOnlyList<string> Words)
{
    /// <summary>Longest key or term indexed, in characters: Lucene refuses a term over 32,766 bytes, and no real word comes near this.</summary>
    public const int MaxTermLength = 200;

    /// <summary>The keys and the neutral form of each content word (stop words and bare numbers left out) of an analysed story.</summary>
    public static IndexTerms Of(AnalyzedStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return Of(story.Keys.All, story.Tokens);
    }

    /// <summary>The given keys with the neutral words of the tokens.</summary>
    public static IndexTerms Of(IEnumerable<string> keys, IEnumerable<Core.Analysis.Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(tokens);
        return new IndexTerms(
            keys.Where(Indexable).Distinct(StringComparer.Ordinal).ToList(),
            tokens.Where(t => !t.IsStopWord && !t.IsNumber).Select(t => t.Neutral).Where(Indexable).Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The given keys with neutral words already chosen (as <see cref="Of(IEnumerable{string}, IEnumerable{Core.Analysis.Token})"/> chose them).</summary>
    public static IndexTerms Of(IEnumerable<string> keys, IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(words);
        return new IndexTerms(keys.Where(Indexable).Distinct(StringComparer.Ordinal).ToList(), words);
    }

    /// <summary>Whether a key or term goes into the index: not empty and at most <see cref="MaxTermLength"/> characters.</summary>
    public static bool Indexable(string term) => term.Length is > 0 and <= MaxTermLength;
}
