namespace StoryMerge.Core.Analysis.En;

/// <summary>Light stemmer for English and other Latin-script languages without one: possessives and plain plurals.</summary>
public sealed class EnglishLightStemmer : ILightStemmer
{
    public static EnglishLightStemmer Instance { get; } = new();

    public string Stem(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        if (lower.EndsWith("'s", StringComparison.Ordinal) || lower.EndsWith("’s", StringComparison.Ordinal)) return lower[..^2];
        if (lower.Length > 4 && lower.EndsWith("ies", StringComparison.Ordinal)) return lower[..^3] + "y";
        if (lower.Length > 4 && lower[^1] == 's' && lower[^2] is not ('s' or 'u' or 'i')) return lower[..^1];
        return lower;
    }
}
