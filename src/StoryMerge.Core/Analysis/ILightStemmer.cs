namespace StoryMerge.Core.Analysis;

/// <summary>Removes the inflectional ending of one lower-case word of one language family.</summary>
public interface ILightStemmer
{
    /// <summary>The word without its ending; the word itself when no ending applies.</summary>
    string Stem(string lower);
}

/// <summary>Shared logic of suffix-list stemmers: strip the longest listed ending that leaves a long enough stem.</summary>
public abstract class SuffixStemmer : ILightStemmer
{
    private readonly string[] _endings;
    private readonly int _minStem;

    protected SuffixStemmer(IEnumerable<string> endings, int minStem)
    {
        _endings = endings.OrderByDescending(e => e.Length).ThenBy(e => e, StringComparer.Ordinal).ToArray();
        _minStem = minStem;
    }

    public virtual string Stem(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        foreach (var ending in _endings)
            if (lower.Length - ending.Length >= _minStem && lower.EndsWith(ending, StringComparison.Ordinal))
                return lower[..^ending.Length];
        return lower;
    }
}

/// <summary>Leaves words as they are: for languages without a stemmer.</summary>
public sealed class IdentityStemmer : ILightStemmer
{
    public static IdentityStemmer Instance { get; } = new();

    public string Stem(string lower) => lower;
}
