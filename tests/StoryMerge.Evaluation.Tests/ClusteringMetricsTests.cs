namespace StoryMerge.Evaluation.Tests;

public class ClusteringMetricsTests
{
    // Gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}; a, b, d in Kazakh, c, e in Russian.
    private static readonly Dictionary<string, string> Gold = new() { ["a"] = "G1", ["b"] = "G1", ["c"] = "G1", ["d"] = "G2", ["e"] = "G2" };
    private static readonly Dictionary<string, string> Predicted = new() { ["a"] = "P1", ["b"] = "P1", ["c"] = "P2", ["d"] = "P2", ["e"] = "P2" };
    private static readonly Dictionary<string, string> Languages = new() { ["a"] = "kk", ["b"] = "kk", ["c"] = "ru", ["d"] = "kk", ["e"] = "ru" };

    private static ClusteringMetrics M => ClusteringMetrics.Compute(Gold, Predicted, Languages);

    [Fact]
    public void Compute_HandMadeClustering_BCubedPrecision() => Assert.Equal((1 + 1 + 1.0 / 3 + 2.0 / 3 + 2.0 / 3) / 5, M.BCubedPrecision, 9);

    [Fact]
    public void Compute_HandMadeClustering_BCubedRecall() => Assert.Equal((2.0 / 3 + 2.0 / 3 + 1.0 / 3 + 1 + 1) / 5, M.BCubedRecall, 9);

    [Fact]
    public void Compute_HandMadeClustering_BCubedF1() => Assert.Equal(11.0 / 15, M.BCubedF1, 9);

    [Fact]
    public void Compute_HandMadeClustering_PairwiseHalfAndHalf() => Assert.Equal((0.5, 0.5), (M.PairPrecision, M.PairRecall));

    [Fact]
    public void Compute_HandMadeClustering_RecallByLanguagePair()
    {
        // Gold pairs: ab (kk-kk, found), ac (kk-ru, missed), bc (kk-ru, missed), de (kk-ru, found).
        Assert.Equal(new PairRecall(1, 1), M.RecallByLanguagePair["kk-kk"]);
        Assert.Equal(new PairRecall(1, 3), M.RecallByLanguagePair["kk-ru"]);
    }

    [Fact]
    public void Compute_HandMadeClustering_CrossLanguageRecall() => Assert.Equal(1.0 / 3, M.CrossLanguagePairRecall, 9);

    [Fact]
    public void Compute_PerfectClustering_AllOnes()
    {
        var m = ClusteringMetrics.Compute(Gold, Gold, Languages);
        Assert.Equal((1.0, 1.0, 1.0), (m.BCubedF1, m.PairF1, m.CrossLanguagePairRecall));
    }

    [Fact]
    public void Compute_StoryWithoutPrediction_Throws() =>
        Assert.Throws<ArgumentException>(() => ClusteringMetrics.Compute(Gold, new Dictionary<string, string> { ["a"] = "x" }, Languages));

    [Fact]
    public void Compute_Empty_CountsZero() => Assert.Equal(0, ClusteringMetrics.Compute(new Dictionary<string, string>(), new Dictionary<string, string>(), Languages).Stories);
}

public class GoldLabelsTests
{
    [Fact]
    public void FromGoldJson_Events_MapStoriesToEvents()
    {
        var gold = GoldLabels.FromGoldJson("""{"events":[{"event":"e1","stories":["a","b"]},{"event":"e2","stories":["c"]}]}""", "g");
        Assert.Equal(("e1", "e1", "e2"), (gold["a"], gold["b"], gold["c"]));
    }

    [Fact]
    public void FromGoldJson_NoEventsArray_ErrorNamesFile() =>
        Assert.StartsWith("g.json:", Assert.Throws<InvalidDataException>(() => GoldLabels.FromGoldJson("{}", "g.json")).Message);
}
