using StoryMerge.Cli.Commands;
using StoryMerge.Cli.Configuration;

namespace StoryMerge.Cli.Tests.Commands;

public class BenchCommandTests
{
    private static (int Exit, string Out, string Err) Run(BenchCommand.Arguments args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = BenchCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Lines [from, to) of ntrex-dev partial as a labelled file of its own.</summary>
    private static string Slice(TempDirectory dir, string name, int from, int to)
    {
        var lines = File.ReadLines(Path.Combine(TempDirectory.RepositoryRoot, "benchmarks", "data", "ntrex-dev", "partial.jsonl")).Skip(from).Take(to - from);
        return dir.Write(name, string.Join('\n', lines) + "\n");
    }

    [Fact]
    public void Run_ChineseAndJapaneseReports_NoneSkippedNoCrash()
    {
        // bench crashed on such a file: a transliterated Japanese or Chinese word made the n-gram embedder throw.
        using var dir = new TempDirectory();
        var lines = File.ReadLines(Path.Combine(TempDirectory.RepositoryRoot, "benchmarks", "data", "ntrex-dev-wide", "full.jsonl"))
            .Where(l => l.Contains("\"lang\": \"ja\"") || l.Contains("\"lang\": \"zh\"") || l.Contains("\"lang\": \"en\"")).Take(60);
        var path = dir.Write("cjk.jsonl", string.Join('\n', lines) + "\n");
        var (exit, output, error) = Run(new BenchCommand.Arguments(path, null, 0));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.DoesNotContain("skipped", error);
        Assert.Contains("60 stories", output);
    }

    [Fact]
    public void Run_CorpusWithGold_PerfectScores()
    {
        var (exit, output, _) = Run(new BenchCommand.Arguments(TempDirectory.Corpus, null, 0));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("BCubed F1                         1.000", output);
    }

    [Fact]
    public void Run_Online_PrintsBothOrdersAgainstTheBatch()
    {
        var (exit, output, _) = Run(new BenchCommand.Arguments(TempDirectory.Corpus, null, 0, Online: true));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains(output.Split('\n'), l => l.Contains("file order") && l.Contains("F1 1.000 (+0.000 vs batch)"));
        Assert.Contains(output.Split('\n'), l => l.Contains("reverse order") && l.Contains("F1 1.000 (+0.000 vs batch)"));
    }

    [Fact]
    public void Run_Always_PrintsBaselineBesideStoryMerge()
    {
        var (_, output, _) = Run(new BenchCommand.Arguments(TempDirectory.Corpus, null, 0));
        Assert.Contains("StoryMerge   baseline  difference   ratio", output);
    }

    [Fact]
    public void Run_UnlabelledJsonl_InputError()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("x.jsonl", "{\"id\":\"a\",\"text\":\"Текст без метки события.\"}\n");
        var (exit, _, error) = Run(new BenchCommand.Arguments(input, null, 0));
        Assert.Equal(ExitCodes.InputError, exit);
        Assert.Contains("no labelled stories", error);
    }

    [Fact]
    public void Run_TuneOnOneFile_SettingDoesNotDependOnEvalFile()
    {
        using var dir = new TempDirectory();
        var tune = Slice(dir, "tune.jsonl", 0, 60);
        var (_, withB, _) = Run(new BenchCommand.Arguments(Slice(dir, "b.jsonl", 60, 120), null, 0, Tune: tune));
        var (_, withC, _) = Run(new BenchCommand.Arguments(Slice(dir, "c.jsonl", 120, 200), null, 0, Tune: tune));
        // The first line reports the tuning; only its duration may differ.
        string TunedLine(string output) => System.Text.RegularExpressions.Regex.Replace(output.Split('\n')[0], @", [0-9.]+s\)", ")");
        Assert.StartsWith("tuned on", withB);
        Assert.Equal(TunedLine(withB), TunedLine(withC));
    }

    [Fact]
    public void Run_TuneAndEval_EvalFiguresCountOnlyEvalStories()
    {
        using var dir = new TempDirectory();
        var (_, output, _) = Run(new BenchCommand.Arguments(Slice(dir, "eval.jsonl", 60, 100), null, 0, Tune: Slice(dir, "tune.jsonl", 0, 60)));
        Assert.Contains("eval.jsonl: 40 stories", output);
    }

    [Fact]
    public void Run_WriteConfig_LoadsBackWithTheSettingUsed()
    {
        using var dir = new TempDirectory();
        var (exit, _, _) = Run(new BenchCommand.Arguments(TempDirectory.Corpus, null, 0, WriteConfig: dir.File("tuned.json")));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(new Core.DedupOptions().Scoring.MatchThreshold, ConfigFile.Load(dir.File("tuned.json")).Scoring.MatchThreshold);
    }

    [Fact]
    public void Run_Sweep_WritesSvgChartUnderResults()
    {
        using var dir = new TempDirectory();
        var (_, output, _) = Run(new BenchCommand.Arguments(TempDirectory.Corpus, null, 0, Sweep: true, ResultsDirectory: dir.File("results")));
        Assert.Contains("threshold sweep (BCubed):", output);
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(dir.File("results"), "sweep-corpus.svg")));
    }

    [Fact]
    public void Run_TuneUnderThePairModel_TrainsTheModelOnTheTuneFile()
    {
        using var dir = new TempDirectory();
        var (exit, output, _) = Run(new BenchCommand.Arguments(Slice(dir, "eval.jsonl", 60, 100), null, 0, Tune: Slice(dir, "tune.jsonl", 0, 60)));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("pair model trained there", output.Split('\n')[0]);
    }

    [Fact]
    public void Run_TuneUnderThePairModelWithWriteConfig_WritesTheModelTheConfigNames()
    {
        using var dir = new TempDirectory();
        var config = dir.File("tuned.json");
        Run(new BenchCommand.Arguments(Slice(dir, "eval.jsonl", 60, 100), null, 0, Tune: Slice(dir, "tune.jsonl", 0, 60), WriteConfig: config));
        var options = ConfigFile.Load(config);
        Assert.Equal(dir.File("tuned.pair-model.json"), options.PairModelFile);
        Assert.NotNull(ConfigFile.Pipeline(options).Model);
    }

    [Fact]
    public void Run_TuneUnderTheWeights_SearchesTheWeights()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("weights.json", """{"scoring": {"decision": "weights"}}""");
        var (_, output, _) = Run(new BenchCommand.Arguments(Slice(dir, "eval.jsonl", 60, 100), config, 0, Tune: Slice(dir, "tune.jsonl", 0, 60)));
        Assert.Contains("; threshold ", output.Split('\n')[0]);
    }
}
