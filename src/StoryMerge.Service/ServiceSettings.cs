using StoryMerge.Core;
using StoryMerge.Service.Security;

namespace StoryMerge.Service;

/// <summary>What the service runs on: the database, the configured pipeline, its keys, and the limits on what one request may cost.</summary>
/// <param name="DatabasePath">The SQLite database (created when missing).</param>
/// <param name="MaxBodyBytes">The largest request body accepted; larger ones get 413.</param>
public sealed record ServiceSettings(string DatabasePath, DedupPipeline Pipeline, long MaxBodyBytes = ServiceSettings.DefaultMaxBodyBytes)
{
    public const long DefaultMaxBodyBytes = 10 * 1024 * 1024;

    /// <summary>The Lucene index directory; null: beside the database (<c>storymerge.db.index</c>).</summary>
    public string? IndexPath { get; init; }

    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The API keys; <see cref="ApiKeys.None"/> (default) allows every request and is for loopback only.</summary>
    public ApiKeys Keys { get; init; } = ApiKeys.None;

    /// <summary>Writes (filing, editing) a second per key, or per client address without keys (default 500, bursts of 1,000; the
    /// service files 200-250 stories a second on 2 cores, so one feed at full speed is not refused); beyond that 429.</summary>
    public int WritesPerSecond { get; init; } = 500;

    /// <summary>Writes a key may send at once before it is held to <see cref="WritesPerSecond"/> (default 1,000).</summary>
    public int WriteBurst { get; init; } = 1000;

    /// <summary>Posted stories analysed at once, over all requests (default: one less than the number of cores, at least one, so a core is left for answering requests).</summary>
    public int AnalysisConcurrency { get; init; } = Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>Longest a posted story's analysis may take (default 10 s); a story over it is refused with 422 and never stored.</summary>
    public TimeSpan AnalysisBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest a request waits for its turn at the store (default 30 s); then 503, busy.</summary>
    public TimeSpan TurnWait { get; init; } = TimeSpan.FromSeconds(30);
}
