using StoryMerge.Cli.Output;
using System.Text.Json;
using StoryMerge.Storage.Documents;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge export`: every stored event's canonical record as `cluster --out` writes them, and optionally each story's event.</summary>
public static class ExportCommand
{
    /// <param name="Format">"json" (null: the canonical records) or "ninjs" (IPTC ninjs 3.1 items).</param>
    public sealed record Arguments(string? Database, string? Config, string? Out, string? Assignments, string? Format = null);

    public static int Run(Arguments args, TextWriter output, TextWriter error)
    {
        var format = (args.Format ?? "json").Trim().ToLowerInvariant();
        if (format is not ("json" or "ninjs"))
        {
            error.WriteLine($"error: --format '{args.Format}' is not a format export writes (json or ninjs)");
            return ExitCodes.ConfigurationError;
        }
        bool ninjs = format == "ninjs";
        using var session = StoreSession.Open(args.Database, args.Config, create: false, error, out var exitCode);
        if (session is null) return exitCode;
        try { session.Canonical.RefreshStale(); }
        catch (Exception e) when (StoreFault.Of(e) is { } fault)
        {
            // Reading needs no room: the stale records are built for this export and stored once the database takes writes.
            error.WriteLine($"note: rebuilt records cannot be stored ({fault.Reason}); exporting them as built now");
        }
        var events = session.Store.ListEvents(null, null, null, int.MaxValue)
            .Select(e => session.Canonical.Get(e.Id)!)
            .OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        try
        {
            var outPath = args.Out ?? "events.json";
            if (ninjs) OutputFile.Write(outPath, NinjsDocument.Serialize(events.Select(e => (e, session.Store.EventUpdatedAt(e.Id)))));
            else OutputFile.WriteJsonArray(outPath, events, EventDocument.Json);
            error.WriteLine($"wrote {events.Count} events to {outPath}");
            if (args.Assignments is { } path)
            {
                var assignments = session.Store.Assignments().ToList();
                ClusterCommand.WriteAssignments(path, assignments);
                error.WriteLine($"wrote {assignments.Count} assignments to {path}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write output: {e.Message}");
            return ExitCodes.OutputError;
        }
        return ExitCodes.Success;
    }
}
