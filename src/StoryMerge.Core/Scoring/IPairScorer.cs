namespace StoryMerge.Core.Scoring;

/// <summary>Scores how likely two analysed stories report one event.</summary>
public interface IPairScorer
{
    PairScore Score(AnalyzedStory a, AnalyzedStory b);

    /// <summary>The total at or above which a pair counts as one event.</summary>
    double MatchThreshold { get; }
}
