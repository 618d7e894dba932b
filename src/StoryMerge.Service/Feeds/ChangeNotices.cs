using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Service.Feeds;

/// <summary>Notices that the store changed (a report filed or retracted, an event changed), for the page's server-sent events.</summary>
/// <remarks>
/// The store is looked at every <see cref="Interval"/> (a count and a max through the gate), so every change is
/// noticed whoever made it: a POST, a feed poll, an editor's action, or `storymerge ingest` into the same database.
/// Each subscriber has its own bounded queue; a subscriber that does not read loses its oldest notices, never blocks others.
/// </remarks>
public sealed class ChangeNotices(StoreGate gate) : BackgroundService
{
    /// <summary>How often the store is looked at.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly object _lock = new();
    private readonly List<Channel<ChangeNotice>> _subscribers = [];

    /// <summary>A queue of the notices from now on, until <paramref name="until"/> is cancelled.</summary>
    public ChannelReader<ChangeNotice> Subscribe(CancellationToken until)
    {
        var channel = Channel.CreateBounded<ChangeNotice>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_lock) _subscribers.Add(channel);
        until.Register(() =>
        {
            lock (_lock) _subscribers.Remove(channel);
            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            // The store as it is when the service starts: what changes after it is news.
            ChangeMark? last = null;
            try { last = await gate.RunAsync(() => gate.Store.CurrentChangeMark(), stoppingToken); }
            catch (StoreException) { }
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                ChangeNotice? notice;
                try
                {
                    var previous = last;
                    (last, notice) = await gate.RunAsync(() =>
                    {
                        var mark = gate.Store.CurrentChangeMark();
                        if (mark == previous) return (mark, (ChangeNotice?)null);
                        return (mark, new ChangeNotice(gate.Store.EventsUpdatedAfter(previous?.LastUpdate, 100), mark.Stories, mark.Events));
                    }, stoppingToken);
                }
                catch (StoreException) { continue; }   // a store that fails now is reported by the requests; try again next tick
                if (notice is null) continue;
                lock (_lock)
                    foreach (var subscriber in _subscribers) subscriber.Writer.TryWrite(notice);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (ObjectDisposedException) when (stoppingToken.IsCancellationRequested) { }   // the gate closed first at shutdown
    }
}

/// <summary>The store changed: the events that changed (most recent first) and what the store holds now.</summary>
public sealed record ChangeNotice(IReadOnlyList<string> Events, long Stories, long EventCount);
