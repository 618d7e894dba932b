using StoryMerge.Core.Input.Formats;

namespace StoryMerge.Core.Tests.Input.Formats;

public class NinjsFormatTests
{
    private readonly NinjsFormat _format = new();

    [Fact]
    public void Read_SeedArray_MapsEveryField()
    {
        var story = Samples.Item(Samples.Read(_format, Samples.Feed("seeds.ninjs.json")), TestCorpus.RussianA);
        Assert.Equal("urn:storymerge:seed:" + TestCorpus.RussianA, story.Id.Value);
        Assert.Equal("В Алматы прошёл II казахстанско-российский медиафорум", story.Title);
        Assert.Equal("ru", story.Language.Code);
        Assert.Equal(new DateOnly(2025, 9, 29), story.Published);
        Assert.Equal("Sample wire (ru)", story.Source);
        Assert.Equal("https://wire.storymerge.example/ru/" + TestCorpus.RussianA, story.Url);
        Assert.Equal(Samples.SeedBody(TestCorpus.RussianA), story.Text);
    }

    [Fact]
    public void Read_MalformedJson_SaysWhatIsWrongWhole()
    {
        // Cut at its first full stop, the parser's message was "'": not valid JSON (').
        var item = Assert.Single(_format.Read("{\"uri\": \"x\",\n\"headline\": \"h\" .}", "bad.json"));

        Assert.StartsWith("not valid JSON: '.' is invalid after a value", item.Error);
        Assert.Contains("(line 2, byte", item.Error);
    }

    [Fact]
    public void Read_SeedArray_EveryItemRead() => Assert.Equal(5, Samples.Read(_format, Samples.Feed("seeds.ninjs.json")).Count(i => i.Succeeded));

    [Fact]
    public void Read_EventWithAssociations_ReadsEachReport()
    {
        var items = Samples.Read(_format, Samples.Feed("forum-event.ninjs.json"));
        Assert.Equal([TestCorpus.Kazakh, TestCorpus.RussianA, TestCorpus.RussianB], items.Select(i => Samples.SeedId(i.Story!)));
    }

    [Fact]
    public void Read_Ninjs1_MapsLegacyFieldNames()
    {
        var story = Assert.Single(Samples.Read(_format, Samples.Feed("forum-legacy.ninjs1.json"))).Story!;
        Assert.Equal(("В Алматы обсудили будущее медиапространства Казахстана и России", "ru", new DateOnly(2025, 9, 29), "Kazinform"),
            (story.Title, story.Language.Code, story.Published!.Value, story.Source));
        Assert.Equal(Samples.SeedBody(TestCorpus.RussianB), story.Text);
    }

    [Fact]
    public void Read_IptcDpaExample_HtmlBodyAsText()
    {
        var story = Assert.Single(Samples.Read(_format, Samples.NinjsStandard("dpa_text.json"))).Story!;
        Assert.Equal(("urn:newsml:dpa.com:20090101:190510-99-167362", "de", "dpa", new DateOnly(2019, 5, 10)),
            (story.Id.Value, story.Language.Code, story.Source, story.Published!.Value));
        Assert.StartsWith("Für Lucien Favre war es «der größte Skandal im Fußball seit Jahren».", story.Text);
        Assert.DoesNotContain("<p>", story.Text);
    }

    [Fact]
    public void Read_MalformedItems_EachReportedWithItsIndexOthersRead()
    {
        var items = Samples.Read(_format, Samples.Feed("malformed/bad-items.ninjs.json"));
        Assert.Equal("urn:storymerge:malformed:ninjs-good", Assert.Single(items, i => i.Succeeded).Story!.Id.Value);
        Assert.Equal([
            (2, "expected a ninjs object, found number"),
            (3, "field \"language\" must be a string, found number"),
            (4, "no text (the item has no body, content or description)"),
            (5, "field \"bodies\" must be an array, found string"),
        ], items.Where(i => !i.Succeeded).Select(i => (i.Index!.Value, i.Error!)));
    }

    [Fact]
    public void Read_PictureAssociations_NotStories()
    {
        // IPTC's example: a composite with a text body and two pictures.
        var items = Samples.Read(_format, Samples.NinjsStandard("003_associations_example.json"));
        Assert.Equal("http://www.businesswire.com/news/home/20130515006361/en", Assert.Single(items).Story!.Id.Value);
    }

    [Fact]
    public void Read_SeedArray_KeepsFirstCreatedWithItsOffset()
    {
        var story = Samples.Item(Samples.Read(_format, Samples.Feed("seeds.ninjs.json")), TestCorpus.RussianA);
        Assert.Equal((new DateTimeOffset(2025, 9, 29, 9, 5, 0, TimeSpan.FromHours(3)), TimeSpan.FromHours(3)), (story.PublishedAt!.Value, story.PublishedAt.Value.Offset));
    }

    [Fact]
    public void Read_SeedArray_PlaceWithUriStandsForTheLocatedName()
    {
        var story = Samples.Item(Samples.Read(_format, Samples.Feed("seeds.ninjs.json")), TestCorpus.RussianA);
        Assert.Equal([new Concept("Алматы", null, Samples.AlmatyUri)], story.Located);
    }

    [Fact]
    public void Read_SeedArray_SubjectsWithLiteralAndUri()
    {
        var story = Samples.Item(Samples.Read(_format, Samples.Feed("seeds.ninjs.json")), TestCorpus.Kazakh);
        Assert.Equal([new Concept("өнер, мәдениет, ойын-сауық және БАҚ", "medtop:01000000", Samples.MediaUri)], story.Subjects);
    }

    [Fact]
    public void Read_EventWithAssociations_ReportsKeepTheirConcepts() =>
        Assert.All(Samples.Read(_format, Samples.Feed("forum-event.ninjs.json")), i => Assert.Equal((1, 1), (i.Story!.Located.Count, i.Story.Subjects.Count)));

    [Fact]
    public void Read_Ninjs1_TimePlaceAndSubjectFromLegacyFields()
    {
        var story = Assert.Single(Samples.Read(_format, Samples.Feed("forum-legacy.ninjs1.json"))).Story!;
        Assert.Equal(new DateTimeOffset(2025, 9, 29, 14, 20, 0, TimeSpan.FromHours(5)), story.PublishedAt);
        Assert.Equal([new Concept("Алматы", "1526384", "http://sws.geonames.org/1526384")], story.Located);
        Assert.Equal([new Concept("arts, culture, entertainment and media", "01000000", Samples.MediaUri)], story.Subjects);
    }

    [Fact]
    public void Read_LocatedNameAlone_APlaceByName()
    {
        var story = Assert.Single(_format.Read("""{"uri":"urn:x:1","body_text":"Текст.","located":"Астана","firstCreated":"2025-09-29"}""", "x.json")).Story!;
        Assert.Equal((new Concept("Астана"), (DateTimeOffset?)null), (Assert.Single(story.Located), story.PublishedAt));
    }

    [Theory]
    [InlineData("""{"uri":"urn:x:1","body_text":"Текст.","places":"Алматы"}""", "field \"places\" must be an array, found string")]
    [InlineData("""{"uri":"urn:x:1","body_text":"Текст.","subject":{"name":"media"}}""", "field \"subject\" must be an array, found object")]
    [InlineData("""{"uri":"urn:x:1","body_text":"Текст.","located":["Алматы"]}""", "field \"located\" must be a string, found array")]
    public void Read_ConceptFieldOfTheWrongType_FailsNamingIt(string json, string error) =>
        Assert.Equal(error, Assert.Single(_format.Read(json, "x.json")).Error);
}
