using StoryMerge.Core.Analysis;
using StoryMerge.Core.Merging.Forms;

namespace StoryMerge.Core.Merging.Conflicts;

/// <summary>One report's spellings of one word of a name (the surname, the given name): its keys and its script.</summary>
internal sealed record ReportSpelling(StoryId Report, Script Script, IReadOnlyList<WordKeys> Keys);

/// <summary>Tells a real disagreement between reports about a name from inflection and transliteration.</summary>
/// <remarks>
/// Two reports disagree about a word of a name when no spelling of one is a spelling of the other (inflection and
/// Turkish suffixes are gone from the keys, so Trudell'in = Trudell and Дилге = Дил), and:
/// <list type="bullet">
/// <item>they write it in one script (after folding the letters only some alphabets have, Қарин = Карин) and the keys
/// differ: Омаров and Умаров, Петров and Петраков. Unless a report in another script writes the name both are close
/// to: then both transliterate that original (Трюделл and Траделл of Trudell);</item>
/// <item>or they write it in two scripts and their sounds do not agree (Walton and Уилсон; Walton and Уолтон agree).</item>
/// </list>
/// A report that writes both spellings does not disagree with itself. Stateless and thread-safe.
/// </remarks>
internal static class NameConflict
{
    private const int NearOriginal = 75;

    public static bool Disagree(IReadOnlyList<ReportSpelling> spellings)
    {
        ArgumentNullException.ThrowIfNull(spellings);
        for (int i = 0; i < spellings.Count; i++)
            for (int j = i + 1; j < spellings.Count; j++)
            {
                var a = spellings[i];
                var b = spellings[j];
                if (a.Report == b.Report || Shares(a, b)) continue;
                if (a.Script == b.Script ? !ExplainedByOriginal(a, b, spellings) : !SoundAlike(a, b)) return true;
            }
        return false;
    }

    private static bool Shares(ReportSpelling a, ReportSpelling b) =>
        a.Keys.Any(x => b.Keys.Any(y => x.Spellings.Intersect(y.Spellings, StringComparer.Ordinal).Any()));

    private static bool SoundAlike(ReportSpelling a, ReportSpelling b) => a.Keys.Any(x => b.Keys.Any(y => NameWord.SoundAlike(x, y)));

    private static bool ExplainedByOriginal(ReportSpelling a, ReportSpelling b, IReadOnlyList<ReportSpelling> all) =>
        all.Any(o => o.Script != a.Script && o.Keys.Any(k => Near(a, k) && Near(b, k)));

    private static bool Near(ReportSpelling s, WordKeys original) =>
        s.Keys.Any(k => NameWord.Likeness(k, original) >= NearOriginal || NameWord.SoundAlike(k, original));
}
