using StoryMerge.Core.Analysis;

namespace StoryMerge.Core.Retrieval;

/// <summary>Learns cross-language word correspondences from reports that are translations of one another, line by line.</summary>
/// <remarks>
/// For every event that has a report in the pivot language (the language with the most reports) and another report
/// with the same number of lines, lines are paired in order and the content-word stems of each pair are counted
/// together. A word maps to the pivot word it co-occurs with most (Dice coefficient at least <see cref="MinDice"/>,
/// together in at least <see cref="MinTogether"/> line pairs of at least <see cref="MinEvents"/> different events). The
/// pivot word is then the word's "concept": reports in different languages that use words of one concept share a key.
/// The event minimum keeps the lexicon to general news vocabulary: a word met in one story only would make that
/// story's reports look closer to each other than any unseen story's reports ever can. Stateless.
/// </remarks>
public sealed class LexiconLearner
{
    public const double MinDice = 0.4;
    public const int MinTogether = 2;
    public const int MinEvents = 3;
    private const int MinStemLength = 3;

    /// <summary>Learns the lexicon from analysed stories and their gold event labels.</summary>
    public Lexicon Learn(IReadOnlyList<AnalyzedStory> stories, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentNullException.ThrowIfNull(labels);
        if (stories.Count != labels.Count) throw new ArgumentException("One label per story is needed.", nameof(labels));
        if (stories.Count == 0) return Lexicon.Empty;
        var pivot = stories.GroupBy(s => s.Language).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Code, StringComparer.Ordinal).First().Key;

        var together = new Dictionary<(string Lang, string Word, string Pivot), int>();
        var wordCount = new Dictionary<(string Lang, string Word), int>();
        var pivotCount = new Dictionary<(string Lang, string Pivot), int>();
        var events = new Dictionary<(string Lang, string Word, string Pivot), HashSet<string>>();
        foreach (var group in stories.Select((s, i) => (Story: s, Label: labels[i])).GroupBy(x => x.Label))
        {
            var eventWords = new HashSet<(string, string, string)>();
            var pivotStory = group.FirstOrDefault(x => x.Story.Language == pivot).Story;
            if (pivotStory is null) continue;
            var pivotLines = ContentWordsByLine(pivotStory);
            foreach (var (story, _) in group)
            {
                if (story.Language == pivot) continue;
                var lines = ContentWordsByLine(story);
                if (lines.Count != pivotLines.Count) continue;   // not line-aligned: a different rendering, not a translation
                var lang = story.Language.Code;
                for (int i = 0; i < lines.Count; i++)
                {
                    foreach (var w in lines[i]) wordCount[(lang, w)] = wordCount.GetValueOrDefault((lang, w)) + 1;
                    foreach (var p in pivotLines[i]) pivotCount[(lang, p)] = pivotCount.GetValueOrDefault((lang, p)) + 1;
                    foreach (var w in lines[i])
                        foreach (var p in pivotLines[i])
                        {
                            together[(lang, w, p)] = together.GetValueOrDefault((lang, w, p)) + 1;
                            eventWords.Add((lang, w, p));
                        }
                }
            }
            foreach (var key in eventWords)
            {
                if (!events.TryGetValue(key, out var set)) events[key] = set = [];
                set.Add(group.Key);
            }
        }

        var best = new Dictionary<(string Lang, string Word), (string Pivot, double Dice)>();
        foreach (var ((lang, word, p), n) in together)
        {
            if (n < MinTogether || events[(lang, word, p)].Count < MinEvents) continue;
            double dice = 2.0 * n / (wordCount[(lang, word)] + pivotCount[(lang, p)]);
            if (dice < MinDice) continue;
            if (!best.TryGetValue((lang, word), out var current) || dice > current.Dice || (dice == current.Dice && string.CompareOrdinal(p, current.Pivot) < 0))
                best[(lang, word)] = (p, dice);
        }
        var map = best.GroupBy(kv => kv.Key.Lang)
            .ToDictionary(g => g.Key, g => g.ToDictionary(kv => kv.Key.Word, kv => kv.Value.Pivot, StringComparer.Ordinal), StringComparer.Ordinal);
        map[pivot.Code] = best.Values.Select(v => v.Pivot).Distinct().ToDictionary(p => p, p => p, StringComparer.Ordinal);
        return new Lexicon { Pivot = pivot.Code, Words = map };
    }

    private static List<HashSet<string>> ContentWordsByLine(AnalyzedStory story)
    {
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < story.Body.Length; i++) if (story.Body[i] == '\n') lineStarts.Add(i + 1);
        var lines = lineStarts.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToList();
        foreach (var t in story.Tokens)
        {
            if (t.IsStopWord || t.IsNumber || t.Neutral.Length < MinStemLength) continue;
            int line = lineStarts.BinarySearch(t.Start);
            if (line < 0) line = ~line - 1;
            lines[line].Add(t.Neutral);
        }
        return lines;
    }
}

/// <summary>Learned word correspondences: per language, neutral stem → concept (a pivot-language stem).</summary>
/// <remarks>Immutable after loading. A language the lexicon does not cover simply has no concept keys.</remarks>
public sealed class Lexicon
{
    public string? Pivot { get; init; }

    public Dictionary<string, Dictionary<string, string>> Words { get; init; } = new(StringComparer.Ordinal);

    public static Lexicon Empty { get; } = new();

    public string? ConceptOf(LanguageTag language, string neutralStem) =>
        Words.TryGetValue(language.Code, out var words) && words.TryGetValue(neutralStem, out var concept) ? concept : null;

    public int Count => Words.Values.Sum(w => w.Count);
}
