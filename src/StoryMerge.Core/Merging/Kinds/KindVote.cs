using StoryMerge.Core.Analysis;
using StoryMerge.Core.Analysis.Ru;

namespace StoryMerge.Core.Merging.Kinds;

/// <summary>Decides what a reconciled name names from the company it keeps in every report: person, organisation, place or other.</summary>
/// <remarks>
/// Each mention gives evidence, and the evidence of all reports is added up, so the same name's kind in other reports
/// counts: a role or title before it, or a Slavic/Turkic surname ending, for a person; an organisation word or an
/// acronym for an organisation; a preposition or case ending of place, or a place word (street, county), for a place; a
/// word of events, trophies and works (cup, games, forum) for other. A capitalised pair of Latin words with nothing
/// else is only a weak sign of a person, and an English article before the name ("the Boston Globe") speaks against
/// one. The kind with the most evidence wins when it has enough and no other kind ties with it; otherwise the name is
/// other, which is better than a wrong kind. Stateless and thread-safe.
/// </remarks>
public static class KindVote
{
    private const double Enough = 1.0;

    /// <summary>The kind of the name whose mentions (each with its report) are given.</summary>
    public static FactKind Of(IEnumerable<(AnalyzedStory Story, EntityMention Mention)> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        double person = 0, organisation = 0, place = 0, other = 0;
        foreach (var (story, m) in mentions)
        {
            var (before, after) = Neighbours(story, m);
            bool article = before is { } b && b.Lower is "the" && b.Sentence == m.Sentence;
            bool anyOther = m.Tokens.Any(t => KindWords.IsOtherWord(t.Lower)) || after is { } a0 && KindWords.IsOtherWord(a0.Lower);
            bool anyPlace = m.Tokens.Any(t => KindWords.IsPlaceWord(t.Lower))
                || after is { IsCapitalised: false } a1 && KindWords.IsPlaceWord(a1.Lower)
                || before is { IsCapitalised: false } b1 && b1.Sentence == m.Sentence && KindWords.IsPlaceWord(b1.Lower);
            bool anyOrganisation = m.Tokens.Any(t => EntityLexicon.IsOrganisationWord(t.Lower)) || m.Tokens.Count == 1 && m.Tokens[0].IsAcronym;
            if (anyOther) other += 2;
            if (anyPlace) place += 2;
            if (anyOrganisation) organisation += 2;
            if (article) organisation += 1;
            if (IsLocative(story, m)) place += 1.5;
            else if (m.Kind == EntityKind.Place) place += 0.5;
            if (m.Kind == EntityKind.Person && !article && !anyOther && !anyPlace)
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
    internal static bool IsLocative(AnalyzedStory story, EntityMention m)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(m);
        if (m.Locative) return true;
        var (before, _) = Neighbours(story, m);
        if (before is { } b && b.Sentence == m.Sentence && EntityLexicon.IsLocativePreposition(b.Lower)) return true;
        return Forms.NameWord.IsTurkic(story.Language) && EntityLexicon.HasLocativeSuffix(m.Head.Lower);
    }

    private static (Token? Before, Token? After) Neighbours(AnalyzedStory story, EntityMention m)
    {
        var tokens = story.Tokens;
        int first = BinarySearch(tokens, m.Tokens[0].Start);
        if (first < 0) return (null, null);
        int last = first + m.Tokens.Count - 1;
        return (first > 0 ? tokens[first - 1] : null, last + 1 < tokens.Count && tokens[last + 1].Sentence == m.Sentence ? tokens[last + 1] : null);
    }

    private static int BinarySearch(IReadOnlyList<Token> tokens, int start)
    {
        int lo = 0, hi = tokens.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (tokens[mid].Start == start) return mid;
            if (tokens[mid].Start < start) lo = mid + 1; else hi = mid - 1;
        }
        return -1;
    }
}
