using System.Diagnostics;

namespace StoryMerge.Cli.Tests.Commands;

public class DeterminismTests
{
    /// <summary>Runs the built storymerge in a child process, as a user would, and returns the scored pairs it wrote.</summary>
    private static string ScoredPairsFromChildProcess(string input, string config, string pairs)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "storymerge.dll"), "bench", "--eval", input, "--config", config, "--errors", "0", "--pairs", pairs])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return File.ReadAllText(pairs);
    }

    [Fact]
    public void Bench_SameInputInTwoProcesses_SameScores()
    {
        // Per-process randomness (string hashing, HashCode) must not reach any score, let alone an event.
        using var dir = new TempDirectory();
        var lines = File.ReadLines(Path.Combine(TempDirectory.RepositoryRoot, "benchmarks", "data", "ntrex-dev", "partial.jsonl")).Take(150);
        var input = dir.Write("subset.jsonl", string.Join('\n', lines));
        // A profile sample smaller than each language's pool, so the sampling is exercised.
        var config = dir.Write("storymerge.json", "{\"storyProfileSample\": 8, \"statisticsSamplePairs\": 50}");
        Assert.Equal(ScoredPairsFromChildProcess(input, config, dir.File("a.csv")), ScoredPairsFromChildProcess(input, config, dir.File("b.csv")));
    }
}
