using System.Globalization;
using StoryMerge.Storage.Index;

namespace StoryMerge.Storage.Sqlite;

/// <summary>The store's side of the Lucene index: changes kept aside until SQLite commits, repair on opening, rebuilding.</summary>
public sealed partial class StoryStore
{
    /// <summary>Stories indexed again per step of a repair or rebuild (each step reads, analyses and indexes them).</summary>
    private const int RepairBatch = 256;

    private LuceneStoryIndex? _index;
    /// <summary>Index changes of the open transaction, applied when it commits; adds by seq, so the story's event can be set before.</summary>
    private readonly List<IndexChange> _pending = [];
    private readonly Dictionary<long, int> _pendingAdds = [];
    /// <summary>The store's count of changes to indexed stories (deletions, moves between events), as committed.</summary>
    private long _indexChanges;
    private long _indexChangesAtBegin;

    /// <summary>Fault injection for tests: runs after each SQLite commit that has index changes, before they reach the index
    /// (a kill there is the crash between the two commits).</summary>
    /// <remarks>Set from the environment variable <see cref="KillAfterCommitsVariable"/> for a whole process (the kill test of the CLI).</remarks>
    internal static Action<StoryStore>? AfterSqliteCommit = KillAfterCommits(Environment.GetEnvironmentVariable(KillAfterCommitsVariable));

    /// <summary>Names an environment variable holding N: the process kills itself (SIGKILL) right after its N-th SQLite commit with index changes, before the index sees them.</summary>
    public const string KillAfterCommitsVariable = "STORYMERGE_FAULT_KILL_AFTER_COMMITS";

    private static Action<StoryStore>? KillAfterCommits(string? setting)
    {
        if (!int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out var commits) || commits < 1) return null;
        int seen = 0;
        return _ =>
        {
            if (Interlocked.Increment(ref seen) == commits) System.Diagnostics.Process.GetCurrentProcess().Kill();
        };
    }

    /// <summary>The store's Lucene index, once <see cref="OpenIndex"/> has opened it.</summary>
    /// <exception cref="InvalidOperationException">The index is not open.</exception>
    public LuceneStoryIndex Index => _index ?? throw new InvalidOperationException("the story index is not open (StoryStore.OpenIndex)");

    public bool IndexIsOpen => _index is not null;

    /// <summary>Opens the index (creating it when missing, building it anew when unreadable) and brings it up to date with the store.</summary>
    /// <param name="entries">The index entries of stored stories, by seq (<see cref="StoryIndexer"/>: it analyses their texts again).</param>
    /// <param name="progress">Stories indexed so far of those to index, when there are any.</param>
    /// <returns>What had to be done.</returns>
    /// <exception cref="StoreException">The index is open in another process, or its directory cannot be written.</exception>
    public IndexRepair OpenIndex(Func<IReadOnlyList<long>, IReadOnlyList<StoryIndexEntry>> entries, IProgress<(long Done, long Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (_index is not null) return new IndexRepair(IndexRepairKind.UpToDate, 0, 0);
        if (_transaction is not null) throw new InvalidOperationException("the index cannot be opened inside a transaction");
        var index = LuceneStoryIndex.Open(IndexPath);
        try
        {
            var repair = Repair(index, entries, progress);
            _index = index;
            return repair;
        }
        catch (Exception e)
        {
            index.Dispose();
            if (e is IOException or UnauthorizedAccessException) throw new StoreException($"{IndexPath}: cannot write the index: {e.Message}", e);
            throw;
        }
    }

    /// <summary>Throws the index away and builds it again from every stored story (`storymerge reindex`).</summary>
    public IndexRepair RebuildIndex(Func<IReadOnlyList<long>, IReadOnlyList<StoryIndexEntry>> entries, IProgress<(long Done, long Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (_index is null) _index = LuceneStoryIndex.Open(IndexPath);
        _index.Clear();
        var all = Query("SELECT seq FROM stories ORDER BY seq", r => r.GetInt64(0));
        AddEntries(_index, all, entries, progress);
        _index.Apply([], new IndexState(MaxSeq(), _indexChanges));
        _index.Commit();
        return new IndexRepair(IndexRepairKind.Rebuilt, all.Count, 0);
    }

    private IndexRepair Repair(LuceneStoryIndex index, Func<IReadOnlyList<long>, IReadOnlyList<StoryIndexEntry>> entries, IProgress<(long Done, long Total)>? progress)
    {
        var committed = index.Committed;
        long maxSeq = MaxSeq();
        var current = new IndexState(maxSeq, _indexChanges);
        if (committed == current && !index.Created && index.Count == StoryCount()) return new IndexRepair(IndexRepairKind.UpToDate, 0, 0);

        IndexRepair repair;
        if (committed.Changes == _indexChanges && committed.MaxSeq <= maxSeq && !index.Created)
        {
            // Only stories filed after the last commit are missing (the common case after a crash while filing).
            var missing = Query("SELECT seq FROM stories WHERE seq > $seq ORDER BY seq", r => r.GetInt64(0), ("$seq", committed.MaxSeq));
            AddEntries(index, missing, entries, progress);
            repair = new IndexRepair(IndexRepairKind.CaughtUp, missing.Count, 0);
            if (index.Count != StoryCount()) repair = Reconcile(index, entries, progress);
        }
        else repair = Reconcile(index, entries, progress);
        // Committed with the next periodic commit, not now (a commit costs a flush and an fsync before the first new
        // story): a crash before it repairs the same stories again.
        index.Apply([], current);
        return repair;
    }

    /// <summary>Compares every indexed story with the store: removes what the store no longer holds, corrects events, indexes what is missing.</summary>
    private IndexRepair Reconcile(LuceneStoryIndex index, Func<IReadOnlyList<long>, IReadOnlyList<StoryIndexEntry>> entries, IProgress<(long Done, long Total)>? progress)
    {
        var indexed = index.Stories();
        var stored = Query("SELECT seq, id, event_id FROM stories LEFT JOIN memberships ON story_seq = seq ORDER BY seq",
            r => (Seq: r.GetInt64(0), Id: r.GetString(1), Event: r.IsDBNull(2) ? null : r.GetString(2)));
        var bySeq = stored.ToDictionary(s => s.Seq);
        var changes = new List<IndexChange>();
        int removed = 0;
        foreach (var (seq, (id, eventId)) in indexed)
        {
            if (!bySeq.TryGetValue(seq, out var row) || row.Id != id) { changes.Add(new IndexChange(IndexChangeKind.Delete, seq)); removed++; }
            else if (row.Event != eventId) changes.Add(new IndexChange(IndexChangeKind.SetEvent, seq, EventId: row.Event));
        }
        index.Apply(changes, IndexState.Repairing);
        var missing = stored.Where(s => !indexed.TryGetValue(s.Seq, out var i) || i.Id != s.Id).Select(s => s.Seq).ToList();
        AddEntries(index, missing, entries, progress);
        return new IndexRepair(index.Created ? IndexRepairKind.Rebuilt : IndexRepairKind.Reconciled, missing.Count, removed);
    }

    private static void AddEntries(LuceneStoryIndex index, IReadOnlyList<long> seqs, Func<IReadOnlyList<long>, IReadOnlyList<StoryIndexEntry>> entries,
        IProgress<(long Done, long Total)>? progress)
    {
        long done = 0;
        foreach (var batch in seqs.Chunk(RepairBatch))
        {
            // Marked as repairing until the end: a crash in the middle leaves an index the next open compares in full.
            index.Apply(entries(batch).Select(e => new IndexChange(IndexChangeKind.Add, e.Seq, e)).ToList(), IndexState.Repairing);
            done += batch.Length;
            progress?.Report((done, seqs.Count));
        }
    }

    private void ApplyPending()
    {
        if (_pending.Count == 0) return;
        var changes = _pending.ToList();
        _pending.Clear();
        _pendingAdds.Clear();
        _index?.Apply(changes, new IndexState(MaxSeq(), _indexChanges));
    }

    /// <summary>Counts a change to a story the index may already hold (its commit then no longer matches the store's count).</summary>
    private void CountIndexChange()
    {
        Execute("UPDATE store_state SET value = value + 1 WHERE name = 'index_changes'");
        _indexChanges++;
    }

    /// <summary>Applies the changes at once when no transaction is open (a write outside <see cref="InTransaction"/> commits by itself).</summary>
    private void Changed()
    {
        if (_transaction is null) ApplyPending();
    }

    public void InTransaction(Action work) => InTransaction(() => { work(); return 0; });
}
