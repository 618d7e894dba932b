using StoryMerge.Core;
using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Scoring;
using StoryMerge.Core.Tests;
using StoryMerge.Storage.Online;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Storage.Tests.Online;

public class SampledBackgroundsTests
{
    private static List<StoredFeatures> Sample(string language, int count, int seed) =>
        TestCorpus.RandomStrings(seed, count).Select((text, i) => TestCorpus.Pipeline.Analyze(
                new Story(new StoryId($"{language}-{i}"), "Ерлан Карин " + text + " Алматы") { Language = new LanguageTag(language) }))
            .Select((s, i) => new StoredFeatures(i + 1, s.Features, null, i)).ToList();

    private static SampledBackgrounds Backgrounds(PairStatistics pairs) =>
        new(pairs, size: 16, new KeyWeigher(new KeyRarity(BackgroundModel.Shipped)));

    [Fact]
    public void ObservePairStatistics_TwoLanguagesSampled_UpdatesTheirPairFromTheSamples()
    {
        var pairs = new PairStatistics(BackgroundModel.Shipped);
        var backgrounds = Backgrounds(pairs);
        backgrounds.SetSample(new LanguageTag("kk"), Sample("kk", 12, 1));
        backgrounds.SetSample(new LanguageTag("ru"), Sample("ru", 12, 2));
        backgrounds.ObservePairStatistics(maxPairs: 100);

        // The background counts as PriorPairs pairs; of the 100 observed, the top 2 % are trimmed as likely related.
        Assert.Equal(PairStatistics.PriorPairs + 98, pairs.For(new LanguageTag("kk"), new LanguageTag("ru")).Pairs);
    }

    [Fact]
    public void ObservePairStatistics_FewerThan30PossiblePairs_KeepsTheBackground()
    {
        var pairs = new PairStatistics(BackgroundModel.Shipped);
        var backgrounds = Backgrounds(pairs);
        backgrounds.SetSample(new LanguageTag("kk"), Sample("kk", 5, 1));
        var before = pairs.For(new LanguageTag("kk"), new LanguageTag("kk"));

        backgrounds.ObservePairStatistics(maxPairs: 400);

        Assert.Same(before, pairs.For(new LanguageTag("kk"), new LanguageTag("kk")));
    }

    [Fact]
    public void ObservePairStatistics_SameSamplesInAnotherOrder_GiveTheSameStatistics()
    {
        var first = new PairStatistics(BackgroundModel.Shipped);
        var second = new PairStatistics(BackgroundModel.Shipped);
        var sample = Sample("kk", 12, 1);
        var a = Backgrounds(first);
        a.SetSample(new LanguageTag("kk"), sample);
        var b = Backgrounds(second);
        b.SetSample(new LanguageTag("kk"), Enumerable.Reverse(sample).ToList());

        a.ObservePairStatistics(400);
        b.ObservePairStatistics(400);

        Assert.Equal(first.For(new LanguageTag("kk"), new LanguageTag("kk")).Mean, second.For(new LanguageTag("kk"), new LanguageTag("kk")).Mean);
    }
}
