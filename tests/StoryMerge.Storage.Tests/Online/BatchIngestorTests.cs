using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Online;

namespace StoryMerge.Storage.Tests.Online;

public class BatchIngestorTests
{
    /// <summary>ntrex-dev partial, with what a real feed also holds: re-sent stories (same id, or same text under a new id), a story without a date and one of only white space.</summary>
    private static List<ReadItem> Feed()
    {
        var path = Path.Combine(TestCorpus.RepositoryRoot, "benchmarks", "data", "ntrex-dev", "partial.jsonl");
        var items = new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(path)), path).ToList();
        var feed = new List<ReadItem>(items);
        feed.Insert(100, items[10]);
        feed.Insert(200, ReadItem.Read(items[20].Story! with { Id = new StoryId("resent-under-new-id") }, path, null));
        feed.Insert(300, ReadItem.Read(items[30].Story! with { Id = new StoryId("undated-copy"), Published = null, Text = items[30].Story!.Text + " Updated." }, path, null));
        feed.Insert(400, ReadItem.Read(new Story(new StoryId("blank"), " \n \n"), path, null));
        return feed;
    }

    [Fact]
    public void Run_GivesTheEventsOfFilingOneStoryAtATime()
    {
        var feed = Feed();
        using var oneByOne = new StoreFixture();
        foreach (var item in feed) oneByOne.Ingestor.Ingest(item.Story!);
        using var batch = new StoreFixture();

        var report = new BatchIngestor(batch.Ingestor).Run(feed);

        Assert.Null(report.LookaheadStoppedAt);
        Assert.Equal(oneByOne.Assignments(), batch.Assignments());
    }

    [Fact]
    public void Run_CountsEveryItemAsStoredDuplicateOrError()
    {
        var feed = Feed();
        using var fixture = new StoreFixture();

        var report = new BatchIngestor(fixture.Ingestor).Run(feed);

        Assert.Equal(feed.Count, report.Read);
        Assert.Equal(fixture.Store.StoryCount(), report.Stored);
        Assert.Equal(report.Read, report.Stored + report.Duplicates + report.Errors);
        Assert.True(report.Duplicates >= 2);
        Assert.Equal(1, report.Errors);
    }

    [Fact]
    public void Run_IntoADatabaseHoldingStories_GivesTheEventsOfFilingOneStoryAtATime()
    {
        var feed = Feed();
        using var oneByOne = new StoreFixture();
        foreach (var item in feed) oneByOne.Ingestor.Ingest(item.Story!);
        using var batch = new StoreFixture();
        foreach (var item in feed.Take(150)) batch.Ingestor.Ingest(item.Story!);
        batch.Reopen();

        var report = new BatchIngestor(batch.Ingestor).Run(feed.Skip(150));

        Assert.Null(report.LookaheadStoppedAt);
        Assert.Equal(oneByOne.Assignments(), batch.Assignments());
    }

    [Fact]
    public void Run_AnItemPassedOverByItsId_IsADuplicateOfTheStoredStory()
    {
        var feed = Feed();
        using var fixture = new StoreFixture();
        var stored = fixture.Ingestor.Ingest(feed[0].Story!);
        var batch = new BatchIngestor(fixture.Ingestor);
        var results = new List<IngestResult?>();

        var report = batch.Run([ReadItem.PassedOver(feed[0].Story!.Id, "feed.jsonl", 1)], (_, result) => results.Add(result));

        Assert.True(batch.StoredBefore(feed[0].Story!.Id.Value));
        Assert.Equal(1, report.Duplicates);
        Assert.Equal(stored.EventId, Assert.Single(results)!.EventId);
        Assert.Equal(1, fixture.Store.StoryCount());
    }

    [Fact]
    public void StoredBefore_AnIdNotStored_IsFalse()
    {
        using var fixture = new StoreFixture();
        fixture.Ingestor.Ingest(Feed()[0].Story!);

        Assert.False(new BatchIngestor(fixture.Ingestor).StoredBefore("never-stored"));
    }

    /// <summary>A resumed run's first new story is stored at once, not with the fifteen after it.</summary>
    [Fact]
    public void Run_ItsFirstStory_IsCommittedBeforeTheSecondIsFiled()
    {
        var feed = Feed().Take(3).ToList();
        using var fixture = new StoreFixture();
        long? committedWhenSecondFiled = null;

        new BatchIngestor(fixture.Ingestor).Run(feed, (item, _) =>
        {
            if (item != feed[1]) return;
            // Observed inside the second story's transaction: another connection sees what is committed.
            using var reader = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={fixture.Path};Mode=ReadOnly");
            reader.Open();
            using var count = reader.CreateCommand();
            count.CommandText = "SELECT count(*) FROM stories";
            committedWhenSecondFiled = (long)count.ExecuteScalar()!;
        });

        Assert.Equal(1, committedWhenSecondFiled);
    }

    /// <summary>What a kill and resume must give, without the kill: 1,488 stories in 24 languages, the process ending every 97.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public void Run_ReopenedEveryFewStories_GivesTheEventsOfOneRun()
    {
        var path = Path.Combine(TestCorpus.RepositoryRoot, "benchmarks", "data", "ntrex-dev-wide", "full.jsonl");
        var feed = new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(path)), path).ToList();
        using var oneRun = new StoreFixture();
        new BatchIngestor(oneRun.Ingestor).Run(feed);
        using var resumed = new StoreFixture();
        for (int from = 0; from < feed.Count; from += 97)
        {
            new BatchIngestor(resumed.Ingestor).Run(feed.Skip(from).Take(97));
            resumed.Reopen();
        }

        Assert.Equal(StoreFixture.Partition(oneRun.Store.Assignments()), StoreFixture.Partition(resumed.Store.Assignments()));
    }
}
