using StoryMerge.Cli.Output;

namespace StoryMerge.Cli.Tests.Output;

public class RateProgressTests
{
    [Fact]
    public void Report_NotATerminal_WritesPlainLinesWithRateAndEta()
    {
        var error = new StringWriter();
        var progress = new RateProgress(error, interactive: false, "ingest", total: 1000, plainEvery: TimeSpan.Zero);

        progress.Report(250);

        var line = error.ToString();
        Assert.StartsWith("ingest: 250/1,000", line);
        Assert.Contains("/s", line);
        Assert.Contains("ETA", line);
        Assert.DoesNotContain("\r", line);
    }

    [Fact]
    public void Report_Terminal_RewritesOneBarInPlace()
    {
        var error = new StringWriter();
        var progress = new RateProgress(error, interactive: true, "ingest", total: 100);

        progress.Report(50, final: true);

        var text = error.ToString();
        Assert.StartsWith("\r[############............]", text);
        Assert.EndsWith(Environment.NewLine, text);
    }

    [Fact]
    public void Report_ManyCallsWithinTheInterval_WriteOnce()
    {
        var error = new StringWriter();
        var progress = new RateProgress(error, interactive: false, "ingest", total: 1000, plainEvery: TimeSpan.FromHours(1));

        for (int i = 1; i <= 500; i++) progress.Report(i);

        Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Report_Final_HasNoEta()
    {
        var error = new StringWriter();
        new RateProgress(error, interactive: false, "ingest", total: 10).Report(10, final: true);
        Assert.DoesNotContain("ETA", error.ToString());
    }
}
