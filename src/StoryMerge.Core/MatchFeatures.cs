using StoryMerge.Core.Retrieval;

namespace StoryMerge.Core;

/// <summary>What pair scoring reads of a story: its id, language, date, match keys, vector and figures.</summary>
/// <remarks>
/// Small enough to keep for every stored story (the full analysis is not), so a store can score a new story against
/// stored ones without analysing them again. Immutable; safe to share between threads.
/// </remarks>
public sealed class MatchFeatures
{
    /// <exception cref="ArgumentNullException">Keys or vector is null.</exception>
    /// <param name="quantities">The figures that say what they count; none for features stored before they were kept.</param>
    public MatchFeatures(StoryId id, LanguageTag language, DateOnly? published, MatchKeys keys, float[] vector, IReadOnlyList<Quantity>? quantities = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(vector);
        Id = id;
        Language = language;
        Published = published;
        Keys = keys;
        Vector = vector;
        Quantities = quantities ?? [];
    }

    public StoryId Id { get; }

    public LanguageTag Language { get; }

    public DateOnly? Published { get; }

    public MatchKeys Keys { get; }

    /// <summary>The hashed character n-gram vector (unit length, or all zero).</summary>
    public float[] Vector { get; }

    /// <summary>The story's figures with what they count, for telling two incidents of one kind apart.</summary>
    public IReadOnlyList<Quantity> Quantities { get; }
}
