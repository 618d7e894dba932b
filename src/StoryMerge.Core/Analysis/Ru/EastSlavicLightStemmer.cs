namespace StoryMerge.Core.Analysis.Ru;

/// <summary>Light stemmer for Russian, Ukrainian and Belarusian: removes case and number endings, keeps surname suffixes.</summary>
/// <remarks>
/// Surnames in -ов/-ев/-ин keep their suffix so every case of one name meets: Пескова, Пескову, Песковым → песков;
/// feminine forms meet the masculine (Балаева → балаев), which is what matching needs. A stem keeps at least three letters.
/// </remarks>
public sealed class EastSlavicLightStemmer : SuffixStemmer
{
    private static readonly string[] Endings =
    [
        // adjectives and participles
        "ого", "его", "ому", "ему", "ыми", "ими", "ых", "их", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ей", "ую", "юю",
        "іх", "ім", "ыя", "ага", "яга", "аму", "яму", "ым",
        // nouns
        "иями", "ями", "ами", "иях", "ях", "ах", "иям", "ям", "ам", "ием", "ем", "ом", "ою", "ею", "ией", "ия", "ию", "ии",
        "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й", "і", "ї", "є",
    ];

    private static readonly string[] SurnameSuffixes =
        ["ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ина", "ына", "ский", "ская", "цкий", "цкая", "енко", "ук", "юк", "ич", "ян", "янц", "дзе", "швили", "оў", "еў", "ұлы", "қызы", "улы", "кызы"];

    public static EastSlavicLightStemmer Instance { get; } = new();

    private EastSlavicLightStemmer() : base(Endings, 3) { }

    /// <summary>Whether a lower-case word ends like an East Slavic or Turkic surname (Песков, Карин, Қажыбаева).</summary>
    public static bool HasSurnameSuffix(string word) => SurnameSuffixes.Any(s => word.Length > s.Length + 1 && word.EndsWith(s, StringComparison.Ordinal));
}
