using System.Globalization;
using StoryMerge.Core;

namespace StoryMerge.Storage.Sqlite;

/// <summary>The store's feed tables (what each polled feed gave, each feed's state) and the events' change times for the Atom feed.</summary>
public sealed partial class StoryStore
{
    /// <summary>Whether the feed already gave an item with this id (filed, a duplicate or refused: it is not filed again).</summary>
    public bool FeedItemSeen(string feed, string itemId) =>
        Scalar<long>("SELECT EXISTS (SELECT 1 FROM feed_items WHERE feed = $feed AND item_id = $item)", ("$feed", feed), ("$item", itemId)) != 0;

    /// <summary>Records that the feed gave an item and what filing it did.</summary>
    public void RecordFeedItem(string feed, string itemId, string storyId, string outcome, DateTimeOffset now) => Execute(
        "INSERT OR IGNORE INTO feed_items (feed, item_id, story_id, outcome, filed_at) VALUES ($feed, $item, $story, $outcome, $at)",
        ("$feed", feed), ("$item", itemId), ("$story", storyId), ("$outcome", outcome), ("$at", Timestamp(now)));

    /// <summary>How many items the feed has given in all.</summary>
    public long FeedItemCount(string feed) => Scalar<long>("SELECT count(*) FROM feed_items WHERE feed = $feed", ("$feed", feed));

    /// <summary>The feed's stored state, or null for a feed never polled.</summary>
    public FeedState? LoadFeedState(string feed) => QuerySingle(
        "SELECT feed, etag, last_modified, last_poll, last_success, items_filed, errors, consecutive_failures, last_error, next_poll FROM feed_state WHERE feed = $feed",
        r => new FeedState(r.GetString(0), Text(r, 1), Text(r, 2), Time(r, 3), Time(r, 4), r.GetInt64(5), r.GetInt64(6), r.GetInt32(7), Text(r, 8), Time(r, 9)),
        ("$feed", feed));

    /// <summary>Stores the feed's state.</summary>
    public void SaveFeedState(FeedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Execute("""
            INSERT INTO feed_state (feed, etag, last_modified, last_poll, last_success, items_filed, errors, consecutive_failures, last_error, next_poll)
            VALUES ($feed, $etag, $modified, $poll, $success, $items, $errors, $failures, $error, $next)
            ON CONFLICT (feed) DO UPDATE SET etag = $etag, last_modified = $modified, last_poll = $poll, last_success = $success,
                items_filed = $items, errors = $errors, consecutive_failures = $failures, last_error = $error, next_poll = $next
            """,
            ("$feed", state.Feed), ("$etag", state.ETag), ("$modified", state.LastModified), ("$poll", Stamp(state.LastPoll)),
            ("$success", Stamp(state.LastSuccess)), ("$items", state.ItemsFiled), ("$errors", state.Errors), ("$failures", state.ConsecutiveFailures),
            ("$error", state.LastError), ("$next", Stamp(state.NextPoll)));
    }

    /// <summary>When the event last changed (a report joined or left, an editor's action), or null for no such event.</summary>
    public DateTimeOffset? EventUpdatedAt(string eventId) =>
        QuerySingle("SELECT updated_at FROM events WHERE id = $id", r => r.GetString(0), ("$id", eventId)) is { } at ? Parse(at) : null;

    /// <summary>The events changed most recently first, optionally only those with a report in a language.</summary>
    public IReadOnlyList<(string Id, DateTimeOffset Updated)> RecentlyUpdatedEvents(LanguageTag? language, int limit) => Query(
        language is null
            ? "SELECT id, updated_at FROM events ORDER BY updated_at DESC, created_seq DESC LIMIT $limit"
            : "SELECT id, updated_at FROM events WHERE (',' || languages || ',') LIKE '%,' || $lang || ',%' ORDER BY updated_at DESC, created_seq DESC LIMIT $limit",
        r => (r.GetString(0), Parse(r.GetString(1))), ("$limit", limit), ("$lang", language?.Code));

    /// <summary>What changes whenever a story is filed or retracted or an event changes: for noticing changes cheaply.</summary>
    public ChangeMark CurrentChangeMark() => QuerySingle(
        "SELECT (SELECT count(*) FROM stories), (SELECT count(*) FROM events), (SELECT max(updated_at) FROM events), (SELECT coalesce(max(seq), 0) FROM decisions)",
        r => new ChangeMark(r.GetInt64(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3)))!;

    /// <summary>The events changed after <paramref name="since"/> (a <see cref="ChangeMark.LastUpdate"/>), most recent first.</summary>
    public IReadOnlyList<string> EventsUpdatedAfter(string? since, int limit) => Query(
        "SELECT id FROM events WHERE $since IS NULL OR updated_at > $since ORDER BY updated_at DESC LIMIT $limit",
        r => r.GetString(0), ("$since", since), ("$limit", limit));

    private static string? Text(Microsoft.Data.Sqlite.SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Time(Microsoft.Data.Sqlite.SqliteDataReader r, int i) => r.IsDBNull(i) ? null : Parse(r.GetString(i));

    private static string? Stamp(DateTimeOffset? time) => time is { } t ? Timestamp(t) : null;

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}

/// <summary>A summary of the store that changes with every filing, retraction and editor's decision.</summary>
/// <param name="LastUpdate">The latest event change time as stored (ISO 8601), or null without events.</param>
public sealed record ChangeMark(long Stories, long Events, string? LastUpdate, long Decisions);

/// <summary>What the store remembers of a polled feed.</summary>
/// <param name="Feed">The feed's address (URL or file path) as configured.</param>
/// <param name="ETag">The ETag of the last response, sent back as If-None-Match.</param>
/// <param name="LastModified">The Last-Modified of the last response, sent back as If-Modified-Since.</param>
/// <param name="ItemsFiled">Items filed from the feed in all (new stories, joins; not duplicates or refusals).</param>
/// <param name="Errors">Polls that failed, in all.</param>
/// <param name="ConsecutiveFailures">Polls that failed since the last success: the back-off grows with it.</param>
/// <param name="NextPoll">Not polled before this time (the back-off after failures, or Retry-After).</param>
public sealed record FeedState(string Feed, string? ETag, string? LastModified, DateTimeOffset? LastPoll, DateTimeOffset? LastSuccess,
    long ItemsFiled, long Errors, int ConsecutiveFailures, string? LastError, DateTimeOffset? NextPoll)
{
    /// <summary>A feed never polled.</summary>
    public static FeedState New(string feed) => new(feed, null, null, null, null, 0, 0, 0, null, null);
}
