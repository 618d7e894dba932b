using Microsoft.AspNetCore.Builder;
using StoryMerge.Cli.Commands;
using StoryMerge.Core.Tests;
using StoryMerge.Service;
using StoryMerge.Service.Security;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Cli.Tests.Commands;

/// <summary>`ingest --server`: the stories of files filed through a running service (Kestrel on 127.0.0.1), which owns the database.</summary>
public class ServiceIngestTests
{
    /// <summary>The editor service over a database of the test's directory, as `serve` runs it.</summary>
    internal sealed class RunningService : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private RunningService(WebApplication app) => _app = app;

        public string Address => _app.Urls.Single();

        public StoreGate Gate => (StoreGate)_app.Services.GetService(typeof(StoreGate))!;

        public static async Task<RunningService> StartAsync(string database, Func<ServiceSettings, ServiceSettings>? configure = null)
        {
            var settings = new ServiceSettings(database, TestCorpus.Pipeline);
            var app = StoryMergeService.Create(configure is null ? settings : configure(settings), "http://127.0.0.1:0");
            await app.StartAsync();
            return new RunningService(app);
        }

        public Task<long> StoriesAsync() => Gate.RunAsync(() => Gate.Store.StoryCount(), default);

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static (int Code, string Output, string Error) Ingest(string server, string? key = null, params string[] inputs)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        int code = IngestCommand.Run(new IngestCommand.Arguments(inputs.Length == 0 ? [TempDirectory.Corpus] : inputs, null, null, Server: server, Key: key), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Ingest_WithServer_FilesEveryStoryThroughTheService()
    {
        using var dir = new TempDirectory();
        await using var service = await RunningService.StartAsync(dir.File("s.db"));

        var (code, output, _) = Ingest(service.Address);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("stored 5: 3 started a new event, 2 joined one", output);
        Assert.Equal(5, await service.StoriesAsync());
    }

    [Fact]
    public async Task Ingest_WithServerAgain_AnswersStoredStoriesAsDuplicatesWithoutAnalysingThem()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        await using (var first = await RunningService.StartAsync(db)) Ingest(first.Address);
        // A service that can analyse nothing in time: a story it analysed again would be refused (422), not a duplicate.
        await using var service = await RunningService.StartAsync(db, s => s with { AnalysisBudget = TimeSpan.Zero });

        var (code, output, error) = Ingest(service.Address);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("stored 0", output);
        Assert.Contains("duplicates 5, errors 0", output);
        Assert.Contains("duplicate of stored story", error);
    }

    [Fact]
    public async Task Ingest_WithServerOfBadLines_SkipsThemWithTheirPlaceAndFilesTheRest()
    {
        using var dir = new TempDirectory();
        await using var service = await RunningService.StartAsync(dir.File("s.db"));
        var feed = dir.Write("feed.jsonl", "{\"id\":\"a\",\"text\":\"Форум журналистов прошёл в Алматы в понедельник.\"}\nnot json\n{\"id\":\"b\",\"text\":\"\\ud800\"}\n");

        var (code, output, error) = Ingest(service.Address, null, feed);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains($"{feed}:2: skipped", error);
        Assert.Contains($"{feed}:3: skipped", error);
        Assert.Contains("stored 1", output);
        Assert.Contains("errors 2", output);
    }

    [Fact]
    public async Task Ingest_WithServerAndAReaderKey_Exits5SayingTheServiceRefusedTheKey()
    {
        using var dir = new TempDirectory();
        var keys = ApiKeys.Load(dir.File("keys.json"));
        var reader = keys.Add("desk", Role.Reader, DateTimeOffset.UtcNow);
        await using var service = await RunningService.StartAsync(dir.File("s.db"), s => s with { Keys = keys });

        var (code, _, error) = Ingest(service.Address, reader);

        Assert.Equal(ExitCodes.DatabaseError, code);
        Assert.StartsWith("error: the service at", error);
        Assert.Contains("refused the key", error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Equal(0, await service.StoriesAsync());
    }

    [Fact]
    public async Task Ingest_WithServerAndAFeedKey_FilesTheStories()
    {
        using var dir = new TempDirectory();
        var keys = ApiKeys.Load(dir.File("keys.json"));
        var feed = keys.Add("wire", Role.Feed, DateTimeOffset.UtcNow);
        await using var service = await RunningService.StartAsync(dir.File("s.db"), s => s with { Keys = keys });

        var (code, _, _) = Ingest(service.Address, feed);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(5, await service.StoriesAsync());
    }

    [Fact]
    public void Ingest_WithServerNobodyListensOn_Exits5InOneLine()
    {
        var (code, _, error) = Ingest("http://127.0.0.1:9");

        Assert.Equal(ExitCodes.DatabaseError, code);
        Assert.StartsWith("error: cannot reach the service at http://127.0.0.1:9/", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void Ingest_WithServerAndNoStories_Exits2WithoutSendingAnything()
    {
        using var dir = new TempDirectory();
        var empty = dir.Write("empty.jsonl", "");

        // Nobody listens there: trying to send would be exit 5.
        var (code, _, error) = Ingest("http://127.0.0.1:9", null, empty);

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("nothing sent", error);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("ftp://127.0.0.1:5080")]
    public void Ingest_WithServerNotAnAddress_Exits2NamingIt(string server)
    {
        var (code, _, error) = Ingest(server);

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains($"--server \"{server}\" is not an address", error);
    }

    [Fact]
    public void Ingest_WithServerAndDb_Exits2()
    {
        var error = new StringWriter();

        int code = IngestCommand.Run(new IngestCommand.Arguments([TempDirectory.Corpus], "s.db", null, Server: "http://127.0.0.1:9"), new StringWriter(), error);

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("--db, --index and --config do not go with --server", error.ToString());
    }

    [Fact]
    public async Task Ingest_WithServerInterrupted_Exits130()
    {
        using var dir = new TempDirectory();
        await using var service = await RunningService.StartAsync(dir.File("s.db"));
        var error = new StringWriter();

        int code = IngestCommand.Run(new IngestCommand.Arguments([TempDirectory.Corpus], null, null, Server: service.Address), new StringWriter(), error,
            cancellation: new CancellationToken(canceled: true));

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Contains("run the same command again", error.ToString());
    }

    [Fact]
    public async Task Ingest_WhileServeRunsOnTheDatabase_Exits5OfferingToFileThroughIt()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        using var stop = new CancellationTokenSource();
        var serving = ServeCommand.RunAsync(new ServeCommand.Arguments(db, null, "http://127.0.0.1:0", Keys: dir.File("keys.json")), new StringWriter(), new StringWriter(), stop.Token);
        while (StoreOwner.Holder(db) is not { } note || !note.Contains("ingest --server")) await Task.Delay(50);
        var error = new StringWriter();

        int code = IngestCommand.Run(new IngestCommand.Arguments([TempDirectory.Corpus], db, null), new StringWriter(), error);
        await stop.CancelAsync();
        await serving;

        Assert.Equal(ExitCodes.DatabaseError, code);
        Assert.Matches(@"file stories through it: storymerge ingest --server http://127\.0\.0\.1:\d+ FILES", error.ToString());
    }
}
