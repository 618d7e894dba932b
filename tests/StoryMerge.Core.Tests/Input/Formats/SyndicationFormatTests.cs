using StoryMerge.Core.Input.Formats;

namespace StoryMerge.Core.Tests.Input.Formats;

public class SyndicationFormatTests
{
    private readonly SyndicationFormat _format = new();

    [Theory]
    [InlineData("seeds.rss")]
    [InlineData("seeds.atom")]
    [InlineData("seeds.feed.json")]
    public void Read_SeedFeed_MapsEveryField(string file)
    {
        var story = Samples.Item(Samples.Read(_format, Samples.Feed(file)), TestCorpus.Kazakh);
        Assert.Equal("urn:storymerge:seed:" + TestCorpus.Kazakh, story.Id.Value);
        Assert.Equal("Алматыда Қазақстан-Ресей екінші медиафорумы өтті", story.Title);
        Assert.Equal("kk", story.Language.Code);
        Assert.Equal("BAQ.KZ", story.Source);
        Assert.Equal("https://wire.storymerge.example/kk/" + TestCorpus.Kazakh, story.Url);
        Assert.StartsWith("Алматыда Қазақстан-Ресей екінші медиафорумы ұйымдастырылды.", story.Text);
    }

    [Theory]
    [InlineData("seeds.rss")]
    [InlineData("seeds.atom")]
    [InlineData("seeds.feed.json")]
    public void Read_TimeAfterMidnightAtSender_KeepsSendersDate(string file)
    {
        // 2025-09-29 01:30 +05:00 is still 2025-09-28 in UTC: the story's date is the sender's.
        var story = Samples.Item(Samples.Read(_format, Samples.Feed(file)), TestCorpus.Kazakh);
        Assert.Equal(new DateOnly(2025, 9, 29), story.Published);
    }

    [Theory]
    [InlineData("seeds.rss")]
    [InlineData("seeds.atom")]
    [InlineData("seeds.feed.json")]
    public void Read_SeedFeed_TextKeepsEveryParagraph(string file)
    {
        var story = Samples.Item(Samples.Read(_format, Samples.Feed(file)), TestCorpus.RussianB);
        Assert.Equal(Samples.Paragraphs(Samples.SeedBody(TestCorpus.RussianB)), Samples.Paragraphs(story.Text));
    }

    [Fact]
    public void Read_MalformedItems_EachReportedWithItsLineOthersRead()
    {
        var items = Samples.Read(_format, Samples.Feed("malformed/bad-items.rss"));
        Assert.Equal(["urn:storymerge:malformed:good-1", WireItem.StableId("Malformed sample feed", "https://wire.storymerge.example/ru/no-guid")],
            items.Where(i => i.Succeeded).Select(i => i.Story!.Id.Value));
        Assert.Equal([(13, "no text"), (18, "language \"русский язык!\" is not a language code")],
            items.Where(i => !i.Succeeded).Select(i => (i.Line!.Value, i.Error!.Split(" (")[0])));
    }

    [Fact]
    public void Read_ItemWithoutGuid_SameIdEachTime()
    {
        string Id() => Samples.Read(_format, Samples.Feed("malformed/bad-items.rss")).Last().Story!.Id.Value;
        Assert.Equal(Id(), Id());
    }

    [Fact]
    public void Read_NotWellFormed_OneFailedItem()
    {
        var item = Assert.Single(Samples.Read(_format, Samples.Feed("malformed/broken.rss")));
        Assert.StartsWith("not a readable feed", item.Error);
    }

    [Fact]
    public void Read_EmptyChannel_NoItems() =>
        Assert.Empty(_format.Read("<rss version=\"2.0\"><channel><title>t</title></channel></rss>", "f.rss"));

    [Theory]
    [InlineData("seeds.rss")]
    [InlineData("seeds.atom")]
    [InlineData("seeds.feed.json")]
    public void Read_SeedFeed_KeepsTimeWithItsOffset(string file)
    {
        var story = Samples.Item(Samples.Read(_format, Samples.Feed(file)), TestCorpus.RussianA);
        Assert.Equal((new DateTimeOffset(2025, 9, 29, 9, 5, 0, TimeSpan.FromHours(3)), TimeSpan.FromHours(3)), (story.PublishedAt!.Value, story.PublishedAt.Value.Offset));
    }
}
