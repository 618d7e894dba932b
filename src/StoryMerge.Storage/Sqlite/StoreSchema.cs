using Microsoft.Data.Sqlite;

namespace StoryMerge.Storage.Sqlite;

/// <summary>The store's tables, as numbered migrations; the database's <c>user_version</c> says how many have run.</summary>
/// <remarks>
/// Append a migration to change the schema, never edit one that has shipped. A database whose version is higher than
/// <see cref="Version"/> was written by a newer StoryMerge and is refused rather than misread.
/// </remarks>
public static class StoreSchema
{
    private static readonly string[] Migrations =
    [
        // 1: stories, their index, events, memberships, editors' decisions.
        """
        CREATE TABLE stories (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            text TEXT NOT NULL,
            title TEXT,
            language_given TEXT,
            language TEXT NOT NULL,
            published INTEGER,              -- DateOnly.DayNumber; NULL when the feed gave no date
            source TEXT,
            url TEXT,
            ingested_at TEXT NOT NULL,
            sample_rank INTEGER NOT NULL,   -- a hash of the id: each language's lowest ranks are its scoring sample
            index_rowid INTEGER NOT NULL UNIQUE,
            features BLOB NOT NULL
        );
        CREATE INDEX stories_content ON stories(content_hash);
        CREATE INDEX stories_sample ON stories(language, sample_rank);

        -- Keys of each story; rowid = (publication day + 1) << 40 | seq, so a date window is a rowid range.
        CREATE VIRTUAL TABLE story_index USING fts5(keys, content='', contentless_delete=1, detail=none, tokenize="ascii tokenchars ':#.%-'");
        CREATE VIRTUAL TABLE story_index_vocabulary USING fts5vocab(story_index, 'row');
        -- Merge segments early: a query probes every segment for each key, and rows arrive one at a time.
        INSERT INTO story_index (story_index, rank) VALUES ('automerge', 2);

        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            created_seq INTEGER NOT NULL,
            member_count INTEGER NOT NULL,
            first_published INTEGER,
            last_published INTEGER,
            languages TEXT NOT NULL,
            title TEXT,
            conflicts INTEGER NOT NULL DEFAULT 0,
            canonical TEXT,                 -- EventDocument JSON; stale while dirty = 1
            dirty INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX events_recent ON events(last_published DESC, created_seq DESC);

        CREATE TABLE memberships (
            story_seq INTEGER PRIMARY KEY REFERENCES stories(seq),
            event_id TEXT NOT NULL REFERENCES events(id)
        );
        CREATE INDEX memberships_event ON memberships(event_id);

        -- An event merged into another keeps answering under its old id.
        CREATE TABLE event_redirects (old_id TEXT PRIMARY KEY, new_id TEXT NOT NULL);

        CREATE TABLE decisions (
            seq INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            event_id TEXT NOT NULL,
            payload TEXT NOT NULL,
            decided_at TEXT NOT NULL
        );
        CREATE INDEX decisions_event ON decisions(event_id);
        """,
        // 2: what editors' decisions leave in force (the decisions table is their log).
        """
        -- Stories an editor split apart (story_a < story_b): automatic merging never puts them in one event again.
        CREATE TABLE kept_apart (
            story_a INTEGER NOT NULL,
            story_b INTEGER NOT NULL,
            PRIMARY KEY (story_a, story_b)
        ) WITHOUT ROWID;
        CREATE INDEX kept_apart_b ON kept_apart(story_b);

        -- An editor's choice of a fact's canonical value; variants = the values the fact had then (JSON array).
        CREATE TABLE fact_resolutions (
            event_id TEXT NOT NULL,
            fact_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            variants TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            PRIMARY KEY (event_id, fact_id)
        );
        """,
        // 3: polled feeds: what each feed gave (so an item is filed once across restarts) and each feed's state.
        """
        -- Every item a feed gave, by the feed and the item's id; story_id is the story it was filed as.
        CREATE TABLE feed_items (
            feed TEXT NOT NULL,
            item_id TEXT NOT NULL,
            story_id TEXT NOT NULL,
            outcome TEXT NOT NULL,          -- IngestOutcome: NewEvent, JoinedEvent, Duplicate, Rejected
            filed_at TEXT NOT NULL,
            PRIMARY KEY (feed, item_id)
        ) WITHOUT ROWID;

        -- One row per feed: the validators of its last response (for conditional GET) and how its polls went.
        CREATE TABLE feed_state (
            feed TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            last_poll TEXT,
            last_success TEXT,
            items_filed INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            next_poll TEXT
        );
        """,
        // 4: content duplicates under their own ids, so every story a user gave has an event.
        """
        -- A story whose text repeats a stored story's under another id: not stored again, answered as its original.
        CREATE TABLE story_aliases (
            id TEXT PRIMARY KEY,
            original_seq INTEGER NOT NULL REFERENCES stories(seq),
            filed_at TEXT NOT NULL
        );
        CREATE INDEX story_aliases_original ON story_aliases(original_seq);
        """,
        // 5: the index moves to Lucene (a directory beside the database, derived from the stories: see StoryStore.OpenIndex).
        """
        DROP TABLE story_index_vocabulary;
        DROP TABLE story_index;
        -- index_changes counts changes to stories the index may hold (deletions, moves between events); each index commit
        -- records the count it holds, so opening finds an index that missed some. It starts at 1: no index has seen it yet.
        CREATE TABLE store_state (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO store_state (name, value) VALUES ('index_changes', 1);
        """,
        // 6: what a wire feed gives beyond the day: the time with its offset, and the places and subjects it tags the story with.
        """
        ALTER TABLE stories ADD COLUMN published_at TEXT;   -- ISO 8601 ("O", with the sender's offset); NULL when only a date was given, and in older rows
        ALTER TABLE stories ADD COLUMN located TEXT;        -- JSON array of {name, code, uri}; NULL when none
        ALTER TABLE stories ADD COLUMN subjects TEXT;       -- the same
        """,
        // 7: what merging reads of each story's analysis, so rebuilding an event's canonical record analyses nothing.
        """
        -- MergeFeatureCodec blob; NULL for a story filed before schema 7 (analysed once when its event is next rebuilt, then kept).
        ALTER TABLE stories ADD COLUMN merge_features BLOB;
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int Version => Migrations.Length;

    /// <summary>Brings the database up to <see cref="Version"/>, each migration in its own transaction.</summary>
    /// <exception cref="StoreException">The database is newer than this build, or is not a StoryMerge database.</exception>
    public static void Migrate(SqliteConnection connection, string path) => Migrate(connection, path, Version);

    /// <summary>Runs the migrations up to <paramref name="target"/> (tests build older databases with it).</summary>
    internal static void Migrate(SqliteConnection connection, string path, int target)
    {
        int current = UserVersion(connection);
        if (current > Version)
            throw new StoreException($"{path}: the database has schema version {current}, but this StoryMerge knows versions up to {Version}; use a newer StoryMerge (the database is left untouched)");
        if (current == 0 && HasTables(connection) && !HasTable(connection, "stories"))
            throw new StoreException($"{path}: not a StoryMerge database (it holds other tables and no schema version)");
        for (int v = current; v < target; v++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[v] + $"\nPRAGMA user_version = {v + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    internal static int UserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool HasTables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static bool HasTable(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", name);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}

/// <summary>The store cannot be opened or used; the message names the database and the reason.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
