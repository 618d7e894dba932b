namespace StoryMerge.Core.Analysis.Tr;

/// <summary>Light stemmer for Turkish, Azerbaijani and Uzbek (Latin): cuts at the apostrophe of a proper noun, then one case or plural ending.</summary>
/// <remarks>Hillsborough'da → hillsborough; bakanların → bakan. A stem keeps at least four letters.</remarks>
public sealed class TurkishLightStemmer : SuffixStemmer
{
    private static readonly string[] Endings =
    [
        "ların", "lerin", "ları", "leri", "lar", "ler", "nın", "nin", "nun", "nün", "dan", "den", "tan", "ten",
        "da", "de", "ta", "te", "ın", "in", "un", "ün", "ya", "ye", "dən", "də", "lər",
    ];

    public static TurkishLightStemmer Instance { get; } = new();

    private TurkishLightStemmer() : base(Endings, 4) { }

    public override string Stem(string lower)
    {
        int apostrophe = lower.IndexOfAny(['\'', '’', 'ʼ']);
        if (apostrophe > 1) return lower[..apostrophe];
        return base.Stem(lower);
    }
}
