using StoryMerge.Cli.Commands;

namespace StoryMerge.Cli.Tests.Commands;

public class LanguageIdBenchTests
{
    private static (int Exit, string Out, string Err) Run(string path)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = LanguageIdBench.Run(path, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Run_LabelledStories_PrintsAccuracyPerLanguage()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("l.jsonl",
            """
            {"id":"a","lang":"ru","title":"В Алматы прошёл медиафорум","text":"В Алматы прошёл второй казахстанско-российский медиафорум, в котором участвовали руководители ведущих СМИ обеих стран."}
            {"id":"b","lang":"kk","text":"Алматыда Қазақстан-Ресей екінші медиафорумы ұйымдастырылды. Оған екі елдің жетекші медиақұрылымдарының басшылары қатысты."}
            """);
        var (exit, output, _) = Run(path);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains(output.Split('\n'), l => l.TrimStart().StartsWith("kk ", StringComparison.Ordinal) && l.Contains("1.000"));
        Assert.Contains(output.Split('\n'), l => l.TrimStart().StartsWith("all ", StringComparison.Ordinal) && l.Contains("1.000"));
    }

    [Fact]
    public void Run_LineWithoutLang_SkippedWithItsLineNumber()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("l.jsonl", "{\"id\":\"a\",\"text\":\"no language here\"}\n{\"id\":\"b\",\"lang\":\"en\",\"text\":\"The driver stopped and paramedics attended, but the man died.\"}\n");
        var (exit, _, error) = Run(path);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains(":1: skipped", error);
    }

    [Fact]
    public void Run_MissingFile_InputError() => Assert.Equal(ExitCodes.InputError, Run("/nonexistent/langid.jsonl").Exit);

    [Fact]
    public void Run_NoUsableLine_InputError()
    {
        using var dir = new TempDirectory();
        Assert.Equal(ExitCodes.InputError, Run(dir.Write("l.jsonl", "not json\n")).Exit);
    }
}
