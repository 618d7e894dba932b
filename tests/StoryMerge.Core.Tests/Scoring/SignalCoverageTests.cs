using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Scoring;

namespace StoryMerge.Core.Tests.Scoring;

public class SignalCoverageTests
{
    private static MatchFeatures Story(string id, string language, params string[] names) =>
        new(new StoryId(id), new LanguageTag(language), null,
            new MatchKeys(names.ToHashSet(), new HashSet<string>(), new HashSet<string> { "w:KRN" }, new HashSet<string>()), new float[64]);

    [Fact]
    public void Carries_LanguageWhoseStoriesHaveNoNames_IsFalseForNames()
    {
        var coverage = SignalCoverage.Of([Story("a1", "ar"), Story("a2", "ar"), Story("e1", "en", "n:KRN")]);
        Assert.False(coverage.Carries(new LanguageTag("ar"), new LanguageTag("en"), 1));
    }

    [Fact]
    public void Carries_LanguagesWhoseStoriesHaveNames_IsTrueForNames()
    {
        var coverage = SignalCoverage.Of([Story("r1", "ru", "n:KRN"), Story("e1", "en", "n:KRN")]);
        Assert.True(coverage.Carries(new LanguageTag("ru"), new LanguageTag("en"), 1));
    }

    [Fact]
    public void Carries_LanguageNeverSeen_CarriesEverySignal()
    {
        var coverage = new SignalCoverage();
        Assert.All(Enumerable.Range(0, PairSignals.Count), i => Assert.True(coverage.Carries(new LanguageTag("ka"), new LanguageTag("hy"), i)));
    }

    [Fact]
    public void Carries_VectorAndWords_AreCarriedEvenWithoutAnyKeys()
    {
        var coverage = SignalCoverage.Of([Story("a1", "ar")]);
        Assert.True(coverage.Carries(new LanguageTag("ar"), new LanguageTag("ar"), 0));
        Assert.True(coverage.Carries(new LanguageTag("ar"), new LanguageTag("ar"), 3));
    }

    [Fact]
    public void Measure_EmptySample_ForgetsTheLanguage()
    {
        var coverage = SignalCoverage.Of([Story("a1", "ar")]);
        coverage.Measure(new LanguageTag("ar"), []);
        Assert.True(coverage.Carries(new LanguageTag("ar"), new LanguageTag("ar"), 1));
    }
}
