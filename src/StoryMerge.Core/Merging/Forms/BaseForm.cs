using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Merging.Forms;

/// <summary>The dictionary (nominative) form of a name as one report writes it, in the report's own script: Вальдерраме → Вальдеррама, Трампа → Трамп, Тулсадағы → Тулса, San Diego'da → San Diego.</summary>
/// <remarks>
/// Each word's candidates are the forms the report itself writes and the forms an ending rule gives (Russian case
/// endings replaced by the nominative ones, Turkic case endings and Turkish apostrophe suffixes removed). The candidate
/// chosen is the one closest to how the other reports write the name (a Latin "Valderrama" picks Вальдеррама, not
/// Вальдеррам); when no other report names it, the shortest form the report writes. Stateless and thread-safe.
/// </remarks>
public static class BaseForm
{
    private const int SupportingLikeness = 60;
    private const int DerivedLikeness = 85;

    // Case ending → the nominative ending it may stand for (masculine consonant stems, -а/-я and -ия nouns).
    private static readonly (string Ending, string Nominative)[] EastSlavicRules =
    [
        ("ии", "ия"), ("ию", "ия"), ("ией", "ия"),
        ("ой", "а"), ("ы", "а"), ("е", "а"), ("у", "а"), ("и", "а"),
        ("ей", "я"), ("и", "я"), ("е", "я"), ("ю", "я"),
        ("ом", ""), ("ем", ""), ("ым", ""), ("а", ""), ("у", ""), ("е", ""), ("я", "й"), ("ю", "й"), ("и", "й"), ("ем", "й"),
    ];

    private static readonly string[] TurkicEndings =
        ["дағы", "дегі", "тағы", "тегі", "ның", "нің", "дың", "дің", "тың", "тің", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "бен", "пен",
         "нда", "нде", "ға", "ге", "қа", "ке", "ты", "ті", "ды", "ді", "ны", "ні", "да", "де", "та", "те", "ың", "ің"];

    /// <summary>The base form of <paramref name="best"/> (the report's fullest mention), given the report's other mentions of the name and the words other reports write it with.</summary>
    public static string Of(EntityMention best, IReadOnlyList<EntityMention> sameReport, LanguageTag language, IReadOnlyCollection<string> otherWords)
    {
        ArgumentNullException.ThrowIfNull(best);
        ArgumentNullException.ThrowIfNull(sameReport);
        ArgumentNullException.ThrowIfNull(otherWords);
        var others = otherWords.Select(w => NeutralForm.Shared.Of(NameForm.WithoutApostropheSuffix(w.ToLowerInvariant()))).Where(w => w.Length > 0).Distinct().ToList();
        var words = new List<string>(best.Tokens.Count);
        for (int i = 0; i < best.Tokens.Count; i++)
        {
            var token = best.Tokens[i];
            int fromEnd = best.Tokens.Count - 1 - i;
            // The same word as the report writes it elsewhere, aligned from the end (the surname, the head).
            var attested = sameReport.Where(m => m.Tokens.Count > fromEnd).Select(m => m.Tokens[m.Tokens.Count - 1 - fromEnd])
                .Append(token).Select(t => NameForm.WithoutApostropheSuffix(NameForm.WithoutCaseSuffix(t))).Distinct().ToList();
            words.Add(Choose(attested, language, others));
        }
        return string.Join(' ', words);
    }

    private static string Choose(IReadOnlyList<string> attested, LanguageTag language, IReadOnlyList<string> others)
    {
        if (others.Count == 0) return Unsupported(attested, language);
        var candidates = attested.Select(a => (Form: a, Attested: true))
            .Concat(attested.SelectMany(a => Derived(a, language)).Where(d => d.Length >= 3).Select(d => (Form: d, Attested: false))).ToList();
        var scored = candidates.Select(c => (c.Form, c.Attested, Likeness: others.Max(o => FuzzySharp.Fuzz.Ratio(NeutralForm.Shared.Of(c.Form.ToLowerInvariant()), o)))).ToList();
        // Other reports that write the name another way (Ресей, Россия) say nothing about its endings here.
        if (scored.Max(c => c.Likeness) < SupportingLikeness) return Unsupported(attested, language);
        var best = scored.OrderByDescending(c => c.Likeness).ThenByDescending(c => c.Attested).ThenBy(c => c.Form.Length).ThenBy(c => c.Form, StringComparer.Ordinal).First();
        // A form the report never writes needs a close match to stand (Вальдеррама of Valderrama).
        return best.Attested || best.Likeness >= DerivedLikeness ? best.Form : Unsupported(attested, language);
    }

    /// <summary>With nothing to compare with: the shortest form the report writes, and a Russian -ии read as the -ия noun it always is (России → Россия).</summary>
    private static string Unsupported(IReadOnlyList<string> attested, LanguageTag language)
    {
        var shortest = attested.OrderBy(a => a.Length).ThenBy(a => a, StringComparer.Ordinal).First();
        return !NameWord.IsTurkic(language) && shortest.Length > 4 && shortest.EndsWith("ии", StringComparison.Ordinal) ? shortest[..^2] + "ия" : shortest;
    }

    /// <summary>Forms a word may have in the nominative, by the ending rules of its script and language.</summary>
    private static IEnumerable<string> Derived(string word, LanguageTag language)
    {
        if (word.Length < 4 || LanguageIdentifier.ScriptOf(word[0]) != Script.Cyrillic || word.All(c => !char.IsLetter(c) || char.IsUpper(c))) yield break;
        var lower = word.ToLowerInvariant();
        if (NameWord.IsTurkic(language))
        {
            foreach (var ending in TurkicEndings)
                if (lower.Length - ending.Length >= 3 && lower.EndsWith(ending, StringComparison.Ordinal)) yield return word[..^ending.Length];
            yield break;
        }
        foreach (var (ending, nominative) in EastSlavicRules)
            if (lower.Length - ending.Length >= 3 && lower.EndsWith(ending, StringComparison.Ordinal)) yield return word[..^ending.Length] + nominative;
    }
}
