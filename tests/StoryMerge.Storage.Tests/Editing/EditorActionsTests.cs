using StoryMerge.Core;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Documents;
using StoryMerge.Storage.Editing;
using StoryMerge.Storage.Online;

namespace StoryMerge.Storage.Tests.Editing;

public class EditorActionsTests
{
    private static EditorActions Actions(StoreFixture fixture) => new(fixture.Store, fixture.Ingestor.Canonical);

    private static StoreFixture WithSeeds()
    {
        var fixture = new StoreFixture();
        foreach (var story in TestCorpus.Seeds()) fixture.Ingestor.Ingest(story);
        return fixture;
    }

    private static string Json(FactDocument fact) => System.Text.Json.JsonSerializer.Serialize(fact, EventDocument.Json);

    private static string Forum(StoreFixture fixture) => fixture.Assignments()[TestCorpus.Kazakh];

    private static FactDocument OmarovUmarov(EventDocument document) =>
        Assert.Single(document.People, p => p.Variants.Any(v => v.Value.Contains("Омаров")) && p.Variants.Any(v => v.Value.Contains("Умаров")));

    [Fact]
    public void Split_MovesTheNamedReportsToANewEvent()
    {
        using var fixture = WithSeeds();
        var forum = Forum(fixture);

        var result = Actions(fixture).Split(forum, [TestCorpus.RussianB]);

        var assignments = fixture.Assignments();
        Assert.Equal(forum, result.Event);
        Assert.Equal(result.NewEvent, assignments[TestCorpus.RussianB]);
        Assert.Equal(forum, assignments[TestCorpus.Kazakh]);
        Assert.Equal(2, fixture.Ingestor.Canonical.Get(forum)!.Members.Count);
        Assert.Equal(TestCorpus.RussianB, Assert.Single(fixture.Ingestor.Canonical.Get(result.NewEvent)!.Members).Id);
    }

    [Fact]
    public void Split_ReportsAreNotPulledBackByALaterReportOfBoth()
    {
        // The merge regression case of StoryIngestorTests: in file order, reports of one match (scotsman.133801) make
        // two events until a later report merges them. Here an editor has split those two apart before it comes.
        using var fixture = new StoreFixture();
        var path = Path.Combine(TestCorpus.RepositoryRoot, "benchmarks", "data", "ntrex-dev", "partial.jsonl");
        var stories = new Core.Input.StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(path)), path).Select(i => i.Story!).ToList();
        var merging = MergingStory(stories);
        foreach (var story in stories.TakeWhile(s => s.Id != merging.Id)) fixture.Ingestor.Ingest(story);
        var (survivor, other) = (merging.EventId!, Assert.Single(merging.Merged!));
        var split = fixture.Store.MembersOf(other).Select(seq => fixture.Store.LoadStory(seq)!.Id.Value).ToList();
        var staying = fixture.Store.MembersOf(survivor).Select(seq => fixture.Store.LoadStory(seq)!.Id.Value).ToList();
        Actions(fixture).MergeInto(other, survivor);
        Actions(fixture).Split(survivor, split);

        var result = fixture.Ingestor.Ingest(stories.Single(s => s.Id == merging.Id));

        Assert.Null(result.Merged);
        var assignments = fixture.Assignments();
        Assert.Single(split.Select(id => assignments[id]).Distinct());
        Assert.Single(staying.Select(id => assignments[id]).Distinct());
        Assert.NotEqual(assignments[split[0]], assignments[staying[0]]);
    }

    /// <summary>The filing of a scotsman.133801 report that merges two events, found by filing the stories into a scratch store (same input, same order: same event ids).</summary>
    private static IngestResult MergingStory(IReadOnlyList<Story> stories)
    {
        using var scratch = new StoreFixture();
        return stories.Select(scratch.Ingestor.Ingest).First(r => r.Merged is { Count: > 0 } && r.Id.Value.StartsWith("scotsman.133801/", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_EveryReportOfTheEvent_IsRefused()
    {
        using var fixture = WithSeeds();
        var error = Assert.Throws<EditorException>(() => Actions(fixture).Split(Forum(fixture), [TestCorpus.Kazakh, TestCorpus.RussianA, TestCorpus.RussianB]));
        Assert.Equal(EditorError.Invalid, error.Error);
        Assert.Equal("stories", error.Field);
    }

    [Fact]
    public void Split_ReportOfAnotherEvent_IsRefusedNamingIt()
    {
        using var fixture = WithSeeds();
        var before = fixture.Assignments();

        var error = Assert.Throws<EditorException>(() => Actions(fixture).Split(Forum(fixture), [TestCorpus.RussianA, TestCorpus.Memorandum]));

        Assert.Equal("stories[1]", error.Field);
        Assert.Contains(TestCorpus.Memorandum, error.Message);
        Assert.Equal(before, fixture.Assignments());
    }

    [Fact]
    public void Split_UnknownEvent_IsNotFound()
    {
        using var fixture = WithSeeds();
        var error = Assert.Throws<EditorException>(() => Actions(fixture).Split("ev-000000000000", [TestCorpus.RussianA]));
        Assert.Equal(EditorError.NotFound, error.Error);
    }

    [Fact]
    public void MergeInto_MovesEveryReportAndTheOldIdLeadsToTheOther()
    {
        using var fixture = WithSeeds();
        var forum = Forum(fixture);
        var memorandum = fixture.Assignments()[TestCorpus.Memorandum];

        var result = Actions(fixture).MergeInto(memorandum, forum);

        Assert.Equal(new MergeResult(memorandum, forum), result);
        Assert.Equal(forum, fixture.Assignments()[TestCorpus.Memorandum]);
        Assert.Equal(forum, fixture.Store.FindEventOrSuccessor(memorandum)!.Id);
        Assert.Equal(4, fixture.Ingestor.Canonical.Get(forum)!.Members.Count);
    }

    [Fact]
    public void MergeInto_EventsSplitBefore_LiftsTheKeepingApart()
    {
        using var fixture = WithSeeds();
        var forum = Forum(fixture);
        var split = Actions(fixture).Split(forum, [TestCorpus.RussianB]);

        Actions(fixture).MergeInto(split.NewEvent, forum);

        Assert.False(fixture.Store.AnyKeptApart());
    }

    [Fact]
    public void MergeInto_ItsOwnEvent_IsRefused()
    {
        using var fixture = WithSeeds();
        var error = Assert.Throws<EditorException>(() => Actions(fixture).MergeInto(Forum(fixture), Forum(fixture)));
        Assert.Equal(EditorError.Invalid, error.Error);
    }

    [Fact]
    public void Resolve_ChosenVariant_BecomesTheValueAndTheOtherStaysAVariant()
    {
        using var fixture = WithSeeds();
        var forum = Forum(fixture);
        var fact = OmarovUmarov(fixture.Ingestor.Canonical.Get(forum)!);
        var omarov = fact.Variants.Single(v => v.Value.Contains("Омаров")).Value;

        var document = Actions(fixture).Resolve(forum, fact.Id, omarov);

        var resolved = OmarovUmarov(document);
        Assert.Equal(omarov, resolved.Value);
        Assert.False(resolved.Conflict);
        Assert.Equal(omarov, resolved.Resolution!.Value);
        Assert.Equal(fact.Variants.Select(v => v.Value), resolved.Variants.Select(v => v.Value));
        Assert.Equal(Json(resolved), Json(OmarovUmarov(fixture.Ingestor.Canonical.Get(forum)!)));
    }

    [Fact]
    public void Resolve_LowersTheEventsConflictCount()
    {
        using var fixture = WithSeeds();
        var forum = Forum(fixture);
        var fact = OmarovUmarov(fixture.Ingestor.Canonical.Get(forum)!);
        var before = fixture.Store.FindEvent(forum)!.Conflicts;

        Actions(fixture).Resolve(forum, fact.Id, fact.Value);

        Assert.Equal(before - 1, fixture.Store.FindEvent(forum)!.Conflicts);
    }

    [Fact]
    public void Resolve_HoldsWhenTheEventIsRebuiltWithANewReport()
    {
        using var fixture = new StoreFixture();
        fixture.Ingestor.Ingest(TestCorpus.Seed(TestCorpus.Kazakh));
        var forum = fixture.Ingestor.Ingest(TestCorpus.Seed(TestCorpus.RussianA)).EventId!;
        var fact = OmarovUmarov(fixture.Ingestor.Canonical.Get(forum)!);
        var omarov = fact.Variants.Single(v => v.Value.Contains("Омаров")).Value;
        Actions(fixture).Resolve(forum, fact.Id, omarov);

        fixture.Ingestor.Ingest(TestCorpus.Seed(TestCorpus.RussianB));
        fixture.Reopen();

        var rebuilt = OmarovUmarov(fixture.Ingestor.Canonical.Get(forum)!);
        Assert.Equal(3, fixture.Ingestor.Canonical.Get(forum)!.Members.Count);
        Assert.Equal(omarov, rebuilt.Value);
        Assert.NotNull(rebuilt.Resolution);
    }

    [Fact]
    public void Resolve_ValueThatIsNotAVariant_IsRefusedNamingTheValue()
    {
        using var fixture = WithSeeds();
        var forum = Forum(fixture);
        var fact = OmarovUmarov(fixture.Ingestor.Canonical.Get(forum)!);

        var error = Assert.Throws<EditorException>(() => Actions(fixture).Resolve(forum, fact.Id, "Иван Иванов"));

        Assert.Equal("value", error.Field);
        Assert.True(OmarovUmarov(fixture.Ingestor.Canonical.Get(forum)!).Conflict);
    }

    [Fact]
    public void Resolve_UnknownFact_IsNotFound()
    {
        using var fixture = WithSeeds();
        var error = Assert.Throws<EditorException>(() => Actions(fixture).Resolve(Forum(fixture), "person-nobody", "Nobody"));
        Assert.Equal(EditorError.NotFound, error.Error);
        Assert.Equal("factId", error.Field);
    }

    [Fact]
    public void Actions_AreLoggedInTheDecisionsTable()
    {
        using var fixture = WithSeeds();
        var forum = Forum(fixture);
        var split = Actions(fixture).Split(forum, [TestCorpus.RussianB]);
        Actions(fixture).MergeInto(split.NewEvent, forum);

        Assert.Equal(["split", "merge"], fixture.Store.Decisions().Select(d => d.Kind));
    }
}
