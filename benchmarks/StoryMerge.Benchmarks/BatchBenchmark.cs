using BenchmarkDotNet.Attributes;
using StoryMerge.Core;

namespace StoryMerge.Benchmarks;

/// <summary>The whole batch job on ntrex-dev partial (496 stories): analyse, index, sample statistics, score, cluster, merge.</summary>
[MemoryDiagnoser]
[InProcess]
public class BatchBenchmark
{
    private DedupPipeline _pipeline = null!;
    private IReadOnlyList<Story> _stories = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = new DedupPipelineBuilder().Build();
        _stories = Data.Jsonl("partial.jsonl");
    }

    [Benchmark]
    public BatchResult ClusterPartial() => _pipeline.Cluster(_pipeline.AnalyzeAll(_stories));
}
