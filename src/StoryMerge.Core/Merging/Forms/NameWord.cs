using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Merging.Forms;

/// <summary>Compares one word of a name across reports and scripts: the same word inflected or transliterated, or another word.</summary>
/// <remarks>
/// A word is taken without what inflection adds (<see cref="NameForm"/>, a Turkish apostrophe suffix, and in Turkic
/// reports one more case ending: Дилге, Трампты). Two words are the same when their spelling keys are close (FuzzySharp
/// ratio ≥ 80), or when their consonants agree sound for sound (<see cref="Sound"/>: James = Джеймс, Walton = Уолтон)
/// and their keys are at least half alike. Stateless and thread-safe.
/// </remarks>
public static class NameWord
{
    private const int CloseKeys = 80;
    private const int SameSoundKeys = 50;

    private static readonly string[] TurkicCaseEndings =
        ["дағы", "дегі", "тағы", "тегі", "нда", "нде", "ға", "ге", "қа", "ке", "на", "не", "ты", "ті", "ды", "ді", "ны", "ні", "да", "де", "та", "те", "ың", "ің", "ын", "ін"];

    /// <summary>The keys a written word may stand for: its name-form key, and in a Turkic report also the key without one more case ending.</summary>
    public static IReadOnlyList<string> Keys(Token word, LanguageTag language)
    {
        ArgumentNullException.ThrowIfNull(word);
        var first = SpellingKey.Of(word);
        if (!IsTurkic(language)) return [first];
        var lower = NameForm.WithoutApostropheSuffix(word.Lower);
        foreach (var ending in TurkicCaseEndings)
            if (lower.Length - ending.Length >= 3 && lower.EndsWith(ending, StringComparison.Ordinal))
                return [first, SpellingKey.Of(NeutralForm.Shared.Of(NameForm.Of(new Token(lower[..^ending.Length], 0, 0, false))))];
        return [first];
    }

    /// <summary>Whether two words (as <see cref="Keys"/>) are one word of one name.</summary>
    public static bool Same(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        foreach (var x in a)
            foreach (var y in b)
            {
                if (x == y) return true;
                int likeness = SpellingKey.Likeness(x, y);
                if (likeness >= CloseKeys) return true;
                if (likeness >= SameSoundKeys && Sound(x) is { Length: >= 2 } s && s == Sound(y)) return true;
            }
        return false;
    }

    /// <summary>How alike two words are at best (0–100), over their keys.</summary>
    public static int Likeness(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.SelectMany(x => b.Select(y => SpellingKey.Likeness(x, y))).DefaultIfEmpty(0).Max();

    /// <summary>The consonants of a key by sound class, with the spellings transliterations give one sound made one (dzh = j, w before a vowel = u).</summary>
    public static string Sound(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var s = key.Replace("dzh", "j").Replace("dz", "j").Replace("dj", "j").Replace("ck", "k").Replace("ph", "f");
        if (s.StartsWith('w')) s = "u" + s[1..];
        return ConsonantSkeleton.Of(s, 16);
    }

    internal static bool IsTurkic(LanguageTag language) => language.Code is "kk" or "ky" or "tt" or "ba" or "tr" or "az" or "uz";
}
