namespace StoryMerge.Core.Merging.Kinds;

/// <summary>Words that say what kind of thing a name names when they stand in it or right after it: places (street, county, bay) and other things (cup, games, festival).</summary>
/// <remarks>
/// General vocabulary only. An entry ending in * is a word beginning (every inflected form counts: көшесі, Caddesi);
/// any other entry is a whole word, also with a plural s. No place, event or work is named here.
/// </remarks>
internal static class KindWords
{
    private static readonly string[] Place =
    [
        // en / fr / es
        "street", "road", "avenue", "square", "county", "city", "town", "village", "country", "region", "bay", "river", "lake", "mountain", "island", "valley", "province",
        "district", "coast", "beach", "bridge", "rue", "boulevard", "comté", "baie", "fleuve", "rivière", "île", "vallée",
        "ville", "pays", "région", "calle", "avenida", "plaza", "condado", "bahía", "río", "isla", "provincia", "ciudad", "pueblo", "país", "región",
        // ru / uk / be
        "улиц*", "стрит*", "проспект*", "площад*", "округ*", "залив*", "област*", "район*", "штат*", "провинц*", "город*", "деревн*", "посёлк*", "поселк*", "столиц*", "регион*",
        // kk
        "көше*", "даңғыл*", "алаң*", "аудан*", "облыс*", "шығанағ*", "өзен*", "округ*", "қала*", "ауыл*", "өңір*",
        // tr
        "cadde*", "sokağ*", "sokak*", "bulvar*", "meydan*", "bölge*", "körfez*", "nehr*", "eyalet*", "ilçe*", "kent*", "şehir*", "şehr*", "köy*", "ülke*", "başkent*", "street'*", "county'*",
    ];

    private static readonly string[] Other =
    [
        // events, trophies, works
        "cup", "trophy", "award", "prize", "games", "olympics", "championship", "tournament", "festival", "forum", "summit",
        "coupe", "trophée", "prix", "jeux", "tournoi", "copa", "trofeo", "premio", "juegos", "torneo",
        "кубок*", "кубк*", "трофе*", "премия*", "премии*", "премию*", "олимпиад*", "чемпионат*", "турнир*", "фестивал*", "форум*", "саммит*",
        "кубог*", "жүлде*", "ойындар*", "медиафорум*",
        "kupa*", "ödül*", "olimpiyat*", "şampiyona*", "turnuva*", "festival*", "zirve*",
    ];

    // Points of the compass: a name beside one is a place (east Belfast, Belfast'ın doğusunda). Not place words, as they
    // stay part of a name (South Carolina is not Carolina).
    private static readonly string[] Compass =
    [
        "east", "west", "north", "south", "eastern", "western", "northern", "southern", "est", "ouest", "nord", "sud", "este", "oeste", "norte", "sur",
        "восток*", "запад*", "север*", "юг", "юге", "юга", "шығыс*", "батыс*", "солтүстіг*", "оңтүстіг*", "doğu*", "batı*", "kuzey*", "güney*",
    ];

    // Kin: only people have a daughter or a widow (Bond's daughter, Дочь Бонда, Бондтың қызы, Bond'un kızı).
    private static readonly string[] Kin =
    [
        "daughter", "son", "wife", "husband", "mother", "father", "brother", "sister", "widow", "grandson", "granddaughter",
        "fille", "fils", "épouse", "mari", "mère", "père", "frère", "sœur", "veuve", "hija", "hijo", "esposa", "esposo", "madre", "padre", "hermano", "hermana", "viuda",
        "доч*", "сын", "сына", "сыну", "сыном", "жена", "жены", "жене", "женой", "вдов*", "внук*", "внучк*",
        "қызы", "ұлы", "әйелі", "жесірі", "немересі", "kızı", "oğlu", "eşi", "karısı", "kocası", "torunu", "dul",
    ];

    public static bool IsPlaceWord(string lower) => Matches(lower, Place);

    public static bool IsKinWord(string lower) => Matches(lower, Kin);

    public static bool IsCompassWord(string lower) => Matches(lower, Compass);

    public static bool IsOtherWord(string lower) => Matches(lower, Other);

    private static bool Matches(string lower, string[] entries)
    {
        // The part after a hyphen counts too: Бествуд-стрит.
        int hyphen = lower.LastIndexOf('-');
        foreach (var w in hyphen > 0 ? new[] { lower, lower[(hyphen + 1)..] } : [lower])
            foreach (var e in entries)
            {
                // Without allocating: this runs for every word of every name of every event.
                if (e.EndsWith('*') ? w.AsSpan().StartsWith(e.AsSpan(0, e.Length - 1), StringComparison.Ordinal)
                    : w == e || (w.Length == e.Length + 1 && w[^1] == 's' && w.StartsWith(e, StringComparison.Ordinal))) return true;
            }
        return false;
    }
}
