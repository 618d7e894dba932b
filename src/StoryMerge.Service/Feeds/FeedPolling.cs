using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StoryMerge.Core.Input;
using StoryMerge.Storage.Feeds;

namespace StoryMerge.Service.Feeds;

/// <summary>Polls the feeds of the configuration (storymerge.json's "feeds") while the service runs, filing new items as they appear.</summary>
/// <remarks>Filing goes through the same gate as the API, one story at a time; each feed's status is on /health, /api/feeds and the page.</remarks>
public sealed class FeedPolling : BackgroundService
{
    private readonly FeedOptions _options;
    private readonly ILogger<FeedPolling> _log;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };   // the fetcher's own timeout applies per attempt

    public FeedPolling(StoreGate gate, FeedOptions options, ILogger<FeedPolling> log)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _log = log;
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("StoryMerge/1.0 (+feed watcher)");
        Watcher = new FeedWatcher(new FeedFetcher(_http, options), options, gate.Pipeline, new GateTurn(gate));
    }

    /// <summary>The watcher (its <see cref="FeedWatcher.Status"/> is what /health shows).</summary>
    public FeedWatcher Watcher { get; }

    /// <summary>The feeds polled, as configured (file paths made absolute).</summary>
    public IReadOnlyList<string> Feeds => _options.Urls.Select(f => FeedFetcher.IsHttp(f) ? f : Path.GetFullPath(f)).Distinct(StringComparer.Ordinal).ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Feeds.Count == 0) return;
        try
        {
            await Watcher.RunAsync(Feeds, report =>
            {
                if (report.Outcome == FeedPollOutcome.Failed) _log.LogWarning("{Feed}: poll failed: {Error}; next poll {Next:u}", report.Feed, report.Error, report.NextPoll);
                else if (report.Results.Count > 0) _log.LogInformation("{Feed}: {Filed} item(s) filed of {New} new", report.Feed, report.Filed, report.Results.Count);
            }, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        catch (ObjectDisposedException) when (stoppingToken.IsCancellationRequested) { }   // the gate closed first at shutdown
    }

    public override void Dispose()
    {
        base.Dispose();
        _http.Dispose();
    }
}
