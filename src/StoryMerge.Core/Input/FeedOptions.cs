namespace StoryMerge.Core.Input;

/// <summary>The feeds `serve` polls and how (storymerge.json's "feeds"); `watch` takes the same settings, its feeds from the command line.</summary>
public sealed record FeedOptions
{
    /// <summary>Feed URLs (http or https) or file paths, polled in turn (default none).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>Seconds between two polls of one feed (default 60).</summary>
    public int EverySeconds { get; init; } = 60;

    /// <summary>Seconds one request may take, its body included, before it counts as failed (default 20).</summary>
    public int TimeoutSeconds { get; init; } = 20;

    /// <summary>The largest response accepted (default 10 MB): a larger one is a failed poll, its items not read.</summary>
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Retries within one poll of a request that failed (network error, timeout, 429, 5xx), with exponential back-off and jitter (default 2).</summary>
    public int Retries { get; init; } = 2;

    /// <summary>The longest a failing feed waits before its next poll (default 3600): the wait doubles with each failed poll up to it.</summary>
    public int MaxBackoffSeconds { get; init; } = 3600;

    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (Urls is null) throw new ArgumentException("feeds.urls must be a list.");
        foreach (var url in Urls)
            if (string.IsNullOrWhiteSpace(url)) throw new ArgumentException("feeds.urls holds an empty entry.");
            else if (url.Contains("://", StringComparison.Ordinal) && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
                throw new ArgumentException($"feeds.urls: '{url}' is not an http(s) URL.");
        if (EverySeconds < 1) throw new ArgumentException("feeds.everySeconds must be ≥ 1.");
        if (TimeoutSeconds < 1) throw new ArgumentException("feeds.timeoutSeconds must be ≥ 1.");
        if (MaxBytes < 1024) throw new ArgumentException("feeds.maxBytes must be ≥ 1024.");
        if (Retries is < 0 or > 10) throw new ArgumentException("feeds.retries must be between 0 and 10.");
        if (MaxBackoffSeconds < EverySeconds) throw new ArgumentException("feeds.maxBackoffSeconds must be ≥ feeds.everySeconds.");
    }
}
