using System.Diagnostics;
using Chunk = System.Collections.Generic.List<(StoryMerge.Core.Input.ReadItem Item, StoryMerge.Storage.Online.PreparedStory? Prepared, string? Rejection)>;
using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Online;

/// <summary>Ingests a stream of read items (an archive, a feed file): analysis and candidate retrieval run ahead, filing stays in input order.</summary>
/// <remarks>
/// Filing one story at a time on one thread keeps the result a function of the input order; analysing the chunk after
/// next (in parallel) and retrieving the next chunk's candidates (<see cref="CandidateLookahead"/>) meanwhile use the
/// other cores. Stories are committed in groups of <see cref="CommitGroup"/> (a commit per story cost a sixth of the
/// filing time; a run's first groups are smaller): an interrupted run keeps every group committed so far, a killed one
/// loses at most the group it was in, and a re-run stores the rest (the others count as duplicates, found by a lookup
/// of the ids and texts stored before the run, so a re-run spends no analysis on them and reaches the new stories at
/// once; a reader given <see cref="StoredBefore(string)"/> passes over their lines after reading only the id).
/// </remarks>
public sealed class BatchIngestor
{
    /// <summary>Stories analysed together once a run is under way; its first chunks hold fewer (see <see cref="_chunkStories"/>).</summary>
    private const int ChunkSize = 64;

    /// <summary>Most items a chunk holds, counting the lines passed over and the lines that do not read: a resumed run's stored
    /// stories then take a chunk or two, read (by their ids) while the ingestor opens.</summary>
    private const int MaxChunkItems = 1 << 16;

    /// <summary>Stories committed together once a run is under way.</summary>
    public const int CommitGroup = 16;

    /// <summary>Most items a commit group holds, counting those already stored (looked up together).</summary>
    private const int MaxGroupItems = 4096;

    /// <summary>Stories the next chunk holds, and the next commit group: 1 and 8 at first, doubling up to <see cref="CommitGroup"/> and
    /// <see cref="ChunkSize"/>, so that the first new stories of a run (a resumed one above all) are analysed and committed at once.</summary>
    private int _groupStories = 1, _chunkStories = 8;

    /// <summary>Finds candidates ahead of filing; null once filing did something it did not predict.</summary>
    private volatile CandidateLookahead? _lookahead;

    private readonly DedupPipeline _pipeline;
    private readonly Func<StoryIngestor> _open;

    /// <summary>The ingestor filing goes through, once <see cref="Run"/> has opened it.</summary>
    private StoryIngestor? _ingestor;

    /// <summary>Ids and content hashes stored before this ingestor was made: a re-run passes over them by a lookup, without analysing them.</summary>
    private readonly (HashSet<string> Ids, HashSet<string> ContentHashes)? _stored;

    public BatchIngestor(StoryIngestor ingestor) : this(ingestor.Pipeline, ingestor.Store, () => ingestor) { }

    /// <summary>A batch ingest that opens its ingestor (the index, the archive's statistics) only once reading and analysis have begun, beside them.</summary>
    /// <param name="open">Opens the ingestor over <paramref name="store"/> with <paramref name="pipeline"/>; called once, on the thread of <see cref="Run"/>.</param>
    public BatchIngestor(DedupPipeline pipeline, StoryStore store, Func<StoryIngestor> open)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(open);
        _pipeline = pipeline;
        _open = open;
        _stored = store.StoryCount() > 0 ? store.StoredKeys() : null;
    }

    /// <summary>Files every item; <paramref name="observe"/> sees each item with its result (null for an item that could not be read).</summary>
    /// <exception cref="StoreException">The ingestor could not be opened (its index is open in another process, or cannot be written).</exception>
    public IngestReport Run(IEnumerable<ReadItem> items, Action<ReadItem, IngestResult?>? observe = null, IProgress<long>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var report = new IngestReport();
        var clock = Stopwatch.StartNew();
        using var source = items.GetEnumerator();
        // Three stages, each in input order: analysing chunk c+2 (in parallel), looking ahead in chunk c+1, filing chunk c.
        Task<Chunk>? analysing = null, looking = null;
        CandidateLookahead? lookahead = null;
        try
        {
            // Reading and analysis begin first: the ingestor's index and statistics open beside them (a resumed run
            // reaches its first new story the sooner).
            var first = Task.Run(() => AnalyseChunk(source));
            analysing = After(first, _ => AnalyseChunk(source));
            var ingestor = _ingestor ??= _open();
            _lookahead = lookahead = new CandidateLookahead(ingestor);
            looking = After(first, LookAhead);
            while (true)
            {
                var chunk = looking.GetAwaiter().GetResult();
                if (chunk.Count == 0) break;
                looking = After(analysing, LookAhead);
                analysing = After(analysing, _ => AnalyseChunk(source));
                foreach (var group in CommitGroups(chunk))
                {
                    if (cancellation.IsCancellationRequested) break;
                    ingestor.Store.InTransaction(() => FileGroup(group, ingestor, report, observe, progress, cancellation));
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
            lookahead?.Dispose();
        }
        report.Filing = clock.Elapsed;
        report.Latencies.Sort();
        return report;
    }

    /// <summary>Runs <paramref name="next"/> on the chunk <paramref name="previous"/> gives, once it has given it (its exception, if any, passes on).</summary>
    private static Task<Chunk> After(Task<Chunk> previous, Func<Chunk, Chunk> next) =>
        previous.ContinueWith(done => next(done.GetAwaiter().GetResult()), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    /// <summary>Files a group of analysed items in input order, inside the caller's transaction.</summary>
    private void FileGroup((ReadItem, PreparedStory?, string?)[] group, StoryIngestor ingestor, IngestReport report, Action<ReadItem, IngestResult?>? observe,
        IProgress<long>? progress, CancellationToken cancellation)
    {
        // The stories passed over by their ids, looked up at once (a resumed run passes over thousands).
        var passedOver = group.Where(g => g.Item1.PassedOverId is not null).Select(g => g.Item1.PassedOverId!.Value).ToList();
        var stored = passedOver.Count > 0 ? ingestor.Stored(passedOver) : null;
        foreach (var (item, prepared, rejection) in group)
        {
            if (cancellation.IsCancellationRequested) return;
            report.Read++;
            IngestResult? result = null;
            if (item.PassedOverId is { } id)
                result = stored!.GetValueOrDefault(id.Value) ?? IngestResult.Rejected(id, "it was stored when this run began and has been deleted since; run again to file it");
            else if (!item.Succeeded) report.Errors++;
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

    /// <summary>The chunk's items in commit groups of <see cref="_groupStories"/> stories to file, in order.</summary>
    private IEnumerable<(ReadItem, PreparedStory?, string?)[]> CommitGroups(Chunk chunk)
    {
        int start = 0, stories = 0;
        for (int i = 0; i < chunk.Count; i++)
        {
            if (chunk[i].Prepared is not null) stories++;
            if (stories < _groupStories && i + 1 - start < MaxGroupItems && i + 1 < chunk.Count) continue;
            yield return [.. chunk.GetRange(start, i + 1 - start)];
            if (stories > 0) _groupStories = Math.Min(2 * _groupStories, CommitGroup);
            start = i + 1;
            stories = 0;
        }
    }

    /// <summary>Reads the next <see cref="_chunkStories"/> stories (with the items between them that need no analysis) and analyses them in parallel.</summary>
    private Chunk AnalyseChunk(IEnumerator<ReadItem> source)
    {
        var chunk = new List<ReadItem>(_chunkStories);
        int stories = 0;
        while (stories < _chunkStories && chunk.Count < MaxChunkItems && source.MoveNext())
        {
            chunk.Add(source.Current);
            if (source.Current.Succeeded) stories++;
        }
        if (stories > 0) _chunkStories = Math.Min(2 * _chunkStories, ChunkSize);
        var result = new (ReadItem, PreparedStory?, string?)[chunk.Count];
        Parallel.For(0, chunk.Count, i =>
        {
            var item = chunk[i];
            if (!item.Succeeded || StoredBefore(item.Story!)) { result[i] = (item, null, null); return; }   // passed over, unreadable or stored
            var prepared = PreparedStory.TryPrepare(_pipeline, item.Story!, out var rejection);
            result[i] = (item, prepared, rejection);
        });
        return [.. result];
    }

    /// <summary>Whether a story with this id (<see cref="StoryId.Value"/>) was stored before this ingestor was made: its input can be passed over (<see cref="ReadItem.PassedOver"/>).</summary>
    public bool StoredBefore(string id) => _stored is { } stored && stored.Ids.Contains(id);

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
