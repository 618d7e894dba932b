using StoryMerge.Core;

namespace StoryMerge.Storage.Online;

/// <summary>What ingesting one story did.</summary>
public enum IngestOutcome
{
    /// <summary>Stored; no stored event was close enough, so it started a new one.</summary>
    NewEvent,
    /// <summary>Stored and filed under an existing event (possibly merging others into it; see <see cref="IngestResult.Merged"/>).</summary>
    JoinedEvent,
    /// <summary>Not stored: the same id, or the same text under another id, is already stored.</summary>
    Duplicate,
    /// <summary>Not stored: the story cannot be used (empty, too long); <see cref="IngestResult.Error"/> says why.</summary>
    Rejected,
}

/// <summary>A stored story that resembled the new one, with the pair's score.</summary>
public sealed record Match(StoryId Id, string? EventId, double Score, Similarity Similarity);

/// <summary>The result of ingesting one story: its event, how it got there, and the evidence.</summary>
/// <param name="Score">The average pair score against the event joined (the best event's when none was close enough); null without candidates.</param>
/// <param name="DuplicateOf">For a duplicate: the stored story it repeats.</param>
/// <param name="Merged">Events this story showed to be the same as the one it joined; they now live under <paramref name="EventId"/>.</param>
public sealed record IngestResult(StoryId Id, IngestOutcome Outcome, string? EventId, double? Score, IReadOnlyList<Match> BestMatches,
    StoryId? DuplicateOf = null, IReadOnlyList<string>? Merged = null, string? Error = null)
{
    public static IngestResult Rejected(StoryId id, string error) => new(id, IngestOutcome.Rejected, null, null, [], Error: error);

    public bool Stored => Outcome is IngestOutcome.NewEvent or IngestOutcome.JoinedEvent;

    /// <summary>The stored story's row number (null when not stored).</summary>
    public long? Seq { get; init; }
}
