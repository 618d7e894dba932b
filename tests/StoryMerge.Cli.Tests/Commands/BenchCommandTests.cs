using StoryMerge.Cli.Commands;

namespace StoryMerge.Cli.Tests.Commands;

public class BenchCommandTests
{
    [Fact]
    public void Run_CorpusWithGold_PerfectScores()
    {
        var output = new StringWriter();
        int exit = BenchCommand.Run(new BenchCommand.Arguments(TempDirectory.Corpus, null, 0), output, new StringWriter());
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("BCubed    P 1.000  R 1.000  F1 1.000", output.ToString());
    }

    [Fact]
    public void Run_UnlabelledJsonl_InputError()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("x.jsonl", "{\"id\":\"a\",\"text\":\"Текст без метки события.\"}\n");
        var error = new StringWriter();
        Assert.Equal(ExitCodes.InputError, BenchCommand.Run(new BenchCommand.Arguments(input, null, 0), new StringWriter(), error));
        Assert.Contains("no labelled stories", error.ToString());
    }
}
