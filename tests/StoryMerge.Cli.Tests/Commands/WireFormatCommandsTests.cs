using System.Text.Json;
using StoryMerge.Cli.Commands;
using StoryMerge.Storage.Tests.Documents;

namespace StoryMerge.Cli.Tests.Commands;

/// <summary>Wire formats through the commands: `cluster` and `ingest` read every format, `watch` polls, `export --format ninjs` writes valid ninjs.</summary>
public class WireFormatCommandsTests
{
    private static string Feed(string name) => Path.Combine(TempDirectory.RepositoryRoot, "corpus", "feeds", name);

    private static (int Code, string Out, string Err) Run(Func<TextWriter, TextWriter, int> command)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = command(output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<(int Code, string Out, string Err)> WatchAsync(string db, string? every, params string[] feeds)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await WatchCommand.RunAsync(new WatchCommand.Arguments(feeds, db, null, every, Once: true), output, error, default);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("seeds.rss")]
    [InlineData("seeds.atom")]
    [InlineData("seeds.feed.json")]
    [InlineData("seeds.ninjs.json")]
    [InlineData("seeds.newsml.xml")]
    public void Cluster_SeedsAsWireFeed_ThreeEventsAsFromTheCorpus(string file)
    {
        using var dir = new TempDirectory();
        var (code, output, _) = Run((o, e) => ClusterCommand.Run(new ClusterCommand.Arguments([Feed(file)], dir.File("events.json"), null, null), o, e));
        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("3 events from 5 stories (ru 4, kk 1); 1 with more than one report", output);
    }

    [Fact]
    public void Cluster_FeedsDirectory_EveryFormatReadRepeatedIdsReported()
    {
        using var dir = new TempDirectory();
        var (_, output, error) = Run((o, e) => ClusterCommand.Run(new ClusterCommand.Arguments([Path.Combine(TempDirectory.RepositoryRoot, "corpus", "feeds")], dir.File("events.json"), null, null), o, e));
        var repeated = error.Split('\n').Where(l => l.Contains("was already read", StringComparison.Ordinal)).ToList();
        foreach (var file in new[] { "forum-legacy.ninjs1.json", "seeds.atom", "seeds.feed.json", "seeds.ninjs.json", "seeds.newsml.xml", "seeds.rss" })
            Assert.Contains(repeated, l => l.Contains(file, StringComparison.Ordinal));
        Assert.Contains(" events from 6 stories", output);   // the five seeds, each read from the first file that gives it, and the forum's page
    }

    [Fact]
    public void Cluster_MalformedFeeds_EachBadItemReportedWithItsPlace()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = Run((o, e) => ClusterCommand.Run(new ClusterCommand.Arguments([Path.Combine(TempDirectory.RepositoryRoot, "corpus", "feeds", "malformed")], dir.File("events.json"), null, null), o, e));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("bad-items.rss:13: skipped: no text", error);
        Assert.Contains("bad-items.ninjs.json: item 3: skipped: field \"language\" must be a string, found number", error);
        Assert.Contains("bad-items.newsml.xml:9: skipped: no text", error);
        Assert.Contains("broken.rss: skipped: not a readable feed", error);
    }

    [Fact]
    public void Ingest_NewsMlMessage_StoresTheSeedsInThreeEvents()
    {
        using var dir = new TempDirectory();
        var (code, output, _) = Run((o, e) => IngestCommand.Run(new IngestCommand.Arguments([Feed("seeds.newsml.xml")], dir.File("s.db"), null), o, e));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("the database holds 5 stories in 3 events", output);
    }

    [Fact]
    public async Task Watch_OnceTwice_SecondFilesNothing()
    {
        using var dir = new TempDirectory();
        var first = await WatchAsync(dir.File("w.db"), null, Feed("seeds.rss"));
        var second = await WatchAsync(dir.File("w.db"), null, Feed("seeds.rss"));
        Assert.Equal((ExitCodes.Success, ExitCodes.Success), (first.Code, second.Code));
        Assert.Contains("5 new item(s): 3 new event(s), 2 joined, 0 duplicate(s), 0 rejected; 0 skipped", first.Out);
        Assert.Contains("seeds.rss: not modified", second.Out);
    }

    [Fact]
    public async Task Watch_SameStoriesFromAnotherFeed_Duplicates()
    {
        using var dir = new TempDirectory();
        await WatchAsync(dir.File("w.db"), null, Feed("seeds.rss"));
        var (_, output, _) = await WatchAsync(dir.File("w.db"), null, Feed("seeds.ninjs.json"));
        Assert.Contains("5 new item(s): 0 new event(s), 0 joined, 5 duplicate(s)", output);
    }

    [Fact]
    public async Task Watch_FeedUnreachable_ExitInputErrorNamingIt()
    {
        using var dir = new TempDirectory();
        var (code, output, _) = await WatchAsync(dir.File("w.db"), null, dir.File("missing.rss"));
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("missing.rss: failed: no such file", output);
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h", 3600)]
    [InlineData("90", 90)]
    public void ParseInterval_Interval_Seconds(string text, int seconds) => Assert.Equal(seconds, WatchCommand.ParseInterval(text));

    [Theory]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("-5m")]
    [InlineData("soon")]
    public void ParseInterval_NotAnInterval_Null(string text) => Assert.Null(WatchCommand.ParseInterval(text));

    [Fact]
    public async Task Watch_BadInterval_ConfigurationError()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = await WatchAsync(dir.File("w.db"), "soon", Feed("seeds.rss"));
        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.Contains("--every 'soon'", error);
    }

    [Fact]
    public void Export_FormatNinjs_EveryItemValidAgainstNinjs31()
    {
        using var dir = new TempDirectory();
        Run((o, e) => IngestCommand.Run(new IngestCommand.Arguments([TempDirectory.Corpus], dir.File("s.db"), null), o, e));
        var (code, _, _) = Run((o, e) => ExportCommand.Run(new ExportCommand.Arguments(dir.File("s.db"), null, dir.File("events.ninjs.json"), null, "ninjs"), o, e));

        Assert.Equal(ExitCodes.Success, code);
        using var document = JsonDocument.Parse(File.ReadAllText(dir.File("events.ninjs.json")));
        Assert.Equal(3, document.RootElement.GetArrayLength());
        Assert.All(document.RootElement.EnumerateArray(), item => Assert.Empty(NinjsSchema.Errors(item)));
    }

    [Fact]
    public void Export_FormatNinjsOfANewsMlMessage_ValidWithTimesPlacesAndSubjects()
    {
        using var dir = new TempDirectory();
        Run((o, e) => IngestCommand.Run(new IngestCommand.Arguments([Feed("seeds.newsml.xml")], dir.File("s.db"), null), o, e));
        var (code, _, _) = Run((o, e) => ExportCommand.Run(new ExportCommand.Arguments(dir.File("s.db"), null, dir.File("events.ninjs.json"), null, "ninjs"), o, e));

        Assert.Equal(ExitCodes.Success, code);
        using var document = JsonDocument.Parse(File.ReadAllText(dir.File("events.ninjs.json")));
        Assert.All(document.RootElement.EnumerateArray(), item => Assert.Empty(NinjsSchema.Errors(item)));
        var forum = document.RootElement.EnumerateArray().Single(i => i.GetProperty("associations").GetArrayLength() == 3);
        Assert.Equal("2025-09-29T01:30:00+05:00", forum.GetProperty("firstCreated").GetString());
        Assert.Contains(forum.GetProperty("places").EnumerateArray(), p => p.GetProperty("rel").GetString() == "located");
        Assert.Contains(forum.GetProperty("subjects").EnumerateArray(), p => p.GetProperty("rel").GetString() == "subject");
    }

    [Fact]
    public void Export_UnknownFormat_ConfigurationErrorNothingWritten()
    {
        using var dir = new TempDirectory();
        Run((o, e) => IngestCommand.Run(new IngestCommand.Arguments([TempDirectory.Corpus], dir.File("s.db"), null), o, e));
        var (code, _, error) = Run((o, e) => ExportCommand.Run(new ExportCommand.Arguments(dir.File("s.db"), null, dir.File("out.xml"), null, "xml"), o, e));

        Assert.Equal((ExitCodes.ConfigurationError, false), (code, File.Exists(dir.File("out.xml"))));
        Assert.Contains("--format 'xml'", error);
    }
}
