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
    public static WordKeys Keys(Token word, LanguageTag language)
    {
        ArgumentNullException.ThrowIfNull(word);
        // A pure function of the word's letters and language, asked for the same words again and again while an event's
        // names are compared (every probe of every cut of every name): remembered, within a bound on memory.
        var key = (word.Surface, word.Lower, language.Code);
        if (KeysSeen.TryGetValue(key, out var known)) return known;
        if (KeysSeen.Count >= MaxKeysSeen) KeysSeen.Clear();
        return KeysSeen[key] = ComputeKeys(word, language);
    }

    private const int MaxKeysSeen = 200_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, string), WordKeys> KeysSeen = new();

    private static WordKeys ComputeKeys(Token word, LanguageTag language)
    {
        var lower = NameForm.WithoutApostropheSuffix(word.Lower);
        var forms = new List<string> { lower };
        if (IsTurkic(language))
            foreach (var ending in TurkicCaseEndings)
                if (lower.Length - ending.Length >= 3 && lower.EndsWith(ending, StringComparison.Ordinal)) { forms.Add(lower[..^ending.Length]); break; }
        var neutral = forms.Select(f => NeutralForm.Shared.Of(NameForm.Of(new Token(f, 0, 0, false), language))).ToList();
        // The word as written is a spelling key too, as an ending rule may cut a name's own letters (Қазақстан is not
        // Қазақс-тан); its sound is not, or an ending would sound like a consonant of the name (Полтером, Вальдерраме).
        return new WordKeys(neutral.Append(NeutralForm.Shared.Of(lower)).Select(SpellingKey.Of).Distinct().ToList(), neutral.Select(Sound).Distinct().ToList())
        {
            Letters = AcronymOf(word) is { } acronym ? LetterClasses(acronym) : null,
        };
    }

    /// <summary>Whether two words (as <see cref="Keys"/>) are one word of one name.</summary>
    public static bool Same(WordKeys a, WordKeys b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        // Letters of an acronym stand each for a word: one letter more or less is another body (СМИ and СІМ, МИР and Марина).
        if (a.Letters is not null || b.Letters is not null) return a.Letters == b.Letters;
        int likeness = Likeness(a, b);
        if (likeness >= CloseKeys) return true;
        return likeness >= SameSoundKeys && a.Sounds.Any(s => s.Length >= 2 && b.Sounds.Contains(s));
    }

    /// <summary>Whether two words sound alike, however short: for the given names of people whose surnames agree (John = Джон).</summary>
    public static bool SoundAlike(WordKeys a, WordKeys b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        // Vowels only (Jay = Джей, whose spellings share no letter: j is й to a key) count as one sound.
        if (a.Letters is not null || b.Letters is not null) return Same(a, b);
        return Same(a, b) || Likeness(a, b) >= 40 && a.Sounds.Any(b.Sounds.Contains) || a.Sounds.Contains("") && b.Sounds.Contains("");
    }

    /// <summary>How alike two words are at best (0–100), over their keys.</summary>
    public static int Likeness(WordKeys a, WordKeys b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int best = 0;
        foreach (var x in a.Spellings)
            foreach (var y in b.Spellings)
                best = Math.Max(best, x == y ? 100 : SpellingKey.Likeness(x, y));
        return best;
    }

    /// <summary>The consonants of a neutral word by sound class, with what transliterations write differently for one sound made one: dzh = j (Джеймс = James), h dropped (John = Джон, Graham = Грэм), w before a vowel at the start = u (Walton = Уолтон).</summary>
    public static string Sound(string neutral)
    {
        ArgumentNullException.ThrowIfNull(neutral);
        var s = neutral.Replace("dzh", "j").Replace("dz", "j").Replace("dj", "j").Replace("ck", "k").Replace("ph", "f");
        if (s.EndsWith("gh", StringComparison.Ordinal)) s = s[..^2];   // silent: Kavanaugh = Кавано
        s = s.Replace("h", "");
        // c is k except before e, i, y (Scott = Скотт, Cecil = Сесил); g before e, i, y is j at the start (Geoff = Джефф).
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
            if (chars[i] == 'c' && (i + 1 == chars.Length || chars[i + 1] is not ('e' or 'i' or 'y'))) chars[i] = 'k';
        if (chars.Length > 1 && chars[0] == 'g' && chars[1] is 'e' or 'i' or 'y') chars[0] = 'j';
        s = new string(chars);
        if (s.Length > 1 && s[0] == 'w' && s[1] is 'a' or 'e' or 'i' or 'o' or 'u') s = "u" + s[1..];
        return ConsonantSkeleton.Of(s, 16);
    }

    /// <summary>The acronym a word writes, without a case ending after a hyphen or an apostrophe (БАҚ-та, BBC'de); null when it is no acronym.</summary>
    private static string? AcronymOf(Token word)
    {
        var bare = NameForm.WithoutApostropheSuffix(NameForm.WithoutCaseSuffix(word));
        return bare.Count(char.IsLetter) >= 2 && bare.All(c => !char.IsLetter(c) || char.IsUpper(c)) && new Token(bare, 0, 0, false).IsAcronym ? bare : null;
    }

    /// <summary>An acronym letter by letter, each letter by its sound class (vowels one class): BBC = ВВС (Cyrillic В, С), ТАСС = TASS, but FBI is not ФБР.</summary>
    private static string LetterClasses(string acronym)
    {
        var classes = new List<char>(acronym.Length);
        foreach (var c in acronym)
        {
            if (!char.IsLetterOrDigit(c)) continue;
            var neutral = NeutralForm.Shared.Of(char.ToLowerInvariant(c).ToString());
            char cls = neutral.Length == 0 ? c : ConsonantSkeleton.ClassOf(neutral[0]);
            classes.Add(cls == '\0' ? 'a' : cls);
        }
        return new string(classes.ToArray());
    }

    /// <summary>Whether two mentions are one name with different Turkic case endings on the last word (Ресейде and Ресей, Вальдеррамда and Вальдеррамдағы).</summary>
    public static bool IsInflectionOf(EntityMention inflected, EntityMention name)
    {
        ArgumentNullException.ThrowIfNull(inflected);
        ArgumentNullException.ThrowIfNull(name);
        if (inflected.Tokens.Count != name.Tokens.Count) return false;
        for (int i = 0; i < name.Tokens.Count - 1; i++)
            if (inflected.Tokens[i].Lower != name.Tokens[i].Lower) return false;
        // Both may be inflected: Вальдеррамда and Вальдеррамдағы meet at Вальдеррам. A stem they share is a prefix of
        // both at least three letters long, so words that begin differently are told apart before any stem is made.
        string a = inflected.Head.Lower, b = name.Head.Lower;
        if (a.Length < 3 || b.Length < 3 || string.CompareOrdinal(a, 0, b, 0, 3) != 0) return false;
        var stems = Stems(name.Head.Lower);
        return Stems(inflected.Head.Lower).Any(stems.Contains) && inflected.Head.Lower != name.Head.Lower;
    }

    private static HashSet<string> Stems(string word)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal) { word };
        foreach (var ending in TurkicCaseEndings.Concat(LongTurkicEndings))
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal)) stems.Add(word[..^ending.Length]);
        return stems;
    }

    private static readonly string[] LongTurkicEndings = ["ның", "нің", "дың", "дің", "тың", "тің", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен", "ға", "ге", "ның"];

    internal static bool IsTurkic(LanguageTag language) => language.Code is "kk" or "ky" or "tt" or "ba" or "tr" or "az" or "uz";
}

/// <summary>The keys of one written word: spelling keys (<see cref="SpellingKey"/>) and sound keys (<see cref="NameWord.Sound(string)"/>), one of each per form it may stand for.</summary>
public sealed record WordKeys(IReadOnlyList<string> Spellings, IReadOnlyList<string> Sounds)
{
    /// <summary>For an acronym (ТАСС, UN), its letters by sound class: it is the same only as the same letters; null for any other word.</summary>
    public string? Letters { get; init; }
}

