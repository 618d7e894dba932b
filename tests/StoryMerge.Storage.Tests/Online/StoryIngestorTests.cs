using StoryMerge.Core;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Online;

namespace StoryMerge.Storage.Tests.Online;

public class StoryIngestorTests
{
    private static IReadOnlyList<Story> Seeds => TestCorpus.Seeds();

    private static HashSet<string> BatchPartition() =>
        StoreFixture.Partition(TestCorpus.SeedBatch.Assignments.Select(a => (a.Key.Value, a.Value)));

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3, 4 })]
    [InlineData(new[] { 4, 3, 2, 1, 0 })]
    [InlineData(new[] { 2, 0, 4, 1, 3 })]
    [InlineData(new[] { 3, 4, 1, 0, 2 })]
    [InlineData(new[] { 1, 4, 2, 3, 0 })]
    public void Ingest_SeedsOneAtATimeInAnyOrder_EndInTheEventsOfCluster(int[] order)
    {
        using var fixture = new StoreFixture();
        foreach (var i in order) Assert.True(fixture.Ingestor.Ingest(Seeds[i]).Stored);

        Assert.Equal(BatchPartition(), StoreFixture.Partition(fixture.Store.Assignments()));
    }

    [Fact]
    public void Ingest_SeedsOfTheForum_StartOneEventAndJoinIt()
    {
        using var fixture = new StoreFixture();
        var first = fixture.Ingestor.Ingest(TestCorpus.Seed(TestCorpus.Kazakh));
        var second = fixture.Ingestor.Ingest(TestCorpus.Seed(TestCorpus.RussianA));

        Assert.Equal(IngestOutcome.NewEvent, first.Outcome);
        Assert.Equal(IngestOutcome.JoinedEvent, second.Outcome);
        Assert.Equal(first.EventId, second.EventId);
        Assert.True(second.Score >= TestCorpus.Pipeline.Options.Scoring.MatchThreshold);
        Assert.Equal(TestCorpus.Kazakh, second.BestMatches[0].Id.Value);
    }

    [Fact]
    public void Ingest_StoryShowingTwoEventsAreOne_MergesThemUnderTheOlderId()
    {
        // A regression case of the online evaluation: ntrex-dev partial filed in file order. Reports of one match
        // (scotsman.133801) first make two events; a later report scores with both, and the average link over all
        // their pairs joins them.
        using var fixture = new StoreFixture();
        var path = Path.Combine(TestCorpus.RepositoryRoot, "benchmarks", "data", "ntrex-dev", "partial.jsonl");
        var items = new Core.Input.StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(path)), path).ToList();
        var match = items.Select(i => i.Story!.Id.Value).Where(id => id.StartsWith("scotsman.133801/", StringComparison.Ordinal)).ToHashSet();

        var results = items.Select(i => fixture.Ingestor.Ingest(i.Story!)).ToList();

        var merge = Assert.Single(results, r => r.Merged is { Count: > 0 } && match.Contains(r.Id.Value));
        var merged = Assert.Single(merge.Merged!);
        Assert.Equal(merge.EventId, fixture.Store.RedirectOf(merged));
        Assert.Null(fixture.Store.FindEvent(merged));
        var assignments = fixture.Assignments();
        Assert.Equal(merge.EventId, assignments[merge.Id.Value]);
        Assert.True(match.Count(id => assignments.GetValueOrDefault(id) == merge.EventId) >= 3);
    }

    [Fact]
    public void Ingest_SameIdAgain_ReportsADuplicateAndChangesNothing()
    {
        using var fixture = new StoreFixture();
        foreach (var story in Seeds) fixture.Ingestor.Ingest(story);
        var before = fixture.Assignments();
        var events = fixture.Store.EventCount();

        var again = Seeds.Select(fixture.Ingestor.Ingest).ToList();

        Assert.All(again, r => Assert.Equal(IngestOutcome.Duplicate, r.Outcome));
        Assert.All(again, r => Assert.Equal(r.Id, r.DuplicateOf));
        Assert.Equal(before, fixture.Assignments());
        Assert.Equal(events, fixture.Store.EventCount());
    }

    [Fact]
    public void Ingest_SameTextUnderAnotherId_IsADuplicateOfTheStoredStory()
    {
        using var fixture = new StoreFixture();
        var original = TestCorpus.Seed(TestCorpus.RussianB);
        var stored = fixture.Ingestor.Ingest(original);

        var copy = fixture.Ingestor.Ingest(original with { Id = new StoryId("resent-copy"), Text = original.Text.Replace("\n", "\r\n") });

        Assert.Equal(IngestOutcome.Duplicate, copy.Outcome);
        Assert.Equal(original.Id, copy.DuplicateOf);
        Assert.Equal(stored.EventId, copy.EventId);
        Assert.Null(fixture.Store.FindStory(new StoryId("resent-copy")));
    }

    [Fact]
    public void Assignments_ContentDuplicateUnderAnotherId_HasItsOriginalsEvent()
    {
        using var fixture = new StoreFixture();
        var original = TestCorpus.Seed(TestCorpus.RussianB);
        var stored = fixture.Ingestor.Ingest(original);

        fixture.Ingestor.Ingest(original with { Id = new StoryId("resent-copy") });

        var assignments = fixture.Store.Assignments().ToList();
        Assert.Equal([(original.Id.Value, stored.EventId), ("resent-copy", stored.EventId)], assignments);
    }

    /// <summary>Stores a seed story, then its text again under the id "resent-copy" (a content duplicate); gives the story and what filing it gave.</summary>
    private static (Story Original, IngestResult Stored) StoreWithResentCopy(StoreFixture fixture)
    {
        var original = TestCorpus.Seed(TestCorpus.RussianB);
        var stored = fixture.Ingestor.Ingest(original);
        fixture.Ingestor.Ingest(original with { Id = new StoryId("resent-copy") });
        return (original, stored);
    }

    [Fact]
    public void Ingest_ContentDuplicateSentAgain_IsADuplicateOfTheOriginal()
    {
        using var fixture = new StoreFixture();
        var (original, _) = StoreWithResentCopy(fixture);

        var again = fixture.Ingestor.Ingest(original with { Id = new StoryId("resent-copy"), Text = "a different text under the same id" });

        Assert.Equal(IngestOutcome.Duplicate, again.Outcome);
        Assert.Equal(original.Id, again.DuplicateOf);
    }

    [Fact]
    public void Delete_ContentDuplicate_ForgetsItsIdAndKeepsTheOriginal()
    {
        using var fixture = new StoreFixture();
        var (original, stored) = StoreWithResentCopy(fixture);

        var deleted = fixture.Ingestor.Delete(new StoryId("resent-copy"));

        Assert.NotNull(deleted);
        Assert.False(deleted.EventRemoved);
        Assert.Equal([(original.Id.Value, stored.EventId)], fixture.Store.Assignments().ToList());
    }

    [Fact]
    public void Delete_OriginalOfAContentDuplicate_RemovesTheDuplicateToo()
    {
        using var fixture = new StoreFixture();
        var (original, _) = StoreWithResentCopy(fixture);

        fixture.Ingestor.Delete(original.Id);

        Assert.Empty(fixture.Store.Assignments());
        Assert.Null(fixture.Store.FindAlias(new StoryId("resent-copy")));
    }

    [Fact]
    public void Stored_SeveralIds_GivesWhatEachIdAloneGives()
    {
        using var fixture = new StoreFixture();
        var (original, _) = StoreWithResentCopy(fixture);
        StoryId[] ids = [original.Id, new StoryId("resent-copy"), new StoryId("never-stored")];

        var stored = fixture.Ingestor.Stored(ids);

        Assert.Equal(2, stored.Count);
        foreach (var id in ids.Take(2))
            Assert.Equal(fixture.Ingestor.Stored(id), stored[id.Value] with { BestMatches = fixture.Ingestor.Stored(id)!.BestMatches });
    }

    [Fact]
    public void Ingest_SameInputInTheSameOrder_GivesTheSameEventIds()
    {
        using var a = new StoreFixture();
        using var b = new StoreFixture();
        foreach (var story in Seeds) { a.Ingestor.Ingest(story); b.Ingestor.Ingest(story); }
        Assert.Equal(a.Assignments(), b.Assignments());
    }

    [Fact]
    public void Ingest_AfterReopening_GivesTheEventsOfOneRun()
    {
        using var oneRun = new StoreFixture();
        foreach (var story in Seeds) oneRun.Ingestor.Ingest(story);
        using var twoRuns = new StoreFixture();
        foreach (var story in Seeds.Take(2)) twoRuns.Ingestor.Ingest(story);
        twoRuns.Reopen();
        foreach (var story in Seeds.Skip(2)) twoRuns.Ingestor.Ingest(story);

        Assert.Equal(StoreFixture.Partition(oneRun.Store.Assignments()), StoreFixture.Partition(twoRuns.Store.Assignments()));
    }

    [Fact]
    public void Ingest_StoryWithoutADate_IsStoredAndStillJoinsItsEvent()
    {
        using var fixture = new StoreFixture();
        var kazakh = fixture.Ingestor.Ingest(TestCorpus.Seed(TestCorpus.Kazakh));
        var undated = fixture.Ingestor.Ingest(TestCorpus.Seed(TestCorpus.RussianA) with { Published = null });

        Assert.Equal(IngestOutcome.JoinedEvent, undated.Outcome);
        Assert.Equal(kazakh.EventId, undated.EventId);
    }

    [Fact]
    public void Ingest_StoryOverTheLengthLimit_IsRejectedAndNothingStoredIsLost()
    {
        using var fixture = new StoreFixture();
        foreach (var story in Seeds.Take(3)) fixture.Ingestor.Ingest(story);
        var before = fixture.Assignments();
        var huge = new Story(new StoryId("huge"), new string('x', TestCorpus.Pipeline.Options.Analysis.MaxStoryChars + 1));

        var result = fixture.Ingestor.Ingest(huge);

        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.Contains("maxStoryChars", result.Error);
        Assert.Equal(before, fixture.Assignments());
    }

    [Fact]
    public void Ingest_StoryOfOnlyPageFurniture_IsRejectedAsEmpty()
    {
        using var fixture = new StoreFixture();
        var result = fixture.Ingestor.Ingest(new Story(new StoryId("blank"), " \n\t \n"));
        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.Equal(0, fixture.Store.StoryCount());
    }

    [Fact]
    public void Ingest_NewEvent_HasItsCanonicalRecordAtOnce()
    {
        using var fixture = new StoreFixture();
        var result = fixture.Ingestor.Ingest(TestCorpus.Seed(TestCorpus.Memorandum));

        Assert.False(fixture.Store.FindEvent(result.EventId!)!.Dirty);
        Assert.Equal(TestCorpus.Memorandum, Assert.Single(fixture.Ingestor.Canonical.Get(result.EventId!)!.Members).Id);
    }

    [Fact]
    public void Canonical_OfTheForumEvent_ShowsTheOmarovUmarovConflictWithBothSources()
    {
        using var fixture = new StoreFixture();
        foreach (var story in Seeds) fixture.Ingestor.Ingest(story);
        var forum = fixture.Assignments()[TestCorpus.Kazakh];

        var canonical = fixture.Ingestor.Canonical.Get(forum)!;

        var person = Assert.Single(canonical.People, p => p.Variants.Any(v => v.Value.Contains("Омаров")) && p.Variants.Any(v => v.Value.Contains("Умаров")));
        Assert.True(person.Conflict);
        Assert.Contains(TestCorpus.Kazakh, person.Sources);
        Assert.Equal(3, canonical.Members.Count);
    }

    [Fact]
    public void Delete_ReportOfALargerEvent_RebuildsTheEventFromTheOthers()
    {
        using var fixture = new StoreFixture();
        foreach (var story in Seeds) fixture.Ingestor.Ingest(story);
        var forum = fixture.Assignments()[TestCorpus.Kazakh];
        var seq = fixture.Store.FindStory(new StoryId(TestCorpus.RussianB))!.Seq;

        var result = fixture.Ingestor.Delete(new StoryId(TestCorpus.RussianB));

        Assert.NotNull(result);
        Assert.False(result.EventRemoved);
        var canonical = fixture.Ingestor.Canonical.Get(forum)!;
        Assert.DoesNotContain(canonical.Members, m => m.Id == TestCorpus.RussianB);
        Assert.Equal(2, canonical.Members.Count);
        Assert.Null(fixture.Store.FindStory(new StoryId(TestCorpus.RussianB)));
        Assert.DoesNotContain(seq, fixture.Ingestor.Search(TestCorpus.Seed(TestCorpus.RussianB).Text));
    }

    [Fact]
    public void Delete_OnlyReportOfAnEvent_RemovesTheEvent()
    {
        using var fixture = new StoreFixture();
        foreach (var story in Seeds) fixture.Ingestor.Ingest(story);
        var eventId = fixture.Assignments()[TestCorpus.Memorandum];

        var result = fixture.Ingestor.Delete(new StoryId(TestCorpus.Memorandum))!;

        Assert.True(result.EventRemoved);
        Assert.Null(fixture.Store.FindEvent(eventId));
        Assert.Equal(2, fixture.Store.EventCount());
    }

    [Fact]
    public void Delete_UnknownId_ReturnsNullAndChangesNothing()
    {
        using var fixture = new StoreFixture();
        foreach (var story in Seeds) fixture.Ingestor.Ingest(story);
        var before = fixture.Assignments();
        Assert.Null(fixture.Ingestor.Delete(new StoryId("no-such-story")));
        Assert.Equal(before, fixture.Assignments());
    }

    [Fact]
    public void Ingest_DeletedStorySentAgain_IsStoredAgain()
    {
        using var fixture = new StoreFixture();
        foreach (var story in Seeds) fixture.Ingestor.Ingest(story);
        fixture.Ingestor.Delete(new StoryId(TestCorpus.RussianA));

        var again = fixture.Ingestor.Ingest(TestCorpus.Seed(TestCorpus.RussianA));

        Assert.Equal(IngestOutcome.JoinedEvent, again.Outcome);
        Assert.Equal(fixture.Assignments()[TestCorpus.Kazakh], again.EventId);
    }

    [Fact]
    public void Search_RussianWordsOfTheForum_FindTheKazakhReport()
    {
        using var fixture = new StoreFixture();
        foreach (var story in Seeds) fixture.Ingestor.Ingest(story);
        var kazakh = fixture.Store.FindStory(new StoryId(TestCorpus.Kazakh))!.Seq;
        Assert.Contains(kazakh, fixture.Ingestor.Search("медиафорум в Алматы, Песков"));
    }
}
