using StoryMerge.Core.Input;
using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Scoring;

namespace StoryMerge.Core.Tests.Scoring;

public class SampleSignalsTests
{
    /// <summary>The ntrex-dev reports (372, in six languages), analysed once, with their keys counted.</summary>
    private static readonly Lazy<(List<MatchFeatures> Stories, KeyRarity Rarity)> Collection = new(() =>
    {
        var path = Path.Combine(TestCorpus.RepositoryRoot, "benchmarks", "data", "ntrex-dev", "full.jsonl");
        var stories = new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(path)), path).Select(i => i.Story!).ToList();
        var features = TestCorpus.Pipeline.AnalyzeAll(stories).Select(s => s.Features).ToList();
        var rarity = new KeyRarity(BackgroundModel.Shipped);
        foreach (var story in features) rarity.Add(story.Keys);
        return (features, rarity);
    });

    /// <summary>What profiles measured before there was an index: the story against each sampled story, pair by pair.</summary>
    private static List<PairSignals> Pairwise(MatchFeatures story, IReadOnlyList<MatchFeatures> sample, KeyWeigher weigher) =>
        sample.Where(other => other.Id != story.Id).Select(other => PairSignals.Of(story, other, weigher)).ToList();

    private static long[] Bits(IEnumerable<PairSignals> signals) =>
        signals.SelectMany(s => Enumerable.Range(0, PairSignals.Count).Select(i => BitConverter.DoubleToInt64Bits(s[i]))).ToArray();

    [Fact]
    public void Of_RealStories_BitForBitThePairwiseSignals()
    {
        var (stories, rarity) = Collection.Value;
        // Every 11th story, so the sample spans the languages; the sample's own stories are measured first, as a
        // growing archive measures a story it has just sampled.
        var sample = stories.Where((_, i) => i % 11 == 0).Take(32).ToList();
        var measured = sample.Concat(stories.Except(sample)).ToList();
        // One weigher each, used in the same order: the keys' numbering, which orders the sums, must come out the same.
        var pairwiseWeigher = new KeyWeigher(rarity);
        var signals = new SampleSignals(sample, new KeyWeigher(rarity));
        foreach (var story in measured)
            Assert.Equal(Bits(Pairwise(story, sample, pairwiseWeigher)), Bits(signals.Of(story)));
    }

    [Fact]
    public void Of_StoryInSample_LeavesItOut()
    {
        var (stories, rarity) = Collection.Value;
        var sample = stories.Take(4).ToList();
        Assert.Equal(3, new SampleSignals(sample, new KeyWeigher(rarity)).Of(sample[1]).Count);
    }

    [Fact]
    public void Of_EmptySample_NoSignals()
    {
        var story = TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.Kazakh)).Features;
        Assert.Empty(new SampleSignals([], new KeyWeigher(new KeyRarity(BackgroundModel.Shipped))).Of(story));
    }

    [Fact]
    public void Of_EmptyStory_NoKeySignals()
    {
        var (stories, rarity) = Collection.Value;
        var empty = TestCorpus.Pipeline.Analyze(new Story(new StoryId("empty"), "…")).Features;
        var signals = new SampleSignals(stories.Take(8).ToList(), new KeyWeigher(rarity)).Of(empty);
        Assert.All(signals, s => Assert.Equal(0, s.Names + s.Numbers + s.Words + s.Concepts));
    }

    [Fact]
    public void Of_RandomStories_BitForBitThePairwiseSignals()
    {
        var stories = TestCorpus.RandomStrings(41, count: 40)
            .Select((s, i) => TestCorpus.Pipeline.Analyze(new Story(new StoryId($"r{i}"), s + " x")).Features).ToList();
        var rarity = new KeyRarity(BackgroundModel.Shipped);
        var pairwiseWeigher = new KeyWeigher(rarity);
        var signals = new SampleSignals(stories.Take(10).ToList(), new KeyWeigher(rarity));
        foreach (var story in stories)
            Assert.Equal(Bits(Pairwise(story, stories.Take(10).ToList(), pairwiseWeigher)), Bits(signals.Of(story)));
    }
}
