using System.Globalization;
using Microsoft.Data.Sqlite;
using StoryMerge.Core;
using StoryMerge.Storage.Index;

namespace StoryMerge.Storage.Sqlite;

/// <summary>The SQLite database of stories, events, memberships and editors' decisions, and the Lucene index derived from it.</summary>
/// <remarks>
/// <para>WAL mode: readers (another process running `storymerge events`) never block the writer. One connection, not
/// thread-safe: callers serialise access (the ingestor holds a lock). Writes happen inside <see cref="InTransaction"/>.</para>
/// <para>SQLite is the record; the index (<see cref="LuceneStoryIndex"/>, a directory beside the database) is derived from
/// it. The index changes a transaction makes are kept aside and applied once SQLite has committed it, so the index never
/// holds what the store does not. What a crash keeps from the index is repaired on <see cref="OpenIndex"/>: stories filed
/// after the index's last commit are indexed again, and when stories already indexed were deleted or moved between events
/// since (the store counts those changes, the index commit records the count), index and store are compared story by story.</para>
/// </remarks>
public sealed partial class StoryStore : IDisposable
{
    /// <summary>Bits of an index rowid that hold the story's seq; the day sits above them.</summary>
    private const int SeqBits = 40;

    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;
    /// <summary>Prepared statements by SQL text: filing a story runs the same dozen statements, and parsing them anew each time was a visible share of it.</summary>
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private const int MaxStatements = 64;

    private StoryStore(SqliteConnection connection, string path, string indexPath)
    {
        _connection = connection;
        Path = path;
        IndexPath = indexPath;
        _indexChanges = Scalar<long>("SELECT value FROM store_state WHERE name = 'index_changes'");
    }

    public string Path { get; }

    /// <summary>The directory of the store's Lucene index.</summary>
    public string IndexPath { get; }

    /// <summary>The default index directory of a database: beside it, named after it (<c>storymerge.db</c> → <c>storymerge.db.index</c>).</summary>
    public static string DefaultIndexPath(string databasePath) => System.IO.Path.GetFullPath(databasePath) + ".index";

    /// <summary>Opens the database at <paramref name="path"/> (creating it when missing, if <paramref name="create"/>) and brings its schema up to date.</summary>
    /// <param name="indexPath">The index directory (default <see cref="DefaultIndexPath"/>); opened by <see cref="OpenIndex"/>.</param>
    /// <exception cref="StoreException">The file is missing (and not to be created), is not a SQLite database, is newer than this build, or cannot be opened.</exception>
    public static StoryStore Open(string path, bool create = true, string? indexPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!create && !File.Exists(full)) throw new StoreException($"{path}: no such database (run `storymerge ingest` first, or give --db)");
        var directory = System.IO.Path.GetDirectoryName(full);
        if (directory is not null && !Directory.Exists(directory))
            throw new StoreException($"{path}: the directory {directory} does not exist");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
            StoreSchema.Migrate(connection, path);
            return new StoryStore(connection, path, indexPath is null ? DefaultIndexPath(full) : System.IO.Path.GetFullPath(indexPath));
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException($"{path}: cannot open the database: {StoreFault.ReasonOf(e)}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // The index is derived from the stories: an index that cannot commit on close (a full disk) is repaired by the
        // next open, and the error that brought the command down (often the same full disk, met by SQLite) is the one to report.
        try { _index?.Dispose(); }
        catch (IOException) { }
        finally
        {
            foreach (var statement in _statements.Values) statement.Dispose();
            _transaction?.Dispose();
            _connection.Dispose();
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it is stored, or (on any exception) none of it.</summary>
    /// <remarks>The index sees the transaction's changes once it has committed (<see cref="LuceneStoryIndex.Snapshot"/> then shows them).</remarks>
    public T InTransaction<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_transaction is not null) return work();
        _transaction = _connection.BeginTransaction();
        _indexChangesAtBegin = _indexChanges;
        T result;
        try
        {
            result = work();
            _transaction.Commit();
        }
        catch
        {
            // SQLite may have rolled back on its own (a full disk at COMMIT); the first error is the one to report.
            try { _transaction.Rollback(); }
            catch (SqliteException) { }
            catch (InvalidOperationException) { }
            _pending.Clear();
            _pendingAdds.Clear();
            _indexChanges = _indexChangesAtBegin;
            throw;
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
        }
        if (_pending.Count > 0) AfterSqliteCommit?.Invoke(this);
        ApplyPending();
        return result;
    }

    /// <summary>The index rowid of a story: its publication day above its seq, so a date window is one rowid range.</summary>
    public static long IndexRowid(DateOnly? published, long seq) => ((published is { } d ? d.DayNumber + 1L : 0L) << SeqBits) | seq;

    /// <summary>The seq a story's index rowid holds.</summary>
    public static long SeqOf(long indexRowid) => indexRowid & ((1L << SeqBits) - 1);

    // ---- stories ----

    public StoryRow? FindStory(StoryId id) =>
        QuerySingle("SELECT seq, id, event_id FROM stories LEFT JOIN memberships ON story_seq = seq WHERE id = $id", ReadRow, ("$id", id.Value));

    /// <summary>The stored stories with these ids, and for an id filed as a content duplicate the story it repeats (as <see cref="FindStory"/> then <see cref="FindAlias"/> find them), by the id asked for; ids not stored are left out.</summary>
    public Dictionary<string, StoryRow> FindStories(IReadOnlyCollection<StoryId> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = System.Text.Json.JsonSerializer.Serialize(ids.Select(id => id.Value));
        var found = new Dictionary<string, StoryRow>(StringComparer.Ordinal);
        foreach (var (asked, row) in Query("SELECT story_aliases.id, seq, stories.id, event_id FROM story_aliases JOIN stories ON seq = original_seq LEFT JOIN memberships ON story_seq = seq WHERE story_aliases.id IN (SELECT value FROM json_each($ids))",
                     ReadAskedRow, ("$ids", list)))
            found[asked] = row;
        foreach (var (asked, row) in Query("SELECT id, seq, id, event_id FROM stories LEFT JOIN memberships ON story_seq = seq WHERE id IN (SELECT value FROM json_each($ids))",
                     ReadAskedRow, ("$ids", list)))
            found[asked] = row;   // a story under its own id before an alias of that id
        return found;
    }

    private static (string Asked, StoryRow Row) ReadAskedRow(SqliteDataReader r) =>
        (r.GetString(0), new StoryRow(r.GetInt64(1), new StoryId(r.GetString(2)), r.IsDBNull(3) ? null : r.GetString(3)));

    /// <summary>The stored story that a content duplicate filed under <paramref name="id"/> repeats, or null when the id is no such duplicate.</summary>
    public StoryRow? FindAlias(StoryId id) =>
        QuerySingle("SELECT seq, stories.id, event_id FROM story_aliases JOIN stories ON seq = original_seq LEFT JOIN memberships ON story_seq = seq WHERE story_aliases.id = $id",
            ReadRow, ("$id", id.Value));

    /// <summary>Records that <paramref name="id"/> repeats the text of the stored story <paramref name="originalSeq"/>; an id already recorded is left as it is.</summary>
    public void AddAlias(StoryId id, long originalSeq, DateTimeOffset now) => Execute(
        "INSERT OR IGNORE INTO story_aliases (id, original_seq, filed_at) VALUES ($id, $seq, $at)",
        ("$id", id.Value), ("$seq", originalSeq), ("$at", now.ToString("O", CultureInfo.InvariantCulture)));

    /// <summary>Forgets a content duplicate's id; false when it was none.</summary>
    public bool DeleteAlias(StoryId id) => Execute("DELETE FROM story_aliases WHERE id = $id", ("$id", id.Value)) > 0;

    /// <summary>Every stored story's id and content hash (content duplicates' ids with their original's hash), for a re-run to pass over what it filed before without analysing it.</summary>
    public (HashSet<string> Ids, HashSet<string> ContentHashes) StoredKeys()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, hash) in Query("SELECT id, content_hash FROM stories UNION ALL SELECT story_aliases.id, content_hash FROM story_aliases JOIN stories ON seq = original_seq", r => (r.GetString(0), r.GetString(1))))
        {
            ids.Add(id);
            hashes.Add(hash);
        }
        return (ids, hashes);
    }

    public StoryRow? FindByContent(string contentHash) =>
        QuerySingle("SELECT seq, id, event_id FROM stories LEFT JOIN memberships ON story_seq = seq WHERE content_hash = $h ORDER BY seq LIMIT 1", ReadRow, ("$h", contentHash));

    /// <summary>Stores a new story with its match features (<see cref="FeatureCodec"/>), merge features (<see cref="MergeFeatureCodec"/>) and index terms; returns its seq.</summary>
    public long InsertStory(Story story, LanguageTag language, string contentHash, long sampleRank, byte[] features, byte[] mergeFeatures, IndexTerms terms, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(mergeFeatures);
        long seq = Scalar<long>("SELECT coalesce(max(seq), 0) + 1 FROM stories");
        long rowid = IndexRowid(story.Published, seq);
        Execute("""
            INSERT INTO stories (seq, id, content_hash, text, title, language_given, language, published, published_at, located, subjects, source, url, ingested_at, sample_rank, index_rowid, features, merge_features)
            VALUES ($seq, $id, $hash, $text, $title, $given, $lang, $published, $publishedAt, $located, $subjects, $source, $url, $at, $rank, $rowid, $features, $merge)
            """,
            ("$seq", seq), ("$id", story.Id.Value), ("$hash", contentHash), ("$text", story.Text), ("$title", story.Title),
            ("$given", story.Language.IsKnown ? story.Language.Code : null), ("$lang", language.Code), ("$published", story.Published?.DayNumber),
            ("$publishedAt", story.PublishedAt?.ToString("O", CultureInfo.InvariantCulture)),
            ("$located", ConceptCodec.Encode(story.Located)), ("$subjects", ConceptCodec.Encode(story.Subjects)),
            ("$source", story.Source), ("$url", story.Url), ("$at", now.ToString("O", CultureInfo.InvariantCulture)), ("$rank", sampleRank),
            ("$rowid", rowid), ("$features", features), ("$merge", mergeFeatures));
        _pendingAdds[seq] = _pending.Count;
        _pending.Add(new IndexChange(IndexChangeKind.Add, seq, new StoryIndexEntry(seq, story.Id, language, story.Published, null, terms)));
        Changed();
        return seq;
    }

    /// <summary>Removes a story, its index entry and its membership.</summary>
    public void DeleteStory(long seq)
    {
        Execute("DELETE FROM kept_apart WHERE story_a = $seq OR story_b = $seq", ("$seq", seq));
        Execute("DELETE FROM memberships WHERE story_seq = $seq", ("$seq", seq));
        Execute("DELETE FROM story_aliases WHERE original_seq = $seq", ("$seq", seq));
        Execute("DELETE FROM stories WHERE seq = $seq", ("$seq", seq));
        _pendingAdds.Remove(seq);
        _pending.Add(new IndexChange(IndexChangeKind.Delete, seq));
        CountIndexChange();
        Changed();
    }

    /// <summary>The story as it arrived (text verbatim), for analysing it again.</summary>
    public Story? LoadStory(long seq) => QuerySingle(
        "SELECT id, text, title, language_given, published, source, url, published_at, located, subjects FROM stories WHERE seq = $seq",
        r => new Story(new StoryId(r.GetString(0)), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
            r.IsDBNull(3) ? default : new LanguageTag(r.GetString(3)), r.IsDBNull(4) ? null : DateOnly.FromDayNumber(r.GetInt32(4)),
            r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6))
        {
            PublishedAt = r.IsDBNull(7) ? null : DateTimeOffset.ParseExact(r.GetString(7), "O", CultureInfo.InvariantCulture),
            Located = ConceptCodec.Decode(r.IsDBNull(8) ? null : r.GetString(8)),
            Subjects = ConceptCodec.Decode(r.IsDBNull(9) ? null : r.GetString(9)),
        },
        ("$seq", seq));

    /// <summary>What rebuilding an event's canonical record reads of each member, in seq order: its stored merge features, or (for a
    /// story filed before the store kept them) the story itself, to be analysed.</summary>
    /// <exception cref="InvalidDataException">A member's merge features are not ones this build reads.</exception>
    public IReadOnlyList<MemberForMerge> MembersForMerge(string eventId) => Query("""
        SELECT seq, id, language, published, source, merge_features, CASE WHEN merge_features IS NULL THEN text END, title, language_given, url,
            published_at, located, subjects
        FROM stories JOIN memberships ON story_seq = seq WHERE event_id = $id ORDER BY seq
        """, r =>
        {
            var id = new StoryId(r.GetString(1));
            DateOnly? published = r.IsDBNull(3) ? null : DateOnly.FromDayNumber(r.GetInt32(3));
            var source = r.IsDBNull(4) ? null : r.GetString(4);
            DateTimeOffset? publishedAt = r.IsDBNull(10) ? null : DateTimeOffset.ParseExact(r.GetString(10), "O", CultureInfo.InvariantCulture);
            var located = ConceptCodec.Decode(r.IsDBNull(11) ? null : r.GetString(11));
            var subjects = ConceptCodec.Decode(r.IsDBNull(12) ? null : r.GetString(12));
            if (!r.IsDBNull(5))
                return new MemberForMerge(r.GetInt64(0), MergeFeatureCodec.Decode(id, new LanguageTag(r.GetString(2)), published, source, (byte[])r.GetValue(5),
                    publishedAt, located, subjects), null);
            var story = new Story(id, r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? default : new LanguageTag(r.GetString(8)),
                published, source, r.IsDBNull(9) ? null : r.GetString(9)) { PublishedAt = publishedAt, Located = located, Subjects = subjects };
            return new MemberForMerge(r.GetInt64(0), null, story);
        }, ("$id", eventId));

    /// <summary>Keeps the merge features of a story filed before the store kept them (a story that has them keeps its own).</summary>
    public void SaveMergeFeatures(long seq, byte[] mergeFeatures)
    {
        ArgumentNullException.ThrowIfNull(mergeFeatures);
        Execute("UPDATE stories SET merge_features = $merge WHERE seq = $seq AND merge_features IS NULL", ("$seq", seq), ("$merge", mergeFeatures));
    }

    /// <summary>The stored features of the given stories, with their events.</summary>
    public IReadOnlyList<StoredFeatures> LoadFeatures(IReadOnlyCollection<long> seqs)
    {
        if (seqs.Count == 0) return [];
        return Query($"SELECT {FeatureColumns} WHERE seq IN (SELECT value FROM json_each($seqs))", ReadFeatures, ("$seqs", SeqList(seqs)));
    }

    /// <summary>The stored features of the given stories with the neutral words kept with them (null for a story stored before they were kept).</summary>
    public IReadOnlyList<(StoredFeatures Stored, IReadOnlyList<string>? Words)> LoadFeaturesWithWords(IReadOnlyCollection<long> seqs)
    {
        if (seqs.Count == 0) return [];
        return Query($"SELECT {FeatureColumns} WHERE seq IN (SELECT value FROM json_each($seqs))", r => ReadFeatures(r, withWords: true), ("$seqs", SeqList(seqs)));
    }

    /// <summary>The <paramref name="count"/> stories stored last (highest seq first).</summary>
    public IReadOnlyList<StoredFeatures> LatestFeatures(int count) => Query(
        $"SELECT {FeatureColumns} ORDER BY seq DESC LIMIT $n", ReadFeatures, ("$n", count));

    /// <summary>The <paramref name="count"/> stories of a language with the lowest sample rank (a fixed pseudo-random sample).</summary>
    public IReadOnlyList<StoredFeatures> SampleOf(LanguageTag language, int count) => Query(
        $"SELECT {FeatureColumns} WHERE language = $lang ORDER BY sample_rank, seq LIMIT $n",
        ReadFeatures, ("$lang", language.Code), ("$n", count));

    /// <summary>The <paramref name="count"/> stories with the lowest sample rank among the language's first <paramref name="among"/> stories (by seq).</summary>
    public IReadOnlyList<StoredFeatures> SampleOf(LanguageTag language, int count, int among) => Query(
        $"SELECT {FeatureColumns} WHERE seq IN (SELECT seq FROM stories WHERE language = $lang ORDER BY seq LIMIT $among) ORDER BY sample_rank, seq LIMIT $n",
        ReadFeatures, ("$lang", language.Code), ("$n", count), ("$among", among));

    /// <summary>How many stories each language holds.</summary>
    public IReadOnlyList<(LanguageTag Language, int Stories)> LanguageCounts() =>
        Query("SELECT language, count(*) FROM stories GROUP BY language ORDER BY language", r => (new LanguageTag(r.GetString(0)), r.GetInt32(1)));

    public IReadOnlyList<LanguageTag> Languages() => Query("SELECT DISTINCT language FROM stories ORDER BY language", r => new LanguageTag(r.GetString(0)));

    /// <summary>Every stored story's language, by id.</summary>
    public Dictionary<string, string> LoadLanguages() =>
        Query("SELECT id, language FROM stories", r => (r.GetString(0), r.GetString(1))).ToDictionary(x => x.Item1, x => x.Item2, StringComparer.Ordinal);

    public long UndatedStoryCount() => Scalar<long>("SELECT count(*) FROM stories WHERE published IS NULL");

    public long StoryCount() => Scalar<long>("SELECT count(*) FROM stories");

    public int StoryCount(LanguageTag language) => (int)Scalar<long>("SELECT count(*) FROM stories WHERE language = $lang", ("$lang", language.Code));

    /// <summary>How many stories hold each index key (the archive's document frequencies), from the index.</summary>
    /// <exception cref="InvalidOperationException">The index is not open.</exception>
    public IEnumerable<(string Key, int Stories)> KeyFrequencies() => Index.KeyFrequencies();

    /// <summary>The highest story seq stored (0 when none): the next story stored gets this plus one.</summary>
    public long MaxSeq() => Scalar<long>("SELECT coalesce(max(seq), 0) FROM stories");

    /// <summary>Runs <paramref name="read"/> on one snapshot of the database (a deferred transaction: it never blocks a writer on another connection).</summary>
    public T ReadSnapshot<T>(Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (_transaction is not null) return read();
        _transaction = _connection.BeginTransaction(deferred: true);
        try { return read(); }
        finally
        {
            _transaction.Rollback();
            _transaction.Dispose();
            _transaction = null;
        }
    }


    // ---- events ----

    public void CreateEvent(string id, long createdSeq, DateTimeOffset now)
    {
        Execute("DELETE FROM event_redirects WHERE old_id = $id", ("$id", id));
        Execute("""
            INSERT INTO events (id, version, created_seq, member_count, languages, dirty, updated_at)
            VALUES ($id, 0, $seq, 0, '', 1, $at)
            """, ("$id", id), ("$seq", createdSeq), ("$at", Timestamp(now)));
    }

    /// <summary>"ev-" and a hash of the event's first story id; if that id is taken (a deleted story's id came back while its event lives on), the story's seq makes it new.</summary>
    public string NewEventId(StoryId first, long seq)
    {
        var id = Core.Merging.EventMerger.EventId(first);
        return FindEvent(id) is null ? id : Core.Merging.EventMerger.EventId(new StoryId($"{first.Value}#{seq}"));
    }

    public void SetMembership(long seq, string eventId)
    {
        Execute("INSERT INTO memberships (story_seq, event_id) VALUES ($seq, $e) ON CONFLICT(story_seq) DO UPDATE SET event_id = $e", ("$seq", seq), ("$e", eventId));
        if (_pendingAdds.TryGetValue(seq, out var at)) _pending[at] = _pending[at] with { Entry = _pending[at].Entry! with { EventId = eventId } };
        else
        {
            _pending.Add(new IndexChange(IndexChangeKind.SetEvent, seq, EventId: eventId));
            CountIndexChange();
        }
        Changed();
    }

    /// <summary>Moves every member of <paramref name="from"/> into <paramref name="into"/>, deletes <paramref name="from"/> and remembers where it went.</summary>
    public void MergeEvent(string from, string into)
    {
        foreach (var seq in MembersOf(from))
        {
            if (_pendingAdds.TryGetValue(seq, out var at)) _pending[at] = _pending[at] with { Entry = _pending[at].Entry! with { EventId = into } };
            else _pending.Add(new IndexChange(IndexChangeKind.SetEvent, seq, EventId: into));
        }
        CountIndexChange();
        Execute("UPDATE memberships SET event_id = $into WHERE event_id = $from", ("$from", from), ("$into", into));
        Execute("UPDATE event_redirects SET new_id = $into WHERE new_id = $from", ("$from", from), ("$into", into));
        Execute("INSERT OR REPLACE INTO event_redirects (old_id, new_id) VALUES ($from, $into)", ("$from", from), ("$into", into));
        // Editors' resolutions travel with the facts; where both events had one for a fact, the surviving event's stands.
        CopyResolutions(from, into);
        Execute("DELETE FROM fact_resolutions WHERE event_id = $from", ("$from", from));
        Execute("DELETE FROM events WHERE id = $from", ("$from", from));
        Changed();
    }

    public void DeleteEvent(string id)
    {
        Execute("DELETE FROM fact_resolutions WHERE event_id = $id", ("$id", id));
        Execute("DELETE FROM event_redirects WHERE new_id = $id", ("$id", id));
        Execute("DELETE FROM events WHERE id = $id", ("$id", id));
    }

    /// <summary>Recomputes an event's counts, dates and languages from its members and marks its canonical record stale.</summary>
    public void Touch(string eventId, DateTimeOffset now) => Execute("""
        UPDATE events SET
            member_count = (SELECT count(*) FROM memberships WHERE event_id = $id),
            first_published = (SELECT min(published) FROM stories JOIN memberships ON story_seq = seq WHERE event_id = $id),
            last_published = (SELECT max(published) FROM stories JOIN memberships ON story_seq = seq WHERE event_id = $id),
            languages = (SELECT coalesce(group_concat(language, ','), '') FROM (SELECT DISTINCT language FROM stories JOIN memberships ON story_seq = seq WHERE event_id = $id ORDER BY language)),
            dirty = 1, version = version + 1, updated_at = $at
        WHERE id = $id
        """, ("$id", eventId), ("$at", Timestamp(now)));

    /// <summary>Stores an event's canonical record; the event is then up to date.</summary>
    public void SaveCanonical(string eventId, string title, int conflicts, string canonicalJson) => Execute(
        "UPDATE events SET title = $title, conflicts = $conflicts, canonical = $json, dirty = 0 WHERE id = $id",
        ("$id", eventId), ("$title", title), ("$conflicts", conflicts), ("$json", canonicalJson));

    public EventRow? FindEvent(string id) => QuerySingle($"SELECT {EventColumns} FROM events WHERE id = $id", ReadEvent, ("$id", id));

    /// <summary>The event stored under <paramref name="id"/>, or the one it was merged into; null when neither exists.</summary>
    public EventRow? FindEventOrSuccessor(string id) => FindEvent(id) ?? (RedirectOf(id) is { } moved ? FindEvent(moved) : null);

    /// <summary>Where an event merged into another went, following chains.</summary>
    public string? RedirectOf(string id) => QuerySingle("SELECT new_id FROM event_redirects WHERE old_id = $id", r => r.GetString(0), ("$id", id));

    public IReadOnlyList<string> DirtyEvents() => Query("SELECT id FROM events WHERE dirty = 1 ORDER BY created_seq", r => r.GetString(0));

    /// <summary>The event of each of the given stories that has one.</summary>
    public Dictionary<long, string> EventsOf(IReadOnlyCollection<long> seqs)
    {
        var result = new Dictionary<long, string>(seqs.Count);
        if (seqs.Count == 0) return result;
        foreach (var (seq, eventId) in Query("SELECT story_seq, event_id FROM memberships WHERE story_seq IN (SELECT value FROM json_each($seqs))",
                     r => (r.GetInt64(0), r.GetString(1)), ("$seqs", SeqList(seqs))))
            result[seq] = eventId;
        return result;
    }

    public IReadOnlyList<long> MembersOf(string eventId) =>
        Query("SELECT story_seq FROM memberships WHERE event_id = $id ORDER BY story_seq", r => r.GetInt64(0), ("$id", eventId));

    public string? CanonicalOf(string eventId) =>
        Query("SELECT canonical FROM events WHERE id = $id AND canonical IS NOT NULL", r => r.GetString(0), ("$id", eventId)).FirstOrDefault();

    public long EventCount() => Scalar<long>("SELECT count(*) FROM events");

    /// <summary>Events newest first (latest publication, then latest created), filtered.</summary>
    public IReadOnlyList<EventRow> ListEvents(DateOnly? since, LanguageTag? language, IReadOnlyCollection<long>? storySeqs, int limit, int offset = 0)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)> { ("$limit", limit), ("$offset", offset) };
        if (since is { } d) { where.Add("last_published >= $since"); parameters.Add(("$since", d.DayNumber)); }
        if (language is { } l)
        {
            where.Add("EXISTS (SELECT 1 FROM memberships m JOIN stories s ON s.seq = m.story_seq WHERE m.event_id = events.id AND s.language = $lang)");
            parameters.Add(("$lang", l.Code));
        }
        if (storySeqs is not null)
        {
            where.Add("id IN (SELECT event_id FROM memberships WHERE story_seq IN (SELECT value FROM json_each($seqs)))");
            parameters.Add(("$seqs", SeqList(storySeqs)));
        }
        var filter = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        return Query($"SELECT {EventColumns} FROM events {filter} ORDER BY last_published IS NULL, last_published DESC, created_seq DESC LIMIT $limit OFFSET $offset",
            ReadEvent, parameters.ToArray());
    }

    /// <summary>Every story's event, content duplicates with their original's, in the order the stories were stored (a duplicate right after its original).</summary>
    public IEnumerable<(string StoryId, string EventId)> Assignments() =>
        Query("""
            SELECT id, event_id FROM (
                SELECT seq, 0 AS alias, '' AS filed, id, event_id FROM stories JOIN memberships ON story_seq = seq
                UNION ALL
                SELECT original_seq, 1, filed_at, story_aliases.id, event_id FROM story_aliases JOIN memberships ON story_seq = original_seq)
            ORDER BY seq, alias, filed, id
            """, r => (r.GetString(0), r.GetString(1)));

    // ---- decisions ----

    public void RecordDecision(string kind, string eventId, string payloadJson, DateTimeOffset now) => Execute(
        "INSERT INTO decisions (kind, event_id, payload, decided_at) VALUES ($kind, $e, $p, $at)",
        ("$kind", kind), ("$e", eventId), ("$p", payloadJson), ("$at", Timestamp(now)));

    /// <summary>The decisions log, oldest first.</summary>
    public IReadOnlyList<Decision> Decisions() => Query(
        "SELECT kind, event_id, payload, decided_at FROM decisions ORDER BY seq",
        r => new Decision(r.GetString(0), r.GetString(1), r.GetString(2), DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture)));

    /// <summary>Records that no automatic decision may put any story of <paramref name="group"/> in one event with any of <paramref name="others"/>.</summary>
    public void KeepApart(IReadOnlyCollection<long> group, IReadOnlyCollection<long> others)
    {
        foreach (var a in group)
            foreach (var b in others)
                if (a != b)
                    Execute("INSERT OR IGNORE INTO kept_apart (story_a, story_b) VALUES ($a, $b)", ("$a", Math.Min(a, b)), ("$b", Math.Max(a, b)));
    }

    /// <summary>Forgets any keeping apart between the two groups (an editor put them together again).</summary>
    public void AllowTogether(IReadOnlyCollection<long> group, IReadOnlyCollection<long> others)
    {
        if (group.Count == 0 || others.Count == 0) return;
        Execute($"DELETE FROM kept_apart WHERE {KeptApartBetween}", ("$g", SeqList(group)), ("$o", SeqList(others)));
    }

    /// <summary>Whether an editor kept any story of <paramref name="group"/> apart from any of <paramref name="others"/>.</summary>
    public bool AnyKeptApart(IReadOnlyCollection<long> group, IReadOnlyCollection<long> others)
    {
        if (group.Count == 0 || others.Count == 0) return false;
        return Scalar<long>($"SELECT EXISTS (SELECT 1 FROM kept_apart WHERE {KeptApartBetween})", ("$g", SeqList(group)), ("$o", SeqList(others))) != 0;
    }

    /// <summary>Whether any stories at all are kept apart (so the ingestor can skip the check on an archive no editor touched).</summary>
    public bool AnyKeptApart() => Scalar<long>("SELECT EXISTS (SELECT 1 FROM kept_apart)") != 0;

    /// <summary>Stores an editor's choice of a fact's canonical value, replacing an earlier one.</summary>
    public void SaveResolution(FactResolution resolution, DateTimeOffset now) => Execute("""
        INSERT OR REPLACE INTO fact_resolutions (event_id, fact_id, kind, value, variants, decided_at)
        VALUES ($e, $f, $kind, $value, $variants, $at)
        """, ("$e", resolution.EventId), ("$f", resolution.FactId), ("$kind", resolution.Kind), ("$value", resolution.Value),
        ("$variants", System.Text.Json.JsonSerializer.Serialize(resolution.Variants)), ("$at", Timestamp(now)));

    public IReadOnlyList<FactResolution> ResolutionsOf(string eventId) => Query(
        "SELECT event_id, fact_id, kind, value, variants, decided_at FROM fact_resolutions WHERE event_id = $e ORDER BY fact_id",
        r => new FactResolution(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
            System.Text.Json.JsonSerializer.Deserialize<List<string>>(r.GetString(4)) ?? [], DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture)),
        ("$e", eventId));

    /// <summary>Gives <paramref name="to"/> the resolutions of <paramref name="from"/> for facts it has none for.</summary>
    public void CopyResolutions(string from, string to) => Execute("""
        INSERT OR IGNORE INTO fact_resolutions (event_id, fact_id, kind, value, variants, decided_at)
        SELECT $to, fact_id, kind, value, variants, decided_at FROM fact_resolutions WHERE event_id = $from
        """, ("$from", from), ("$to", to));

    /// <summary>Moves the write-ahead log into the database file (so its size is the database's).</summary>
    public void Checkpoint() => Execute("PRAGMA wal_checkpoint(TRUNCATE)");

    /// <summary>SQLite's own check of the file; "ok" when intact.</summary>
    /// <summary>Whether the database takes writes now: null when it does, else the fault (a read-only file, say). Writes nothing.</summary>
    public StoreFault? WriteProblem()
    {
        try
        {
            InTransaction(() =>
            {
                long version = Scalar<long>("PRAGMA user_version");
                Execute($"PRAGMA user_version = {version}");
                throw new ProbeDone();
            });
            return null;
        }
        catch (ProbeDone) { return null; }
        catch (Exception e) when (StoreFault.Of(e) is { } fault) { return fault; }
    }

    /// <summary>Rolls the write probe back.</summary>
    private sealed class ProbeDone : Exception;

    /// <summary>Stories and events stored in the database at <paramref name="path"/>, read on a connection of its own (so not behind whoever holds the store's).</summary>
    /// <exception cref="StoreException">The database cannot be read.</exception>
    public static (long Stories, long Events) Counts(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
                { DataSource = System.IO.Path.GetFullPath(path), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 1000");
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT count(*) FROM stories), (SELECT count(*) FROM events)";
            using var reader = command.ExecuteReader();
            reader.Read();
            return (reader.GetInt64(0), reader.GetInt64(1));
        }
        catch (SqliteException e)
        {
            throw new StoreException($"{path}: cannot read the database: {StoreFault.ReasonOf(e)}", e);
        }
    }

    /// <summary>Caps the database's size (SQLite's page limit) at about <paramref name="maxBytes"/>, never below what it holds: a write that would grow it further fails as a full disk would (<see cref="StoreFaultKind.Full"/>).</summary>
    public void LimitSize(long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        long pageSize = Scalar<long>("PRAGMA page_size");
        Execute($"PRAGMA max_page_count = {Math.Max(1, maxBytes / pageSize)}");
    }

    /// <summary>Stops (or allows again) every write on this connection, as a read-only file would (<see cref="StoreFaultKind.ReadOnly"/>); reads go on.</summary>
    public void SetReadOnly(bool readOnly) => Execute($"PRAGMA query_only = {(readOnly ? 1 : 0)}");

    public string IntegrityCheck() => string.Join("; ", Query("PRAGMA integrity_check", r => r.GetString(0)));

    // ---- plumbing ----

    /// <summary>What <see cref="ReadFeatures(SqliteDataReader, bool)"/> reads, with the FROM it reads it from.</summary>
    private const string FeatureColumns = "seq, id, language, published, features, event_id, sample_rank FROM stories LEFT JOIN memberships ON story_seq = seq";

    private const string EventColumns = "id, version, created_seq, member_count, first_published, last_published, languages, title, conflicts, dirty";

    private static EventRow ReadEvent(SqliteDataReader r) => new(
        r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt32(3),
        r.IsDBNull(4) ? null : DateOnly.FromDayNumber(r.GetInt32(4)), r.IsDBNull(5) ? null : DateOnly.FromDayNumber(r.GetInt32(5)),
        r.GetString(6).Length == 0 ? [] : r.GetString(6).Split(',').Select(c => new LanguageTag(c)).ToList(),
        r.IsDBNull(7) ? null : r.GetString(7), r.GetInt32(8), r.GetInt32(9) != 0);

    private static StoryRow ReadRow(SqliteDataReader r) => new(r.GetInt64(0), new StoryId(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2));

    private static StoredFeatures ReadFeatures(SqliteDataReader r) => ReadFeatures(r, withWords: false).Stored;

    private static (StoredFeatures Stored, IReadOnlyList<string>? Words) ReadFeatures(SqliteDataReader r, bool withWords)
    {
        var id = new StoryId(r.GetString(1));
        var language = new LanguageTag(r.GetString(2));
        DateOnly? published = r.IsDBNull(3) ? null : DateOnly.FromDayNumber(r.GetInt32(3));
        var blob = (byte[])r.GetValue(4);
        var (features, words) = withWords ? FeatureCodec.DecodeWithWords(id, language, published, blob) : (FeatureCodec.Decode(id, language, published, blob), null);
        return (new StoredFeatures(r.GetInt64(0), features, r.IsDBNull(5) ? null : r.GetString(5), r.GetInt64(6)), words);
    }

    private static string Timestamp(DateTimeOffset now) => now.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The statement for <paramref name="sql"/> with these parameters: a prepared one kept for the SQL text, or (once
    /// <see cref="MaxStatements"/> are kept, for SQL built with values in it) a new one the lease disposes.</summary>
    private Statement Command(string sql, params (string Name, object? Value)[] parameters)
    {
        bool kept = _statements.TryGetValue(sql, out var command);
        if (!kept)
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            if (_statements.Count < MaxStatements)
            {
                _statements[sql] = command;
                kept = true;
            }
        }
        command!.Transaction = _transaction;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return new Statement(command, kept);
    }

    /// <summary>A statement in use; disposing it disposes only one that is not kept.</summary>
    private readonly record struct Statement(SqliteCommand Command, bool Kept) : IDisposable
    {
        public void Dispose()
        {
            if (!Kept) Command.Dispose();
        }
    }

    /// <summary>Pairs kept apart between the seqs of <c>$g</c> and those of <c>$o</c> (JSON arrays).</summary>
    private const string KeptApartBetween =
        "(story_a IN (SELECT value FROM json_each($g)) AND story_b IN (SELECT value FROM json_each($o))) OR (story_a IN (SELECT value FROM json_each($o)) AND story_b IN (SELECT value FROM json_each($g)))";

    /// <summary>Seqs as a JSON array, for <c>json_each</c>.</summary>
    private static string SeqList(IEnumerable<long> seqs) => "[" + string.Join(',', seqs) + "]";

    /// <returns>How many rows the statement changed.</returns>
    private int Execute(string sql, params (string, object?)[] parameters)
    {
        using var statement = Command(sql, parameters);
        return statement.Command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private T Scalar<T>(string sql, params (string, object?)[] parameters)
    {
        using var statement = Command(sql, parameters);
        return (T)Convert.ChangeType(statement.Command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string, object?)[] parameters)
    {
        using var statement = Command(sql, parameters);
        using var reader = statement.Command.ExecuteReader();
        var result = new List<T>();
        while (reader.Read()) result.Add(read(reader));
        return result;
    }

    private T? QuerySingle<T>(string sql, Func<SqliteDataReader, T> read, params (string, object?)[] parameters) where T : class
    {
        var rows = Query(sql, read, parameters);
        return rows.Count == 0 ? null : rows[0];
    }
}

/// <summary>What opening the index had to do: nothing, index the stories filed after its last commit, compare it story by story with the store, or build it anew.</summary>
public enum IndexRepairKind
{
    UpToDate,
    CaughtUp,
    Reconciled,
    Rebuilt,
}

/// <summary>What opening or rebuilding the index did: how many stories it indexed again and how many it removed.</summary>
public sealed record IndexRepair(IndexRepairKind Kind, long Indexed, long Removed);

/// <summary>A stored story's seq (its row), id and event.</summary>
public sealed record StoryRow(long Seq, StoryId Id, string? EventId);

/// <summary>A member of an event as rebuilding its record reads it: its stored merge features, or, when it has none yet, its story.</summary>
public sealed record MemberForMerge(long Seq, MergeFeatures? Features, Story? Story);

/// <summary>A stored story's match features, its event and its sample rank.</summary>
public sealed record StoredFeatures(long Seq, MatchFeatures Features, string? EventId, long SampleRank);

/// <summary>One logged editor's decision: its kind ("split", "merge", "resolve"), the event, what was decided (JSON) and when.</summary>
public sealed record Decision(string Kind, string EventId, string Payload, DateTimeOffset DecidedAt);

/// <summary>An editor's choice of the canonical value of one fact of an event.</summary>
/// <param name="Variants">The values the fact had when the editor chose: a value that turns up later reopens the conflict.</param>
public sealed record FactResolution(string EventId, string FactId, string Kind, string Value, IReadOnlyList<string> Variants, DateTimeOffset DecidedAt);

/// <summary>An event's summary as the events table holds it.</summary>
public sealed record EventRow(string Id, long Version, long CreatedSeq, int MemberCount, DateOnly? FirstPublished, DateOnly? LastPublished,
    IReadOnlyList<LanguageTag> Languages, string? Title, int Conflicts, bool Dirty);
