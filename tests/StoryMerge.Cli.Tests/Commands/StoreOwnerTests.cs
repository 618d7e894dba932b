using StoryMerge.Cli.Commands;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Cli.Tests.Commands;

/// <summary>One writing process per database: `ingest` and `delete` refuse a database a service owns, and say where to post instead.</summary>
public class StoreOwnerTests
{
    private const string Service = "storymerge serve (pid 4242) at http://127.0.0.1:5080; file stories through it: curl … http://127.0.0.1:5080/api/stories/batch";

    [Fact]
    public void Ingest_WhileAServiceOwnsTheDatabase_Exits5PointingAtTheService()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        using var service = StoreOwner.Claim(db, Service);
        var error = new StringWriter();

        int code = IngestCommand.Run(new IngestCommand.Arguments([TempDirectory.Corpus], db, null), new StringWriter(), error);

        Assert.Equal(ExitCodes.DatabaseError, code);
        Assert.Contains("storymerge serve (pid 4242) at http://127.0.0.1:5080", error.ToString());
        Assert.Contains("/api/stories/batch", error.ToString());
        Assert.False(File.Exists(db));
    }

    [Fact]
    public void Delete_WhileAServiceOwnsTheDatabase_Exits5()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        IngestCommand.Run(new IngestCommand.Arguments([TempDirectory.Corpus], db, null), new StringWriter(), new StringWriter());
        using var service = StoreOwner.Claim(db, Service);

        int code = DeleteCommand.Run(new DeleteCommand.Arguments("001_d1c549c40eb2123d", db, null), new StringWriter(), new StringWriter());

        Assert.Equal(ExitCodes.DatabaseError, code);
    }

    [Fact]
    public void Events_WhileAServiceOwnsTheDatabase_Reads()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        IngestCommand.Run(new IngestCommand.Arguments([TempDirectory.Corpus], db, null), new StringWriter(), new StringWriter());
        using var service = StoreOwner.Claim(db, Service);
        var output = new StringWriter();

        int code = EventsCommand.Run(new EventsCommand.Arguments(db, null, null, null, null, 10), output, new StringWriter());

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(3, output.ToString().Trim().Split('\n').Length);
    }

    [Fact]
    public void Ingest_AfterTheOwnerEnded_Runs()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        StoreOwner.Claim(db, Service).Dispose();

        int code = IngestCommand.Run(new IngestCommand.Arguments([TempDirectory.Corpus], db, null), new StringWriter(), new StringWriter());

        Assert.Equal(ExitCodes.Success, code);
        Assert.Null(StoreOwner.Holder(db));
    }

    [Fact]
    public async Task Serve_WhileAnIngestOwnsTheDatabase_Exits5NamingIt()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        using var ingest = StoreOwner.Claim(db, "storymerge ingest (pid 77)");
        var error = new StringWriter();

        int code = await ServeCommand.RunAsync(new ServeCommand.Arguments(db, null, "http://127.0.0.1:0", dir.File("keys.json")), new StringWriter(), error, default);

        Assert.Equal(ExitCodes.DatabaseError, code);
        Assert.Contains("being written to by storymerge ingest (pid 77)", error.ToString());
    }
}
