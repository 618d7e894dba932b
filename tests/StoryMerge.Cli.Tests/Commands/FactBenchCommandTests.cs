using StoryMerge.Cli.Commands;

namespace StoryMerge.Cli.Tests.Commands;

public class FactBenchCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] gold)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = FactBenchCommand.Run(new FactBenchCommand.Arguments(gold, null, 0), output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Run_SeedGold_EveryPersonRight()
    {
        var (exit, output, _) = Run(Path.Combine(TempDirectory.RepositoryRoot, "corpus", "gold.json"));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Matches(@"person\s+17\s+\d+\s+17\s", output);
        Assert.Contains("conflicts marked 1, real 1", output);
    }

    [Fact]
    public void Run_MissingGoldFile_InputError()
    {
        var (exit, _, error) = Run(Path.Combine(TempDirectory.RepositoryRoot, "no-such-gold.json"));
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("no-such-gold.json", error);
    }

    [Fact]
    public void Run_NotAGoldFile_InputErrorNamingIt()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("gold.json", "{\"events\": 3}");
        var (exit, _, error) = Run(path);
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("\"events\" array", error);
    }
}
