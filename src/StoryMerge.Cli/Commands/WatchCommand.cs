using System.Globalization;
using StoryMerge.Cli.Configuration;
using StoryMerge.Core.Input;
using StoryMerge.Storage.Feeds;
using StoryMerge.Storage.Online;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge watch`: polls feeds (URLs or files) and files the items not seen before, until Ctrl+C or once.</summary>
public static class WatchCommand
{
    public sealed record Arguments(IReadOnlyList<string> Feeds, string? Database, string? Config, string? Every, bool Once);

    public static async Task<int> RunAsync(Arguments args, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(args);
        FeedOptions options;
        try { options = ConfigFile.Load(args.Config).Feeds; }
        catch (ConfigurationException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.ConfigurationError;
        }
        if (args.Every is { } every)
        {
            if (ParseInterval(every) is not { } seconds)
            {
                error.WriteLine($"error: --every '{every}' is not an interval like 30s, 5m or 1h");
                return ExitCodes.ConfigurationError;
            }
            options = options with { EverySeconds = seconds, MaxBackoffSeconds = Math.Max(options.MaxBackoffSeconds, seconds) };
        }
        var feeds = args.Feeds.Select(f => FeedFetcher.IsHttp(f) ? f : Path.GetFullPath(f)).Distinct(StringComparer.Ordinal).ToList();
        using var session = StoreSession.Open(args.Database, args.Config, create: true, error, out var exitCode);
        if (session is null) return exitCode;
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };   // the fetcher's own timeout applies per attempt
        http.DefaultRequestHeaders.UserAgent.ParseAdd("StoryMerge/1.0 (+feed watcher)");
        var watcher = new FeedWatcher(new FeedFetcher(http, options), options, session.Pipeline, new DirectStoreTurn(session.Ingestor));
        bool anyFailed = false;
        void Report(FeedPollReport report)
        {
            anyFailed |= report.Outcome == FeedPollOutcome.Failed;
            output.WriteLine(Describe(report));
            foreach (var skipped in report.Skipped.Take(20)) error.WriteLine($"{skipped} (skipped)");
            foreach (var rejected in report.Results.Where(r => r.Outcome == IngestOutcome.Rejected).Take(20))
                error.WriteLine($"{report.Feed}: {rejected.Id}: rejected: {rejected.Error}");
            output.Flush();
        }
        try
        {
            if (args.Once)
            {
                foreach (var feed in feeds) Report(await watcher.PollAsync(feed, cancellation));
                return anyFailed ? ExitCodes.InputError : ExitCodes.Success;
            }
            output.WriteLine($"watching {feeds.Count} feed(s) every {options.EverySeconds} s into {session.Store.Path}; Ctrl+C stops");
            await watcher.RunAsync(feeds, Report, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested) { }
        return ExitCodes.Success;
    }

    /// <summary>One line per poll: what was filed, or that nothing changed, or why it failed and when it is tried again.</summary>
    public static string Describe(FeedPollReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var next = report.NextPoll.ToUniversalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        return report.Outcome switch
        {
            FeedPollOutcome.NotModified => $"{report.Feed}: not modified; next poll {next} UTC",
            FeedPollOutcome.Failed => $"{report.Feed}: failed: {report.Error}; next poll {next} UTC",
            _ => $"{report.Feed}: {report.Results.Count} new item(s): {Count(report, IngestOutcome.NewEvent)} new event(s), {Count(report, IngestOutcome.JoinedEvent)} joined, "
                 + $"{Count(report, IngestOutcome.Duplicate)} duplicate(s), {Count(report, IngestOutcome.Rejected)} rejected; {report.Skipped.Count} skipped; next poll {next} UTC",
        };
    }

    /// <summary>"90", "90s", "5m", "1h" as seconds; null when it is none of them or not positive.</summary>
    public static int? ParseInterval(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim().ToLowerInvariant();
        int factor = value[^1] switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        var number = factor == 0 ? value : value[..^1];
        if (factor == 0) factor = 1;
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= int.MaxValue / factor ? n * factor : null;
    }

    private static int Count(FeedPollReport report, IngestOutcome outcome) => report.Results.Count(r => r.Outcome == outcome);
}
