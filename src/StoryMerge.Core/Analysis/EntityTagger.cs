using StoryMerge.Core.Analysis.Ru;

namespace StoryMerge.Core.Analysis;

/// <summary>Finds people, organisations and places among the capitalised words of a story.</summary>
/// <remarks>
/// Runs of capitalised words (split at acronyms, weekdays and punctuation; a country acronym after a body's name
/// stays with it, МИД РК) are the candidates, words after a French elision (qu’Akala), Arabic particles (al-Moualem)
/// and web addresses (BAQ.KZ) included; a lone word opening a sentence or a quotation is kept for merging to judge.
/// Leading role words and a capitalised title before a full name (Health Secretary Jeane Freeman) belong to the role.
/// A run is a person when it has two to four words and its last word ends like a surname, or a role word stands
/// just before it; later mentions of a known surname, or of a known given name alone, are that person. A run with
/// an organisation word, or an acronym, is an organisation, widened to the words an acronym of the story spells
/// (<see cref="AcronymExpansion"/>). Other capitalised words that stand in a locative ("в Алматы", "Алматыда") are
/// places, and so is any later mention with the same key. Thread-safe and stateless.
/// </remarks>
public sealed class EntityTagger
{
    private const int MaxPersonWords = 4;
    private const int RoleWindow = 10;

    public IReadOnlyList<EntityMention> Tag(string body, IReadOnlyList<Token> tokens, LanguageTag language)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(tokens);
        // Turkic case endings go on the last word of a noun phrase, so a run that is not a person's name is cut after
        // an inflected word: "Алматыда Қазақстан-Ресей ..." is a place and then another name. Names are tried whole
        // first, because a given name may merely look inflected (Никита, Марина).
        bool turkic = language.Code is "kk" or "ky" or "tt" or "ba" or "tr" or "az" or "uz";
        // A word that opens a quotation opens a sentence: its capital tells nothing either (Doyle said: "Me ...").
        tokens = JoinAddresses(body, tokens).Select(WithoutElision).Select(t => !t.SentenceInitial && OpensQuotation(body, t) ? t with { SentenceInitial = true } : t).ToList();
        var runs = CapitalisedRuns(body, tokens);
        var mentions = new List<EntityMention>();
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        var givenNames = new HashSet<string>(StringComparer.Ordinal);
        var placeKeys = new HashSet<string>(StringComparer.Ordinal);
        var pending = new List<(List<int> Run, bool Locative)>();
        bool strictPersons = language.Code is "de";

        var queue = new Queue<List<int>>(runs);
        while (queue.TryDequeue(out var run))
        {
            var words = run.Select(i => tokens[i]).ToList();
            // Leading role words belong to the role, not the name: "Президенты Касым-Жомарт Токаев".
            int skip = 0;
            while (skip < words.Count - 1 && EntityLexicon.IsRoleWord(words[skip].Lower)) skip++;
            // So does a capitalised title ending in a role word, before a full name: "Health Secretary Jeane Freeman",
            // "Dışişleri Bakanı Walid al-Moualem" (but "Администрации Президента РФ", "General Assembly" are names).
            int title = Enumerable.Range(skip, Math.Max(0, words.Count - skip - 2)).LastOrDefault(k => EntityLexicon.IsRoleWord(words[k].Lower) && !words[k].IsAcronym, -1);
            if (title >= 0 && words.Skip(title + 1).All(w => !w.IsAcronym && !EntityLexicon.IsOrganisationWord(w.Lower) && !EntityLexicon.IsRoleWord(w.Lower))) skip = title + 1;
            var name = words.Skip(skip).ToList();
            if (name.Count == 0) continue;

            if (name.All(t => t.IsAcronym) || name.Any(t => EntityLexicon.IsOrganisationWord(t.Lower)))
            {
                mentions.Add(new EntityMention(EntityKind.Organisation, name));
                continue;
            }
            var role = RoleBefore(body, tokens, run[skip]) ?? (skip > 0 ? string.Join(' ', words.Take(skip).Select(w => w.Surface)) : null);
            if (IsPerson(name, role, language, strictPersons))
            {
                var personal = TrimToPersonalName(name);
                // The words before the personal name are a name of their own: "Девонның Оксфорд Гров", "Президента России Дмитрий Песков".
                if (personal.Count < name.Count) queue.Enqueue(run.Skip(skip).Take(name.Count - personal.Count).ToList());
                name = personal;
                mentions.Add(new EntityMention(EntityKind.Person, name, role));
                surnames.Add(PersonKey(name[^1]));
                if (name.Count >= 2) givenNames.Add(PersonKey(name[0]));
                continue;
            }
            int cut = turkic ? name.FindIndex(t => t.Stem.Length < t.Lower.Length) : -1;
            if (cut >= 0 && cut < name.Count - 1)
            {
                queue.Enqueue(run.Skip(skip).Take(cut + 1).ToList());
                queue.Enqueue(run.Skip(skip + cut + 1).ToList());
                continue;
            }
            bool locative = IsLocative(tokens, run[skip], name[^1], language);
            pending.Add((run.Skip(skip).ToList(), locative));
            if (locative) placeKeys.Add(PlaceKey(name[^1]));
        }

        // Second pass: single surnames of known people, and places known from a locative elsewhere in the story.
        foreach (var (run, locative) in pending)
        {
            var name = run.Select(i => tokens[i]).ToList();
            // A person named again by the given name alone ("Eilidh said") is that person too.
            if (name.Count <= 2 && surnames.Contains(PersonKey(name[^1])) && !locative || name.Count == 1 && givenNames.Contains(PersonKey(name[0])) && !locative)
                mentions.Add(new EntityMention(EntityKind.Person, name));
            else if (locative || placeKeys.Contains(PlaceKey(name[^1])))
                mentions.Add(new EntityMention(EntityKind.Place, name, Locative: locative));
            else
                mentions.Add(new EntityMention(EntityKind.Other, name));   // kept for merging, which sees the name in every report
        }
        return AcronymExpansion.Expand(body, tokens, mentions).Select(m => IsQuoted(body, m) ? m with { Quoted = true } : m).OrderBy(m => m.Tokens[0].Start).ToList();
    }

    /// <summary>A quotation mark right before the name and a closing one right after it: «Лос-Анджелес Лейкерс», "Denver Post".</summary>
    private static bool IsQuoted(string body, EntityMention mention)
    {
        int start = mention.Tokens[0].Start;
        int end = mention.Head.Start + mention.Head.Surface.Length;
        return start > 0 && end < body.Length && OpeningQuotes.Contains(body[start - 1]) && ClosingQuotes.Contains(body[end]);
    }

    /// <summary>An opening quotation mark before the word: «, with the space French puts after it, or a mark written against the word after a space ("Me, “Me).</summary>
    private static bool OpensQuotation(string body, Token token)
    {
        int k = token.Start - 1;
        while (k >= 0 && char.IsWhiteSpace(body[k]) && k > 0 && body[k - 1] is '«' or '‹') k--;
        if (k < 0 || !OpeningQuotes.Contains(body[k])) return false;
        // A straight or curly mark after a word or a comma closes a quotation: said," Al-Moualem.
        return body[k] is '«' or '‹' or '„' || k == 0 || char.IsWhiteSpace(body[k - 1]) || body[k - 1] is '(' or '[';
    }

    private const string OpeningQuotes = "«„“\"‘‹";
    private const string ClosingQuotes = "»“”\"’›";

    /// <summary>A key under which the inflected forms of one surname meet: its stem in neutral form.</summary>
    internal static string PersonKey(Token surname) => ConsonantSkeleton.Of(surname.Neutral, 8);

    internal static string PlaceKey(Token head) => ConsonantSkeleton.Of(head.Neutral, 8);

    /// <summary>In Cyrillic names, words before "given name + surname" belong to the phrase before ("Президента России Дмитрий Песков"), unless the middle word is a patronymic.</summary>
    private static List<Token> TrimToPersonalName(List<Token> name)
    {
        if (name.Count <= 2 || LanguageIdentifier.ScriptOf(name[^1].Surface[0]) != Script.Cyrillic) return name;
        bool patronymic = name[^2].Lower is var middle && (middle.EndsWith("вич", StringComparison.Ordinal) || middle.EndsWith("вна", StringComparison.Ordinal)
            || middle.EndsWith("ична", StringComparison.Ordinal) || middle.EndsWith("ұлы", StringComparison.Ordinal) || middle.EndsWith("қызы", StringComparison.Ordinal));
        return name.Skip(name.Count - (patronymic ? 3 : 2)).ToList();
    }

    private static bool IsPerson(List<Token> name, string? role, LanguageTag language, bool strict)
    {
        if (name.Count is < 2 or > MaxPersonWords || name.Any(t => t.IsAcronym || t.IsNumber)) return false;
        var last = name[^1];
        if (EastSlavicLightStemmer.HasSurnameSuffix(last.Lower) || EastSlavicLightStemmer.HasSurnameSuffix(last.Stem)) return true;
        if (role is not null) return true;
        // In Latin-script languages other than German (which capitalises every noun), two or three capitalised words
        // inside a sentence are most often a name.
        return !strict && LanguageIdentifier.ScriptOf(last.Surface[0]) == Script.Latin && name.Count <= 3 && !name[0].SentenceInitial;
    }

    private static bool IsLocative(IReadOnlyList<Token> tokens, int first, Token head, LanguageTag language)
    {
        // "в Национальном центре", "на Первом форуме": an adjective in the prepositional case, not a place.
        if (LanguageIdentifier.ScriptOf(head.Surface[0]) == Script.Cyrillic && head.Lower.Length > 4
            && (head.Lower.EndsWith("ом", StringComparison.Ordinal) || head.Lower.EndsWith("ем", StringComparison.Ordinal)
                || head.Lower.EndsWith("ой", StringComparison.Ordinal) || head.Lower.EndsWith("ых", StringComparison.Ordinal) || head.Lower.EndsWith("их", StringComparison.Ordinal)))
            return false;
        if (first > 0 && tokens[first - 1].Sentence == tokens[first].Sentence && EntityLexicon.IsLocativePreposition(tokens[first - 1].Lower))
            return true;
        return language.Code is "kk" or "ky" or "tt" or "ba" or "tr" or "az" or "uz" && EntityLexicon.HasLocativeSuffix(head.Lower);
    }

    /// <summary>The role phrase written just before a name: from its first role word (with the capitalised words just before it, "Государственный советник") to the name, within the clause.</summary>
    private static string? RoleBefore(string body, IReadOnlyList<Token> tokens, int first)
    {
        int from = first;
        bool wordsBetween = false;
        for (int k = first - 1; k >= 0 && first - k <= RoleWindow; k--)
        {
            if (tokens[k].Sentence != tokens[first].Sentence || HasClauseBreak(body, tokens[k], tokens[k + 1])) break;
            // Another person's name ends the search: "Президенты Касым-Жомарт Токаев и Владимир Путин".
            if (tokens[k].IsCapitalised && EastSlavicLightStemmer.HasSurnameSuffix(tokens[k].Lower)) break;
            // So does a name with its own role, words away: "Лейкерс тренері Люк Уолтон ... матчында Джеймс" (but
            // "Тренер «Лейкерс» Люк Уолтон" is one role and its name).
            if (wordsBetween && tokens[k].IsCapitalised && k > 0 && !tokens[k - 1].IsCapitalised && EntityLexicon.IsRoleWord(tokens[k - 1].Lower)) break;
            if (!tokens[k].IsCapitalised && !EntityLexicon.IsRoleWord(tokens[k].Lower)) wordsBetween = true;
            from = k;
        }
        for (int k = from; k < first; k++)
        {
            if (!EntityLexicon.IsRoleWord(tokens[k].Lower)) continue;
            int start = k;
            while (start > from && tokens[start - 1].IsCapitalised && !tokens[start - 1].IsAcronym) start--;
            int end = tokens[first - 1].Start + tokens[first - 1].Surface.Length;
            return body[tokens[start].Start..end];
        }
        return null;
    }

    private static List<List<int>> CapitalisedRuns(string body, IReadOnlyList<Token> tokens)
    {
        var runs = new List<List<int>>();
        List<int>? current = null;
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            // A day of the week is a date that English and German capitalise: "in Massachusetts Saturday" names one place.
            bool capital = (t.IsCapitalised || IsParticleName(t)) && !t.IsNumber && !t.IsStopWord && !NumberLexicon.IsWeekday(t.Lower);
            bool joins = current is not null && tokens[current[^1]].Sentence == t.Sentence
                && !HasClauseBreak(body, tokens[current[^1]], t) && !HasApostropheSuffix(tokens[current[^1]].Surface)
                && (!t.IsAcronym && !tokens[current[^1]].IsAcronym || OwnedAcronym(tokens[current[^1]], t));
            if (capital && joins) { current!.Add(i); continue; }
            if (current is not null) runs.Add(current);
            current = capital ? [i] : null;
        }
        if (current is not null) runs.Add(current);
        // A lone capitalised word at the start of a sentence is kept too: its capital tells nothing, but merging keeps it
        // when other reports write it as a name (Bristol çıkışlı The High Breed).
        return runs;
    }

    /// <summary>A two-letter acronym after a body's name or another acronym belongs to it: the country the body is of (МИД РК, Администрации Президента РФ).</summary>
    private static bool OwnedAcronym(Token previous, Token acronym) =>
        acronym.IsAcronym && acronym.Surface.Count(char.IsLetter) <= 2
        && (previous.IsAcronym || EntityLexicon.IsOrganisationWord(previous.Lower) || EntityLexicon.IsRoleWord(previous.Lower));

    /// <summary>Words joined by a dot with no space are one name, a web address: BAQ.KZ, Tengrinews.kz.</summary>
    private static List<Token> JoinAddresses(string body, IReadOnlyList<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        foreach (var t in tokens)
        {
            if (result.Count > 0 && result[^1] is var left && left.Sentence == t.Sentence && left.Start + left.Surface.Length + 1 == t.Start
                && body[t.Start - 1] == '.' && left.IsCapitalised && t.Surface.Length is >= 2 and <= 4 && t.Surface.All(char.IsLetter))
            {
                var surface = left.Surface + "." + t.Surface;
                result[^1] = left with { Surface = surface, Lower = surface.ToLowerInvariant(), Stem = surface.ToLowerInvariant() };
                continue;
            }
            result.Add(t);
        }
        return result;
    }

    // French and Italian write an article, a preposition or a conjunction into the next word: l’ONU, d’Akala, qu’Akala, dell’Europa.
    private static readonly string[] Elisions = ["l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "dell", "nell", "all", "sull", "dall"];

    /// <summary>The name in a word that begins with an elided word (qu’Akala → Akala), else the word itself.</summary>
    private static Token WithoutElision(Token token)
    {
        int apostrophe = token.Surface.IndexOfAny(['\'', '’']);
        if (apostrophe < 1 || apostrophe > 6 || apostrophe + 2 > token.Surface.Length || !char.IsUpper(token.Surface[apostrophe + 1])) return token;
        if (!Elisions.Contains(token.Lower[..apostrophe])) return token;
        var name = token.Surface[(apostrophe + 1)..];
        var lower = token.Lower[(apostrophe + 1)..];
        return new Token(name, token.Start + apostrophe + 1, token.Sentence, SentenceInitial: false) { Lower = lower, Stem = lower, Neutral = NeutralForm.Shared.Of(lower), NeutralSurface = NeutralForm.Shared.Of(lower) };
    }

    // Arabic names join an article or "son of" to the next name with a hyphen, in lower case: al-Moualem, аль-Муалем, bin-Salman.
    private static readonly string[] NameParticles = ["al", "el", "ad", "an", "ar", "as", "at", "az", "ash", "ibn", "bin", "abu", "аль", "эль", "ад", "ар", "ас", "ибн", "бин", "абу"];

    private static bool IsParticleName(Token token)
    {
        int hyphen = token.Surface.IndexOf('-');
        return hyphen > 0 && hyphen + 1 < token.Surface.Length && char.IsUpper(token.Surface[hyphen + 1]) && NameParticles.Contains(token.Surface[..hyphen]);
    }

    /// <summary>A case or possessive suffix after an apostrophe ends a name: "Devon'daki Oxford Grove", "James'e Lakers'ın", "Gerrard's men".</summary>
    private static bool HasApostropheSuffix(string surface)
    {
        int apostrophe = surface.LastIndexOfAny(['\'', '’']);
        return apostrophe >= 2 && apostrophe < surface.Length - 1 && surface.AsSpan(apostrophe + 1).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzçğıöşüâîû") < 0;
    }

    private static bool HasClauseBreak(string body, Token left, Token right)
    {
        int from = left.Start + left.Surface.Length;
        for (int i = from; i < right.Start && i < body.Length; i++)
            if (!char.IsWhiteSpace(body[i])) return true;
        return false;
    }
}
