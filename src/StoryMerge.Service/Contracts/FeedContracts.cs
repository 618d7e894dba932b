using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Service.Contracts;

/// <summary>One polled feed's status: when it was last polled, what it gave, how it fails.</summary>
/// <param name="Status">"ok" (the last poll succeeded), "failing" (backing off), or "pending" (not polled yet).</param>
/// <param name="ItemsFiled">Items filed from the feed in all (new events and joins).</param>
/// <param name="Errors">Failed polls in all.</param>
public sealed record FeedStatusView(string Feed, string Status, string? LastPoll, string? LastSuccess, long ItemsFiled, long Errors,
    int ConsecutiveFailures, string? LastError, string? NextPoll)
{
    public static FeedStatusView From(FeedState s) => new(s.Feed,
        s.LastPoll is null ? "pending" : s.ConsecutiveFailures > 0 ? "failing" : "ok",
        Stamp(s.LastPoll), Stamp(s.LastSuccess), s.ItemsFiled, s.Errors, s.ConsecutiveFailures, s.LastError, Stamp(s.NextPoll));

    private static string? Stamp(DateTimeOffset? t) => t?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
