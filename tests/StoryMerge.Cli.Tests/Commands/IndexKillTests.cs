using System.Diagnostics;
using StoryMerge.Core;
using StoryMerge.Storage.Index;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Cli.Tests.Commands;

/// <summary>An ingest killed (SIGKILL) right after a SQLite commit, before the index has it: nothing is lost, the next open repairs the index.</summary>
public class IndexKillTests
{
    private const int KillAfterCommits = 12;

    [Fact]
    [Trait("Category", "Slow")]
    public void Ingest_KilledBetweenTheSqliteCommitAndTheIndexCommit_NextOpenIndexesEveryStoredStory()
    {
        using var dir = new TempDirectory();
        var feed = Path.Combine(TempDirectory.RepositoryRoot, "benchmarks", "data", "ntrex-dev", "partial.jsonl");
        var db = dir.File("kill.db");

        using (var killed = StartIngest(feed, db, KillAfterCommits))
        {
            Assert.True(killed.WaitForExit(TimeSpan.FromMinutes(5)), "the ingest was not killed");
            Assert.NotEqual(0, killed.ExitCode);   // SIGKILL: 137
        }
        long stored;
        using (var store = StoryStore.Open(db, create: false))
        {
            stored = store.StoryCount();
            Assert.InRange(stored, 1, 16 * KillAfterCommits);
            // The index on disk lags behind the database: the crash fell between the two commits.
            using (var onDisk = LuceneStoryIndex.Open(store.IndexPath)) Assert.True(onDisk.Count < stored, $"index {onDisk.Count}, stored {stored}");

            var repair = store.OpenIndex(new StoryIndexer(new DedupPipelineBuilder().Build(), store).Entries);

            // Caught up (stories after the last commit indexed), or compared story by story when merges moved indexed stories since.
            Assert.Contains(repair.Kind, new[] { IndexRepairKind.CaughtUp, IndexRepairKind.Reconciled });
            Assert.True(repair.Indexed > 0);
            Assert.Equal(IndexedAsStored(store), store.Index.Stories());
        }

        using (var again = StartIngest(feed, db, killAfterCommits: null))
        {
            Assert.True(again.WaitForExit(TimeSpan.FromMinutes(5)), "the second ingest did not finish");
            Assert.Equal(0, again.ExitCode);
        }
        using (var store = StoryStore.Open(db, create: false))
        {
            var repair = store.OpenIndex(new StoryIndexer(new DedupPipelineBuilder().Build(), store).Entries);
            Assert.Equal(IndexRepairKind.UpToDate, repair.Kind);   // a clean exit commits the index
            Assert.True(store.StoryCount() > stored);
            Assert.Equal(IndexedAsStored(store), store.Index.Stories());
        }
    }

    /// <summary>What the index should hold: every stored story with its event.</summary>
    private static Dictionary<long, (string, string?)> IndexedAsStored(StoryStore store) =>
        store.Assignments().Select(a => (Row: store.FindStory(new StoryId(a.StoryId)), a.StoryId, a.EventId))
            .Where(a => a.Row is not null)   // content duplicates are answered as their original, not indexed
            .ToDictionary(a => a.Row!.Seq, a => (a.StoryId, (string?)a.EventId));

    private static Process StartIngest(string feed, string db, int? killAfterCommits)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "storymerge.dll"), "ingest", feed, "--db", db])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        if (killAfterCommits is { } n) start.Environment[StoryStore.KillAfterCommitsVariable] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
