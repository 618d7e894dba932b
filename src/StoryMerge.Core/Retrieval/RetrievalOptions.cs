namespace StoryMerge.Core.Retrieval;

/// <summary>How a persistent index proposes candidates for a new story; read from storymerge.json ("retrieval").</summary>
public sealed record RetrievalOptions
{
    /// <summary>The new story's rarest keys (highest IDF among those the archive holds) that make up the index query (default 32).</summary>
    public int QueryKeys { get; init; } = 32;

    /// <summary>Candidates are stories published within this many days of the new one (default 3); stories without a date are always searched, and a new story without a date searches everything.</summary>
    public int DateWindowDays { get; init; } = 3;

    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (QueryKeys is < 1 or > 1000) throw new ArgumentException("retrieval.queryKeys must be between 1 and 1000.");
        if (DateWindowDays < 0) throw new ArgumentException("retrieval.dateWindowDays must be ≥ 0.");
    }
}
