using System.Text.Json;
using StoryMerge.Cli.Commands;
using StoryMerge.Cli.Configuration;

namespace StoryMerge.Cli.Tests.Commands;

/// <summary>The exit codes and one-line messages README promises, for the inputs that once crashed a command or exited 0.</summary>
public class ExitCodeTests
{
    private static (int Code, string Out, string Err) Run(Func<TextWriter, TextWriter, int> command)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = command(output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static (int Code, string Out, string Err) Ingest(string db, CancellationToken cancellation, params string[] inputs) =>
        Run((o, e) => IngestCommand.Run(new IngestCommand.Arguments(inputs, db, null), o, e, null, cancellation));

    private static (int Code, string Out, string Err) Ingest(string db, params string[] inputs) => Ingest(db, default, inputs);

    private static string Seed(string name) => File.ReadAllText(Path.Combine(TempDirectory.Corpus, name + ".txt"));

    private static string Line(string id, string text) => JsonSerializer.Serialize(new { id, text, date = "2025-09-29" });

    [Fact]
    public void Ingest_OnlyBadLines_Exits2AndCreatesNoDatabase()
    {
        using var dir = new TempDirectory();
        var feed = dir.Write("bad.jsonl", "{not json\n{\"id\": \"a\"}\n[1]\n");

        var (code, _, error) = Ingest(dir.File("s.db"), feed);

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("bad.jsonl:1: skipped", error);
        Assert.Contains("no database created", error);
        Assert.False(File.Exists(dir.File("s.db")));
    }

    [Fact]
    public void Ingest_EmptyFile_Exits2AndCreatesNoDatabase()
    {
        using var dir = new TempDirectory();
        var (code, _, _) = Ingest(dir.File("s.db"), dir.Write("empty.jsonl", ""));

        Assert.Equal(ExitCodes.InputError, code);
        Assert.False(File.Exists(dir.File("s.db")));
    }

    [Fact]
    public void Ingest_BinaryFile_Exits2NamingIt()
    {
        using var dir = new TempDirectory();
        var binary = dir.File("blob");
        File.WriteAllBytes(binary, [0x7F, 0x45, 0x4C, 0x46, 0x00, 0xFF, 0xFE, 0x01]);

        var (code, _, error) = Ingest(dir.File("s.db"), binary);

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("blob: skipped: not UTF-8", error);
    }

    [Fact]
    public void Ingest_LoneSurrogateLine_SkipsItWithItsLineNumberAndStoresTheRest()
    {
        using var dir = new TempDirectory();
        var feed = dir.Write("feed.jsonl", string.Join('\n',
            Line("good-1", Seed("001_d1c549c40eb2123d")),
            "{\"id\": \"bad\", \"text\": \"\\ud800 news\"}",
            Line("good-2", Seed("002_d3bbba17cf235b5c"))));

        var (code, output, error) = Ingest(dir.File("s.db"), feed);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("feed.jsonl:2: skipped: field \"text\" is not valid Unicode", error);
        Assert.Contains("the database holds 2 stories", output);
    }

    [Fact]
    public void Ingest_IdOutsideTheGrammar_SkipsItNamingTheId()
    {
        using var dir = new TempDirectory();
        var feed = dir.Write("feed.jsonl", Line("../../etc", Seed("001_d1c549c40eb2123d")) + "\n" + Line("ok-1", Seed("002_d3bbba17cf235b5c")));

        var (code, _, error) = Ingest(dir.File("s.db"), feed);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("feed.jsonl:1: skipped: field \"id\"", error);
    }

    [Fact]
    public void Ingest_Cancelled_Exits130()
    {
        using var dir = new TempDirectory();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var (code, _, error) = Ingest(dir.File("s.db"), cancel.Token, TempDirectory.Corpus);

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Contains("interrupted", error);
    }

    [Fact]
    public void Cluster_LoneSurrogateLine_SkipsItAndGroupsTheRest()
    {
        using var dir = new TempDirectory();
        var feed = dir.Write("feed.jsonl", Line("good-1", Seed("001_d1c549c40eb2123d")) + "\n{\"id\": \"\\udc00\", \"text\": \"x\"}\n" + Line("good-2", Seed("002_d3bbba17cf235b5c")));

        var (code, output, error) = Run((o, e) => ClusterCommand.Run(new ClusterCommand.Arguments([feed], dir.File("events.json"), null, null), o, e));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("feed.jsonl:2: skipped: field \"id\"", error);
        Assert.StartsWith("1 events from 2 stories", output);
    }

    [Theory]
    [InlineData("garbage", "not an address")]
    [InlineData("http://127.0.0.1:70000", "port must be between 0 and 65535")]
    [InlineData("ftp://127.0.0.1:21", "http:// or https://")]
    [InlineData("http://0.0.0.0:5080", "without API keys")]
    [InlineData("http://192.0.2.7:5080", "without API keys")]
    public async Task Serve_UnusableAddress_Exits7WithOneLine(string urls, string reason)
    {
        using var dir = new TempDirectory();
        var output = new StringWriter();
        var error = new StringWriter();

        int code = await ServeCommand.RunAsync(new ServeCommand.Arguments(dir.File("s.db"), null, urls, dir.File("keys.json")), output, error, default);

        Assert.Equal(ExitCodes.ServiceError, code);
        var line = Assert.Single(error.ToString().Trim().Split('\n'));
        Assert.Contains(reason, line);
    }

    [Fact]
    public async Task Serve_AddressInUse_Exits7WithOneLine()
    {
        using var dir = new TempDirectory();
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var error = new StringWriter();

        int code = await ServeCommand.RunAsync(new ServeCommand.Arguments(dir.File("s.db"), null, $"http://127.0.0.1:{port}", dir.File("keys.json")), new StringWriter(), error, default);

        Assert.Equal(ExitCodes.ServiceError, code);
        var errors = error.ToString().Trim().Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.Contains("address already in use", Assert.Single(errors));
        Assert.DoesNotContain("   at ", error.ToString());
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://[::]:5080;http://127.0.0.1:5081")]
    public void CheckAddresses_AnyAddressWithKeys_IsAllowed(string urls) => Assert.Null(ServeCommand.CheckAddresses(urls, withKeys: true));

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    public void CheckAddresses_LoopbackWithoutKeys_IsAllowed(string urls) => Assert.Null(ServeCommand.CheckAddresses(urls, withKeys: false));

    [Theory]
    [InlineData("{\"scoring\": {\"matchThreshold\": -1}}", "scoring.matchThreshold")]
    [InlineData("{\"scoring\": {\"matchThreshold\": 0}}", "scoring.matchThreshold")]
    [InlineData("{\"scoring\": {\"vectorWeight\": 0, \"namesWeight\": 0, \"numbersWeight\": 0, \"wordsWeight\": 0, \"conceptsWeight\": 0}}", "at least one of vectorWeight")]
    [InlineData("{\"scoring\": {\"sameLanguagePenalty\": -2}}", "scoring.sameLanguagePenalty")]
    [InlineData("{\"scoring\": {\"threshold\": 3}}", "unknown setting \"scoring.threshold\"")]
    [InlineData("{\"sede\": 3}", "unknown setting \"sede\"")]
    [InlineData("{\"scoring\": {\"matchThreshold\": \"high\"}}", "\"scoring.matchThreshold\" must be a number")]
    [InlineData("{\"seed\": 1.5}", "\"seed\" must be a whole number")]
    public void Config_OutOfRangeOrUnknown_IsRefusedNamingTheSetting(string json, string message)
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigFile.Parse(json, "storymerge.json"));

        Assert.Contains(message, e.Message);
        Assert.DoesNotContain("System.", e.Message);
        Assert.DoesNotContain("StoryMerge.Core", e.Message);
    }

    [Fact]
    public void Events_NegativeThresholdInConfig_Exits3()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("storymerge.json", "{\"scoring\": {\"matchThreshold\": -0.5}}");

        var (code, _, error) = Run((o, e) => EventsCommand.Run(new EventsCommand.Arguments(dir.File("s.db"), config, null, null, null, 10), o, e));

        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.Contains("scoring.matchThreshold", error);
    }
}
