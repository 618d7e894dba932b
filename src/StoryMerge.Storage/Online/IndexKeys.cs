using StoryMerge.Core.Retrieval;

namespace StoryMerge.Storage.Online;

/// <summary>Which match keys go into the full-text index: those its tokenizer keeps as one token, unchanged.</summary>
/// <remarks>
/// The index uses FTS5's "ascii" tokenizer with ':', '#', '.', '%' and '-' as token characters: it folds ASCII
/// capitals and splits at any other ASCII punctuation or space. Keys are built lower-case from those characters (and
/// letters outside ASCII, which the tokenizer keeps), so every key passes; one that did not would be split into other
/// terms and is left out of the index rather than indexed wrongly.
/// </remarks>
public static class IndexKeys
{
    public static bool IsIndexable(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0) return false;
        foreach (var c in key)
        {
            if (c > 127) continue;
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is ':' or '#' or '.' or '%' or '-') continue;
            return false;
        }
        return true;
    }

    public static IEnumerable<string> Of(MatchKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.All.Where(IsIndexable);
    }
}
