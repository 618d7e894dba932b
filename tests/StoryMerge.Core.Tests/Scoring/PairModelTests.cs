using System.Text;
using StoryMerge.Core.Scoring;
using Xunit;

namespace StoryMerge.Core.Tests.Scoring;

public class PairModelTests
{
    private static PairModel Load(string json) => PairModel.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    [Fact]
    public void Load_ModelOfOtherFeatures_IsRefusedNamingTheRetrainCommand()
    {
        var e = Assert.Throws<InvalidDataException>(() => Load("""{"version":1,"features":["z_vector"],"weights":[1],"bias":0}"""));
        Assert.Contains("storymerge train", e.Message);
    }

    [Fact]
    public void Load_NotJson_IsRefusedNamingTheFile()
    {
        var e = Assert.Throws<InvalidDataException>(() => Load("{not json"));
        Assert.Contains("test.json", e.Message);
    }

    [Fact]
    public void LogOdds_IsBiasPlusWeightedFeatures()
    {
        var weights = new double[PairFeatures.Count];
        weights[0] = 2;
        var model = Load($$"""{"version":1,"features":[{{string.Join(",", PairFeatures.Names.Select(n => $"\"{n}\""))}}],"weights":[{{string.Join(",", weights)}}],"bias":-1}""");
        var features = new double[PairFeatures.Count];
        features[0] = 3;
        Assert.Equal(5, model.LogOdds(features), 9);
    }

    [Fact]
    public void LogOddsOf_EvenOdds_IsZero() => Assert.Equal(0, PairModel.LogOddsOf(0.5), 12);

    [Fact]
    public void DefaultPipeline_DecidesWithTheShippedModel() =>
        Assert.Same(PairModel.Shipped, new DedupPipelineBuilder().Build().Model);

    [Fact]
    public void WeightsDecision_PipelineHasNoModel() =>
        Assert.Null(new DedupPipelineBuilder().UseOptions(new DedupOptions { Scoring = new ScoringOptions { Decision = ScoringOptions.WeightsDecision } }).Build().Model);

    [Fact]
    public void ModelDecision_MatchThresholdIsTheLogOddsOfTheProbability()
    {
        var pipeline = new DedupPipelineBuilder().UseOptions(new DedupOptions { Scoring = new ScoringOptions { MatchProbability = 0.75 } }).Build();
        var scored = pipeline.Score(pipeline.AnalyzeAll([new Story(new StoryId("a"), "Heavy rain is expected in Leeds.", Language: new LanguageTag("en"))]));
        Assert.Equal(Math.Log(3), scored.Scorer!.MatchThreshold, 9);
    }

    private static double Feature(string name, string first, string second)
    {
        var pipeline = new DedupPipelineBuilder().Build();
        var stories = pipeline.AnalyzeAll([new Story(new StoryId("a"), first, Language: new LanguageTag("en")), new Story(new StoryId("b"), second, Language: new LanguageTag("en"))]);
        var scorer = pipeline.Score(stories).Scorer!;
        var features = scorer.Features(stories[0].Features, stories[1].Features, scorer.Score(stories[0], stories[1]));
        return features[Array.IndexOf(PairFeatures.Names, name)];
    }

    [Fact]
    public void Features_DifferentStatedYears_YearsDiffer() =>
        Assert.Equal(1, Feature("years_differ", "The coach was sacked by the club in 2019 after a poor season.", "The coach was hired by the club in 2021 before the season."));

    [Fact]
    public void Features_SameStatedYear_YearsDoNotDiffer() =>
        Assert.Equal(0, Feature("years_differ", "The coach was sacked by the club in 2019 after a poor season.", "In 2019 the club sacked its coach after a poor season."));

    [Fact]
    public void Features_NoFigureInCommon_AllFiguresUnshared() =>
        Assert.Equal(1, Feature("unshared_numbers", "The quake of magnitude 6.1 killed 40 people.", "The quake of magnitude 5.2 killed 12 people."));

    [Fact]
    public void Features_OtherDistanceFromTheSameTown_FiguresConflict() =>
        Assert.True(Feature("conflicting_figures", "The quake was centred 23 miles north of Santa Rosa.", "The temblor struck about 26 miles north of Santa Rosa.") > 0);

    [Fact]
    public void Features_ReportStatingBothValues_FiguresDoNotConflict() =>
        Assert.Equal(0, Feature("conflicting_figures", "The quake was centred 23 miles north of Santa Rosa.", "First put at 26 miles north of Santa Rosa, the quake was centred 23 miles north of it."));

    [Fact]
    public void Features_FiguresOfDifferentThings_DoNotConflict() =>
        Assert.Equal(0, Feature("conflicting_figures", "The quake was centred 23 miles north of Santa Rosa.", "The storm damaged 40 houses near Santa Rosa."));
}
