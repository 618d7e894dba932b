using System.Text.Json;

namespace StoryMerge.Core.Tests;

public class SlimAnalysisTests
{
    [Fact]
    public void Slim_DropsTokensSentencesAndBody()
    {
        var slim = TestCorpus.Pipeline.Analyze(TestCorpus.Seeds()[0]).Slim();
        Assert.Equal((0, 0, ""), (slim.Tokens.Count, slim.Sentences.Count, slim.Body));
    }

    [Fact]
    public void Slim_KeepsTheMergeFeaturesOfTheFullAnalysis()
    {
        var full = TestCorpus.Pipeline.Analyze(TestCorpus.Seeds()[1]);
        Assert.Equal(JsonSerializer.Serialize(full.MergeFeatures), JsonSerializer.Serialize(full.Slim().MergeFeatures));
    }

    [Fact]
    public void Cluster_SlimAnalyses_SameEventsAsFullOnes()
    {
        var stories = TestCorpus.Seeds();
        var full = TestCorpus.Pipeline.Cluster(TestCorpus.Pipeline.AnalyzeAll(stories));
        var slim = TestCorpus.Pipeline.Cluster(TestCorpus.Pipeline.AnalyzeAll(stories, slim: true));
        Assert.Equal(JsonSerializer.Serialize(full.Events), JsonSerializer.Serialize(slim.Events));
    }
}
