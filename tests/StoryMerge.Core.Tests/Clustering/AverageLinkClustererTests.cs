using StoryMerge.Core.Clustering;

namespace StoryMerge.Core.Tests.Clustering;

public class AverageLinkClustererTests
{
    private static IReadOnlyList<IReadOnlyList<int>> Cluster(int n, params (int, int, double)[] edges) =>
        new AverageLinkClusterer(new ClusteringOptions { MissingPairScore = -1 }, threshold: 4).Cluster(n, edges.Select(e => new ScoredEdge(e.Item1, e.Item2, e.Item3)));

    [Fact]
    public void Cluster_TwoTightGroups_StayApart()
    {
        var clusters = Cluster(4, (0, 1, 10), (2, 3, 10), (1, 2, 1));
        Assert.Equal([[0, 1], [2, 3]], clusters.Select(c => c.ToArray()).ToArray());
    }

    [Fact]
    public void Cluster_OneBridgingStory_DoesNotChainTwoEvents()
    {
        // 0-1-2 and 4-5-6 are events; story 3 resembles one story of each.
        var clusters = Cluster(7, (0, 1, 9), (0, 2, 9), (1, 2, 9), (4, 5, 9), (4, 6, 9), (5, 6, 9), (2, 3, 6), (3, 4, 6));
        Assert.DoesNotContain(clusters, c => c.Contains(0) && c.Contains(6));
    }

    [Fact]
    public void Cluster_ScoreAboveThreshold_Joined() => Assert.Single(Cluster(2, (0, 1, 5)));

    [Fact]
    public void Cluster_NoStories_NoClusters() => Assert.Empty(Cluster(0));

    [Fact]
    public void Cluster_RandomGraph_EveryStoryInExactlyOneCluster()
    {
        var random = new Random(12);
        for (int round = 0; round < 20; round++)
        {
            int n = random.Next(1, 60);
            var edges = Enumerable.Range(0, n * 3).Select(_ => (random.Next(n), random.Next(n), random.NextDouble() * 12 - 2)).ToArray();
            var clusters = Cluster(n, edges);
            Assert.Equal(Enumerable.Range(0, n), clusters.SelectMany(c => c).Order());
        }
    }

    private static IReadOnlyList<IReadOnlyList<int>> ClusterScoringMissing(int n, Func<int, int, double> missing, params (int, int, double)[] edges) =>
        new AverageLinkClusterer(new ClusteringOptions { MissingPairScore = -1 }, threshold: 4, missing)
            .Cluster(n, edges.Select(e => new ScoredEdge(e.Item1, e.Item2, e.Item3)));

    [Fact]
    public void Cluster_MissingPairsThatScoreHighWhenScored_AreJoined()
    {
        // 0-1 and 2-3 are linked by one candidate pair; the three pairs retrieval never proposed score 5 when asked.
        var clusters = ClusterScoringMissing(4, (_, _) => 5, (0, 1, 9), (2, 3, 9), (1, 2, 6));
        Assert.Single(clusters);
    }

    [Fact]
    public void Cluster_MissingPairsThatScoreLowWhenScored_StayApart()
    {
        var clusters = ClusterScoringMissing(4, (_, _) => 0, (0, 1, 9), (2, 3, 9), (1, 2, 6));
        Assert.Equal([[0, 1], [2, 3]], clusters.Select(c => c.ToArray()).ToArray());
    }

    [Fact]
    public void Cluster_ScoringMissingPairs_AsksForEachPairAtMostOnce()
    {
        var asked = new List<(int, int)>();
        ClusterScoringMissing(6, (i, j) => { asked.Add((i, j)); return 5; }, (0, 1, 9), (1, 2, 9), (3, 4, 9), (4, 5, 9), (2, 3, 6));
        Assert.Equal(asked.Count, asked.Distinct().Count());
        Assert.All(asked, p => Assert.True(p.Item1 < p.Item2));
    }
}
