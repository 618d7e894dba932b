using StoryMerge.Core.Input.Formats;

namespace StoryMerge.Core.Tests.Input.Formats;

public class NewsMlG2FormatTests
{
    private readonly NewsMlG2Format _format = new();

    [Fact]
    public void Read_SeedMessage_MapsEveryField()
    {
        var story = Samples.Item(Samples.Read(_format, Samples.Feed("seeds.newsml.xml")), TestCorpus.Kazakh);
        Assert.Equal("urn:storymerge:seed:" + TestCorpus.Kazakh, story.Id.Value);
        Assert.Equal("Алматыда Қазақстан-Ресей екінші медиафорумы өтті", story.Title);
        Assert.Equal("kk", story.Language.Code);
        Assert.Equal(new DateOnly(2025, 9, 29), story.Published);
        Assert.Equal("BAQ.KZ", story.Source);
        Assert.Equal("https://wire.storymerge.example/kk/" + TestCorpus.Kazakh, story.Url);
    }

    [Fact]
    public void Read_InlineXhtml_OneLinePerParagraph()
    {
        var story = Samples.Item(Samples.Read(_format, Samples.Feed("seeds.newsml.xml")), TestCorpus.RussianB);
        Assert.Equal(Samples.Paragraphs(Samples.SeedBody(TestCorpus.RussianB)), Samples.Paragraphs(story.Text));
    }

    [Fact]
    public void Read_MalformedItems_ReportedWithLinePicturesPassedOver()
    {
        var items = Samples.Read(_format, Samples.Feed("malformed/bad-items.newsml.xml"));
        Assert.Equal("urn:storymerge:malformed:g2-good", Assert.Single(items, i => i.Succeeded).Story!.Id.Value);
        var failed = Assert.Single(items, i => !i.Succeeded);
        Assert.Equal((9, "no text (the item has no body, content or description)"), (failed.Line!.Value, failed.Error!));
    }

    [Fact]
    public void Read_NotWellFormed_FailsWithLine()
    {
        var item = Assert.Single(_format.Read("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">\n<itemMeta>\n</newsItem>", "x.xml"));
        Assert.Equal((3, true), (item.Line!.Value, item.Error!.StartsWith("not well-formed XML", StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_SingleNewsItem_OneStory()
    {
        const string xml = """
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" xml:lang="ru">
              <contentMeta><headline>Заголовок</headline></contentMeta>
              <contentSet><inlineData>Текст новости.</inlineData></contentSet>
            </newsItem>
            """;
        var story = Assert.Single(_format.Read(xml, "x.xml")).Story!;
        Assert.Equal(("urn:x:1", "Заголовок", "Текст новости.", "ru"), (story.Id.Value, story.Title, story.Text, story.Language.Code));
    }

    [Fact]
    public void Read_SeedMessage_KeepsFirstCreatedWithItsOffset()
    {
        // firstCreated 01:30 +05:00 (still the 28th in UTC), versionCreated a quarter of an hour later: the first wins, the day is the sender's.
        var story = Samples.Item(Samples.Read(_format, Samples.Feed("seeds.newsml.xml")), TestCorpus.Kazakh);
        Assert.Equal((new DateTimeOffset(2025, 9, 29, 1, 30, 0, TimeSpan.FromHours(5)), TimeSpan.FromHours(5), new DateOnly(2025, 9, 29)),
            (story.PublishedAt!.Value, story.PublishedAt.Value.Offset, story.Published!.Value));
    }

    [Fact]
    public void Read_SeedMessage_LocatedWithItsUri()
    {
        var story = Samples.Item(Samples.Read(_format, Samples.Feed("seeds.newsml.xml")), TestCorpus.Kazakh);
        Assert.Equal([new Concept("Алматы", null, Samples.AlmatyUri)], story.Located);
    }

    [Fact]
    public void Read_SeedMessage_SubjectNamedInTheItemsLanguageWithItsQCode()
    {
        var items = Samples.Read(_format, Samples.Feed("seeds.newsml.xml"));
        Assert.Equal([new Concept("өнер, мәдениет, ойын-сауық және БАҚ", "medtop:01000000")], Samples.Item(items, TestCorpus.Kazakh).Subjects);
        Assert.Equal([new Concept("искусство, культура, развлечения и СМИ", "medtop:01000000")], Samples.Item(items, TestCorpus.RussianA).Subjects);
    }

    [Fact]
    public void Read_ItemNotLocated_NoPlaces() =>
        Assert.Empty(Samples.Item(Samples.Read(_format, Samples.Feed("seeds.newsml.xml")), "000_a63dd37710ce54de").Located);

    [Fact]
    public void Read_DateAlone_DateWithoutTime()
    {
        const string xml = """
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" xml:lang="ru">
              <itemMeta><firstCreated>2025-09-29</firstCreated></itemMeta>
              <contentSet><inlineData>Текст новости.</inlineData></contentSet>
            </newsItem>
            """;
        var story = Assert.Single(_format.Read(xml, "x.xml")).Story!;
        Assert.Equal((new DateOnly(2025, 9, 29), (DateTimeOffset?)null), (story.Published, story.PublishedAt));
    }

    [Fact]
    public void Read_SubjectWithoutNameAndEmptyLocated_QCodeKeptEmptyPassedOver()
    {
        const string xml = """
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" xml:lang="ru">
              <contentMeta><located/><subject qcode="medtop:11000000"/></contentMeta>
              <contentSet><inlineData>Текст новости.</inlineData></contentSet>
            </newsItem>
            """;
        var story = Assert.Single(_format.Read(xml, "x.xml")).Story!;
        Assert.Equal((0, new Concept(null, "medtop:11000000")), (story.Located.Count, Assert.Single(story.Subjects)));
    }
}
