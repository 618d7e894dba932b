using StoryMerge.Core.Retrieval;

namespace StoryMerge.Core.Scoring;

/// <summary>Which pair signals a language's stories carry at all, measured on its stories rather than assumed.</summary>
/// <remarks>
/// A script without capital letters (Arabic, Hebrew, Georgian, Devanagari, Chinese…) gives no name keys, and a language
/// the lexicon does not know gives no concept keys. For such a language the signal is missing, not evidence against
/// a match: the pair scorer then leaves it out and scales the other weights up to the full sum, so the threshold keeps
/// its meaning for languages nobody tuned for. A family counts as carried when at least <see cref="MinShare"/> of the
/// language's stories hold a key of it; a language of which nothing was seen carries every signal.
/// </remarks>
public sealed class SignalCoverage
{
    /// <summary>Share of a language's stories that must hold keys of a family for its signal to count.</summary>
    public const double MinShare = 0.25;

    /// <summary>The families whose signals can be missing for a whole language (the vector and content words never are).</summary>
    private static readonly (KeyFamily Family, int Signal)[] Optional = [(KeyFamily.Name, 1), (KeyFamily.Number, 2), (KeyFamily.Concept, 4)];

    private readonly Dictionary<LanguageTag, bool[]> _carried = [];

    /// <summary>The coverage measured on these stories, language by language.</summary>
    public static SignalCoverage Of(IEnumerable<MatchFeatures> stories)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var coverage = new SignalCoverage();
        foreach (var language in stories.GroupBy(s => s.Language)) coverage.Measure(language.Key, language.ToList());
        return coverage;
    }

    /// <summary>Measures (again) one language's coverage on a sample of its stories.</summary>
    public void Measure(LanguageTag language, IReadOnlyCollection<MatchFeatures> stories)
    {
        ArgumentNullException.ThrowIfNull(stories);
        if (stories.Count == 0)
        {
            _carried.Remove(language);
            return;
        }
        var carried = Enumerable.Repeat(true, PairSignals.Count).ToArray();
        foreach (var (family, signal) in Optional)
            carried[signal] = stories.Count(s => s.Keys.Of(family).Count > 0) >= MinShare * stories.Count;
        _carried[language] = carried;
    }

    /// <summary>Whether stories of both languages carry the signal (index in <see cref="PairSignals.SignalNames"/> order).</summary>
    public bool Carries(LanguageTag a, LanguageTag b, int signal) => Carries(a, signal) && Carries(b, signal);

    private bool Carries(LanguageTag language, int signal) => !_carried.TryGetValue(language, out var carried) || carried[signal];
}
