using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using StoryMerge.Core;
using StoryMerge.Storage.Sqlite;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace StoryMerge.Storage.Index;

/// <summary>The Lucene index of the stored stories, in a directory beside the SQLite store: derived from it and rebuilt from it whenever in doubt.</summary>
/// <remarks>
/// <para>One document per stored story: its seq (the term changes are addressed by), id, language, publication day (a
/// numeric field; -1 for a story without a date), event (a doc value, updated in place when the story changes event),
/// match keys (field <c>key</c>) and language-neutral words (field <c>word</c>), each indexed once, without positions.</para>
/// <para>Changes arrive only after the SQLite transaction that made them has committed (<see cref="Apply"/>), and are
/// committed to disk every <see cref="CommitEvery"/> changes or <see cref="CommitInterval"/> (a commit per small batch is
/// bound by fsync). Each commit records the highest story seq it holds and the store's count of changes to stories
/// already indexed (<see cref="IndexState"/>); the store compares them with its own on opening and indexes again what a
/// crash lost. Readers are near-real-time: a <see cref="Snapshot"/> sees every change applied before it, committed or not.</para>
/// <para>Thread-safe: one thread applies changes while others take snapshots and search.</para>
/// </remarks>
public sealed class LuceneStoryIndex : IDisposable
{
    /// <summary>Changes applied after which the index is committed: a crash loses at most these, and the next open indexes them again (about a quarter of a second's work).</summary>
    public const int CommitEvery = 500;

    /// <summary>Longest time applied changes wait for a commit (checked when changes are applied).</summary>
    public static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(10);

    internal const string SeqField = "seq", SeqValueField = "seqv", IdField = "id", LanguageField = "lang",
        DayField = "day", DayValueField = "dayv", EventField = "event", KeyField = "key", WordField = "word";

    private const string MaxSeqData = "storymerge.maxSeq", ChangesData = "storymerge.changes";

    /// <summary>The day indexed for a story without a date.</summary>
    internal const int NoDay = -1;

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly System.Threading.Lock _gate = new();
    private DirectoryReader _reader;
    private IndexState _readerState;
    private IndexState _applied;
    private bool _stale;
    private int _uncommitted;
    private long _lastCommit = Stopwatch.GetTimestamp();
    private bool _disposed;

    private LuceneStoryIndex(string path, LuceneDirectory directory, IndexWriter writer, IndexState committed, bool created)
    {
        Path = path;
        _directory = directory;
        _writer = writer;
        Committed = committed;
        Created = created;
        _applied = committed;
        _reader = DirectoryReader.Open(writer, applyAllDeletes: true);
        _readerState = committed;
    }

    /// <summary>The index directory.</summary>
    public string Path { get; }

    /// <summary>What the last commit on disk holds.</summary>
    public IndexState Committed { get; private set; }

    /// <summary>Whether the index was created empty on opening (it was missing, or unreadable and thrown away).</summary>
    public bool Created { get; }

    /// <summary>What the changes applied so far hold (committed or not).</summary>
    public IndexState Applied { get { lock (_gate) return _applied; } }

    /// <summary>Opens the index at <paramref name="path"/>, creating it when missing; an index that cannot be read is deleted and created empty.</summary>
    /// <exception cref="StoreException">Another process has the index open for writing, or the directory cannot be created.</exception>
    public static LuceneStoryIndex Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            System.IO.Directory.CreateDirectory(path);
            try { return OpenExisting(path); }
            catch (LockObtainFailedException e)
            {
                throw new StoreException($"{path}: the index is open in another StoryMerge process (only one may file or search at a time)", e);
            }
            catch (Exception e) when (e is not StoreException)
            {
                // Unreadable (a torn copy, a damaged file): the index is derived from the store, so it is built again.
                foreach (var file in System.IO.Directory.EnumerateFileSystemEntries(path))
                {
                    if (System.IO.Directory.Exists(file)) System.IO.Directory.Delete(file, recursive: true);
                    else File.Delete(file);
                }
                return OpenExisting(path, forceCreate: true);
            }
        }
        catch (IOException e) when (e is not LockObtainFailedException)
        {
            throw new StoreException($"{path}: cannot open the index: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StoreException($"{path}: cannot open the index: {e.Message}", e);
        }
    }

    private static LuceneStoryIndex OpenExisting(string path, bool forceCreate = false)
    {
        var directory = FSDirectory.Open(new DirectoryInfo(path));
        IndexWriter? writer = null;
        try
        {
            bool exists = !forceCreate && DirectoryReader.IndexExists(directory);
            var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer: null)
            {
                OpenMode = exists ? OpenMode.APPEND : OpenMode.CREATE,
                RAMBufferSizeMB = 32,
            };
            writer = new IndexWriter(directory, config);
            var committed = IndexState.Empty;
            if (exists)
            {
                var infos = new SegmentInfos();
                infos.Read(directory);
                committed = IndexState.From(infos.UserData);
                // Reading every segment once finds a damaged file now, not in the middle of filing.
                using var check = DirectoryReader.Open(directory);
                _ = check.NumDocs;
                foreach (var leaf in check.Leaves) _ = leaf.AtomicReader.GetNumericDocValues(SeqValueField);
            }
            return new LuceneStoryIndex(path, directory, writer, committed, created: !exists);
        }
        catch
        {
            writer?.Dispose();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Stories indexed (as of the changes applied).</summary>
    public int Count
    {
        get { using var snapshot = Snapshot(); return snapshot.Reader.NumDocs; }
    }

    /// <summary>Applies changes the store has committed, in order; <paramref name="state"/> is what the index holds after them.</summary>
    public void Apply(IReadOnlyList<IndexChange> changes, IndexState state)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try { ApplyLocked(changes, state); }
            catch (Exception e) when (IsWriteFailure(e)) { throw WriteFailed(e); }
        }
    }

    private void ApplyLocked(IReadOnlyList<IndexChange> changes, IndexState state)
    {
        foreach (var change in changes)
        {
            var seq = SeqTerm(change.Seq);
            switch (change.Kind)
            {
                case IndexChangeKind.Add: _writer.AddDocument(Document(change.Entry!)); break;   // a seq is never indexed twice: a deleted one is removed before it comes back
                case IndexChangeKind.Delete: _writer.DeleteDocuments(seq); break;
                case IndexChangeKind.SetEvent: _writer.UpdateBinaryDocValue(seq, EventField, new BytesRef(change.EventId ?? "")); break;
            }
        }
        _applied = state;
        _stale |= changes.Count > 0;
        _uncommitted += changes.Count;
        if (_uncommitted >= CommitEvery || (_uncommitted > 0 && Stopwatch.GetElapsedTime(_lastCommit) >= CommitInterval)) CommitLocked();
    }

    /// <summary>Writes every applied change to disk, with the state it leaves the index in.</summary>
    public void Commit()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try { CommitLocked(); }
            catch (Exception e) when (IsWriteFailure(e)) { throw WriteFailed(e); }
        }
    }

    /// <summary>A write the disk refused (full, read-only, an I/O error; or one before it, after which Lucene closed the writer: its ObjectDisposedException): the store's fault, not the input's.</summary>
    private StoreException WriteFailed(Exception e) => new($"{Path}: cannot write the index: {e.Message}", e);

    private static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException or ObjectDisposedException;

    private void CommitLocked()
    {
        _writer.SetCommitData(_applied.ToUserData());
        _writer.Commit();
        Committed = _applied;
        _uncommitted = 0;
        _lastCommit = Stopwatch.GetTimestamp();
    }

    /// <summary>Deletes every document (a rebuild starts with this); committed with the next commit.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _writer.DeleteAll();
            _applied = IndexState.Empty;
            _stale = true;
        }
    }

    /// <summary>A point-in-time view of the index holding every change applied so far; dispose it when done.</summary>
    public IndexSnapshot Snapshot()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_stale)
            {
                DirectoryReader? newer;
                // Opening a near-real-time reader writes the changes applied since as a new segment.
                try { newer = DirectoryReader.OpenIfChanged(_reader, _writer, applyAllDeletes: true); }
                catch (Exception e) when (IsWriteFailure(e)) { throw WriteFailed(e); }
                if (newer is not null)
                {
                    _reader.DecRef();
                    _reader = newer;
                }
                _readerState = _applied;
                _stale = false;
            }
            _reader.IncRef();
            return new IndexSnapshot(_reader, _readerState.MaxSeq);
        }
    }

    /// <summary>How many stories hold each key (the archive's document frequencies), counting only live documents.</summary>
    public List<(string Key, int Stories)> KeyFrequencies()
    {
        using var snapshot = Snapshot();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in snapshot.Reader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var terms = reader.GetTerms(KeyField);
            if (terms is null) continue;
            var live = reader.LiveDocs;
            var term = terms.GetEnumerator();
            DocsEnum? docs = null;
            while (term.MoveNext())
            {
                int frequency;
                if (live is null) frequency = term.DocFreq;
                else
                {
                    // A deleted document stays in the term counts until its segment is merged away.
                    docs = term.Docs(live, docs, DocsFlags.NONE);
                    frequency = 0;
                    while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) frequency++;
                }
                if (frequency == 0) continue;
                var key = term.Term.Utf8ToString();
                counts[key] = counts.GetValueOrDefault(key) + frequency;
            }
        }
        return counts.Select(c => (c.Key, c.Value)).ToList();
    }

    /// <summary>The seq, id and event of every indexed story (to compare with the store after a crash).</summary>
    public Dictionary<long, (string Id, string? EventId)> Stories()
    {
        using var snapshot = Snapshot();
        var result = new Dictionary<long, (string, string?)>();
        var scratch = new BytesRef();
        foreach (var leaf in snapshot.Reader.Leaves)
        {
            var reader = leaf.AtomicReader;
            var seqs = reader.GetNumericDocValues(SeqValueField);
            var ids = reader.GetBinaryDocValues(IdField);
            var events = reader.GetBinaryDocValues(EventField);
            if (seqs is null || ids is null || events is null) continue;
            var live = reader.LiveDocs;
            for (int doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc)) continue;
                ids.Get(doc, scratch);
                var id = scratch.Utf8ToString();
                events.Get(doc, scratch);
                var eventId = scratch.Length == 0 ? null : scratch.Utf8ToString();
                result[seqs.Get(doc)] = (id, eventId);
            }
        }
        return result;
    }

    internal static Term SeqTerm(long seq) => new(SeqField, seq.ToString(CultureInfo.InvariantCulture));

    /// <summary>A field of whole terms (<see cref="TermListTokenStream"/>), indexed as <c>StringField</c> indexes each: documents only, no norms.</summary>
    private static readonly FieldType TermListType = Frozen(new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private static Document Document(StoryIndexEntry entry)
    {
        var document = new Document
        {
            new StringField(SeqField, entry.Seq.ToString(CultureInfo.InvariantCulture), Field.Store.NO),
            new NumericDocValuesField(SeqValueField, entry.Seq),
            new BinaryDocValuesField(IdField, new BytesRef(entry.Id.Value)),
            new StringField(LanguageField, entry.Language.Code, Field.Store.NO),
            new SortedDocValuesField(LanguageField, new BytesRef(entry.Language.Code)),
            new Int32Field(DayField, entry.Published?.DayNumber ?? NoDay, Field.Store.NO),
            new NumericDocValuesField(DayValueField, entry.Published?.DayNumber ?? NoDay),
            new BinaryDocValuesField(EventField, new BytesRef(entry.EventId ?? "")),
        };
        document.Add(new Field(KeyField, new TermListTokenStream(entry.Terms.Keys), TermListType));
        document.Add(new Field(WordField, new TermListTokenStream(entry.Terms.Words), TermListType));
        return document;
    }

    /// <summary>Commits what was applied and closes the index.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                if (_uncommitted > 0) CommitLocked();
            }
            catch (Exception e) when (IsWriteFailure(e))
            {
                // The disk refused the last commit: the next open indexes again what it would have held.
            }
            finally
            {
                // Each closed even when one fails (a full disk): a file left open would keep the volume busy.
                try { _reader.DecRef(); }
                finally
                {
                    try { _writer.Dispose(); }
                    finally { _directory.Dispose(); }
                }
            }
        }
    }

    /// <summary>Drops every change applied since the last commit and closes the index, as a process killed now would (for tests of recovery).</summary>
    internal void Abandon()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _reader.DecRef();
            _writer.Rollback();
            _directory.Dispose();
        }
    }
}

/// <summary>What an index holds: every story up to <see cref="MaxSeq"/> as of <see cref="Changes"/> changes to indexed stories (deletions, moves between events).</summary>
public readonly record struct IndexState(long MaxSeq, long Changes)
{
    public static IndexState Empty => new(0, 0);

    /// <summary>Recorded while a repair or rebuild is under way: it matches no store, so a crash in the middle is repaired in full next time.</summary>
    public static IndexState Repairing => new(0, -1);

    internal static IndexState From(IDictionary<string, string> data) => new(Read(data, "storymerge.maxSeq"), Read(data, "storymerge.changes"));

    internal Dictionary<string, string> ToUserData() => new()
    {
        ["storymerge.maxSeq"] = MaxSeq.ToString(CultureInfo.InvariantCulture),
        ["storymerge.changes"] = Changes.ToString(CultureInfo.InvariantCulture),
    };

    private static long Read(IDictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
}

/// <summary>What a change to the index does.</summary>
public enum IndexChangeKind
{
    /// <summary>Index a story (its seq is not in the index: a story deleted is removed before its seq can come back).</summary>
    Add,
    /// <summary>Remove a story.</summary>
    Delete,
    /// <summary>Record a story's new event.</summary>
    SetEvent,
}

/// <summary>One change to the index, made by a committed store transaction.</summary>
public sealed record IndexChange(IndexChangeKind Kind, long Seq, StoryIndexEntry? Entry = null, string? EventId = null);

/// <summary>A point-in-time reader of the index, with the highest story seq it holds; disposing it releases the reader.</summary>
public sealed class IndexSnapshot : IDisposable
{
    private int _disposed;

    internal IndexSnapshot(DirectoryReader reader, long maxSeq)
    {
        Reader = reader;
        MaxSeq = maxSeq;
        Searcher = new IndexSearcher(reader) { Similarity = StoryIndexSimilarity.Instance };
    }

    public DirectoryReader Reader { get; }

    public IndexSearcher Searcher { get; }

    /// <summary>Every story stored up to this seq is in the snapshot (none after it).</summary>
    public long MaxSeq { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) Reader.DecRef();
    }
}
