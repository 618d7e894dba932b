using BenchmarkDotNet.Attributes;
using StoryMerge.Core;

namespace StoryMerge.Benchmarks;

/// <summary>Analysing one story (furniture, language, tokens, stems, neutral form, entities, figures, keys, vector) at three sizes.</summary>
[MemoryDiagnoser]
[InProcess]
public class AnalyzeBenchmark
{
    private DedupPipeline _pipeline = null!;
    private Story _story = null!;

    /// <summary>Characters of text: a short wire item, a typical report (seed 002 is 7.8k), a long feature.</summary>
    [Params(1_000, 8_000, 40_000)]
    public int Chars { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = new DedupPipelineBuilder().Build();
        // Distinct Russian reports one after another: repeated lines would be dropped as page furniture.
        var text = Data.Seed("002").Text;
        foreach (var story in Data.Jsonl("full.jsonl").Where(s => s.Id.Value.Contains("/ru")))
        {
            if (text.Length >= Chars) break;
            text += "\n" + story.Text;
        }
        var cut = text.LastIndexOf('.', Math.Min(Chars, text.Length - 1));
        _story = new Story(new StoryId("bench"), text[..(cut > 0 ? cut + 1 : Chars)], Published: new DateOnly(2025, 9, 29));
        _pipeline.Analyze(_story);   // the neutral-form cache is warm in a running service too
    }

    [Benchmark]
    public AnalyzedStory Analyze() => _pipeline.Analyze(_story);
}
