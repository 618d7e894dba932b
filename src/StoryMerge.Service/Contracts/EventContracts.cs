using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Service.Contracts;

/// <summary>An event as the list shows it.</summary>
public sealed record EventSummary(string Id, string? Title, string? FirstPublished, string? LastPublished, IReadOnlyList<string> Languages,
    int Reports, int Conflicts, long Version)
{
    public static EventSummary From(EventRow e) => new(e.Id, e.Title, e.FirstPublished?.ToString("yyyy-MM-dd"), e.LastPublished?.ToString("yyyy-MM-dd"),
        e.Languages.Select(l => l.Code).ToList(), e.MemberCount, e.Conflicts, e.Version);
}

/// <summary>One page of events, newest first.</summary>
public sealed record EventPage(int Page, int PageSize, bool HasMore, IReadOnlyList<EventSummary> Items);

/// <summary>Which reports to move out of an event into a new one.</summary>
public sealed record SplitRequest(IReadOnlyList<string>? Stories);

/// <summary>The event split and the new event.</summary>
public sealed record SplitResponse(string Event, string NewEvent);

/// <summary>The event merged away and the one now holding its reports.</summary>
public sealed record MergeResponse(string From, string Into);

/// <summary>The value to make canonical: one of the fact's variants.</summary>
public sealed record ResolveRequest(string? Value);

/// <summary>The service is up: the database, its schema version and what it holds; when the store is in trouble, what and since when; the polled feeds' status.</summary>
/// <param name="Status">"ok"; "read-only" (reads served, writes refused); "degraded" (a full disk, a busy or failing store: writes refused with 503).</param>
/// <param name="Reason">Why the status is not "ok", in words.</param>
public sealed record HealthView(string Status, string Database, int Schema, long? Stories, long? Events, string? Reason = null, DateTimeOffset? Since = null,
    IReadOnlyList<FeedStatusView>? Feeds = null);
