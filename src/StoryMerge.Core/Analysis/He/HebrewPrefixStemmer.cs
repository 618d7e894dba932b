namespace StoryMerge.Core.Analysis.He;

/// <summary>Light stemmer for Hebrew: the one-letter words written on the front of the next word (ו and, ש that, כש when, ב in, ל to, מ from, כ as, ה the), in the order Hebrew stacks them: והנשיא → נשיא, ובירושלים → ירושלים.</summary>
/// <remarks>At least three letters are left (a Hebrew root): משה stays. A name that begins with one of these letters
/// (ביידן) loses it in the stem, but the chain keys the whole word too, so the whole name still matches.</remarks>
public sealed class HebrewPrefixStemmer : ILightStemmer
{
    private const int MinStem = 3;

    public static HebrewPrefixStemmer Instance { get; } = new();

    public string Stem(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        int i = 0;
        if (At(lower, i) == 'ו') i++;
        if (At(lower, i) == 'כ' && At(lower, i + 1) == 'ש') i += 2;
        else if (At(lower, i) == 'ש') i++;
        if (At(lower, i) is 'ב' or 'ל' or 'מ' or 'כ') i++;
        if (At(lower, i) == 'ה') i++;
        while (i > 0 && lower.Length - i < MinStem) i--;   // give back prefix letters until a root's length is left
        return i == 0 ? lower : lower[i..];
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';
}
