namespace StoryMerge.Core.Analysis;

/// <summary>Word beginnings that mark roles (титулы, titles) and organisations, in the languages StoryMerge knows.</summary>
/// <remarks>
/// General vocabulary only: offices and kinds of bodies, matched as lower-case prefixes so every inflected form counts
/// (министр, министра, министрі). No person, place or organisation is named here.
/// </remarks>
internal static class EntityLexicon
{
    private static readonly string[] RolePrefixes =
    [
        // ru / uk / be
        "президент", "премьер", "министр", "замминистр", "вице-министр", "директор", "гендиректор", "депутат", "советник", "секретар",
        "пресс-секретар", "председател", "глав", "руководител", "губернатор", "мэр", "аким", "посол", "генерал", "адмирал", "вице-адмирал",
        "полковник", "журналист", "редактор", "спикер", "сенатор", "представител", "заместител", "эксперт", "профессор", "тренер",
        "игрок", "нападающ", "защитник", "вратар", "певиц", "певец", "актер", "актрис", "основател", "менеджер", "судья", "прокурор",
        "адвокат", "доктор", "король", "королев", "принц", "папа", "мiнiстр", "міністр", "радник", "голов", "керівник", "речник", "гравец", "гравц",
        "прэзідэнт", "дырэктар", "дэпутат", "дарадц", "сакратар", "старшын", "кіраўнік", "трэнер", "пасол",
        // kk / ky / tt
        "кеңесші", "хатшы", "төраға", "басшы", "орынбасар", "әкім", "елші", "сарапшы", "өкіл", "бапкер", "ойыншы",
        // en
        "president", "minister", "director", "deputy", "adviser", "advisor", "secretary", "spokes", "chairman", "chairwoman", "chair",
        "head", "chief", "leader", "governor", "mayor", "ambassador", "general", "admiral", "senator", "representative", "congress",
        "coach", "manager", "player", "striker", "midfielder", "defender", "goalkeeper", "actor", "actress", "singer", "ceo", "founder",
        "professor", "doctor", "docteur", "doktor", "dr", "mr", "mrs", "ms", "judge", "officer", "sheriff", "prosecutor", "lawyer", "attorney", "king", "queen",
        "prince", "princess", "pope", "captain", "commissioner", "editor", "reporter", "correspondent", "analyst", "economist",
        // tr / az
        "cumhurbaşkan", "başbakan", "bakan", "müdür", "milletvekil", "danışman", "sekreter", "sözcü", "başkan", "lider", "vali",
        "büyükelçi", "senatör", "temsilci", "antrenör", "oyuncu", "kurucu", "profesör", "yargıç", "avukat", "kral", "prens",
        "nazir", "prezident", "müavin", "səfir",
        // de
        "präsident", "direktor", "abgeordnet", "berater", "sekretär", "sprecher", "vorsitzend", "leiter", "gouverneur",
        "bürgermeister", "botschafter", "trainer", "spieler", "gründer", "richter", "könig", "kanzler",
    ];

    private static readonly string[] OrganisationPrefixes =
    [
        // ru / uk / be
        "министерств", "агентств", "комитет", "служб", "компани", "корпорац", "университет", "институт", "парти", "парламент", "совет",
        "дум", "мажилис", "сенат", "правительств", "администрац", "ассоциац", "организац", "фонд", "банк", "центр", "клуб", "союз",
        "телеканал", "телерадио", "газет", "журнал", "суд", "прокуратур", "полиц", "арми", "федерац", "академи", "департамент",
        "управлени", "акимат", "объединени", "палат", "комисси", "міністерств", "агенцт", "комітет", "компані", "університет",
        "уряд", "адміністрац", "асоціац", "організац", "поліц", "федерац", "міністэрств", "урад",
        // kk
        "министрлі", "агенттіг", "комитеті", "қызмет", "үкімет", "әкімшілі", "қауымдаст", "ұйым", "қор", "орталығ", "одақ",
        "телеарна", "кешен", "мәжіліс", "сот", "басқарма",
        // en
        "ministry", "agency", "committee", "service", "company", "corporation", "university", "institute", "party", "parliament",
        "council", "senate", "government", "administration", "association", "organization", "organisation", "foundation", "fund",
        "bank", "center", "centre", "club", "union", "channel", "newspaper", "court", "police", "army", "federation", "academy",
        "department", "office", "commission", "group", "inc", "ltd", "corp", "league", "fc", "board", "authority", "bureau", "house",
        // tr / az
        "bakanlığ", "ajans", "komite", "şirket", "üniversite", "parti", "meclis", "hükümet", "derneğ", "örgüt", "vakf", "banka",
        "merkez", "kulüb", "birliğ", "mahkeme", "polis", "ordu", "federasyon", "akademi", "teşkilat", "nazirliy", "təşkilat",
        // de
        "ministerium", "agentur", "ausschuss", "unternehmen", "universität", "partei", "regierung", "verband", "stiftung",
        "gericht", "polizei", "verein",
    ];

    private static readonly string[] LocativePrepositions = ["в", "во", "у", "на", "из", "ў", "з", "із", "in", "at", "from", "near", "to", "im", "aus", "nach", "en", "à", "a"];

    // The locative and the "which is in" form built on it (Devon'daki, Алматыдағы).
    private static readonly string[] LocativeSuffixes = ["да", "де", "та", "те", "нда", "нде", "дағы", "дегі", "тағы", "тегі", "'daki", "'deki", "'taki", "'teki", "’daki", "’deki", "’taki", "’teki", "daki", "deki", "taki", "teki", "'da", "'de", "'ta", "'te", "’da", "’de", "’ta", "’te", "da", "de", "ta", "te"];

    public static bool IsRoleWord(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        foreach (var p in RolePrefixes)
            if (lower.StartsWith(p, StringComparison.Ordinal) && (p.Length >= 4 || lower.Length <= p.Length + 3) && !IsAdjectiveOf(lower, p)) return true;
        return false;
    }

    /// <summary>An East Slavic adjective made from a role noun (генеральной, президентский): it describes a thing, not a person (Генеральной Ассамблее).</summary>
    private static bool IsAdjectiveOf(string lower, string prefix) =>
        lower.Length > prefix.Length + 2 && lower[0] is >= 'а' and <= 'я' && lower.AsSpan(prefix.Length) is var rest
        && (rest.StartsWith("ск") || rest.StartsWith("ьн") || rest.StartsWith("цк"));

    public static bool IsOrganisationWord(string lower) => StartsWithAny(lower, OrganisationPrefixes);

    public static bool IsLocativePreposition(string lower) => LocativePrepositions.Contains(lower);

    public static bool HasLocativeSuffix(string lower) => lower.Length > 4 && LocativeSuffixes.Any(s => lower.EndsWith(s, StringComparison.Ordinal));

    private static bool StartsWithAny(string lower, string[] prefixes)
    {
        foreach (var p in prefixes)
            if (lower.StartsWith(p, StringComparison.Ordinal) && (p.Length >= 4 || lower.Length <= p.Length + 3)) return true;
        return false;
    }
}
