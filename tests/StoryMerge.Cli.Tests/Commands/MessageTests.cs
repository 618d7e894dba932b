using StoryMerge.Cli.Commands;

namespace StoryMerge.Cli.Tests.Commands;

/// <summary>Error messages speak of the user's input and files: no .NET parameter or type names, no temporary files, no SQLite error codes.</summary>
public class MessageTests
{
    private static readonly string[] DotNet = ["(Parameter '", "System.", "`1", ".tmp", ".new", "SQLite Error"];

    private static void AssertPlain(string message) => Assert.All(DotNet, internals => Assert.DoesNotContain(internals, message));

    [Fact]
    public void Ingest_StoryOverTheLimit_IsRejectedNamingTheLimitWithoutParameterNames()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("small.json", """{"analysis":{"maxStoryChars":100}}""");
        var feed = dir.Write("long.jsonl", $$"""{"id":"long","text":"{{string.Concat(Enumerable.Repeat("Форум прошёл. ", 20))}}"}""" + "\n");
        var error = new StringWriter();

        IngestCommand.Run(new IngestCommand.Arguments([feed], dir.File("s.db"), config), new StringWriter(), error);

        Assert.Contains($"{feed}:1: rejected: Story 'long' has 280 characters; the limit is 100 (analysis.maxStoryChars)", error.ToString());
        AssertPlain(error.ToString());
    }

    [Fact]
    public void Cluster_StoryOverTheLimit_IsSkippedWithoutParameterNames()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("small.json", """{"analysis":{"maxStoryChars":100}}""");
        var feed = dir.Write("long.jsonl", $$"""{"id":"long","text":"{{string.Concat(Enumerable.Repeat("Форум прошёл. ", 20))}}"}""" + "\n");
        var error = new StringWriter();

        ClusterCommand.Run(new ClusterCommand.Arguments([feed], dir.File("events.json"), null, config), new StringWriter(), error);

        Assert.Contains("(analysis.maxStoryChars)", error.ToString());
        AssertPlain(error.ToString());
    }

    [Fact]
    public void Events_NotALanguageCode_SaysSoWithoutParameterNames()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        IngestCommand.Run(new IngestCommand.Arguments([TempDirectory.Corpus], db, null), new StringWriter(), new StringWriter());
        var error = new StringWriter();

        int code = EventsCommand.Run(new EventsCommand.Arguments(db, null, null, "!!", null, 10), new StringWriter(), error);

        Assert.Equal(ExitCodes.InputError, code);
        Assert.StartsWith("error: --lang: '!!' is not a language code", error.ToString());
        AssertPlain(error.ToString());
    }

    [Fact]
    public void Export_IntoAMissingDirectory_NamesTheFileAndTheDirectoryNotATemporaryFile()
    {
        using var dir = new TempDirectory();
        var db = dir.File("s.db");
        IngestCommand.Run(new IngestCommand.Arguments([TempDirectory.Corpus], db, null), new StringWriter(), new StringWriter());
        var target = dir.File("missing/events.json");
        var error = new StringWriter();

        int code = ExportCommand.Run(new ExportCommand.Arguments(db, null, target, null), new StringWriter(), error);

        Assert.Equal(ExitCodes.OutputError, code);
        Assert.Equal($"error: cannot write output: {target}: the directory {dir.File("missing")} does not exist", error.ToString().Trim());
        AssertPlain(error.ToString());
    }

    [Fact]
    public void KeysAdd_IntoAMissingDirectory_NamesTheKeysFileNotATemporaryFile()
    {
        using var dir = new TempDirectory();
        var keys = dir.File("missing/keys.json");
        var error = new StringWriter();

        int code = KeysCommand.Add(new KeysCommand.Arguments(keys), "desk", "reader", new StringWriter(), error);

        Assert.Equal(ExitCodes.OutputError, code);
        Assert.Contains($"cannot write the keys file {keys}: the directory {dir.File("missing")} does not exist", error.ToString());
        AssertPlain(error.ToString());
    }

    [Fact]
    public void KeysList_KeysFileOfTheWrongShape_SaysWhatJsonIsExpectedWithoutDotNetTypes()
    {
        using var dir = new TempDirectory();
        var keys = dir.Write("keys.json", """{"keys": 5}""");
        var error = new StringWriter();

        int code = KeysCommand.List(new KeysCommand.Arguments(keys), new StringWriter(), error);

        Assert.Equal(ExitCodes.ConfigurationError, code);
        Assert.Contains("not a StoryMerge keys file (expected a list", error.ToString());
        AssertPlain(error.ToString());
    }

    [Fact]
    public void Events_FileThatIsNotADatabase_SaysSoWithoutSqliteErrorCodes()
    {
        using var dir = new TempDirectory();
        var notADatabase = dir.Write("notes.db", new string('x', 8192));
        var error = new StringWriter();

        int code = EventsCommand.Run(new EventsCommand.Arguments(notADatabase, null, null, null, null, 10), new StringWriter(), error);

        Assert.Equal(ExitCodes.DatabaseError, code);
        Assert.Contains("the file is not a database", error.ToString());
        AssertPlain(error.ToString());
    }
}
