using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using StoryMerge.Core.Input;

namespace StoryMerge.Storage.Feeds;

/// <summary>Fetches a feed: over HTTP with a conditional GET, retries with back-off and jitter, a timeout and a size limit; or from a file.</summary>
/// <remarks>
/// One request is tried <see cref="FeedOptions.Retries"/> more times after a network error, a timeout, 408, 429 or a
/// 5xx answer, waiting an exponentially growing, jittered delay (Polly), or what Retry-After asks up to
/// <see cref="FeedOptions.MaxBackoffSeconds"/>. Every attempt, body included, has <see cref="FeedOptions.TimeoutSeconds"/>.
/// Thread-safe.
/// </remarks>
public sealed class FeedFetcher
{
    private readonly HttpClient _http;
    private readonly FeedOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <param name="retryDelay">The first retry's delay (default 1 s; tests shorten it).</param>
    public FeedFetcher(HttpClient http, FeedOptions options, TimeProvider? time = null, TimeSpan? retryDelay = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        var maxDelay = TimeSpan.FromSeconds(options.MaxBackoffSeconds);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time ?? TimeProvider.System };
        if (options.Retries > 0)
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retryDelay ?? TimeSpan.FromSeconds(1),
                MaxDelay = maxDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>().Handle<TimeoutRejectedException>()
                    .HandleResult(r => IsTransient(r.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r && RetryAfter(r, time ?? TimeProvider.System) is { } after
                    ? (TimeSpan?)(after < maxDelay ? after : maxDelay) : null),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();   // the failed answer's connection goes back to the pool
                    return ValueTask.CompletedTask;
                },
            });
        builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds));
        _pipeline = builder.Build();
    }

    /// <summary>The feed's current text, or that it has not changed since the validators given, or why it could not be fetched.</summary>
    public async Task<FetchResult> FetchAsync(string address, string? etag, string? lastModified, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (!IsHttp(address)) return await FetchFileAsync(address, lastModified, cancellation);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, address);
                request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/ninjs+json, application/xml;q=0.9, application/json;q=0.9, text/html;q=0.5, */*;q=0.1");
                if (etag is not null) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                if (lastModified is not null) request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token);
                if (!answer.IsSuccessStatusCode || answer.StatusCode == HttpStatusCode.NotModified) return answer;
                if (answer.Content.Headers.ContentLength > _options.MaxBytes)
                {
                    answer.Dispose();
                    throw new TooLargeException();
                }
                // The body is read inside the attempt, so the timeout covers it and a slow body is retried like a slow answer.
                try { await answer.Content.LoadIntoBufferAsync(_options.MaxBytes, token); }
                catch (HttpRequestException e) when (e.InnerException is null)
                {
                    answer.Dispose();
                    throw new TooLargeException();   // over the buffer's limit (a broken connection comes with its cause, and is retried)
                }
                return answer;
            }, cancellation);
        }
        catch (TooLargeException) { return FetchResult.Failed($"response larger than {_options.MaxBytes} bytes (feeds.maxBytes)", null); }
        catch (HttpRequestException e) { return FetchResult.Failed($"cannot fetch: {Core.UserMessage.Of(e)}", null); }
        catch (TimeoutRejectedException) { return FetchResult.Failed($"no complete answer within {_options.TimeoutSeconds} s (feeds.timeoutSeconds)", null); }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotModified) return FetchResult.NotModified();
            if (!response.IsSuccessStatusCode)
                return FetchResult.Failed($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", RetryAfter(response, TimeProvider.System));
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellation);
            if (bytes.LongLength > _options.MaxBytes) return FetchResult.Failed($"response larger than {_options.MaxBytes} bytes (feeds.maxBytes)", null);
            var text = StoryReader.DecodeUtf8(bytes, out var error);
            if (text is null) return FetchResult.Failed(error!, null);
            return FetchResult.Content(text, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
        }
    }

    private async Task<FetchResult> FetchFileAsync(string path, string? lastModified, CancellationToken cancellation)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return FetchResult.Failed($"no such file: {path}", null);
            if (info.Length > _options.MaxBytes) return FetchResult.Failed($"file larger than {_options.MaxBytes} bytes (feeds.maxBytes)", null);
            // A file's modification time plays the part of Last-Modified: an unchanged file is not read again.
            var stamp = info.LastWriteTimeUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            if (stamp == lastModified) return FetchResult.NotModified();
            var text = StoryReader.DecodeUtf8(await File.ReadAllBytesAsync(path, cancellation), out var error);
            return text is null ? FetchResult.Failed(error!, null) : FetchResult.Content(text, null, stamp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return FetchResult.Failed($"cannot read {path}: {e.Message}", null); }
    }

    /// <summary>Whether the address is fetched over HTTP (else it is a file path).</summary>
    public static bool IsHttp(string address) =>
        address.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || address.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The answer is over the size limit: not retried, the poll fails.</summary>
    private sealed class TooLargeException : Exception;

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The wait a 429 or 503 asks for (Retry-After as seconds or as a date).</summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        if (response.Headers.RetryAfter is not RetryConditionHeaderValue after) return null;
        if (after.Delta is { } delta) return delta;
        if (after.Date is { } date) return date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }
}

/// <summary>What fetching a feed gave.</summary>
/// <param name="Text">The feed's text (for <see cref="FetchOutcome.Content"/>).</param>
/// <param name="ETag">The answer's ETag, for the next conditional GET.</param>
/// <param name="LastModified">The answer's Last-Modified (a file's modification time), for the next conditional GET.</param>
/// <param name="RetryAfter">How long the server asked to wait (429, 503).</param>
public sealed record FetchResult(FetchOutcome Outcome, string? Text, string? ETag, string? LastModified, string? Error, TimeSpan? RetryAfter)
{
    public static FetchResult Content(string text, string? etag, string? lastModified) => new(FetchOutcome.Content, text, etag, lastModified, null, null);

    public static FetchResult NotModified() => new(FetchOutcome.NotModified, null, null, null, null, null);

    public static FetchResult Failed(string error, TimeSpan? retryAfter) => new(FetchOutcome.Failed, null, null, null, error, retryAfter);
}

/// <summary>How a fetch ended.</summary>
public enum FetchOutcome
{
    /// <summary>The feed's text was read.</summary>
    Content,
    /// <summary>The server answered 304 (or the file is unchanged): nothing to read.</summary>
    NotModified,
    /// <summary>The feed could not be fetched; <see cref="FetchResult.Error"/> says why.</summary>
    Failed,
}
