using StoryMerge.Core;
using StoryMerge.Core.Input;

namespace StoryMerge.Benchmarks;

/// <summary>Benchmark inputs from benchmarks/data, found from the binaries.</summary>
internal static class Data
{
    public static string Root => Evaluation.BenchmarkData.Directory;

    public static IReadOnlyList<Story> Jsonl(string name) =>
        new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(Evaluation.BenchmarkData.NtrexDev(name))), name)
            .Where(i => i.Succeeded).Select(i => i.Story!).ToList();

    public static Story Seed(string prefix)
    {
        var file = Directory.GetFiles(Path.Combine(Root, "seeds"), prefix + "*.txt").Single();
        return new StoryReader().ParseText(File.ReadAllText(file), Path.GetFileNameWithoutExtension(file), file).Story!;
    }
}
