using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Merging;

/// <summary>Tells spellings that differ only across scripts (Карин/Қарин, Кажибаева/Қажыбаева, Бэлла/Белла) from real disagreements (Умаров/Омаров).</summary>
/// <remarks>
/// The key of a word is its neutral stem with the letters that alphabets render differently for one sound made equal
/// (y = i = j), doubled letters single, and final vowels dropped (so inflection and gender do not count).
/// </remarks>
public static class SpellingKey
{
    /// <summary>The key of a name word: its <see cref="NameForm"/> in neutral form, folded.</summary>
    public static string Of(Token word) => Of(NeutralForm.Shared.Of(NameForm.Of(word)));

    public static string Of(string neutral)
    {
        ArgumentNullException.ThrowIfNull(neutral);
        var chars = new List<char>(neutral.Length);
        foreach (var c0 in neutral)
        {
            char c = c0 is 'y' or 'j' ? 'i' : c0;
            if (chars.Count > 0 && chars[^1] == c) continue;
            chars.Add(c);
        }
        while (chars.Count > 2 && chars[^1] is 'a' or 'e' or 'i' or 'o' or 'u') chars.RemoveAt(chars.Count - 1);
        return new string(chars.ToArray());
    }

    /// <summary>The key of a written name ("Аскар Умаров"): each word's name form, neutral and folded.</summary>
    public static string OfName(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        return string.Join(' ', written.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Of(NeutralForm.Shared.Of(NameForm.Of(new Token(w, 0, 0, false))))));
    }

    /// <summary>FuzzySharp's ratio (0–100) of two neutral forms. Neutral forms are ASCII, so its default preprocessing keeps them whole.</summary>
    public static int Likeness(string a, string b) => FuzzySharp.Fuzz.Ratio(a, b);
}
