namespace StoryMerge.Core.Analysis;

/// <summary>Words around numbers: multipliers, percent words, approximations, month names, year words.</summary>
/// <remarks>Lower-case prefixes, so inflected forms match (тысяч, тысячи; мың, мыңға).</remarks>
internal static class NumberLexicon
{
    private static readonly (string Prefix, double Factor)[] Multipliers =
    [
        ("тыс", 1e3), ("мың", 1e3), ("thousand", 1e3), ("bin", 1e3), ("тисяч", 1e3), ("тысяч", 1e3), ("тысяча", 1e3), ("tausend", 1e3), ("mil", 1e3),
        ("млн", 1e6), ("миллион", 1e6), ("million", 1e6), ("milyon", 1e6), ("мільйон", 1e6), ("мільён", 1e6), ("mln", 1e6), ("millionen", 1e6),
        ("млрд", 1e9), ("миллиард", 1e9), ("billion", 1e9), ("milyar", 1e9), ("мільярд", 1e9), ("мільярд", 1e9), ("bn", 1e9), ("milliarde", 1e9),
    ];

    private static readonly string[] PercentWords = ["процент", "пайыз", "percent", "per cent", "yüzde", "відсот", "працэнт", "prozent", "pour cent", "por ciento", "%"];

    private static readonly (string Prefix, string Meaning)[] QualifiersBefore =
    [
        ("около", "about"), ("почти", "about"), ("примерно", "about"), ("порядка", "about"), ("приблизительно", "about"), ("близько", "about"),
        ("майже", "about"), ("каля", "about"), ("амаль", "about"), ("шамамен", "about"), ("about", "about"), ("nearly", "about"),
        ("almost", "about"), ("around", "about"), ("approximately", "about"), ("roughly", "about"), ("some", "about"), ("yaklaşık", "about"),
        ("свыше", "over"), ("более", "over"), ("больше", "over"), ("понад", "over"), ("больш", "over"), ("over", "over"), ("more", "over"),
        ("менее", "under"), ("меньше", "under"), ("under", "under"), ("less", "under"), ("fewer", "under"), ("до", "up to"), ("up", "up to"),
    ];

    private static readonly (string Prefix, string Meaning)[] QualifiersAfter =
    [
        ("жуық", "about"), ("шамасында", "about"), ("астам", "over"), ("артық", "over"), ("аса", "over"), ("civarında", "about"),
        ("fazla", "over"), ("aşkın", "over"), ("kadar", "up to"),
    ];

    private static readonly string[][] Months =
    [
        ["январ", "январ", "қаңтар", "січн", "студзен", "january", "jan", "ocak", "januar", "janvier", "enero", "yanvar"],
        ["феврал", "ақпан", "лют", "february", "feb", "şubat", "februar", "février", "febrero", "fevral"],
        ["март", "наурыз", "берез", "сакавік", "march", "mart", "märz", "mars", "marzo"],
        ["апрел", "сәуір", "квіт", "красавік", "april", "apr", "nisan", "avril", "abril", "aprel"],
        ["мая", "май", "мае", "мамыр", "травн", "травен", "may", "mayıs", "mai", "mayo"],
        ["июн", "маусым", "червн", "чэрвен", "june", "jun", "haziran", "juni", "juin", "junio", "iyun"],
        ["июл", "шілде", "липн", "ліпен", "july", "jul", "temmuz", "juli", "juillet", "julio", "iyul"],
        ["август", "тамыз", "серпн", "жнів", "august", "aug", "ağustos", "août", "agosto", "avqust"],
        ["сентябр", "қыркүйек", "верес", "верасн", "september", "sep", "eylül", "septembre", "septiembre", "sentyabr"],
        ["октябр", "қазан", "жовтн", "кастрычн", "october", "oct", "ekim", "oktober", "octobre", "octubre", "oktyabr"],
        ["ноябр", "қараша", "листопад", "лістапад", "november", "nov", "kasım", "novembre", "noviembre", "noyabr"],
        ["декабр", "желтоқсан", "грудн", "снежн", "december", "dec", "aralık", "dezember", "décembre", "diciembre", "dekabr"],
    ];

    // Whole words (with a possessive or an apostrophe suffix: Sunday's, Pazar'a); Cyrillic entries are word beginnings.
    private static readonly string[] Weekdays =
    [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar",
    ];

    private static readonly string[] CyrillicWeekdays =
        ["понедельник", "вторник", "четверг", "пятниц", "суббот", "воскресень", "дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жексенбі", "сенбі"];

    private static readonly string[] YearWords = ["год", "году", "года", "г", "жыл", "жылы", "жылғы", "жылдың", "year", "yıl", "yılı", "yılında", "рок", "року", "рік", "годзе", "jahr", "гг"];

    public static double? Multiplier(string lower)
    {
        foreach (var (prefix, factor) in Multipliers)
            if (lower.StartsWith(prefix, StringComparison.Ordinal) && lower.Length <= prefix.Length + 5) return factor;
        return null;
    }

    public static bool IsPercentWord(string lower) => PercentWords.Any(p => lower.StartsWith(p, StringComparison.Ordinal));

    public static string? QualifierBefore(string lower) => Find(QualifiersBefore, lower);

    public static string? QualifierAfter(string lower) => Find(QualifiersAfter, lower);

    /// <summary>The month (1–12) a word names, or 0.</summary>
    public static int Month(string lower)
    {
        if (lower.Length < 3) return 0;
        for (int m = 0; m < Months.Length; m++)
            foreach (var prefix in Months[m])
                if (lower.StartsWith(prefix, StringComparison.Ordinal) && (prefix.Length >= 4 || lower.Length <= prefix.Length + 3)
                    && lower.Length <= prefix.Length + 5)
                    return m + 1;
        return 0;
    }

    /// <summary>Whether a word names a day of the week: a date, never a name ("on Saturday", "Sunday's opener").</summary>
    public static bool IsWeekday(string lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        int apostrophe = lower.IndexOfAny(['\'', '’']);
        var word = apostrophe > 0 ? lower[..apostrophe] : lower;
        return Weekdays.Contains(word) || CyrillicWeekdays.Any(w => word.StartsWith(w, StringComparison.Ordinal) && word.Length <= w.Length + 3);
    }

    public static bool IsYearWord(string lower) => YearWords.Contains(lower) || YearWords.Any(y => y.Length >= 3 && lower.StartsWith(y, StringComparison.Ordinal) && lower.Length <= y.Length + 4);

    private static string? Find((string Prefix, string Meaning)[] table, string lower)
    {
        foreach (var (prefix, meaning) in table)
            if (lower == prefix || (prefix.Length >= 4 && lower.StartsWith(prefix, StringComparison.Ordinal))) return meaning;
        return null;
    }
}
