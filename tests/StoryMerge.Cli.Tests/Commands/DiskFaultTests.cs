using System.Diagnostics;
using Microsoft.Data.Sqlite;
using StoryMerge.Cli.Commands;
using StoryMerge.Evaluation;

namespace StoryMerge.Cli.Tests.Commands;

/// <summary>Real storage faults: a database on a full 1 MB tmpfs, and a database file made immutable (read-only even for root).</summary>
/// <remarks>Needs root (mount, chattr) on Linux; CI runs as root. Slow only in that it needs privileges a developer's machine may not grant.</remarks>
[Trait("Category", "Slow")]
public sealed class DiskFaultTests
{
    private static (int Code, string Out, string Err) Run(Func<TextWriter, TextWriter, int> command)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = StoreFaultGuard.Run(error, () => command(output, error));
        return (code, output.ToString(), error.ToString());
    }

    private static void Shell(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed (this test needs root): {error}");
    }

    /// <summary>A 1 MB tmpfs mounted for the test, unmounted after.</summary>
    private sealed class SmallDisk : IDisposable
    {
        public SmallDisk()
        {
            Path = Directory.CreateTempSubdirectory("storymerge-fulldisk-").FullName;
            Shell("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", Path);
        }

        public string Path { get; }

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            // Lazily: a process that failed on the full disk may still hold a file of the index open until it is collected.
            Shell("umount", "-l", Path);
            Directory.Delete(Path);
        }
    }

    private static string Integrity(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    [Fact]
    public void Ingest_OntoAFullDisk_Exits5WithOneLineAndKeepsWhatWasCommitted()
    {
        using var disk = new SmallDisk();
        var db = Path.Combine(disk.Path, "full.db");

        var (code, _, error) = Run((o, e) => IngestCommand.Run(new IngestCommand.Arguments([BenchmarkData.NtrexDev("full.jsonl")], db, null), o, e));

        Assert.True(code == ExitCodes.DatabaseError, $"exit {code}: {error}");
        var line = Assert.Single(error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("disk is full", line);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal("ok", Integrity(db));
    }

    [Fact]
    public void EventsShowExport_OnAFullDisk_Work()
    {
        using var disk = new SmallDisk();
        using var dir = new TempDirectory();
        var db = Path.Combine(disk.Path, "full.db");
        Run((o, e) => IngestCommand.Run(new IngestCommand.Arguments([BenchmarkData.NtrexDev("full.jsonl")], db, null), o, e));

        var events = Run((o, e) => EventsCommand.Run(new EventsCommand.Arguments(db, null, null, null, null, 5), o, e));
        var export = Run((o, e) => ExportCommand.Run(new ExportCommand.Arguments(db, null, dir.File("events.json"), null), o, e));
        var first = events.Out.Split(' ')[0];
        var show = Run((o, e) => ShowCommand.Run(new ShowCommand.Arguments(first, db, null, false), o, e));

        Assert.Equal(ExitCodes.Success, events.Code);
        Assert.Equal(ExitCodes.Success, export.Code);
        Assert.Equal(ExitCodes.Success, show.Code);
        Assert.True(new FileInfo(dir.File("events.json")).Length > 0);
    }

    [Fact]
    public void Delete_OnAReadOnlyDatabase_Exits5WithOneLine()
    {
        using var dir = new TempDirectory();
        var db = dir.File("ro.db");
        Run((o, e) => IngestCommand.Run(new IngestCommand.Arguments([TempDirectory.Corpus], db, null), o, e));
        SqliteConnection.ClearAllPools();
        Shell("chattr", "+i", db);
        try
        {
            var (code, _, error) = Run((o, e) => DeleteCommand.Run(new DeleteCommand.Arguments("001_d1c549c40eb2123d", db, null), o, e));
            var events = Run((o, e) => EventsCommand.Run(new EventsCommand.Arguments(db, null, null, null, null, 5), o, e));

            Assert.Equal(ExitCodes.DatabaseError, code);
            Assert.Equal("error: the database cannot be used: the database is read-only: nothing can be stored or changed (what was stored before is kept)", error.Trim());
            Assert.Equal(ExitCodes.Success, events.Code);
            Assert.Equal(3, events.Out.Trim().Split('\n').Length);
        }
        finally { Shell("chattr", "-i", db); }
    }
}
