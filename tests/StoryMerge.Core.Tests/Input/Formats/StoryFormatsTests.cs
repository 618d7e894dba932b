using StoryMerge.Core.Input.Formats;

namespace StoryMerge.Core.Tests.Input.Formats;

public class StoryFormatsTests
{
    [Theory]
    [InlineData("seeds.rss", "rss/atom/json-feed")]
    [InlineData("seeds.atom", "rss/atom/json-feed")]
    [InlineData("seeds.feed.json", "rss/atom/json-feed")]
    [InlineData("seeds.ninjs.json", "ninjs")]
    [InlineData("forum-event.ninjs.json", "ninjs")]
    [InlineData("forum-legacy.ninjs1.json", "ninjs")]
    [InlineData("seeds.newsml.xml", "newsml-g2")]
    [InlineData("forum-page.html", "html")]
    public void Detect_SampleFeed_ItsFormat(string file, string format) =>
        Assert.Equal(format, StoryFormats.Default.Detect(File.ReadAllText(Samples.Feed(file)))!.Name);

    [Theory]
    [InlineData(" date 2025-09-29 Алматыда форум өтті.", "text")]
    [InlineData("Just a story.", "text")]
    [InlineData("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"b\",\"text\":\"y\"}", "jsonl")]
    [InlineData("{\"id\":\"a\",\"text\":\"x\"}", "jsonl")]
    [InlineData("{\"id\":\"a\",\"text\":\"x\"}\n{broken", "jsonl")]
    [InlineData("\uFEFF<?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>", "rss/atom/json-feed")]
    [InlineData("<html><body><p>x</p></body></html>", "html")]
    public void Detect_ByContent_ItsFormat(string text, string format) => Assert.Equal(format, StoryFormats.Default.Detect(text)!.Name);

    [Theory]
    [InlineData("{\"pairs\": [[\"a\", \"b\"]]}")]
    [InlineData("<catalog><book/></catalog>")]
    [InlineData("[1, 2, 3]")]
    public void Detect_OtherStructuredDocument_NoFormat(string text) => Assert.Null(StoryFormats.Default.Detect(text));

    [Fact]
    public void Detect_SeedGoldFile_NoFormat() =>
        Assert.Null(StoryFormats.Default.Detect(File.ReadAllText(Path.Combine(TestCorpus.CorpusDirectory, "gold.json"))));

    [Fact]
    public void Read_EmptyText_OneFailedItem() => Assert.False(Assert.Single(StoryFormats.Default.Read("", "empty.txt")).Succeeded);

    [Fact]
    public void Read_RandomStrings_NeverThrow()
    {
        foreach (var text in TestCorpus.RandomStrings(11).Concat(TestCorpus.RandomStrings(12).Select(s => "<" + s)).Concat(TestCorpus.RandomStrings(13).Select(s => "{" + s)))
            Assert.NotNull(StoryFormats.Default.Read(text, "random").ToList());
    }

    [Theory]
    [InlineData("seeds.rss")]
    [InlineData("seeds.atom")]
    [InlineData("seeds.feed.json")]
    [InlineData("seeds.ninjs.json")]
    [InlineData("seeds.newsml.xml")]
    public void Cluster_SeedsAsWireFeed_SameEventsAsSeedCorpus(string file)
    {
        var stories = StoryFormats.Default.Read(File.ReadAllText(Samples.Feed(file)), file).Select(i => i.Story!).ToList();
        var batch = TestCorpus.Pipeline.Cluster(TestCorpus.Pipeline.AnalyzeAll(stories));
        Assert.Equal(Groups(TestCorpus.SeedBatch, id => id), Groups(batch, id => id[(id.LastIndexOf(':') + 1)..]));
    }

    /// <summary>The events as sets of seed ids, in a fixed order.</summary>
    private static List<string> Groups(BatchResult batch, Func<string, string> seedId) =>
        batch.Events.Select(e => string.Join(",", e.Members.Select(m => seedId(m.Id.Value)).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToList();
}
