using System.Diagnostics;
using System.Text;
using StoryMerge.Cli.Loading;
using StoryMerge.Cli.Output;
using StoryMerge.Cli.Remote;
using StoryMerge.Core.Input;
using StoryMerge.Service.Contracts;
using StoryMerge.Storage.Online;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge ingest --server URL`: files the stories of files and directories through a running service, batch by batch, in input order.</summary>
/// <remarks>
/// For a database a service owns, which `ingest` does not write to itself (see <see cref="Storage.Sqlite.StoreOwner"/>): the
/// service files each batch in order between its other requests, so it keeps answering them, and the same input in the same
/// order gives the same events as a local ingest. Every story the service acknowledged is stored; after an interruption
/// the same command sends everything again, and the service answers the stored ids as duplicates by a lookup each, without
/// analysing them. Input is read as a stream, as for a local ingest; bad lines are reported with their place and skipped.
/// </remarks>
public static class ServiceIngest
{
    /// <summary>Most stories a batch holds.</summary>
    public const int BatchStories = 64;

    /// <summary>Most bytes of story text a batch holds (the service takes bodies of 10 MB by default); a longer story goes alone.</summary>
    public const int BatchBytes = 4 * 1024 * 1024;

    public static int Run(IReadOnlyList<string> inputs, IReadOnlyList<string> files, string server, string? key, TextWriter output, TextWriter error,
        Func<long, RateProgress>? progressFor, CancellationToken cancellation, HttpMessageHandler? handler = null)
    {
        if (!Uri.TryCreate(server, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            error.WriteLine($"error: --server \"{server}\" is not an address like http://127.0.0.1:5080");
            return ExitCodes.InputError;
        }
        if (!address.AbsolutePath.EndsWith('/')) address = new Uri(address + "/");
        using var client = new ServiceClient(address, key ?? Environment.GetEnvironmentVariable(ServiceClient.KeyVariable), handler);
        var diagnostics = new IngestCommand.Diagnostics(error);
        var tally = new Tally();
        var clock = Stopwatch.StartNew();
        var progress = progressFor?.Invoke(StoryLoader.CountItems(files));
        try
        {
            foreach (var batch in Batches(new StoryLoader(error).Stream(files), diagnostics, tally))
            {
                cancellation.ThrowIfCancellationRequested();
                var results = client.FileAsync(batch.Select(i => i.Story!).ToList(), cancellation).GetAwaiter().GetResult();
                for (int k = 0; k < batch.Count; k++) tally.Count(batch[k], results[k], diagnostics);
                progress?.Report(tally.Read);
            }
            progress?.Report(tally.Read, final: true);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            error.WriteLine("interrupted: every story the service acknowledged is stored; run the same command again to go on (the stored ones come back as duplicates)");
            Write(output, address, tally, clock.Elapsed);
            return ExitCodes.Interrupted;
        }
        catch (ServiceException e)
        {
            error.WriteLine($"error: {e.Message} ({tally.Stored + tally.Duplicates:N0} stories acknowledged before it are stored; run the same command again once it is fixed)");
            return ExitCodes.DatabaseError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read input: {e.Message} (stories filed before it are stored)");
            return ExitCodes.InputError;
        }
        Write(output, address, tally, clock.Elapsed);
        if (tally.Stored == 0 && tally.Duplicates == 0)
        {
            error.WriteLine($"error: no stories found in {string.Join(", ", inputs)} that could be stored");
            return ExitCodes.InputError;
        }
        return ExitCodes.Success;
    }

    /// <summary>The stories read, in order, in batches of at most <see cref="BatchStories"/> stories and <see cref="BatchBytes"/> bytes; items that do not read are reported and counted as they pass.</summary>
    private static IEnumerable<List<ReadItem>> Batches(IEnumerable<ReadItem> items, IngestCommand.Diagnostics diagnostics, Tally tally)
    {
        var batch = new List<ReadItem>(BatchStories);
        long bytes = 0;
        foreach (var item in items)
        {
            if (!item.Succeeded)
            {
                tally.Unreadable(item, diagnostics);
                continue;
            }
            long size = Encoding.UTF8.GetByteCount(item.Story!.Text);
            if (batch.Count > 0 && (batch.Count == BatchStories || bytes + size > BatchBytes))
            {
                yield return batch;
                batch = new List<ReadItem>(BatchStories);
                bytes = 0;
            }
            batch.Add(item);
            bytes += size;
        }
        if (batch.Count > 0) yield return batch;
    }

    private static void Write(TextWriter output, Uri server, Tally t, TimeSpan elapsed) =>
        IngestCommand.WriteCounts(output, t.Report, $"through {server}", elapsed);

    /// <summary>What the service did with the stories so far, counted as a local ingest counts them.</summary>
    private sealed class Tally
    {
        public IngestReport Report { get; } = new();
        public long Read => Report.Read;
        public long Stored => Report.Stored;
        public long Duplicates => Report.Duplicates;

        public void Unreadable(ReadItem item, IngestCommand.Diagnostics diagnostics)
        {
            Report.CountRead(unreadable: true);
            diagnostics.Skipped(item);
        }

        public void Count(ReadItem item, BatchItem result, IngestCommand.Diagnostics diagnostics)
        {
            Report.CountRead();
            var outcome = result.Result?.Outcome switch
            {
                "new-event" => IngestOutcome.NewEvent,
                "joined-event" => IngestOutcome.JoinedEvent,
                "duplicate" => IngestOutcome.Duplicate,
                _ => IngestOutcome.Rejected,
            };
            if (outcome == IngestOutcome.Duplicate) diagnostics.Duplicate(item, result.Result!.DuplicateOf ?? item.Story!.Id.Value, result.Result.Event);
            if (outcome == IngestOutcome.Rejected) diagnostics.Rejected(item, result.Error ?? $"the service answered {result.Status}");
            Report.Count(outcome, result.Result?.Merged?.Count ?? 0);
        }
    }
}
