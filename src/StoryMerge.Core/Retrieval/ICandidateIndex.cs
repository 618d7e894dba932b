namespace StoryMerge.Core.Retrieval;

/// <summary>Finds stories that may report the same event as a given story, through shared rare keys.</summary>
public interface ICandidateIndex
{
    void Add(AnalyzedStory story);

    /// <summary>Stored stories sharing the most rare keys with <paramref name="story"/>: up to <paramref name="limit"/> in each language, best first.</summary>
    IReadOnlyList<Candidate> Candidates(AnalyzedStory story, int limit);
}

/// <summary>A story found by the index, with the retrieval score that ranked it (rarity weight of shared keys).</summary>
public readonly record struct Candidate(StoryId Id, double RetrievalScore);
