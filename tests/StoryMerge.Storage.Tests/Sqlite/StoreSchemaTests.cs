using Microsoft.Data.Sqlite;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Tests.Sqlite;

public class StoreSchemaTests
{
    private static int UserVersion(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return StoreSchema.UserVersion(connection);
    }

    private static void SetUserVersion(string path, int version)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA user_version = {version}";
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Open_NewFile_CreatesTheCurrentSchema()
    {
        using var fixture = new StoreFixture();
        Assert.Equal(0, fixture.Store.StoryCount());
        fixture.Reopen();
        Assert.Equal(StoreSchema.Version, UserVersion(fixture.Path));
    }

    [Fact]
    public void Open_NewerSchema_FailsNamingBothVersionsAndLeavesTheFileAlone()
    {
        using var fixture = new StoreFixture();
        _ = fixture.Store.StoryCount();
        fixture.Reopen();
        SetUserVersion(fixture.Path, StoreSchema.Version + 1);
        var before = File.ReadAllBytes(fixture.Path);

        var error = Assert.Throws<StoreException>(() => StoryStore.Open(fixture.Path));

        Assert.Contains($"schema version {StoreSchema.Version + 1}", error.Message);
        Assert.Contains($"up to {StoreSchema.Version}", error.Message);
        Assert.Equal(before, File.ReadAllBytes(fixture.Path));
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_FailsWithAClearError()
    {
        using var fixture = new StoreFixture();
        File.WriteAllText(fixture.Path, "these are not the bytes of a SQLite database, just some text that is long enough to fill a header");
        var error = Assert.Throws<StoreException>(() => StoryStore.Open(fixture.Path));
        Assert.Contains(fixture.Path, error.Message);
    }

    [Fact]
    public void Open_OtherApplicationsDatabase_IsRefused()
    {
        using var fixture = new StoreFixture();
        using (var connection = new SqliteConnection($"Data Source={fixture.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY)";
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<StoreException>(() => StoryStore.Open(fixture.Path));
        Assert.Contains("not a StoryMerge database", error.Message);
    }

    [Fact]
    public void Open_MissingFileWhenNotCreating_FailsWithoutCreatingIt()
    {
        using var fixture = new StoreFixture();
        var error = Assert.Throws<StoreException>(() => StoryStore.Open(fixture.Path, create: false));
        Assert.Contains("no such database", error.Message);
        Assert.False(File.Exists(fixture.Path));
    }

    [Fact]
    public void Open_NewFile_UsesWriteAheadLogging()
    {
        using var fixture = new StoreFixture();
        _ = fixture.Store.StoryCount();
        using var connection = new SqliteConnection($"Data Source={fixture.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void Open_DatabaseOfSchemaVersion1_IsMigratedKeepingItsStories()
    {
        // What a version-1 database looks like: the full-text index back, without the tables migrations 2 to 5 add.
        using var fixture = SeedsInOlderDatabase("DROP TABLE kept_apart; DROP TABLE fact_resolutions; DROP TABLE feed_items; DROP TABLE feed_state; DROP TABLE story_aliases; PRAGMA user_version = 1;");

        Assert.Equal(5, fixture.Store.StoryCount());
        Assert.False(fixture.Store.AnyKeptApart());
        fixture.Reopen();
        Assert.Equal(StoreSchema.Version, UserVersion(fixture.Path));
    }

    [Fact]
    public void Open_DatabaseOfSchemaVersion2_DropsTheFullTextIndexAndBuildsTheLuceneIndex()
    {
        using var fixture = SeedsInOlderDatabase(Version2);
        Directory.Delete(StoryStore.DefaultIndexPath(fixture.Path), recursive: true);   // a version-2 database had none

        var forum = fixture.Ingestor.Search("Алматыда медиафорум");

        Assert.Equal(StoreSchema.Version, UserVersion(fixture.Path));
        Assert.Equal(5, fixture.Store.Index.Count);
        Assert.NotEmpty(forum);
        using var connection = new SqliteConnection($"Data Source={fixture.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'story_index%'";
        Assert.Equal(0L, command.ExecuteScalar());
    }

    [Fact]
    public void Open_DatabaseOfSchemaVersion2_GetsTheFeedTablesKeepingItsStories()
    {
        // What a version-2 database looks like: the full-text index back, without the tables of migrations 3 to 5.
        using var fixture = SeedsInOlderDatabase(Version2);

        Assert.Equal((5L, 0L), (fixture.Store.StoryCount(), fixture.Store.FeedItemCount("any")));
        Assert.Equal(StoreSchema.Version, UserVersion(fixture.Path));
    }

    [Fact]
    public void Open_DatabaseOfSchemaVersion5_GainsTheTimeAndConceptColumnsKeepingItsStories()
    {
        using var fixture = new StoreFixture();
        foreach (var story in StoryMerge.Core.Tests.TestCorpus.Seeds()) fixture.Ingestor.Ingest(story);
        fixture.Reopen();
        Execute(fixture.Path, WithoutVersion7 + WithoutVersion6 + "PRAGMA user_version = 5;");
        Assert.DoesNotContain("published_at", StoryColumns(fixture.Path));

        var old = fixture.Store.LoadStory(1)!;

        Assert.Equal((StoreSchema.Version, 5L), (UserVersion(fixture.Path), fixture.Store.StoryCount()));
        Assert.Equal((StoryMerge.Core.Tests.TestCorpus.Seed(old.Id.Value).Published, (DateTimeOffset?)null, 0), (old.Published, old.PublishedAt, old.Located.Count));
        fixture.Reopen();
        Assert.Superset(new HashSet<string> { "published_at", "located", "subjects" }, StoryColumns(fixture.Path).ToHashSet());
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string> StoryColumns(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('stories')";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>Takes away what migration 7 adds: the stories' merge features.</summary>
    private const string WithoutVersion7 = "ALTER TABLE stories DROP COLUMN merge_features; ";

    /// <summary>Takes away what migration 6 adds: the stories' time, places and subjects.</summary>
    private const string WithoutVersion6 = "ALTER TABLE stories DROP COLUMN published_at; ALTER TABLE stories DROP COLUMN located; ALTER TABLE stories DROP COLUMN subjects; ";

    private const string Version2 = "DROP TABLE feed_items; DROP TABLE feed_state; DROP TABLE story_aliases; PRAGMA user_version = 2;";

    /// <summary>The seeds filed into a database then turned into an older schema's: the full-text index of versions 1–4 back, the store state and the columns of versions 6 and 7 gone, then <paramref name="downgrade"/>; closed, to be opened again.</summary>
    private static StoreFixture SeedsInOlderDatabase(string downgrade)
    {
        var fixture = new StoreFixture();
        foreach (var story in StoryMerge.Core.Tests.TestCorpus.Seeds()) fixture.Ingestor.Ingest(story);
        fixture.Reopen();
        using var connection = new SqliteConnection($"Data Source={fixture.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE story_index USING fts5(keys, content='', contentless_delete=1, detail=none, tokenize="ascii tokenchars ':#.%-'");
            CREATE VIRTUAL TABLE story_index_vocabulary USING fts5vocab(story_index, 'row');
            DROP TABLE store_state;
            """ + WithoutVersion7 + WithoutVersion6 + downgrade;
        command.ExecuteNonQuery();
        return fixture;
    }
}
