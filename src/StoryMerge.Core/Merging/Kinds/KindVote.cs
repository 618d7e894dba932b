using StoryMerge.Core.Analysis;
using StoryMerge.Core.Analysis.Ru;

namespace StoryMerge.Core.Merging.Kinds;

/// <summary>Decides what a reconciled name names from the company it keeps in every report: person, organisation, place or other.</summary>
/// <remarks>
/// Each mention gives evidence, and the evidence of all reports is added up, so the same name's kind in other reports
/// counts: a role or title before it, or a Slavic/Turkic surname ending, for a person; an organisation word or an
/// acronym for an organisation; a preposition or case ending of place, or a place word (street, county), for a place; a
/// word of events, trophies and works (cup, games, forum) for other. A capitalised pair of Latin words with nothing
/// else is only a weak sign of a person (a full name later written as its last word alone is a better one), and an English article before the name ("the Boston Globe") speaks against
/// one. The kind with the most evidence wins when it has enough and no other kind ties with it; otherwise the name is
/// other, which is better than a wrong kind. Stateless and thread-safe.
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
            // People take no article: "the Boston Globe", "The Fugees" (inside the name when the report's own language has no "the").
            bool article = before is { } b && b.Lower is "the" && b.Sentence == m.Sentence || m.Tokens.Count > 1 && m.Tokens[0].Lower is "the";
            bool anyOther = m.Tokens.Any(t => KindWords.IsOtherWord(t.Lower)) || after is { } a0 && KindWords.IsOtherWord(a0.Lower);
            bool anyPlace = m.Tokens.Any(t => KindWords.IsPlaceWord(t.Lower))
                || after is { IsCapitalised: false } a1 && KindWords.IsPlaceWord(a1.Lower)
                || before is { IsCapitalised: false } b1 && b1.Sentence == m.Sentence && KindWords.IsPlaceWord(b1.Lower);
            bool anyOrganisation = m.Tokens.Any(t => EntityLexicon.IsOrganisationWord(t.Lower));
            if (anyOther) other += 2;
            if (anyPlace) place += 2;
            if (anyOrganisation) organisation += 2;
            else if (m.Tokens.Count == 1 && m.Tokens[0].IsAcronym) organisation += 1;   // countries are acronyms too (США, UK)
            if (article) organisation += 1;
            // "агентства ТАСС", "газеты «Литер»": the kind of body named just before.
            if (before is { IsCapitalised: false } ob && ob.Sentence == m.Sentence && EntityLexicon.IsOrganisationWord(ob.Lower)) organisation += 1.5;
            if (IsLocative(story, m)) place += 1.5;
            else if (before is { } b2 && b2.Sentence == m.Sentence && DirectionalPrepositions.Contains(b2.Lower)) place += 0.5;
            else if (m.Kind == EntityKind.Place) place += 0.5;
            // A title or role right before the name, or as its first word: Ms Freeman, Prof Berzofsky, Доктор Форд.
            bool titled = before is { } t && t.Sentence == m.Sentence && EntityLexicon.IsRoleWord(t.Lower.TrimEnd('.'))
                || m.Tokens.Count > 1 && EntityLexicon.IsRoleWord(m.Tokens[0].Lower.TrimEnd('.'));
            if (titled && !anyOrganisation && !anyPlace) person += 2;
            else if (m.Kind == EntityKind.Person && !article && !anyOther && !anyPlace)
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
