using System.Text.Json;
using System.Text.Json.Nodes;
using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Documents;

namespace StoryMerge.Storage.Tests.Documents;

public class NinjsDocumentTests
{
    private static readonly DateTimeOffset Updated = new(2025, 9, 29, 12, 0, 0, TimeSpan.FromHours(5));

    private static IEnumerable<EventDocument> SeedEvents() => TestCorpus.SeedBatch.Events.Select(EventDocument.From);

    private static EventDocument Forum() => SeedEvents().Single(e => e.Members.Count == 3);

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
}
