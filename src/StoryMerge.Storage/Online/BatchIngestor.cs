using System.Diagnostics;
using Chunk = System.Collections.Generic.List<(StoryMerge.Core.Input.ReadItem Item, StoryMerge.Storage.Online.PreparedStory? Prepared, string? Rejection)>;
using StoryMerge.Core;
using StoryMerge.Core.Input;

namespace StoryMerge.Storage.Online;

/// <summary>Ingests a stream of read items (an archive, a feed file): analysis and candidate retrieval run ahead, filing stays in input order.</summary>
/// <remarks>
/// Filing one story at a time on one thread keeps the result a function of the input order; analysing the chunk after
/// next (in parallel) and retrieving the next chunk's candidates (<see cref="CandidateLookahead"/>) meanwhile use the
/// other cores. Stories are committed in groups of <see cref="CommitGroup"/> (a commit per story cost a sixth of the
/// filing time): an interrupted run keeps every group committed so far, a killed one loses at most the group it was
/// in, and a re-run stores the rest (the others count as duplicates, found by a lookup of the ids and texts stored before
/// the run, so a re-run spends no analysis on them and reaches the new stories at once).
/// </remarks>
public sealed class BatchIngestor(StoryIngestor ingestor)
{
    private const int ChunkSize = 64;

    /// <summary>Stories committed together.</summary>
    public const int CommitGroup = 16;

    /// <summary>Finds candidates ahead of filing; null once filing did something it did not predict.</summary>
    private volatile CandidateLookahead? _lookahead;

    /// <summary>Ids and content hashes stored before this run: a re-run passes over them by a lookup, without analysing them.</summary>
    private (HashSet<string> Ids, HashSet<string> ContentHashes)? _stored;

    /// <summary>Files every item; <paramref name="observe"/> sees each item with its result (null for an item that could not be read).</summary>
    public IngestReport Run(IEnumerable<ReadItem> items, Action<ReadItem, IngestResult?>? observe = null, IProgress<long>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var report = new IngestReport();
        var clock = Stopwatch.StartNew();
        _stored = ingestor.Store.StoryCount() > 0 ? ingestor.Store.StoredKeys() : null;
        using var source = items.GetEnumerator();
        using var lookahead = new CandidateLookahead(ingestor);
        _lookahead = lookahead;
        // Three stages, each in input order: analysing chunk c+2 (in parallel), looking ahead in chunk c+1, filing chunk c.
        Task<Chunk>? analysing = null, looking = null;
        try
        {
            analysing = Task.Run(() => AnalyseChunk(source));
            looking = After(analysing, LookAhead);
            analysing = After(analysing, _ => AnalyseChunk(source));
            while (true)
            {
                var chunk = looking.GetAwaiter().GetResult();
                if (chunk.Count == 0) break;
                looking = After(analysing, LookAhead);
                analysing = After(analysing, _ => AnalyseChunk(source));
                foreach (var group in chunk.Chunk(CommitGroup))
                {
                    if (cancellation.IsCancellationRequested) break;
                    ingestor.Store.InTransaction(() => FileGroup(group, report, observe, progress, cancellation));
                }
                if (cancellation.IsCancellationRequested) { report.Interrupted = true; break; }
            }
        }
        finally
        {
            // The reader must be done with the input (and the look-ahead with its connection) before they are closed.
            foreach (var stage in new[] { analysing, looking })
                try { stage?.Wait(CancellationToken.None); } catch (AggregateException) { }
            _lookahead = null;
        }
        report.Filing = clock.Elapsed;
        report.Latencies.Sort();
        return report;
    }

    /// <summary>Runs <paramref name="next"/> on the chunk <paramref name="previous"/> gives, once it has given it (its exception, if any, passes on).</summary>
    private static Task<Chunk> After(Task<Chunk> previous, Func<Chunk, Chunk> next) =>
        previous.ContinueWith(done => next(done.GetAwaiter().GetResult()), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    /// <summary>Files a group of analysed items in input order, inside the caller's transaction.</summary>
    private void FileGroup((ReadItem, PreparedStory?, string?)[] group, IngestReport report, Action<ReadItem, IngestResult?>? observe,
        IProgress<long>? progress, CancellationToken cancellation)
    {
        foreach (var (item, prepared, rejection) in group)
        {
            if (cancellation.IsCancellationRequested) return;
            report.Read++;
            IngestResult? result = null;
            if (!item.Succeeded) report.Errors++;
            else if (rejection is not null) result = IngestResult.Rejected(item.Story!.Id, rejection);
            else if (prepared is null) result = ingestor.Ingest(item.Story!);   // stored before this run: a duplicate, found without analysis
            else
            {
                if (_lookahead is null) prepared!.Lookahead = null;
                long started = Stopwatch.GetTimestamp();
                result = ingestor.Ingest(prepared!);
                report.Latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (prepared!.Lookahead is { } predicted && (predicted.Seq != result.Seq))
                {
                    // Filing did not do what the look-ahead expected: file the rest without it.
                    report.LookaheadStoppedAt = report.Read;
                    _lookahead = null;
                }
            }
            if (result is not null) report.Count(result);
            observe?.Invoke(item, result);
            progress?.Report(report.Read);
        }
    }

    /// <summary>Finds the candidates of a chunk's stories ahead of filing, in input order (see <see cref="CandidateLookahead"/>).</summary>
    private Chunk LookAhead(Chunk chunk)
    {
        _lookahead?.InOneSnapshot(() =>
        {
            foreach (var (_, prepared, _) in chunk)
            {
                var lookahead = _lookahead;
                if (lookahead is null) break;
                if (prepared is not null) prepared.Lookahead = lookahead.Look(prepared);
            }
        });
        return chunk;
    }

    private Chunk AnalyseChunk(IEnumerator<ReadItem> source)
    {
        var chunk = new List<ReadItem>(ChunkSize);
        while (chunk.Count < ChunkSize && source.MoveNext()) chunk.Add(source.Current);
        var result = new (ReadItem, PreparedStory?, string?)[chunk.Count];
        Parallel.For(0, chunk.Count, i =>
        {
            var item = chunk[i];
            if (!item.Succeeded || StoredBefore(item.Story!)) { result[i] = (item, null, null); return; }
            var prepared = PreparedStory.TryPrepare(ingestor.Pipeline, item.Story!, out var rejection);
            result[i] = (item, prepared, rejection);
        });
        return [.. result];
    }

    /// <summary>Whether the story was stored before this run (its id, or its text under another id): then it needs no analysis.</summary>
    private bool StoredBefore(Story story) =>
        _stored is { } stored && (stored.Ids.Contains(story.Id.Value) || stored.ContentHashes.Contains(ContentHash.Of(story.Text)));
}

/// <summary>The counts and timings of a batch ingest.</summary>
public sealed class IngestReport
{
    public long Read { get; internal set; }
    public long NewEvents { get; private set; }
    public long Joined { get; private set; }
    /// <summary>Events merged into others because a story showed they were one.</summary>
    public long Merged { get; private set; }
    public long Duplicates { get; private set; }
    /// <summary>Items that could not be read, and stories rejected.</summary>
    public long Errors { get; internal set; }
    public bool Interrupted { get; internal set; }
    /// <summary>Set when filing did something the candidate look-ahead had not predicted: the items read before it used it, the rest did not (none expected).</summary>
    public long? LookaheadStoppedAt { get; internal set; }
    /// <summary>Wall time of reading, analysing and filing (not of rebuilding canonical events afterwards).</summary>
    public TimeSpan Filing { get; internal set; }
    /// <summary>Milliseconds to file each analysed story (retrieve, score, assign, commit), sorted.</summary>
    public List<double> Latencies { get; } = [];

    public long Stored => NewEvents + Joined;

    /// <summary>The latency below which a share <paramref name="p"/> of stories were filed (nearest rank).</summary>
    public double LatencyPercentile(double p) => Percentile.NearestRank(Latencies, p);

    internal void Count(IngestResult result) => Count(result.Outcome, result.Merged?.Count ?? 0);

    /// <summary>Counts what filing did with a story that was read (<see cref="Read"/> is counted apart).</summary>
    public void Count(IngestOutcome outcome, int merged)
    {
        switch (outcome)
        {
            case IngestOutcome.NewEvent: NewEvents++; break;
            case IngestOutcome.JoinedEvent: Joined++; break;
            case IngestOutcome.Duplicate: Duplicates++; break;
            case IngestOutcome.Rejected: Errors++; break;
        }
        Merged += merged;
    }

    /// <summary>Counts an item read, and an error when it could not be read.</summary>
    public void CountRead(bool unreadable = false)
    {
        Read++;
        if (unreadable) Errors++;
    }
}
