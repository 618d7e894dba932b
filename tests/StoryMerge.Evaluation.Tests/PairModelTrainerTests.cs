using StoryMerge.Core;
using StoryMerge.Core.Scoring;

namespace StoryMerge.Evaluation.Tests;

public class PairModelTrainerTests
{
    private static readonly DedupPipeline Pipeline = new DedupPipelineBuilder().UsePairModel(null).Build();

    private static readonly (string Id, string Event, string Text)[] Items =
    [
        ("f1", "match", "Dolly Menga scored the only goal as Livingston beat Rangers 1-0 at the Tony Macaroni Arena on Sunday."),
        ("f2", "match", "Livingston beat Rangers one nil on Sunday, Dolly Menga scoring at the Tony Macaroni Arena."),
        ("f3", "match", "Rangers lost 1-0 to Livingston at the Tony Macaroni Arena; Dolly Menga got the goal."),
        ("w1", "weather", "Heavy rain and strong winds are expected across the northern counties of England tomorrow morning."),
        ("w2", "weather", "Forecasters expect heavy rain and strong winds in northern England tomorrow morning."),
        ("q1", "quake", "A magnitude 6.1 earthquake struck off the coast of Sumatra, Indonesia, on Tuesday, officials said."),
    ];

    private static PairModelTrainer.PairSet Pairs(IEnumerable<(string Id, string Event, string Text)> items)
    {
        var list = items.ToList();
        var stories = Pipeline.AnalyzeAll(list.Select(i => new Story(new StoryId(i.Id), i.Text, Language: new LanguageTag("en"))).ToList());
        return new PairModelTrainer(Pipeline).Pairs("test", stories, list.ToDictionary(i => i.Id, i => i.Event));
    }

    [Fact]
    public void Pairs_EveryPairOfOneGoldEventIsIncluded()
    {
        // 3 pairs in the match event and 1 in the weather event, whether retrieval proposed them or not.
        Assert.Equal(4, Pairs(Items).Positives);
    }

    [Fact]
    public void Train_SamePairsTwice_SameWeights()
    {
        var set = Pairs(Items);
        var first = PairModelTrainer.Train([set], "test");
        var second = PairModelTrainer.Train([set], "test");
        Assert.Equal(first.Weights.Append(first.Bias), second.Weights.Append(second.Bias));
    }

    [Fact]
    public void Train_NoPairOfOneEvent_ThrowsNamingTheSet()
    {
        var set = Pairs(Items.Where(i => i.Id is "f1" or "w1" or "q1"));
        var e = Assert.Throws<ArgumentException>(() => PairModelTrainer.Train([set], "test"));
        Assert.Contains("test: 0 of", e.Message);
    }

    [Fact]
    public void Train_PairsOfOneEventScoreAboveUnrelatedOnes()
    {
        var set = Pairs(Items);
        var model = PairModelTrainer.Train([set], "test");
        var (same, unrelated) = PairModelTrainer.Accuracy(model, set);
        Assert.Equal((1.0, 1.0), (same, unrelated));
    }

    [Fact]
    public void Train_ModelLoadsBackFromItsFile()
    {
        var model = PairModelTrainer.Train([Pairs(Items)], "test");
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        Assert.Equal(model.Weights, PairModel.Load(stream, "test").Weights);
    }

    [Fact]
    public void Train_EvidenceAgainstAMergeThatComesOutForOne_GetsNoWeight()
    {
        // Pairs of one event show more conflicting figures (and more same-language pairs) than unrelated ones: the data pulls both
        // weights up, but a conflict is never counted for a merge.
        int conflicting = Array.IndexOf(PairFeatures.Names, "conflicting_figures"), sameLanguage = Array.IndexOf(PairFeatures.Names, "same_language");
        var random = new Random(5);
        var features = new List<double[]>();
        var same = new List<bool>();
        for (int k = 0; k < 400; k++)
        {
            bool one = k % 2 == 0;
            var row = new double[PairFeatures.Count];
            row[0] = (one ? 2 : 0) + random.NextDouble() * 3;
            row[conflicting] = row[sameLanguage] = one == random.NextDouble() < 0.8 ? 1 : 0;
            features.Add(row);
            same.Add(one);
        }

        var model = PairModelTrainer.Train([new PairModelTrainer.PairSet("synthetic", features, same)], "test");

        Assert.True(model.Weights[sameLanguage] > 0, $"same_language {model.Weights[sameLanguage]}");
        Assert.Equal(0, model.Weights[conflicting]);
    }
}
