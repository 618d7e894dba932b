namespace StoryMerge.Core.Analysis.Kk;

/// <summary>Light stemmer for Kazakh and its Cyrillic neighbours (Kyrgyz, Tatar, Bashkir): removes case and plural endings.</summary>
/// <remarks>
/// Turkic endings stack (plural, possessive, case), so up to two are removed: Алматыда → алматы, Песковтың → песков,
/// медиаконтенттің → медиаконтент. Accusative -ны/-ды/-ты and possessive -ы/-і are left alone: too many stems end
/// that way (Алматы).
/// A stem keeps at least four letters.
/// </remarks>
public sealed class TurkicLightStemmer : SuffixStemmer
{
    private static readonly string[] Endings =
    [
        // genitive
        "ның", "нің", "дың", "дің", "тың", "тің", "нын", "нин", "дын", "дин", "тын", "тин",
        // locative, ablative
        "нда", "нде", "да", "де", "та", "те", "дан", "ден", "тан", "тен", "нан", "нен", "дағы", "дегі", "тағы", "тегі",
        // dative
        "ға", "ге", "қа", "ке", "на", "не", "ка", "га",
        // instrumental
        "мен", "бен", "пен", "ымен", "імен",
        // plural
        "лар", "лер", "дар", "дер", "тар", "тер",
        // possessive third person (the one-letter forms -ы/-і are left: Алматы would lose its last letter)
        "сы", "сі",
    ];

    public static TurkicLightStemmer Instance { get; } = new();

    private TurkicLightStemmer() : base(Endings, 4) { }

    public override string Stem(string lower)
    {
        var once = base.Stem(lower);
        return once.Length < lower.Length ? base.Stem(once) : once;
    }
}
