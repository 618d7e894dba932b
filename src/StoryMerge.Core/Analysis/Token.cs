namespace StoryMerge.Core.Analysis;

/// <summary>One word or number of a story, as the analysis chain fills it in.</summary>
/// <param name="Surface">The word as written.</param>
/// <param name="Start">Offset of the word in the story body.</param>
/// <param name="Sentence">Index of the sentence holding the word.</param>
/// <param name="SentenceInitial">Whether the word opens its sentence (so its capital tells nothing).</param>
public sealed record Token(string Surface, int Start, int Sentence, bool SentenceInitial)
{
    /// <summary>Lower-case surface.</summary>
    public string Lower { get; init; } = Surface.ToLowerInvariant();

    /// <summary>The word with its inflectional ending removed, in its own script.</summary>
    public string Stem { get; init; } = Surface.ToLowerInvariant();

    /// <summary>The stem in the language-neutral form: transliterated to ASCII Latin, letters folded.</summary>
    public string Neutral { get; init; } = string.Empty;

    /// <summary>The whole lower-case word in the language-neutral form.</summary>
    public string NeutralSurface { get; init; } = string.Empty;

    public bool IsStopWord { get; init; }

    public bool IsNumber => Surface.Length > 0 && char.IsDigit(Surface[0]);

    /// <summary>Written in a script without capitals (Han, kana, Hangul, Arabic, Hebrew, Devanagari, Georgian, Thai, …), where no capital can mark a name.</summary>
    public bool IsCaseless => Surface.Length > 0 && (char.GetUnicodeCategory(Surface[0]) == System.Globalization.UnicodeCategory.OtherLetter || Surface[0] is >= '\u10D0' and <= '\u10FF');

    /// <summary>Starts with a capital letter (Title case or an acronym).</summary>
    public bool IsCapitalised => Surface.Length > 0 && char.IsUpper(Surface[0]);

    /// <summary>All letters are capitals and there are at least two: ТАСС, NATO, МИД; also with a case suffix after a hyphen (БАҚ-та). Roman numerals (II, XIV) are not acronyms.</summary>
    public bool IsAcronym
    {
        get
        {
            var head = Surface;
            int hyphen = head.IndexOf('-');
            if (hyphen > 0 && head[(hyphen + 1)..].All(char.IsLower)) head = head[..hyphen];
            return head.Count(char.IsLetter) >= 2 && head.All(c => !char.IsLetter(c) || char.IsUpper(c)) && !head.All(c => c is 'I' or 'V' or 'X' or 'L' or 'C' or 'M');
        }
    }
}
