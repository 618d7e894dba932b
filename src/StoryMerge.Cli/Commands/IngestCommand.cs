using StoryMerge.Cli.Loading;
using StoryMerge.Cli.Output;
using StoryMerge.Core;
using StoryMerge.Core.Input;
using StoryMerge.Storage.Online;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge ingest`: files the stories of files and directories one at a time under the events of the database (or, with --server, through a running service).</summary>
/// <remarks>See <see cref="BatchIngestor"/>: input order decides, stories are committed in groups, a re-run goes on where a stopped one ended.</remarks>
public static class IngestCommand
{
    /// <param name="Server">File through the service at this address instead of into a database (<see cref="ServiceIngest"/>).</param>
    /// <param name="Key">The API key for <paramref name="Server"/> (default $STORYMERGE_KEY).</param>
    public sealed record Arguments(IReadOnlyList<string> Inputs, string? Database, string? Config, string? Index = null, string? Server = null, string? Key = null);

    private const int DiagnosticsPerKind = 20;

    public static int Run(Arguments args, TextWriter output, TextWriter error, Func<long, RateProgress>? progressFor = null, CancellationToken cancellation = default)
    {
        IReadOnlyList<string> files;
        try { files = StoryLoader.ExpandPaths(args.Inputs); }
        catch (FileNotFoundException e) { error.WriteLine($"error: {e.Message}"); return ExitCodes.InputError; }

        if (args.Server is not null)
        {
            if (args.Database is not null || args.Index is not null || args.Config is not null)
            {
                error.WriteLine("error: --db, --index and --config do not go with --server: the service files into its own database with its own settings");
                return ExitCodes.InputError;
            }
            if (!AnyStory(files)) return NoStories(args, files, error, "nothing sent");
            return ServiceIngest.Run(args.Inputs, files, args.Server, args.Key, output, error, progressFor, cancellation);
        }
        if (args.Key is not null)
        {
            error.WriteLine("error: --key goes with --server (the API key of the service to file through)");
            return ExitCodes.InputError;
        }

        var database = args.Database ?? StoreSession.DefaultDatabase;
        if (!File.Exists(database) && !AnyStory(files)) return NoStories(args, files, error, "nothing stored, no database created");


        // The ingestor (the index, the archive's statistics) opens once reading has begun: see BatchIngestor.
        using var session = StoreSession.Open(database, args.Config, create: true, error, out var exitCode, args.Index, writer: "ingest");
        if (session is null) return exitCode;

        IngestReport report;
        var diagnostics = new Diagnostics(error);
        try
        {
            var progress = progressFor?.Invoke(StoryLoader.CountItems(files));
            var batch = new BatchIngestor(session.Pipeline, session.Store, () => session.Ingestor);
            report = batch.Run(new StoryLoader(error).Stream(files, passOver: batch.StoredBefore), diagnostics.Observe,
                progress is null ? null : new SynchronousProgress(done => progress.Report(done)), cancellation);
            progress?.Report(report.Read, final: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read input: {e.Message} (stories filed before it are stored)");
            return ExitCodes.InputError;
        }
        catch (Exception e) when (e is StoreException or InvalidDataException && !session.Store.IndexIsOpen)
        {
            error.WriteLine($"error: {e.Message}");   // the index could not be opened: nothing was filed
            return ExitCodes.DatabaseError;
        }
        catch (Exception e) when (StoreFault.Of(e) is { } fault)
        {
            error.WriteLine($"error: cannot write to {session.Store.Path}: {fault.Reason} (every commit group filed before it is stored; run the same command again once it is fixed)");
            return ExitCodes.DatabaseError;
        }
        if (report.Interrupted) error.WriteLine("interrupted: every story filed so far is stored; run the same command again to go on");

        int refreshed = report.Interrupted ? 0 : session.Canonical.RefreshStale();
        Write(output, session, report, refreshed);
        if (report.Interrupted) return ExitCodes.Interrupted;
        if (report.Stored == 0 && report.Duplicates == 0)
        {
            error.WriteLine($"error: no stories found in {string.Join(", ", args.Inputs)} that could be stored");
            return ExitCodes.InputError;
        }
        return ExitCodes.Success;
    }

    /// <summary>Says why no story reads, line by line (and leaves no empty database behind to be mistaken for an archive).</summary>
    private static int NoStories(Arguments args, IReadOnlyList<string> files, TextWriter error, string consequence)
    {
        foreach (var item in new StoryLoader(error).Stream(files))
            if (!item.Succeeded) error.WriteLine($"{item.Location}: skipped: {item.Error}");
        error.WriteLine($"error: no stories found in {string.Join(", ", args.Inputs)}; {consequence}");
        return ExitCodes.InputError;
    }

    /// <summary>Whether the inputs hold at least one story that reads (reading stops at the first).</summary>
    private static bool AnyStory(IReadOnlyList<string> files) => new StoryLoader(TextWriter.Null).Stream(files).Any(item => item.Succeeded);

    private static void Write(TextWriter output, StoreSession session, IngestReport r, int refreshed)
    {
        WriteCounts(output, r, $"into {session.Store.Path}", r.Filing);
        if (r.Latencies.Count > 0)
            output.WriteLine($"  assignment latency p50 {r.LatencyPercentile(0.50):0.00} ms, p99 {r.LatencyPercentile(0.99):0.00} ms; {refreshed:N0} canonical event(s) rebuilt");
        output.WriteLine($"  the database holds {session.Store.StoryCount():N0} stories in {session.Store.EventCount():N0} events");
    }

    /// <summary>The summary's first lines: items read and how fast, what was stored, duplicates and errors.</summary>
    /// <param name="where">"into DB" or "through SERVER".</param>
    internal static void WriteCounts(TextWriter output, IngestReport r, string where, TimeSpan elapsed)
    {
        var seconds = elapsed.TotalSeconds;
        output.WriteLine($"ingested {r.Read:N0} item(s) {where} in {seconds:0.0} s ({(seconds > 0 ? r.Read / seconds : 0):N0} stories/s)");
        output.WriteLine($"  stored {r.Stored:N0}: {r.NewEvents:N0} started a new event, {r.Joined:N0} joined one; {r.Merged:N0} event(s) merged into others");
        output.WriteLine($"  duplicates {r.Duplicates:N0}, errors {r.Errors:N0}{(r.Errors > 0 ? " (listed on stderr)" : "")}");
    }

    /// <summary>Writes the first few diagnostics of each kind to stderr (the summary counts all).</summary>
    internal sealed class Diagnostics(TextWriter error)
    {
        private readonly Dictionary<string, int> _shown = [];

        public void Observe(ReadItem item, IngestResult? result)
        {
            if (result is null) Skipped(item);
            else if (result.Outcome == IngestOutcome.Rejected) Rejected(item, result.Error!);
            else if (result.Outcome == IngestOutcome.Duplicate) Duplicate(item, result.DuplicateOf!.Value.Value, result.EventId);
        }

        public void Skipped(ReadItem item) => Write("error", $"{item.Location}: skipped: {item.Error}");

        public void Rejected(ReadItem item, string reason) => Write("error", $"{item.Location}: rejected: {reason}");

        public void Duplicate(ReadItem item, string of, string? eventId) =>
            Write("duplicate", $"{item.Location}: duplicate of stored story '{of}' (event {eventId}); not stored again");

        private void Write(string kind, string line)
        {
            int shown = _shown.GetValueOrDefault(kind);
            _shown[kind] = shown + 1;
            if (shown < DiagnosticsPerKind) error.WriteLine(line);
            else if (shown == DiagnosticsPerKind) error.WriteLine($"(further {kind} lines not shown; the summary counts them)");
        }
    }

    /// <summary>Reports on the calling thread (System.Progress would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
