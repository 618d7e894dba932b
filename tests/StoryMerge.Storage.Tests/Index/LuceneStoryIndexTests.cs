using StoryMerge.Core;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Editing;
using StoryMerge.Storage.Index;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Tests.Index;

/// <summary>The index is derived from the store: whatever happens to it, the next open finds every stored story in it again.</summary>
public class LuceneStoryIndexTests
{
    /// <summary>Every story of the store, as the index should hold it: seq → (id, event).</summary>
    private static Dictionary<long, (string, string?)> Expected(StoryStore store) =>
        store.Assignments().Select(a => (Seq: store.FindStory(new StoryId(a.StoryId))!.Seq, a.StoryId, (string?)a.EventId))
            .ToDictionary(a => a.Seq, a => (a.StoryId, a.Item3));

    private static void FileSeeds(StoreFixture fixture)
    {
        foreach (var story in TestCorpus.Seeds()) fixture.Ingestor.Ingest(story);
    }

    [Fact]
    public void Open_IndexDirectoryDeleted_FindsEveryStoryAgain()
    {
        using var fixture = new StoreFixture();
        FileSeeds(fixture);
        var before = fixture.Ingestor.Search("Алматыда");
        fixture.Reopen();
        Directory.Delete(StoryStore.DefaultIndexPath(fixture.Path), recursive: true);

        var after = fixture.Ingestor.Search("Алматыда");

        Assert.Equal(Expected(fixture.Store), fixture.Store.Index.Stories());
        Assert.NotEmpty(before);
        Assert.Equal(before, after);
    }

    [Fact]
    public void Open_IndexDirectoryDeleted_GivesTheSameKeyCounts()
    {
        using var fixture = new StoreFixture();
        FileSeeds(fixture);
        var before = fixture.Store.KeyFrequencies().Order().ToList();
        fixture.Reopen();
        Directory.Delete(StoryStore.DefaultIndexPath(fixture.Path), recursive: true);

        _ = fixture.Ingestor;

        Assert.Equal(before, fixture.Store.KeyFrequencies().Order().ToList());
    }

    [Fact]
    public void Open_IndexFilesDamaged_RebuildsTheIndex()
    {
        using var fixture = new StoreFixture();
        FileSeeds(fixture);
        fixture.Reopen();
        foreach (var file in Directory.GetFiles(StoryStore.DefaultIndexPath(fixture.Path)).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
            File.WriteAllBytes(file, [1, 2, 3, 4, 5, 6, 7, 8]);

        _ = fixture.Ingestor;

        Assert.True(fixture.Store.Index.Created);
        Assert.Equal(Expected(fixture.Store), fixture.Store.Index.Stories());
    }

    [Fact]
    public void Open_CrashAfterTheSqliteCommitBeforeTheIndexCommit_IndexesTheStoriesFiledSince()
    {
        using var fixture = new StoreFixture();
        var seeds = TestCorpus.Seeds();
        fixture.Ingestor.Ingest(seeds[0]);
        fixture.Store.Index.Commit();
        foreach (var story in seeds.Skip(1)) fixture.Ingestor.Ingest(story);   // in SQLite; the index has them applied, not committed
        fixture.Store.Index.Abandon();   // the process dies: what was not committed is gone
        Assert.Equal(1, fixture.Store.Index.Committed.MaxSeq);
        fixture.Reopen();

        _ = fixture.Ingestor;

        Assert.Equal(Expected(fixture.Store), fixture.Store.Index.Stories());
        Assert.Equal(5, fixture.Store.Index.Count);
    }

    [Fact]
    public void Open_CrashAfterADeleteAndAMerge_ComparesStoryByStoryAndRepairs()
    {
        using var fixture = new StoreFixture();
        FileSeeds(fixture);
        fixture.Store.Index.Commit();
        var events = fixture.Store.ListEvents(null, null, null, 10);
        var editor = new EditorActions(fixture.Store, fixture.Ingestor.Canonical);
        editor.MergeInto(events[0].Id, events[1].Id);   // moves stories between events
        fixture.Ingestor.Delete(new StoryId(TestCorpus.Memorandum));
        fixture.Store.Index.Abandon();
        fixture.Reopen();

        _ = fixture.Ingestor;

        Assert.Equal(Expected(fixture.Store), fixture.Store.Index.Stories());
    }

    [Fact]
    public void Apply_StoryFiled_IsInTheNextSnapshotBeforeAnyCommit()
    {
        using var fixture = new StoreFixture();
        var committed = fixture.Ingestor.Store.Index.Committed;
        fixture.Ingestor.Ingest(TestCorpus.Seed(TestCorpus.Kazakh));

        using var snapshot = fixture.Store.Index.Snapshot();

        Assert.Equal(1, snapshot.Reader.NumDocs);
        Assert.Equal(1, snapshot.MaxSeq);
        Assert.Equal(committed, fixture.Store.Index.Committed);
    }

    [Fact]
    public void Commit_RecordsTheHighestSeqAndTheStoresChangeCount()
    {
        using var fixture = new StoreFixture();
        FileSeeds(fixture);
        fixture.Ingestor.Delete(new StoryId(TestCorpus.Memorandum));
        fixture.Reopen();

        using var index = LuceneStoryIndex.Open(StoryStore.DefaultIndexPath(fixture.Path));

        Assert.Equal(new IndexState(5, 2), index.Committed);   // seqs up to 5; the store's count: 1 at creation, 1 deletion
        Assert.Equal(4, index.Count);
    }

    [Fact]
    public void Open_IndexOpenElsewhere_FailsNamingTheIndex()
    {
        using var fixture = new StoreFixture();
        FileSeeds(fixture);
        using var other = StoryStore.Open(fixture.Path, create: false);

        var error = Assert.Throws<StoreException>(() => other.OpenIndex(new StoryIndexer(fixture.Pipeline, other).Entries));

        Assert.Contains(fixture.Store.IndexPath, error.Message);
        Assert.Contains("another StoryMerge process", error.Message);
    }

    [Fact]
    public void RebuildIndex_HoldsEveryStoryOnceWithItsEvent()
    {
        using var fixture = new StoreFixture();
        FileSeeds(fixture);
        var reported = new List<(long, long)>();

        var result = fixture.Store.RebuildIndex(new StoryIndexer(fixture.Pipeline, fixture.Store).Entries, new SyncProgress(reported.Add));

        Assert.Equal(5, result.Indexed);
        Assert.Equal((5L, 5L), reported[^1]);
        Assert.Equal(Expected(fixture.Store), fixture.Store.Index.Stories());
    }

    [Fact]
    public void InTransaction_RolledBack_LeavesTheIndexUntouched()
    {
        using var fixture = new StoreFixture();
        _ = fixture.Ingestor;
        Assert.Throws<InvalidOperationException>(() => fixture.Store.InTransaction(() =>
        {
            fixture.Store.InsertStory(TestCorpus.Seed(TestCorpus.Kazakh), new LanguageTag("kk"), "hash", 1, [1], [1], new IndexTerms(["n:lmt"], ["almaty"]), DateTimeOffset.UnixEpoch);
            throw new InvalidOperationException("disk full, say");
        }));

        Assert.Equal(0, fixture.Store.Index.Count);
    }

    private sealed class SyncProgress(Action<(long, long)> report) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value) => report(value);
    }
}
