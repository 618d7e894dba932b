using System.Diagnostics;
using StoryMerge.Cli.Loading;
using StoryMerge.Cli.Output;
using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Storage.Online;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge ingest`: files the stories of files and directories one at a time under the events of the database.</summary>
/// <remarks>
/// Stories are read as a stream and analysed in parallel a chunk ahead, while filing stays in input order on one
/// thread (so the same input gives the same events). Each story is committed on its own: an interrupted run keeps
/// every story filed so far, and running it again stores the rest (those already stored count as duplicates).
/// </remarks>
public static class IngestCommand
{
    public sealed record Arguments(IReadOnlyList<string> Inputs, string? Database, string? Config);

    private const int ChunkSize = 256;
    private const int DiagnosticsPerKind = 20;

    public static int Run(Arguments args, TextWriter output, TextWriter error, Func<long, RateProgress>? progressFor = null, CancellationToken cancellation = default)
    {
        IReadOnlyList<string> files;
        try { files = StoryLoader.ExpandPaths(args.Inputs); }
        catch (FileNotFoundException e) { error.WriteLine($"error: {e.Message}"); return ExitCodes.InputError; }

        using var session = StoreSession.Open(args.Database, args.Config, create: true, error, out var exitCode);
        if (session is null) return exitCode;

        long total;
        try { total = StoryLoader.CountItems(files); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { error.WriteLine($"error: cannot read input: {e.Message}"); return ExitCodes.InputError; }
        var progress = progressFor?.Invoke(total);
        var tally = new Tally(error);
        var clock = Stopwatch.StartNew();
        var latencies = new List<double>();

        using var items = new StoryLoader(error).Stream(files).GetEnumerator();
        Task<List<(ReadItem, AnalyzedStory?, string?)>>? next = null;
        try
        {
            next = Task.Run(() => AnalyseChunk(items, session.Pipeline));
            while (true)
            {
                var chunk = next.Result;
                if (chunk.Count == 0) break;
                next = Task.Run(() => AnalyseChunk(items, session.Pipeline));
                foreach (var (item, analysed, rejection) in chunk)
                {
                    if (cancellation.IsCancellationRequested) break;
                    tally.Read++;
                    if (!item.Succeeded) { tally.Error(item.Location, $"skipped: {item.Error}"); continue; }
                    if (rejection is not null) { tally.Error(item.Location, $"rejected: {rejection}"); continue; }
                    long started = Stopwatch.GetTimestamp();
                    var result = session.Ingestor.Ingest(analysed!);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    tally.Count(item.Location, result);
                    progress?.Report(tally.Read);
                }
                if (cancellation.IsCancellationRequested) { error.WriteLine("interrupted: every story filed so far is stored; run the same command again to go on"); break; }
            }
        }
        catch (AggregateException e) when (e.InnerException is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read input: {e.InnerException.Message}");
            return ExitCodes.InputError;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            error.WriteLine($"error: cannot write to {session.Store.Path}: {e.Message} (stories filed before this one are stored)");
            return ExitCodes.DatabaseError;
        }
        finally
        {
            // The reader must be done with the files before they are closed.
            try { next?.Wait(CancellationToken.None); } catch (AggregateException) { }
        }
        progress?.Report(tally.Read, final: true);
        var filed = clock.Elapsed;

        int refreshed = cancellation.IsCancellationRequested ? 0 : session.Ingestor.Canonical.RefreshStale(
            new Progress<BatchProgress>(p => { if (p.Done == p.Total) error.WriteLine($"{p.Stage}: {p.Total:N0} rebuilt"); }));
        tally.Write(output, session, filed, clock.Elapsed, latencies, refreshed);
        if (tally.Read == 0)
        {
            error.WriteLine($"error: no stories found in {string.Join(", ", args.Inputs)}");
            return ExitCodes.InputError;
        }
        return ExitCodes.Success;
    }

    private static List<(ReadItem, AnalyzedStory?, string?)> AnalyseChunk(IEnumerator<ReadItem> items, DedupPipeline pipeline)
    {
        var chunk = new List<ReadItem>(ChunkSize);
        while (chunk.Count < ChunkSize && items.MoveNext()) chunk.Add(items.Current);
        var result = new (ReadItem, AnalyzedStory?, string?)[chunk.Count];
        Parallel.For(0, chunk.Count, i =>
        {
            var item = chunk[i];
            if (!item.Succeeded) { result[i] = (item, null, null); return; }
            try { result[i] = (item, pipeline.Analyze(item.Story!), null); }
            catch (ArgumentException e) { result[i] = (item, null, e.Message); }
        });
        return result.ToList();
    }

    /// <summary>The counts of a run and the diagnostics lines (the first few of each kind).</summary>
    private sealed class Tally(TextWriter error)
    {
        private readonly Dictionary<string, int> _shown = [];

        public long Read { get; set; }
        public long NewEvents { get; private set; }
        public long Joined { get; private set; }
        public long Merged { get; private set; }
        public long Duplicates { get; private set; }
        public long Errors { get; private set; }

        public void Error(string location, string message)
        {
            Errors++;
            Diagnose("error", $"{location}: {message}");
        }

        public void Count(string location, IngestResult result)
        {
            switch (result.Outcome)
            {
                case IngestOutcome.NewEvent: NewEvents++; break;
                case IngestOutcome.JoinedEvent: Joined++; break;
                case IngestOutcome.Duplicate:
                    Duplicates++;
                    Diagnose("duplicate", $"{location}: duplicate of stored story '{result.DuplicateOf}' (event {result.EventId}); not stored again");
                    break;
                case IngestOutcome.Rejected: Error(location, $"rejected: {result.Error}"); break;
            }
            Merged += result.Merged?.Count ?? 0;
        }

        private void Diagnose(string kind, string line)
        {
            int shown = _shown.GetValueOrDefault(kind);
            _shown[kind] = shown + 1;
            if (shown < DiagnosticsPerKind) error.WriteLine(line);
            else if (shown == DiagnosticsPerKind) error.WriteLine($"(further {kind} lines not shown; the summary counts them)");
        }

        public void Write(TextWriter output, StoreSession session, TimeSpan filed, TimeSpan total, List<double> latencies, int refreshed)
        {
            long stored = NewEvents + Joined;
            output.WriteLine($"ingested {Read:N0} item(s) into {session.Store.Path} in {total.TotalSeconds:0.0} s ({(filed.TotalSeconds > 0 ? Read / filed.TotalSeconds : 0):N0} stories/s while filing)");
            output.WriteLine($"  stored {stored:N0}: {NewEvents:N0} started a new event, {Joined:N0} joined one; {Merged:N0} event(s) merged into others");
            output.WriteLine($"  duplicates {Duplicates:N0}, errors {Errors:N0}{(Errors > 0 ? " (listed on stderr)" : "")}");
            if (latencies.Count > 0)
            {
                latencies.Sort();
                output.WriteLine($"  assignment latency p50 {Percentile(latencies, 0.50):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms; {refreshed:N0} canonical event(s) rebuilt");
            }
            output.WriteLine($"  the database holds {session.Store.StoryCount():N0} stories in {session.Store.EventCount():N0} events");
        }
    }

    /// <summary>The value below which a share <paramref name="p"/> of the sorted values lie (nearest rank).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
