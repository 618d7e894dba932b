using StoryMerge.Core;

namespace StoryMerge.Evaluation.Tests;

public class TunerAndBaselineTests
{
    /// <summary>The weights decide here: the tuner searches them.</summary>
    private static readonly DedupPipeline Pipeline = new DedupPipelineBuilder().UsePairModel(null).Build();

    private static (IReadOnlyList<AnalyzedStory> Stories, Dictionary<string, string> Gold) Set(params (string Id, string Event, string Text)[] items) =>
        (Pipeline.AnalyzeAll(items.Select(i => new Story(new StoryId(i.Id), i.Text, Language: new LanguageTag("en"))).ToList()),
         items.ToDictionary(i => i.Id, i => i.Event));

    private static readonly (string, string, string)[] Football =
    [
        ("f1", "match", "Dolly Menga scored the only goal as Livingston beat Rangers at the Tony Macaroni Arena on Sunday."),
        ("f2", "match", "Livingston beat Rangers one nil on Sunday, Dolly Menga scoring at the Tony Macaroni Arena."),
        ("w1", "weather", "Heavy rain and strong winds are expected across the northern counties of England tomorrow morning."),
    ];

    [Fact]
    public void Baseline_NearDuplicatesTogetherOtherApart()
    {
        var (stories, gold) = Set(Football);
        var best = new TfidfBaseline(stories).Sweep(stories, gold).OrderByDescending(p => p.Metrics.BCubedF1).First();
        Assert.Equal(1.0, best.Metrics.BCubedF1, 9);
    }

    [Fact]
    public void Baseline_TooManyStories_Throws() =>
        Assert.Throws<ArgumentException>(() => new TfidfBaseline(Enumerable.Repeat(Set(Football).Stories[0], TfidfBaseline.MaxStories + 1).ToList()));

    [Fact]
    public void Sweep_OnePointPerThreshold()
    {
        var (stories, gold) = Set(Football);
        Assert.Equal(Tuner.Thresholds.Length, new Tuner(Pipeline).Sweep(Pipeline.Score(stories), gold, Pipeline.Options.Scoring.Weights).Count);
    }

    [Fact]
    public void Tune_SameBatchTwice_SameSetting()
    {
        var (stories, gold) = Set(Football);
        var tuner = new Tuner(Pipeline);
        var start = ScoreSetting.From(Pipeline.Options.Scoring);
        var first = tuner.Tune(Pipeline.Score(stories), gold, start);
        var second = tuner.Tune(Pipeline.Score(stories), gold, start);
        Assert.Equal((first.Setting.ToString(), first.F1), (second.Setting.ToString(), second.F1));
    }

    [Fact]
    public void ScoreSetting_Total_RecombinesZScores()
    {
        var (stories, _) = Set(Football);
        var pair = Pipeline.Score(stories).Pairs.First().Score;
        Assert.Equal(pair.Total, ScoreSetting.From(Pipeline.Options.Scoring).Total(pair), 9);
    }

    [Fact]
    public void ScoreSetting_OfAModelPipeline_TotalIsTheScoredLogOdds()
    {
        var pipeline = new DedupPipelineBuilder().Build();
        Assert.NotNull(pipeline.Model);
        var (stories, _) = Set(Football);
        var pair = pipeline.Score(stories).Pairs.First().Score;
        Assert.Equal(pair.Total, ScoreSetting.Of(pipeline).Total(pair), 9);
    }
}
