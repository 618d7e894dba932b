using StoryMerge.Core;

namespace StoryMerge.Service;

/// <summary>What the service runs on: the database, the configured pipeline, and how much one request may send.</summary>
/// <param name="DatabasePath">The SQLite database (created when missing).</param>
/// <param name="MaxBodyBytes">The largest request body accepted; larger ones get 413.</param>
public sealed record ServiceSettings(string DatabasePath, DedupPipeline Pipeline, long MaxBodyBytes = ServiceSettings.DefaultMaxBodyBytes)
{
    public const long DefaultMaxBodyBytes = 10 * 1024 * 1024;

    /// <summary>The Lucene index directory; null: beside the database (<c>storymerge.db.index</c>).</summary>
    public string? IndexPath { get; init; }

    public const string DefaultUrls = "http://127.0.0.1:5080";
}
