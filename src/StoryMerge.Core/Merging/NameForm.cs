namespace StoryMerge.Core.Merging;

using StoryMerge.Core.Analysis;

/// <summary>A name word without its case ending, in its own script: what tells a spelling variant from an inflected form.</summary>
/// <remarks>
/// Light stemmers are tuned for matching and cut too much from names (Kazakh "-на" would turn Марина into Мари). Here
/// only endings that do not end names are removed: Turkic case endings of three letters (Песковтың → песков) and East
/// Slavic vowel and case endings (Пескова, Дмитрия → песков, дмитр). Бэлла and Белла keep their difference: two spellings.
/// </remarks>
public static class NameForm
{
    private static readonly string[] TurkicEndings =
        ["ның", "нің", "дың", "дің", "тың", "тің", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен", "ның"];

    private static readonly string[] SlavicEndings =
        ["ого", "ому", "ым", "ом", "ем", "ой", "ей", "ою", "ия", "ий", "ию", "ии", "а", "я", "у", "ю", "е", "ы", "и", "й"];

    /// <summary>The word without its case ending; Turkic endings are taken off only in a Turkic report when <paramref name="language"/> is given (Казахстан is not Казахс-тан in Russian).</summary>
    public static string Of(Token word, LanguageTag? language = null)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = WithoutApostropheSuffix(word.Lower);
        // An acronym takes its case ending after a hyphen: ФТБ-ның, БАҚ-тың are ФТБ, БАҚ.
        int hyphen = word.Surface.IndexOf('-');
        if (hyphen >= 2 && word.IsAcronym && word.Surface[(hyphen + 1)..].All(char.IsLower)) return lower[..hyphen];
        if (language is null || Forms.NameWord.IsTurkic(language.Value))
        foreach (var ending in TurkicEndings)
            if (lower.Length - ending.Length >= 3 && lower.EndsWith(ending, StringComparison.Ordinal)) { lower = lower[..^ending.Length]; break; }
        if (LanguageIdentifier.ScriptOf(lower.Length > 0 ? lower[0] : 'a') != Script.Cyrillic) return lower;
        foreach (var ending in SlavicEndings)
            if (lower.Length - ending.Length >= 3 && lower.EndsWith(ending, StringComparison.Ordinal)) return lower[..^ending.Length];
        return lower;
    }

    /// <summary>A word without the case suffix Turkish writes after an apostrophe: San Diego'da → San Diego, Trudell'in → Trudell.</summary>
    public static string WithoutApostropheSuffix(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        int apostrophe = word.LastIndexOfAny(['\'', '’']);
        return apostrophe >= 2 && apostrophe < word.Length - 1 && word[(apostrophe + 1)..].All(char.IsLetter) ? word[..apostrophe] : word;
    }

    /// <summary>An acronym without the case ending it takes after a hyphen: ТАСС-тың → ТАСС; any other word unchanged.</summary>
    public static string WithoutCaseSuffix(Token word)
    {
        ArgumentNullException.ThrowIfNull(word);
        int hyphen = word.Surface.IndexOf('-');
        return hyphen >= 2 && word.IsAcronym && word.Surface[(hyphen + 1)..].All(char.IsLower) ? word.Surface[..hyphen] : word.Surface;
    }

    /// <summary>The identity of a whole mention: the name forms of its words.</summary>
    public static string Of(EntityMention mention, LanguageTag? language = null) => string.Join(' ', mention.Tokens.Select(t => Of(t, language)));
}
