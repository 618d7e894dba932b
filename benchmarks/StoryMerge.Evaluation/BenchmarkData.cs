namespace StoryMerge.Evaluation;

/// <summary>Where the repository's benchmark data lives (benchmarks/data), found from the running binaries.</summary>
public static class BenchmarkData
{
    /// <summary>The benchmarks/data directory of the repository holding StoryMerge.sln above the running binaries.</summary>
    /// <exception cref="DirectoryNotFoundException">The binaries do not run from inside the repository.</exception>
    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StoryMerge.sln"))) dir = dir.Parent;
            return dir is null
                ? throw new DirectoryNotFoundException($"StoryMerge.sln not found above {AppContext.BaseDirectory}")
                : Path.Combine(dir.FullName, "benchmarks", "data");
        }
    }

    public static string NtrexDev(string file) => Path.Combine(Directory, "ntrex-dev", file);
}
