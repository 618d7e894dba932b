using System.Collections.Concurrent;
using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Core.Input.Formats;
using StoryMerge.Storage.Online;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Feeds;

/// <summary>Runs store work in the caller's turn: the service's gate, or directly for a single-threaded caller.</summary>
public interface IStoreTurn
{
    /// <summary>Runs <paramref name="work"/> on the ingestor (and its store) when it is this caller's turn.</summary>
    Task<T> RunAsync<T>(Func<StoryIngestor, T> work, CancellationToken cancellation);
}

/// <summary>A turn for a caller that is alone with its store (`storymerge watch`).</summary>
public sealed class DirectStoreTurn(StoryIngestor ingestor) : IStoreTurn
{
    public Task<T> RunAsync<T>(Func<StoryIngestor, T> work, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(work);
        cancellation.ThrowIfCancellationRequested();
        return Task.FromResult(work(ingestor));
    }
}

/// <summary>Polls feeds and files the items they give that the store has not seen from them, each once, across restarts.</summary>
/// <remarks>
/// Each poll fetches conditionally (<see cref="FeedFetcher"/>), reads the items in the format the content shows
/// (<see cref="StoryFormats"/>), analyses the new ones off the turn, then files each in its own turn with the record that
/// the feed gave it (one transaction: filed and remembered, or neither). A feed that fails waits
/// <see cref="FeedOptions.EverySeconds"/> × 2^(failures − 1), jittered by ±20% and capped at
/// <see cref="FeedOptions.MaxBackoffSeconds"/> (or what Retry-After asks), before its next poll; a success resets it.
/// The state (validators, counts, the next poll) lives in the store, so a restart resumes where it stopped.
/// </remarks>
public sealed class FeedWatcher
{
    private readonly FeedFetcher _fetcher;
    private readonly FeedOptions _options;
    private readonly DedupPipeline _pipeline;
    private readonly IStoreTurn _turn;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly object _randomLock = new();
    private readonly ConcurrentDictionary<string, FeedState> _states = new(StringComparer.Ordinal);

    public FeedWatcher(FeedFetcher fetcher, FeedOptions options, DedupPipeline pipeline, IStoreTurn turn, TimeProvider? time = null, Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(turn);
        _fetcher = fetcher;
        _options = options;
        _pipeline = pipeline;
        _turn = turn;
        _time = time ?? TimeProvider.System;
        _random = random ?? new Random();
    }

    /// <summary>The last known state of every feed polled (or loaded) since this watcher started, by feed.</summary>
    public IReadOnlyList<FeedState> Status => _states.Values.OrderBy(s => s.Feed, StringComparer.Ordinal).ToList();

    /// <summary>Loads the stored state of these feeds, so <see cref="Status"/> shows them before their first poll.</summary>
    public async Task LoadAsync(IEnumerable<string> feeds, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        foreach (var feed in feeds)
            _states[feed] = await _turn.RunAsync(i => i.Store.LoadFeedState(feed), cancellation) ?? FeedState.New(feed);
    }

    /// <summary>Polls one feed now and files what is new in it.</summary>
    public async Task<FeedPollReport> PollAsync(string feed, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(feed);
        var state = await _turn.RunAsync(i => i.Store.LoadFeedState(feed), cancellation) ?? FeedState.New(feed);
        var fetched = await _fetcher.FetchAsync(feed, state.ETag, state.LastModified, cancellation);
        var now = _time.GetUtcNow();
        if (fetched.Outcome == FetchOutcome.Failed) return await FailAsync(state, fetched.Error!, fetched.RetryAfter, now, cancellation);
        if (fetched.Outcome == FetchOutcome.NotModified)
        {
            await SaveAsync(Succeeded(state, state.ETag, state.LastModified, 0, now), cancellation);
            return new FeedPollReport(feed, FeedPollOutcome.NotModified, [], [], null, _states[feed].NextPoll!.Value);
        }

        var items = StoryFormats.Default.Read(fetched.Text!, feed).ToList();
        if (items is [{ Succeeded: false, Line: null, Index: null } whole])   // the document itself is unreadable
            return await FailAsync(state, whole.Error!, null, now, cancellation);
        items = await FollowLinksAsync(feed, items, cancellation);
        var skipped = items.Where(i => !i.Succeeded).Select(i => $"{i.Location}: {i.Error}").ToList();
        var stories = items.Where(i => i.Succeeded).Select(i => i.Story!).DistinctBy(s => s.Id.Value).ToList();
        var unseen = await _turn.RunAsync(i => stories.Where(s => !i.Store.FeedItemSeen(feed, s.Id.Value)).ToList(), cancellation);
        // Analysis needs no store: all of it in parallel first, then each story files in its own turn, in feed order.
        var prepared = unseen.AsParallel().AsOrdered().Select(s => (Story: s, Prepared: PreparedStory.TryPrepare(_pipeline, s, out var why), Why: why)).ToList();
        var results = new List<IngestResult>(prepared.Count);
        foreach (var (story, ready, why) in prepared)
        {
            var result = await _turn.RunAsync(i => i.Store.InTransaction(() =>
            {
                if (i.Store.FeedItemSeen(feed, story.Id.Value)) return null;   // filed meanwhile by another poll of the same feed
                var r = ready is null ? IngestResult.Rejected(story.Id, why!) : i.Ingest(ready);
                i.Store.RecordFeedItem(feed, story.Id.Value, story.Id.Value, r.Outcome.ToString(), _time.GetUtcNow());
                return r;
            }), cancellation);
            if (result is not null) results.Add(result);
        }
        var filed = results.Count(r => r.Stored);
        await SaveAsync(Succeeded(state, fetched.ETag, fetched.LastModified, filed, now), cancellation);
        return new FeedPollReport(feed, FeedPollOutcome.Read, results, skipped, null, _states[feed].NextPoll!.Value);
    }

    /// <summary>Items that only link to their page, not seen before, read from the page (at most <see cref="MaxPagesPerPoll"/> a poll).</summary>
    private async Task<List<ReadItem>> FollowLinksAsync(string feed, List<ReadItem> items, CancellationToken cancellation)
    {
        var linkOnly = items.Where(i => i.LinkOnly is not null).ToList();
        if (linkOnly.Count == 0) return items;
        var seen = await _turn.RunAsync(i => linkOnly.Where(x => i.Store.FeedItemSeen(feed, x.LinkOnly!.LinkOnlyId)).ToHashSet(), cancellation);
        var result = new List<ReadItem>(items.Count);
        int fetched = 0;
        foreach (var item in items)
        {
            if (seen.Contains(item)) continue;   // its page was read and filed on an earlier poll
            if (item.LinkOnly is not { } wire)
            {
                result.Add(item);
                continue;
            }
            if (fetched++ >= MaxPagesPerPoll) { result.Add(item with { Error = $"{item.Error}; its page is fetched on a later poll (at most {MaxPagesPerPoll} pages a poll)" }); continue; }
            var page = await _fetcher.FetchAsync(wire.Url!, null, null, cancellation);
            var story = page.Outcome == FetchOutcome.Content ? StoryFormats.Default.Read(page.Text!, wire.Url!).FirstOrDefault(p => p.Succeeded)?.Story : null;
            result.Add(story is null
                ? item with { Error = $"no text, and its page {wire.Url} gave none ({page.Error ?? "no story in the page"})" }
                : wire.WithPage(story, item.Origin, item.Line, item.Index));
        }
        return result;
    }

    /// <summary>Pages of link-only items fetched in one poll at most; the rest wait for the next poll.</summary>
    public const int MaxPagesPerPoll = 50;

    /// <summary>Polls every feed whenever it is due, until cancelled; each poll's report goes to <paramref name="polled"/>.</summary>
    public async Task RunAsync(IReadOnlyList<string> feeds, Action<FeedPollReport> polled, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        ArgumentNullException.ThrowIfNull(polled);
        if (feeds.Count == 0) return;
        await LoadAsync(feeds, cancellation);
        while (!cancellation.IsCancellationRequested)
        {
            foreach (var feed in feeds)
            {
                if (_states.TryGetValue(feed, out var s) && s.NextPoll is { } due && due > _time.GetUtcNow()) continue;
                try { polled(await PollAsync(feed, cancellation)); }
                catch (StoreException e) { polled(new FeedPollReport(feed, FeedPollOutcome.Failed, [], [], $"store: {e.Message}", _time.GetUtcNow() + Every)); }
            }
            var next = feeds.Select(f => _states.TryGetValue(f, out var st) && st.NextPoll is { } n ? n : _time.GetUtcNow()).Min();
            var wait = next - _time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, cancellation);
        }
    }

    private TimeSpan Every => TimeSpan.FromSeconds(_options.EverySeconds);

    /// <summary>The wait after the given number of failed polls in a row: doubling from the poll interval, jittered, capped.</summary>
    public TimeSpan Backoff(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        double seconds = Math.Min(_options.MaxBackoffSeconds, _options.EverySeconds * Math.Pow(2, Math.Min(failures - 1, 30)));
        double jitter;
        lock (_randomLock) jitter = 0.8 + 0.4 * _random.NextDouble();   // feeds failing together do not come back together
        return TimeSpan.FromSeconds(Math.Min(_options.MaxBackoffSeconds, seconds * jitter));
    }

    private async Task<FeedPollReport> FailAsync(FeedState state, string error, TimeSpan? retryAfter, DateTimeOffset now, CancellationToken cancellation)
    {
        int failures = state.ConsecutiveFailures + 1;
        var wait = Backoff(failures);
        if (retryAfter is { } after && after > wait) wait = after < TimeSpan.FromSeconds(_options.MaxBackoffSeconds) ? after : TimeSpan.FromSeconds(_options.MaxBackoffSeconds);
        var failed = state with { LastPoll = now, Errors = state.Errors + 1, ConsecutiveFailures = failures, LastError = error, NextPoll = now + wait };
        await SaveAsync(failed, cancellation);
        return new FeedPollReport(state.Feed, FeedPollOutcome.Failed, [], [], error, failed.NextPoll!.Value);
    }

    private FeedState Succeeded(FeedState state, string? etag, string? lastModified, int filed, DateTimeOffset now) => state with
    {
        ETag = etag, LastModified = lastModified, LastPoll = now, LastSuccess = now, ItemsFiled = state.ItemsFiled + filed,
        ConsecutiveFailures = 0, LastError = null, NextPoll = now + Every,
    };

    private async Task SaveAsync(FeedState state, CancellationToken cancellation)
    {
        await _turn.RunAsync(i => { i.Store.SaveFeedState(state); return 0; }, cancellation);
        _states[state.Feed] = state;
    }
}

/// <summary>How a poll ended.</summary>
public enum FeedPollOutcome
{
    /// <summary>The feed was read; new items were filed.</summary>
    Read,
    /// <summary>The feed has not changed since the last poll (304).</summary>
    NotModified,
    /// <summary>The feed could not be fetched or read; it backs off.</summary>
    Failed,
}

/// <summary>What one poll of one feed did.</summary>
/// <param name="Results">What filing each item not seen before did (new event, joined, duplicate, rejected).</param>
/// <param name="Skipped">Items that could not be read, each with its place in the feed and why.</param>
/// <param name="Error">Why the poll failed.</param>
public sealed record FeedPollReport(string Feed, FeedPollOutcome Outcome, IReadOnlyList<IngestResult> Results, IReadOnlyList<string> Skipped,
    string? Error, DateTimeOffset NextPoll)
{
    /// <summary>Items filed (stored: a new event or joining one).</summary>
    public int Filed => Results.Count(r => r.Stored);
}
