using StoryMerge.Core.Retrieval;

namespace StoryMerge.Core.Scoring;

/// <summary>Each story's statistics of unrelated pairs against a language: what its pair z-scores are taken against.</summary>
public interface IStoryBackgrounds
{
    /// <summary>The profile of <paramref name="story"/> against stories in <paramref name="language"/>.</summary>
    SignalStatistics For(MatchFeatures story, LanguageTag language);
}
