using System.Text.Json;
using System.Text.Json.Nodes;
using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Core.Input.Formats;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Documents;

namespace StoryMerge.Storage.Tests.Documents;

public class NinjsDocumentTests
{
    private static readonly DateTimeOffset Updated = new(2025, 9, 29, 12, 0, 0, TimeSpan.FromHours(5));

    private static IEnumerable<EventDocument> SeedEvents() => TestCorpus.SeedBatch.Events.Select(EventDocument.From);

    private static EventDocument Forum() => SeedEvents().Single(e => e.Members.Count == 3);

    private static readonly Lazy<List<EventDocument>> WireEvents = new(() =>
    {
        var path = Path.Combine(TestCorpus.CorpusDirectory, "feeds", "seeds.newsml.xml");
        var stories = StoryFormats.Default.Read(File.ReadAllText(path), path).Select(i => i.Story!).ToList();
        return TestCorpus.Pipeline.Cluster(TestCorpus.Pipeline.AnalyzeAll(stories)).Events.Select(EventDocument.From).ToList();
    });

    /// <summary>The forum event of the seeds as a NewsML-G2 agency sends them: times with offsets, located places and subjects.</summary>
    private static EventDocument WireForum() => WireEvents.Value.Single(e => e.Members.Count == 3);

    private static JsonNode FactsExtension(JsonObject item) =>
        JsonNode.Parse((string)item["descriptions"]!.AsArray().Single(d => (string)d!["role"]! == NinjsDocument.FactsRole)!["value"]!)!;

    [Theory]
    [InlineData("001_simple_example.json")]
    [InlineData("004_simple_text_article.json")]
    [InlineData("005_complex_text_article.json")]
    [InlineData("dpa_text.json")]
    public void Schema_IptcExample_Valid(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestCorpus.RepositoryRoot, "standards", "ninjs", file)));
        Assert.Empty(NinjsSchema.Errors(document.RootElement));
    }

    [Fact]
    public void Schema_PropertyNinjsDoesNotDefine_Invalid()
    {
        var item = NinjsDocument.From(Forum());
        item["conflicts"] = 1;
        Assert.NotEmpty(NinjsSchema.Errors(item));
    }

    [Fact]
    public void Schema_UriThatIsNoUri_Invalid()
    {
        var item = NinjsDocument.From(Forum());
        item["uri"] = "not a uri";
        Assert.NotEmpty(NinjsSchema.Errors(item));
    }

    [Fact]
    public void From_SeedEvents_ValidAgainstNinjs31()
    {
        foreach (var e in SeedEvents()) Assert.Empty(NinjsSchema.Errors(NinjsDocument.From(e, Updated)));
    }

    [Fact]
    public void From_DevSetEvents_ValidAgainstNinjs31()
    {
        var reader = new StoryReader();
        var stories = reader.ParseJsonLines(new StringReader(File.ReadAllText(Path.Combine(TestCorpus.RepositoryRoot, "benchmarks", "data", "ntrex-dev", "full.jsonl"))), "full.jsonl")
            .Select(i => i.Story!).Take(120).ToList();
        var batch = TestCorpus.Pipeline.Cluster(TestCorpus.Pipeline.AnalyzeAll(stories));
        Assert.All(batch.Events.Select(EventDocument.From), e => Assert.Empty(NinjsSchema.Errors(NinjsDocument.From(e, Updated))));
    }

    [Fact]
    public void From_Event_ReportsAreAssociations()
    {
        var associations = NinjsDocument.From(Forum())["associations"]!.AsArray();
        Assert.Equal(new[] { TestCorpus.Kazakh, TestCorpus.RussianA, TestCorpus.RussianB }.Select(NinjsDocument.StoryUri),
            associations.Select(a => (string)a!["uri"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void From_ConflictingPerson_EveryVariantListedUnderItsFact()
    {
        var people = NinjsDocument.From(Forum())["people"]!.AsArray();
        var umarov = people.Where(p => (string)p!["literal"]! == "person-askar-umarov").Select(p => ((string)p!["name"]!, (string)p["rel"]!)).ToList();
        Assert.Equal([("Аскар Умаров", "canonical"), ("Асқар Омаров", "variant")], umarov);
    }

    [Fact]
    public void From_ConflictingPerson_MarkedWithSourcesInTheExtension()
    {
        var item = NinjsDocument.From(Forum());
        var extension = item["descriptions"]!.AsArray().Single(d => (string)d!["role"]! == NinjsDocument.FactsRole)!;
        var facts = JsonNode.Parse((string)extension["value"]!)!;
        Assert.Equal(["person-askar-umarov"], facts["conflicts"]!.AsArray().Select(c => (string)c!));
        var omarov = facts["facts"]!.AsArray().Single(f => (string)f!["id"]! == "person-askar-umarov")!["variants"]!.AsArray()
            .Single(v => (string)v!["value"]! == "Асқар Омаров")!;
        Assert.Equal([NinjsDocument.StoryUri(TestCorpus.Kazakh)], omarov["sources"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public void From_EventWithPlaceAndDate_LocatedAndDated()
    {
        var item = NinjsDocument.From(Forum(), Updated);
        Assert.Equal(("Алматы", "2025-09-28", "2025-09-29T07:00:00Z"),
            ((string)item["located"]!, (string)item["eventDetails"]!["dates"]!["expectedStartDate"]!, (string)item["versionCreated"]!));
    }

    [Fact]
    public void From_IdNeedingEscape_UriStillValid()
    {
        var e = Forum() with { Id = "ev-a b/ç" };
        Assert.Empty(NinjsSchema.Errors(NinjsDocument.From(e)));
    }

    [Fact]
    public void From_WireSeedEvents_ValidAgainstNinjs31()
    {
        Assert.Equal(3, WireEvents.Value.Count);
        foreach (var e in WireEvents.Value) Assert.Empty(NinjsSchema.Errors(NinjsDocument.From(e, Updated)));
    }

    [Fact]
    public void From_ReportsWithTimes_AssociationsCreatedWithTheSendersOffset()
    {
        var kazakh = NinjsDocument.From(WireForum())["associations"]!.AsArray().Single(a => ((string)a!["uri"]!).EndsWith(TestCorpus.Kazakh, StringComparison.Ordinal))!;
        Assert.Equal(("2025-09-29T01:30:00+05:00", "2025-09-29T01:30:00+05:00", "2025-09-29"),
            ((string)kazakh["firstCreated"]!, (string)kazakh["versionCreated"]!, (string)kazakh["descriptions"]![0]!["value"]!));
    }

    [Fact]
    public void From_ReportsWithTimes_EventCreatedAtTheEarliestReport()
    {
        // 01:30 +05:00 in Almaty comes before 09:05 +03:00 in Moscow and 14:20 +05:00, though its day is the same.
        var item = NinjsDocument.From(WireForum(), Updated);
        Assert.Equal(("2025-09-29T01:30:00+05:00", "2025-09-29T07:00:00Z"), ((string)item["firstCreated"]!, (string)item["versionCreated"]!));
    }

    [Fact]
    public void From_ReportsWithoutTimes_NoCreatedTimes()
    {
        var item = NinjsDocument.From(Forum());
        Assert.Equal((false, false), (item.ContainsKey("firstCreated"), item["associations"]![0]!.AsObject().ContainsKey("firstCreated")));
    }

    [Fact]
    public void From_GivenLocated_APlaceBesideTheExtractedOnes()
    {
        var places = NinjsDocument.From(WireForum())["places"]!.AsArray();
        var given = Assert.Single(places, p => (string)p!["rel"]! == "located")!;
        Assert.Equal(("Алматы", "http://sws.geonames.org/1526384/"), ((string)given["name"]!, (string)given["uri"]!));
        Assert.Contains(places, p => (string)p!["rel"]! == "canonical");
    }

    [Fact]
    public void From_GivenSubjects_EachNameOnceWithItsQCode()
    {
        var subjects = NinjsDocument.From(WireForum())["subjects"]!.AsArray().Where(s => (string)s!["rel"]! == "subject").ToList();
        Assert.Equal([("искусство, культура, развлечения и СМИ", "medtop:01000000"), ("өнер, мәдениет, ойын-сауық және БАҚ", "medtop:01000000")],
            subjects.Select(s => ((string)s!["name"]!, (string)s["literal"]!)).Order());
    }

    [Fact]
    public void From_GivenConcepts_SourcesInTheExtension()
    {
        var given = FactsExtension(NinjsDocument.From(WireForum()))["given"]!;
        var almaty = Assert.Single(given["located"]!.AsArray())!;
        Assert.Equal(WireForum().Members.Select(m => NinjsDocument.StoryUri(m.Id)), almaty["sources"]!.AsArray().Select(s => (string)s!));
        var russian = given["subjects"]!.AsArray().Single(s => (string)s!["name"]! == "искусство, культура, развлечения и СМИ")!;
        Assert.Equal(2, russian["sources"]!.AsArray().Count);
    }

    [Fact]
    public void From_ReportWithGivenConcepts_AssociationLocatedWithItsPlacesAndSubjects()
    {
        var report = NinjsDocument.From(WireForum())["associations"]![0]!;
        Assert.Equal(("Алматы", "located", "subject"),
            ((string)report["located"]!, (string)report["places"]![0]!["rel"]!, (string)report["subjects"]![0]!["rel"]!));
    }

    [Fact]
    public void From_GivenUriThatIsNoUri_LeftOutStillValid()
    {
        var e = Forum();
        e = e with { Members = [e.Members[0] with { Subjects = [new ConceptDocument(null, null, "not a uri"), new ConceptDocument("media", null, "nor this")] }, .. e.Members.Skip(1)] };
        var item = NinjsDocument.From(e);
        Assert.Empty(NinjsSchema.Errors(item));
        Assert.Equal([(null, "not a uri"), ("media", null)], item["subjects"]!.AsArray().Where(s => (string)s!["rel"]! == "subject")
            .Select(s => ((string?)s!["name"], (string?)s["literal"])));
    }

    [Theory]
    [InlineData("seeds.ninjs.json")]
    [InlineData("forum-event.ninjs.json")]
    public void Schema_SampleFeed_Valid(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestCorpus.CorpusDirectory, "feeds", file)));
        var items = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
        Assert.All(items, item => Assert.Empty(NinjsSchema.Errors(item)));
    }
}
