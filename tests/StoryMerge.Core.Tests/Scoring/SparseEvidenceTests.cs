using StoryMerge.Core.Input;

namespace StoryMerge.Core.Tests.Scoring;

/// <summary>One shared small number or name does not merge two unrelated stories, nor do two incidents of one kind that name different places and figures; two reports of one incident are one event.</summary>
/// <remarks>Each pair is clustered among the ntrex-dev partial stories, so the statistics are those of a real collection.</remarks>
[Trait("Category", "Slow")]
public class SparseEvidenceTests
{
    private static readonly Lazy<List<Story>> Collection = new(() =>
    {
        var path = Path.Combine(TestCorpus.RepositoryRoot, "benchmarks", "data", "ntrex-dev", "partial.jsonl");
        return new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(path)), path).Select(i => i.Story!).Take(200).ToList();
    });

    private static bool SameEvent(Story a, Story b)
    {
        var result = TestCorpus.Pipeline.Cluster(TestCorpus.Pipeline.AnalyzeAll([.. Collection.Value, a, b]));
        return result.Events.Any(e => e.Members.Any(m => m.Id == a.Id) && e.Members.Any(m => m.Id == b.Id));
    }

    private static Story En(string id, string text) => new(new StoryId(id), text, Language: new LanguageTag("en"), Published: new DateOnly(2025, 3, 4));

    [Fact]
    public void Cluster_UnrelatedStoriesSharingOnlyOneSmallNumber_StayApart() => Assert.False(SameEvent(
        En("rain", "Heavy rain closed 12 schools in the northern province on Monday, and parents were told to keep their children at home until the roads are cleared."),
        En("orchestra", "The city orchestra performed 12 symphonies during its autumn tour of coastal towns, and critics praised the young conductor for her bold tempos.")));

    [Fact]
    public void Cluster_UnrelatedStoriesSharingOnlyOneRareName_StayApart() => Assert.False(SameEvent(
        En("harvest", "Farmers near Tollavenk said the wheat harvest came in late this year after a wet spring, and grain prices at the market rose for a second week."),
        new Story(new StoryId("museum"), "Музей современного искусства открыл выставку фотографий, среди авторов которой Толлавенк и молодые художники из южных городов.",
            Language: new LanguageTag("ru"), Published: new DateOnly(2025, 3, 4))));

    [Fact]
    public void Cluster_TwoReportsOfOneEarthquake_AreOneEvent() => Assert.True(SameEvent(
        En("quake-a", "A magnitude 6.1 earthquake struck near Padang in West Sumatra on Tuesday, killing 12 people and damaging 300 houses, the disaster agency said."),
        En("quake-b", "Twelve people died when a 6.1-magnitude quake hit West Sumatra on Tuesday; officials in Padang said some 300 homes were damaged.")));

    /// <summary>Told as the second report of the Padang quake is told (<see cref="Cluster_TwoReportsOfOneEarthquake_AreOneEvent"/>), with another place, day and toll.</summary>
    [Fact]
    public void Cluster_TwoEarthquakesInDifferentPlacesWithDifferentTolls_StayApart() => Assert.False(SameEvent(
        En("quake-a", "A magnitude 6.1 earthquake struck near Padang in West Sumatra on Tuesday, killing 12 people and damaging 300 houses, the disaster agency said."),
        En("quake-c", "Thirty-four people died when a 6.1-magnitude quake hit Sulawesi on Friday; officials in Mamuju said some 820 homes were damaged.")));
}
