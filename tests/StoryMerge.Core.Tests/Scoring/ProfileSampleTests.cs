using StoryMerge.Core.Scoring;

namespace StoryMerge.Core.Tests.Scoring;

public class ProfileSampleTests
{
    private static MatchFeatures F(string id) => TestCorpus.Pipeline.Analyze(new Story(new StoryId(id), "Daniel Sturridge scored.", Language: new LanguageTag("en"))).Features;

    [Fact]
    public void Of_SameStoriesInAnotherOrder_SameSample()
    {
        var stories = Enumerable.Range(0, 40).Select(i => F($"s{i}")).ToList();
        var reversed = Enumerable.Reverse(stories).ToList();
        Assert.Equal(ProfileSample.Of(stories, 8).Select(s => s.Id), ProfileSample.Of(reversed, 8).Select(s => s.Id));
    }

    [Fact]
    public void Of_FewerStoriesThanTheSize_AllOfThem() =>
        Assert.Equal(3, ProfileSample.Of([F("a"), F("b"), F("c")], 8).Count);

    [Fact]
    public void Rank_SameIdInAnyProcess_SameValue() =>
        // Pinned: a reopened store must draw the sample it drew before, so the rank may not depend on the process.
        Assert.Equal(3713476023804658855L, ProfileSample.Rank("story-1"));

    [Fact]
    public void Rank_IsNeverNegative() =>
        Assert.All(Enumerable.Range(0, 1000).Select(i => ProfileSample.Rank("id-" + i)), r => Assert.True(r >= 0));
}
