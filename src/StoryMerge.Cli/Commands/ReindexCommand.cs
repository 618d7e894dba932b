using System.Diagnostics;
using StoryMerge.Storage.Index;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge reindex`: throws the Lucene index away and builds it again from the stories in the database, with progress on stderr.</summary>
/// <remarks>Never needed for correctness (opening the store repairs an index that lags or is unreadable); for an index moved, copied by hand or suspected.</remarks>
public static class ReindexCommand
{
    public sealed record Arguments(string? Database, string? Config, string? Index = null);

    public static int Run(Arguments args, TextWriter output, TextWriter error)
    {
        using var session = StoreSession.Open(args.Database, args.Config, create: false, error, out var exitCode, args.Index);
        if (session is null) return exitCode;
        var clock = Stopwatch.StartNew();
        var lastShown = TimeSpan.Zero;
        var progress = new Progress((done, total) =>
        {
            // A line every 10% and at the end: the work is minutes at most, and a log should stay short.
            if (done < total && clock.Elapsed - lastShown < TimeSpan.FromSeconds(1) && done % Math.Max(1, total / 10) >= 256) return;
            lastShown = clock.Elapsed;
            error.WriteLine($"indexed {done:N0}/{total:N0} stories ({done / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0}/s)");
        });
        IndexRepair result;
        try { result = session.Store.RebuildIndex(new StoryIndexer(session.Pipeline, session.Store).Entries, progress); }
        catch (StoreException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.DatabaseError;
        }
        output.WriteLine($"reindexed {result.Indexed:N0} stories into {session.Store.IndexPath} in {clock.Elapsed.TotalSeconds:0.0} s ({result.Indexed / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0} stories/s)");
        return ExitCodes.Success;
    }

    /// <summary>Reports synchronously, on the indexing thread (System.Progress would post to the thread pool, out of order).</summary>
    private sealed class Progress(Action<long, long> report) : IProgress<(long Done, long Total)>
    {
        public void Report((long Done, long Total) value) => report(value.Done, value.Total);
    }
}
