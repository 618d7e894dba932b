using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Scoring;

namespace StoryMerge.Core.Tests.Scoring;

public class PairScorerTests
{
    private static PairScorer Scorer(ScoringOptions? options = null, SignalCoverage? coverage = null)
    {
        var statistics = new PairStatistics(BackgroundModel.Shipped);
        return new PairScorer(options ?? new ScoringOptions(), new KeyWeigher(new KeyRarity(BackgroundModel.Shipped)), new StoryBackgrounds(statistics), coverage ?? new SignalCoverage());
    }

    private static AnalyzedStory Seed(string id) => TestCorpus.Pipeline.Analyze(TestCorpus.Seed(id));

    [Fact]
    public void Score_KazakhAndRussianReportsOfOneForum_AboveThreshold()
    {
        var scorer = Scorer();
        Assert.True(scorer.Score(Seed(TestCorpus.Kazakh), Seed(TestCorpus.RussianA)).Total >= scorer.MatchThreshold);
    }

    [Fact]
    public void Score_ForumAndMemorandumWithoutDates_BelowThreshold()
    {
        var forum = TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.RussianA) with { Published = null });
        var memorandum = TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.Memorandum) with { Published = null });
        var scorer = Scorer();
        Assert.True(scorer.Score(forum, memorandum).Total < scorer.MatchThreshold);
    }

    [Fact]
    public void Score_DatesFurtherApartThanWindow_Penalised()
    {
        var a = TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.RussianA));
        var near = TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.RussianB));
        var far = TestCorpus.Pipeline.Analyze(TestCorpus.Seed(TestCorpus.RussianB) with { Published = new DateOnly(2025, 12, 1) });
        Assert.True(Scorer().Score(a, far).Penalty > Scorer().Score(a, near).Penalty);
    }

    [Fact]
    public void Score_IsSymmetric()
    {
        var a = Seed(TestCorpus.Kazakh);
        var b = Seed(TestCorpus.RussianB);
        Assert.Equal(Scorer().Score(a, b).Total, Scorer().Score(b, a).Total, 9);
    }

    [Fact]
    public void Score_EmptyStories_NoSignal()
    {
        var empty = TestCorpus.Pipeline.Analyze(new Story(new StoryId("e"), "…"));
        var score = Scorer().Score(empty, empty);
        Assert.Equal(0, score.Signals.Names + score.Signals.Words + score.Signals.Vector);
    }

    [Fact]
    public void Score_RandomStories_FiniteTotalAndSimilarityInRange()
    {
        var stories = TestCorpus.RandomStrings(16, count: 30).Select((s, i) => TestCorpus.Pipeline.Analyze(new Story(new StoryId($"r{i}"), s + " x"))).ToList();
        var scorer = Scorer();
        for (int i = 1; i < stories.Count; i++)
        {
            var score = scorer.Score(stories[i - 1], stories[i]);
            Assert.True(double.IsFinite(score.Total));
            Assert.InRange(score.Similarity.Value, 0, 1);
        }
    }

    [Fact]
    public void Score_LanguageWhoseStoriesCarryNoNames_LeavesNamesOutAndScalesTheOtherWeights()
    {
        var kazakh = Seed(TestCorpus.Kazakh);
        var russian = Seed(TestCorpus.RussianA);
        var coverage = new SignalCoverage();
        var nameless = new MatchFeatures(new StoryId("k"), kazakh.Language, null, new MatchKeys(new HashSet<string>(), kazakh.Keys.Numbers, kazakh.Keys.Words, kazakh.Keys.Concepts), kazakh.Features.Vector);
        coverage.Measure(kazakh.Language, [nameless]);
        var options = new ScoringOptions();

        var score = Scorer(options, coverage).Score(kazakh, russian);

        Assert.Equal(0, score.Z[1]);
        double scale = options.Weights.Sum() / (options.Weights.Sum() - options.NamesWeight);
        double expected = Enumerable.Range(0, PairSignals.Count).Where(i => i != 1).Sum(i => options.Weights[i] * scale * score.Z[i]) - score.Penalty;
        Assert.Equal(expected, score.Total, 9);
    }

    [Fact]
    public void Validate_NegativeWeight_Throws() => Assert.Throws<ArgumentException>(() => new ScoringOptions { NamesWeight = -1 }.Validate());

    [Fact]
    public void Validate_UnknownDecision_ThrowsNamingTheSetting() =>
        Assert.Contains("scoring.decision", Assert.Throws<ArgumentException>(() => new ScoringOptions { Decision = "forest" }.Validate()).Message);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Validate_MatchProbabilityOutsideOpenUnitInterval_Throws(double p) =>
        Assert.Throws<ArgumentException>(() => new ScoringOptions { MatchProbability = p }.Validate());
}

public class PairStatisticsTests
{
    private static PairSignals S(double v) => new(v, v, v, v, v);

    [Fact]
    public void Measure_TrimsTheTopValue()
    {
        var stats = PairStatistics.Measure([S(0.1), S(0.1), S(0.1), S(0.9)], trimTop: 0.05);
        Assert.Equal(0.1, stats.Mean[0], 9);
    }

    [Fact]
    public void Measure_Empty_NoPairs() => Assert.Equal(0, PairStatistics.Measure([]).Pairs);

    [Fact]
    public void Blend_PriorWeightDominatesFewObservations()
    {
        var prior = new SignalStatistics { Mean = [0.1, 0.1, 0.1, 0.1, 0.1], StdDev = [0.1, 0.1, 0.1, 0.1, 0.1], Pairs = 100 };
        var observed = new SignalStatistics { Mean = [0.5, 0.5, 0.5, 0.5, 0.5], StdDev = [0, 0, 0, 0, 0], Pairs = 1 };
        Assert.InRange(PairStatistics.Blend(prior, 99, observed).Mean[0], 0.1, 0.11);
    }
}
