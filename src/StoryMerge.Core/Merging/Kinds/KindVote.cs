using StoryMerge.Core.Analysis;
using StoryMerge.Core.Analysis.Ru;

namespace StoryMerge.Core.Merging.Kinds;

/// <summary>Decides what a reconciled name names from the company it keeps in every report: person, organisation, place or other.</summary>
/// <remarks>
/// Each mention gives evidence, and the evidence of all reports is added up, so the same name's kind in other reports
/// counts: a role or title before it, a word of kin beside it (Bond's daughter, Дочь Бонда), or a Slavic/Turkic surname
/// ending, for a person; an organisation word or an
/// acronym for an organisation; a preposition or case ending of place, a place word (street, county) or a compass word
/// beside it (east Belfast, на востоке Белфаста), for a place; a word of events, trophies and works (cup, games, forum)
/// for other. A capitalised pair of Latin words with nothing else is only a weak sign of a person (a full name later
/// written as its last word alone is a better one). A mention gives no sign of a person when an article stands before
/// it (the Boston Globe, los Lakers, des Nuggets), when a Cyrillic report leaves it in Latin letters (people's names are
/// transliterated, brands and bands are not) or when it stands in quotation marks («Лейкерс»: a body, a team or a work).
/// The kind with the most evidence wins when it has enough and no other kind ties with it; otherwise the name is other,
/// which is better than a wrong kind. Stateless and thread-safe.
/// </remarks>
public static class KindVote
{
    private const double Enough = 1.0;

    /// <summary>The kind of the name whose mentions (each with its report) are given.</summary>
    /// <param name="mentions">Every mention of the name, with its report.</param>
    /// <param name="shortReferences">In how many reports a full name is later referred to by its last word alone (Jeane Freeman … Freeman), as people are.</param>
    public static FactKind Of(IEnumerable<(MergeFeatures Story, EntityMention Mention)> mentions, int shortReferences = 0)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        double person = shortReferences, organisation = 0, place = 0, other = 0;
        foreach (var (story, m) in mentions)
        {
            var (before, after) = story.Neighbours(m);
            // People take no article: "the Boston Globe", "los Lakers", "des Nuggets", "The Fugees" (inside the name when
            // the report's own language has no "the").
            bool articleInName = m.Tokens.Count > 1 && m.Tokens[0].Lower is "the";
            bool article = before is { } b && Articles.Contains(b.Lower) && b.Sentence == m.Sentence || articleInName;
            // A name a Cyrillic report leaves in Latin letters is a brand, a band or a title: people's names are transliterated.
            bool untransliterated = LanguageScripts.ScriptOf(story.Language) == nameof(Script.Cyrillic) && LanguageIdentifier.ScriptOf(m.Head.Surface[0]) == Script.Latin;
            bool anyOther = m.Tokens.Any(t => KindWords.IsOtherWord(t.Lower)) || after is { } a0 && KindWords.IsOtherWord(a0.Lower);
            bool anyPlace = m.Tokens.Any(t => KindWords.IsPlaceWord(t.Lower))
                || after is { IsCapitalised: false } a1 && (KindWords.IsPlaceWord(a1.Lower) || KindWords.IsCompassWord(a1.Lower))
                || before is { IsCapitalised: false } b1 && b1.Sentence == m.Sentence && (KindWords.IsPlaceWord(b1.Lower) || KindWords.IsCompassWord(b1.Lower));
            bool anyOrganisation = m.Tokens.Any(t => EntityLexicon.IsOrganisationWord(t.Lower));
            if (anyOther) other += 2;
            if (anyPlace) place += 2;
            if (anyOrganisation) organisation += 2;
            else if (m.Tokens.All(t => t.IsAcronym)) organisation += 1;   // countries are acronyms too (США, UK)
            // An article says "not a person", and weakly a body (the Lakers, los Lakers; but the UK, la Syrie are places);
            // one that is part of the name says a body or a title.
            if (articleInName) organisation += 1;
            else if (article) organisation += 0.5;
            // "агентства ТАСС", "газеты «Литер»": the kind of body named just before.
            if (before is { IsCapitalised: false } ob && ob.Sentence == m.Sentence && EntityLexicon.IsOrganisationWord(ob.Lower)) organisation += 1.5;
            if (m.Quoted) { organisation += 1; continue; }
            if (IsLocative(story, m)) place += 1.5;
            else if (before is { } b2 && b2.Sentence == m.Sentence && DirectionalPrepositions.Contains(b2.Lower)) place += 0.5;
            else if (m.Kind == EntityKind.Place) place += 0.5;
            // A title or role right before the name, or as its first word: Ms Freeman, Prof Berzofsky, Доктор Форд.
            bool titled = before is { } t && t.Sentence == m.Sentence && EntityLexicon.IsRoleWord(t.Lower.TrimEnd('.'))
                || m.Tokens.Count > 1 && (EntityLexicon.IsRoleWord(m.Tokens[0].Lower.TrimEnd('.')) || KindWords.IsKinWord(m.Tokens[0].Lower))
                || before is { } k && k.Sentence == m.Sentence && KindWords.IsKinWord(k.Lower) || after is { IsCapitalised: false } ka && KindWords.IsKinWord(ka.Lower);
            if (article || untransliterated) continue;
            if (titled && !anyOrganisation && !anyPlace) person += 2;
            else if (m.Kind == EntityKind.Person && !anyOther && !anyPlace)
            {
                if (m.Role is not null) person += 3;
                else if (m.Tokens.Count >= 2 && SurnameEnding(m.Head)) person += 2;
                else person += 0.5;
            }
        }
        var ranked = new[] { (FactKind.Person, person), (FactKind.Organisation, organisation), (FactKind.Place, place), (FactKind.Other, other) }
            .OrderByDescending(x => x.Item2).ToList();
        if (ranked[0].Item2 < Enough || ranked[0].Item2 == ranked[1].Item2) return FactKind.Other;
        return ranked[0].Item1;
    }

    private static bool SurnameEnding(Token head) =>
        LanguageIdentifier.ScriptOf(head.Surface[0]) == Script.Cyrillic
        && (EastSlavicLightStemmer.HasSurnameSuffix(head.Lower) || EastSlavicLightStemmer.HasSurnameSuffix(NameForm.Of(head)));

    /// <summary>"в Алматы", "in San Diego", "Алматыда", "San Diego'da": the name stands where something happens.</summary>
    // Where something is: strong evidence of a place. Where something goes or comes from ("to", "a", "из") also takes
    // people ("told to Trump"), so it is weak evidence.
    private static readonly HashSet<string> LocativePrepositions = new(StringComparer.Ordinal) { "in", "at", "near", "в", "во", "ў", "en", "im", "dans" };

    // Definite articles and the prepositions they fuse with (des = de les, del = de el), in the languages that write them.
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal)
    {
        "the", "le", "la", "les", "l'", "l’", "des", "du", "au", "aux", "el", "los", "las", "del", "al", "der", "die", "das", "den", "dem", "il", "lo", "gli", "della",
    };

    private static readonly HashSet<string> DirectionalPrepositions = new(StringComparer.Ordinal) { "to", "from", "a", "à", "из", "на", "у", "з", "із", "nach", "aus" };

    internal static bool IsLocative(MergeFeatures story, EntityMention m)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(m);
        var (before, _) = story.Neighbours(m);
        if (before is { } b && b.Sentence == m.Sentence && LocativePrepositions.Contains(b.Lower)) return true;
        return Forms.NameWord.IsTurkic(story.Language) && EntityLexicon.HasLocativeSuffix(m.Head.Lower);
    }
}
