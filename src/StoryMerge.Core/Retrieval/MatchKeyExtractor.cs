using System.Globalization;
using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Retrieval;

/// <summary>Derives a story's match keys from its analysed tokens and figures.</summary>
/// <remarks>
/// Names are the capitalised words inside sentences (a capital at a sentence start counts only when the same word is
/// capitalised elsewhere) and acronyms. Both the stem and the whole word give a key, so a case ending that the light
/// stemmer misses or wrongly takes still leaves one key in common. Thread-safe.
/// </remarks>
public sealed class MatchKeyExtractor(Lexicon lexicon)
{
    private const int MinContentLength = 4;

    public MatchKeys Extract(IReadOnlyList<Token> tokens, IReadOnlyList<Figure> figures, LanguageTag language)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(figures);
        var capitalisedInside = tokens.Where(t => t.IsCapitalised && !t.SentenceInitial).Select(t => t.Neutral).ToHashSet(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        var words = new HashSet<string>(StringComparer.Ordinal);
        var concepts = new HashSet<string>(StringComparer.Ordinal);

        foreach (var t in tokens)
        {
            if (t.IsNumber)
            {
                if (t.Surface.Length == 4 && int.TryParse(t.Surface, out var year) && year is >= 1800 and <= 2100)
                    numbers.Add("#" + year.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            if (t.IsStopWord || t.Neutral.Length == 0) continue;
            // Without capitals every content word may be a name; rarity weighting keeps the common ones from counting.
            bool name = t.IsAcronym || (t.IsCapitalised && (!t.SentenceInitial || capitalisedInside.Contains(t.Neutral))) || (t.IsCaseless && t.Neutral.Length >= 3);
            if (name)
            {
                AddSkeleton(names, "n:", t.Neutral);
                AddSkeleton(names, "n:", t.NeutralSurface);
            }
            if (t.Neutral.Length >= MinContentLength)
                AddSkeleton(words, "w:", t.Neutral);
            if (lexicon.ConceptOf(language, t.Neutral) is { } concept)
                concepts.Add("c:" + concept);
        }
        foreach (var f in figures)
        {
            numbers.Add(Quantity.ValueKey(f));
            if (f.UpperValue is { } upper) numbers.Add("#" + upper.ToString("0.##", CultureInfo.InvariantCulture));
        }
        return new MatchKeys(names, numbers, words, concepts);
    }

    private static void AddSkeleton(HashSet<string> keys, string prefix, string neutral)
    {
        var skeleton = ConsonantSkeleton.Of(neutral);
        if (skeleton.Length >= 2) keys.Add(prefix + skeleton);
    }
}
