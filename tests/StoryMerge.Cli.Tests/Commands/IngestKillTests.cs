using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Evaluation;
using StoryMerge.Storage.Online;

namespace StoryMerge.Cli.Tests.Commands;

/// <summary>An ingest killed mid-way (SIGKILL, no chance to clean up) and run again loses nothing and stores nothing twice.</summary>
[Trait("Category", "Slow")]
public class IngestKillTests
{
    // Large enough that a kill lands in the middle of a commit group, after the first chunks' look-ahead and filing
    // overlap; small enough to take seconds (the 10,000 of earlier versions proved nothing more and took minutes).
    private const int FeedSize = 1_500;

    [Fact]
    [Trait("Category", "Slow")]
    public void Ingest_KilledMidwayAndRunAgain_StoresEveryStoryOnceInOneEvent()
    {
        using var dir = new TempDirectory();
        var feed = WriteFeed(dir.File("feed.jsonl"));
        var db = dir.File("kill.db");

        using (var first = StartIngest(feed, db))
        {
            WaitForStories(db, first, atLeast: FeedSize / 5);
            first.Kill(entireProcessTree: true);   // SIGKILL on Linux
            first.WaitForExit();
        }
        long afterKill = Count(db, "SELECT count(*) FROM stories");
        Assert.InRange(afterKill, FeedSize / 5, FeedSize - 1);   // really killed in the middle

        using (var second = StartIngest(feed, db))
        {
            Assert.True(second.WaitForExit(TimeSpan.FromMinutes(10)), "the second ingest did not finish");
            Assert.Equal(0, second.ExitCode);
        }

        // Every story of the feed is stored once (a later copy of a text stored earlier is a duplicate, as on any run).
        var expected = ExpectedStored(feed);
        using var connection = Open(db);
        var stored = Strings(connection, "SELECT id FROM stories");
        Assert.Equal(expected.Count, stored.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        // ... in exactly one event, and the events agree with their members.
        Assert.Equal(0, Count(db, "SELECT count(*) FROM stories LEFT JOIN memberships ON story_seq = seq WHERE event_id IS NULL"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM memberships WHERE event_id NOT IN (SELECT id FROM events)"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM events WHERE member_count <> (SELECT count(*) FROM memberships WHERE event_id = events.id)"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM events WHERE member_count = 0"));
        // ... the database is intact, and its index holds every stored story with its event.
        Assert.Equal(["ok"], Strings(connection, "PRAGMA integrity_check"));
        using var store = Storage.Sqlite.StoryStore.Open(db, create: false);
        store.OpenIndex(new Storage.Index.StoryIndexer(new DedupPipelineBuilder().Build(), store).Entries);
        Assert.Equal(store.Assignments().ToDictionary(a => store.FindStory(new StoryId(a.StoryId))!.Seq, a => (a.StoryId, (string?)a.EventId)),
            store.Index.Stories());
    }

    [Fact]
    public void Ingest_KilledThreeTimesAndResumed_GivesTheEventsOfAnUninterruptedRun()
    {
        using var dir = new TempDirectory();
        var feed = WriteFeed(dir.File("feed.jsonl"));
        var whole = dir.File("whole.db");
        using (var run = StartIngest(feed, whole))
        {
            Assert.True(run.WaitForExit(TimeSpan.FromMinutes(10)), "the uninterrupted ingest did not finish");
            Assert.Equal(0, run.ExitCode);
        }

        var resumed = dir.File("resumed.db");
        foreach (var share in new[] { 4, 3, 2 })
        {
            using var run = StartIngest(feed, resumed);
            WaitForStories(resumed, run, atLeast: FeedSize * (5 - share) / 5);
            run.Kill(entireProcessTree: true);
            run.WaitForExit();
        }
        using (var last = StartIngest(feed, resumed))
        {
            Assert.True(last.WaitForExit(TimeSpan.FromMinutes(10)), "the last resumed ingest did not finish");
            Assert.Equal(0, last.ExitCode);
        }

        Assert.Equal(Events(whole), Events(resumed));
    }

    /// <summary>The events as sets of their members' ids (event ids aside), in a canonical order.</summary>
    private static List<string> Events(string db)
    {
        using var connection = Open(db);
        return Strings(connection, "SELECT group_concat(id, ' ') FROM (SELECT event_id, id FROM stories JOIN memberships ON story_seq = seq ORDER BY event_id, id) GROUP BY event_id")
            .Order(StringComparer.Ordinal).ToList();
    }

    private static string WriteFeed(string path)
    {
        var data = BenchmarkData.NtrexDev("full.jsonl");
        var labelled = new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(data)), data).Select(i => (i.Story!, i.Label!)).ToList();
        var pipeline = new DedupPipelineBuilder().Build();
        var feed = new FeedGenerator(labelled, pipeline).Generate(FeedSize, seed: 11, new DateOnly(2025, 1, 1));
        File.WriteAllLines(path, feed.Select(f => JsonSerializer.Serialize(new
        {
            id = f.Story.Id.Value, lang = f.Story.Language.IsKnown ? f.Story.Language.Code : null,
            date = f.Story.Published?.ToString("yyyy-MM-dd"), title = f.Story.Title, text = f.Story.Text,
        })));
        return path;
    }

    /// <summary>The ids a run stores: each id once, and only the first story of each text.</summary>
    private static HashSet<string> ExpectedStored(string feed)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in new StoryReader().ParseJsonLines(new StringReader(File.ReadAllText(feed)), feed))
            if (!ids.Contains(item.Story!.Id.Value) && texts.Add(ContentHash.Of(item.Story.Text))) ids.Add(item.Story.Id.Value);
        return ids;
    }

    private static Process StartIngest(string feed, string db)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "storymerge.dll"), "ingest", feed, "--db", db])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void WaitForStories(string db, Process process, long atLeast)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            Assert.False(process.HasExited, "the ingest ended before it could be killed");
            if (File.Exists(db))
            {
                try { if (Count(db, "SELECT count(*) FROM stories") >= atLeast) return; }
                catch (SqliteException) { }   // the schema is not there yet
            }
            Thread.Sleep(200);
        }
        Assert.Fail($"fewer than {atLeast} stories stored after 5 minutes");
    }

    private static SqliteConnection Open(string db)
    {
        var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        return connection;
    }

    private static long Count(string db, string sql)
    {
        using var connection = Open(db);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read()) result.Add(reader.GetString(0));
        return result;
    }
}
