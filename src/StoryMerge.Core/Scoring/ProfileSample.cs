namespace StoryMerge.Core.Scoring;

/// <summary>Which stories of a language its stories' profiles are measured against: the ones with the lowest rank (a bottom-k sample).</summary>
/// <remarks>
/// The rank is a fixed pseudo-random function of the story id, so the sample depends only on which stories there
/// are, not on their order: the batch and a store holding the same stories measure against the same sample.
/// </remarks>
public static class ProfileSample
{
    /// <summary>A fixed pseudo-random rank from a story id.</summary>
    public static long Rank(string storyId)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(storyId));
        return (long)(BitConverter.ToUInt64(hash, 0) >> 1);
    }

    /// <summary>The <paramref name="size"/> stories of lowest rank (ties by id), in rank order.</summary>
    public static List<MatchFeatures> Of(IEnumerable<MatchFeatures> stories, int size)
    {
        ArgumentNullException.ThrowIfNull(stories);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return stories.Select(s => (Story: s, Rank: Rank(s.Id.Value))).OrderBy(x => x.Rank).ThenBy(x => x.Story.Id.Value, StringComparer.Ordinal)
            .Take(size).Select(x => x.Story).ToList();
    }
}
