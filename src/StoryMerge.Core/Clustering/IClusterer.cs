namespace StoryMerge.Core.Clustering;

/// <summary>A scored candidate pair between stories <see cref="I"/> and <see cref="J"/> (indexes into the batch).</summary>
public readonly record struct ScoredEdge(int I, int J, double Score);

/// <summary>Groups stories into events from the scores of candidate pairs.</summary>
public interface IClusterer
{
    /// <summary>The clusters as lists of story indexes, each story in exactly one cluster.</summary>
    IReadOnlyList<IReadOnlyList<int>> Cluster(int count, IEnumerable<ScoredEdge> edges);
}
