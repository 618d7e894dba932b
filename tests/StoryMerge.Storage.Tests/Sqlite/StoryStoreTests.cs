using StoryMerge.Core;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Index;
using StoryMerge.Storage.Online;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Tests.Sqlite;

public class StoryStoreTests
{
    [Fact]
    public void KeyFrequencies_AfterADelete_AreThoseOfAStoreThatNeverHadTheStory()
    {
        using var deleted = new StoreFixture();
        foreach (var story in TestCorpus.Seeds()) deleted.Ingestor.Ingest(story);
        deleted.Ingestor.Delete(new StoryId(TestCorpus.RussianA));
        using var never = new StoreFixture();
        foreach (var story in TestCorpus.Seeds().Where(s => s.Id.Value != TestCorpus.RussianA)) never.Ingestor.Ingest(story);

        Assert.Equal(never.Store.KeyFrequencies().OrderBy(k => k.Key, StringComparer.Ordinal),
            deleted.Store.KeyFrequencies().OrderBy(k => k.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void KeyFrequencies_CountEveryKeyOfEveryStoredStory()
    {
        using var fixture = new StoreFixture();
        var seeds = TestCorpus.Seeds();
        foreach (var story in seeds) fixture.Ingestor.Ingest(story);
        var expected = seeds.SelectMany(s => TestCorpus.Pipeline.Analyze(s).Keys.All).GroupBy(k => k)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(expected.OrderBy(k => k.Key, StringComparer.Ordinal), fixture.Store.KeyFrequencies().Select(k => new KeyValuePair<string, int>(k.Key, k.Stories)).OrderBy(k => k.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Indexable_EveryKeyOfTheCorpus_IsIndexed()
    {
        var keys = TestCorpus.Seeds().SelectMany(s => TestCorpus.Pipeline.Analyze(s).Keys.All).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.True(IndexTerms.Indexable(k), k));
    }

    [Theory]
    [InlineData("n:strdg", true)]
    [InlineData("w:a b", true)]
    [InlineData("", false)]
    public void Indexable_EmptyOrOverlongTerm_IsLeftOut(string key, bool indexable) => Assert.Equal(indexable, IndexTerms.Indexable(key));

    [Fact]
    public void Indexable_TermLongerThanTheLimit_IsLeftOut() => Assert.False(IndexTerms.Indexable(new string('a', IndexTerms.MaxTermLength + 1)));

    [Fact]
    public void IndexRowid_OrdersByDayThenSeq()
    {
        var day = new DateOnly(2025, 9, 29);
        Assert.True(StoryStore.IndexRowid(day, 999_999) < StoryStore.IndexRowid(day.AddDays(1), 1));
        Assert.True(StoryStore.IndexRowid(null, 999_999) < StoryStore.IndexRowid(DateOnly.MinValue, 1));
        Assert.Equal(12345, StoryStore.SeqOf(StoryStore.IndexRowid(day, 12345)));
    }

    [Fact]
    public void InTransaction_WorkThatThrows_LeavesNothingBehind()
    {
        using var fixture = new StoreFixture();
        _ = fixture.Ingestor;   // opens the index
        var story = TestCorpus.Seed(TestCorpus.Memorandum);
        Assert.Throws<InvalidOperationException>(() => fixture.Store.InTransaction(() =>
        {
            fixture.Store.InsertStory(story, new LanguageTag("ru"), "hash", 1, [1], [1], new IndexTerms(["n:xx"], ["xx"]), DateTimeOffset.UnixEpoch);
            throw new InvalidOperationException("disk full, say");
        }));
        Assert.Equal(0, fixture.Store.StoryCount());
        Assert.Empty(fixture.Store.KeyFrequencies());
        Assert.Equal(0, fixture.Store.Index.Count);
    }

    [Fact]
    public void LoadStory_AfterReopen_KeepsTimeWithOffsetPlacesAndSubjects()
    {
        using var fixture = new StoreFixture();
        var at = new DateTimeOffset(2025, 9, 29, 1, 30, 0, TimeSpan.FromHours(5));
        Concept[] located = [new("Алматы", null, "http://sws.geonames.org/1526384/")];
        Concept[] subjects = [new("медиа", "medtop:01000000", "http://cv.iptc.org/newscodes/mediatopic/01000000"), new(null, "medtop:11000000")];
        fixture.Ingestor.Ingest(TestCorpus.Seed(TestCorpus.Kazakh) with { PublishedAt = at, Located = located, Subjects = subjects });
        fixture.Reopen();

        var story = fixture.Store.LoadStory(fixture.Store.FindStory(new StoryId(TestCorpus.Kazakh))!.Seq)!;

        Assert.Equal((at, at.Offset, new DateOnly(2025, 9, 29)), (story.PublishedAt!.Value, story.PublishedAt.Value.Offset, story.Published!.Value));
        Assert.Equal(located, story.Located);
        Assert.Equal(subjects, story.Subjects);
    }

    [Fact]
    public void LoadStory_DateAloneNoConcepts_NoTimeNoConcepts()
    {
        using var fixture = new StoreFixture();
        fixture.Ingestor.Ingest(TestCorpus.Seed(TestCorpus.Kazakh));
        fixture.Reopen();

        var story = fixture.Store.LoadStory(fixture.Store.FindStory(new StoryId(TestCorpus.Kazakh))!.Seq)!;

        Assert.Equal((TestCorpus.Seed(TestCorpus.Kazakh).Published, (DateTimeOffset?)null, 0, 0), (story.Published, story.PublishedAt, story.Located.Count, story.Subjects.Count));
    }
}
