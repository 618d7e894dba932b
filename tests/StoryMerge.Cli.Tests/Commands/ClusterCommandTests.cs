using System.Text.Json;
using StoryMerge.Cli.Commands;

namespace StoryMerge.Cli.Tests.Commands;

public class ClusterCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args) => Run(new ClusterCommand.Arguments(args, null, null, null));

    private static (int Exit, string Out, string Err) Run(ClusterCommand.Arguments arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = ClusterCommand.Run(arguments, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Run_Corpus_SucceedsWithThreeEvents()
    {
        using var dir = new TempDirectory();
        var (exit, output, _) = Run(new ClusterCommand.Arguments([TempDirectory.Corpus], dir.File("events.json"), null, null));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.StartsWith("3 events from 5 stories", output);
    }

    [Fact]
    public void Run_Corpus_SummaryShowsTheConflict()
    {
        using var dir = new TempDirectory();
        var (_, output, _) = Run(new ClusterCommand.Arguments([TempDirectory.Corpus], dir.File("events.json"), null, null));
        Assert.Contains("CONFLICT person \"Аскар Умаров\"", output);
    }

    [Fact]
    public void Run_Corpus_WritesEventsJson()
    {
        using var dir = new TempDirectory();
        Run(new ClusterCommand.Arguments([TempDirectory.Corpus], dir.File("events.json"), null, null));
        using var doc = JsonDocument.Parse(File.ReadAllText(dir.File("events.json")));
        Assert.Equal(3, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public void Run_Assignments_OneLinePerStoryWithIdAndEvent()
    {
        using var dir = new TempDirectory();
        Run(new ClusterCommand.Arguments([TempDirectory.Corpus], dir.File("events.json"), dir.File("assignments.jsonl"), null));
        var lines = File.ReadAllLines(dir.File("assignments.jsonl"));
        Assert.Equal(5, lines.Length);
        Assert.All(lines, line =>
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal(["event", "id"], doc.RootElement.EnumerateObject().Select(p => p.Name).Order());
        });
    }

    [Fact]
    public void Run_MissingInput_OneLineErrorAndInputErrorExit()
    {
        var (exit, _, error) = Run("/no/such/place");
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Equal("error: cannot read input: no such file or directory: /no/such/place", error.Trim());
    }

    [Fact]
    public void Run_MalformedJsonlLine_ReportedWithLineNumberAndBatchGoesOn()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("feed.jsonl", "{\"id\":\"a\",\"text\":\"Вчера в Алматы прошёл медиафорум журналистов.\"}\n{broken\n{\"id\":\"b\",\"text\":\"Сегодня в Астане открылась выставка.\"}\n");
        var (exit, _, error) = Run(new ClusterCommand.Arguments([input], dir.File("events.json"), dir.File("a.jsonl"), null));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("feed.jsonl:2: skipped: not valid JSON", error);
        Assert.Equal(2, File.ReadAllLines(dir.File("a.jsonl")).Length);
    }

    [Fact]
    public void Run_FileNotUtf8_ReportedAndSkipped()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("bad.txt"), [0x41, 0xFF, 0xFE, 0x42]);
        dir.Write("good.txt", " date 2025-01-01 Вчера в Алматы прошёл медиафорум журналистов.");
        var (exit, _, error) = Run(new ClusterCommand.Arguments([dir.Path], dir.File("events.json"), null, null));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("bad.txt: skipped: not UTF-8", error);
    }

    [Fact]
    public void Run_StoryOverLengthLimit_ReportedSkippedOthersClustered()
    {
        using var dir = new TempDirectory();
        var huge = string.Join(" ", Enumerable.Repeat("Очень длинный текст о форуме.", 200_000));   // about 6 MB
        var input = dir.Write("feed.jsonl", "{\"id\":\"huge\",\"text\":\"" + huge + "\"}\n{\"id\":\"b\",\"text\":\"Сегодня в Астане открылась выставка.\"}\n");
        var (exit, _, error) = Run(new ClusterCommand.Arguments([input], dir.File("events.json"), dir.File("a.jsonl"), null));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("feed.jsonl:1: skipped: Story 'huge' has", error);
        Assert.Single(File.ReadAllLines(dir.File("a.jsonl")));
    }

    [Fact]
    public void Run_ExplicitGoldJson_ReportedAsNotAStoryFile()
    {
        using var dir = new TempDirectory();
        var (_, _, error) = Run(new ClusterCommand.Arguments([TempDirectory.Corpus, Path.Combine(TempDirectory.Corpus, "gold.json")], dir.File("events.json"), null, null));
        Assert.Contains("gold.json: skipped: not a story file (.json;", error);
    }

    [Fact]
    public void Run_OnlyEmptyStories_InputErrorExit()
    {
        using var dir = new TempDirectory();
        dir.Write("empty.txt", "   ");
        Assert.Equal(ExitCodes.InputError, Run(new ClusterCommand.Arguments([dir.Path], dir.File("events.json"), null, null)).Exit);
    }

    [Fact]
    public void Run_DuplicateIds_SecondSkipped()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("feed.jsonl", "{\"id\":\"a\",\"text\":\"Первый текст о форуме в Алматы.\"}\n{\"id\":\"a\",\"text\":\"Второй текст.\"}\n");
        var (_, _, error) = Run(new ClusterCommand.Arguments([input], dir.File("events.json"), null, null));
        Assert.Contains("feed.jsonl:2: skipped: story id 'a' was already read", error);
    }

    [Fact]
    public void Run_UnknownConfigKey_ConfigurationErrorNamingIt()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("storymerge.json", "{\"scoring\":{\"matchTreshold\":3}}");
        var (exit, _, error) = Run(new ClusterCommand.Arguments([TempDirectory.Corpus], dir.File("events.json"), null, config));
        Assert.Equal(ExitCodes.ConfigurationError, exit);
        Assert.Contains("unknown setting \"scoring.matchTreshold\"", error);
    }

    [Fact]
    public void Run_OutputDirectoryMissing_OutputErrorAndNoPartialFile()
    {
        var (exit, _, error) = Run(new ClusterCommand.Arguments([TempDirectory.Corpus], "/no/such/dir/events.json", null, null));
        Assert.Equal(ExitCodes.OutputError, exit);
        Assert.Contains("cannot write output", error);
    }
}
