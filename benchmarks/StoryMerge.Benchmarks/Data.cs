using StoryMerge.Core;
using StoryMerge.Core.Input;

namespace StoryMerge.Benchmarks;

/// <summary>Benchmark inputs from benchmarks/data, found from the binaries.</summary>
internal static class Data
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StoryMerge.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("StoryMerge.sln not found"), "benchmarks", "data");
        }
    }

    public static IReadOnlyList<Story> Jsonl(string name) =>
        new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(Path.Combine(Root, "ntrex-dev", name))), name)
            .Where(i => i.Succeeded).Select(i => i.Story!).ToList();

    public static Story Seed(string prefix)
    {
        var file = Directory.GetFiles(Path.Combine(Root, "seeds"), prefix + "*.txt").Single();
        return new StoryReader().ParseText(File.ReadAllText(file), Path.GetFileNameWithoutExtension(file), file).Story!;
    }
}
