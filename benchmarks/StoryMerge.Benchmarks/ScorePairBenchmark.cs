using BenchmarkDotNet.Attributes;
using StoryMerge.Core;
using StoryMerge.Core.Retrieval;
using StoryMerge.Core.Scoring;

namespace StoryMerge.Benchmarks;

/// <summary>Scoring one pair: the Kazakh and a Russian report of the forum (signals, z-scores, total).</summary>
[MemoryDiagnoser]
[InProcess]
public class ScorePairBenchmark
{
    private PairScorer _scorer = null!;
    private AnalyzedStory _a = null!, _b = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pipeline = new DedupPipelineBuilder().Build();
        _a = pipeline.Analyze(Data.Seed("001"));
        _b = pipeline.Analyze(Data.Seed("002"));
        var rarity = new KeyRarity(pipeline.Background);
        rarity.Add(_a.Keys);
        rarity.Add(_b.Keys);
        _scorer = pipeline.Scorer(new KeyWeigher(rarity), new StoryBackgrounds(new PairStatistics(pipeline.Background)), new SignalCoverage());
        _scorer.Score(_a, _b);   // weighs both stories' keys once, as a batch does
    }

    [Benchmark]
    public PairScore Score() => _scorer.Score(_a, _b);
}
