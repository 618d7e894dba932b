using StoryMerge.Core.Retrieval;

namespace StoryMerge.Core.Scoring;

/// <summary>For each story and each language: how similar the story is, signal by signal, to unrelated stories of that language.</summary>
/// <remarks>
/// Some stories resemble everything (long, generic wording), others almost nothing (short, rare words), so one
/// threshold on raw similarity treats them differently. Measuring each story against a sample of every language's
/// stories and taking z-scores against that story's own spread removes both effects. A profile measured on few
/// stories leans on the language pair's statistics, which count as <see cref="PriorSamples"/> samples.
/// Not thread-safe for writes; reads may run in parallel once built.
/// </remarks>
public sealed class StoryBackgrounds(PairStatistics pairs) : IStoryBackgrounds
{
    /// <summary>How many sampled stories the language-pair statistics are worth in a story's profile.</summary>
    public const int PriorSamples = 16;

    private readonly Dictionary<(StoryId, LanguageTag), SignalStatistics> _profiles = [];

    /// <summary>The profile of <paramref name="story"/> against stories in <paramref name="language"/>; the language pair's statistics when none was measured.</summary>
    public SignalStatistics For(MatchFeatures story, LanguageTag language) =>
        _profiles.TryGetValue((story.Id, language), out var p) ? p : pairs.For(story.Language, language);

    /// <summary>Records a story's profile against one language from the signals of a sample of that language's stories.</summary>
    public void Set(AnalyzedStory story, LanguageTag language, IReadOnlyList<PairSignals> sample) =>
        Set(story, language, Profile(story, language, sample));

    /// <summary>Records a profile made by <see cref="Profile"/>.</summary>
    public void Set(AnalyzedStory story, LanguageTag language, SignalStatistics profile)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(profile);
        _profiles[(story.Id, language)] = profile;
    }

    /// <summary>A story's profile against one language from the signals of a sample of that language's stories, not yet recorded.</summary>
    /// <remarks>Reads only the language-pair statistics, so profiles of many stories may be made in parallel and their samples dropped at once.</remarks>
    public SignalStatistics Profile(AnalyzedStory story, LanguageTag language, IReadOnlyList<PairSignals> sample)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(sample);
        var prior = pairs.For(story.Language, language);
        var observed = PairStatistics.Measure(sample, trimTop: 0.05);
        return PairStatistics.Blend(prior, PriorSamples, observed);
    }

    public void Remove(StoryId id)
    {
        foreach (var key in _profiles.Keys.Where(k => k.Item1 == id).ToList()) _profiles.Remove(key);
    }
}
