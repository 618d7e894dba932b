using StoryMerge.Core;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge delete`: retracts a stored story: out of the index and its event, whose canonical record is rebuilt from the rest.</summary>
public static class DeleteCommand
{
    public sealed record Arguments(string StoryId, string? Database, string? Config, string? Index = null);

    public static int Run(Arguments args, TextWriter output, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(args.StoryId) || args.StoryId.Length > StoryId.MaxLength)
        {
            error.WriteLine("error: the story id is empty or too long");
            return ExitCodes.InputError;
        }
        using var session = StoreSession.Open(args.Database, args.Config, create: false, error, out var exitCode, args.Index, withIngestor: true, writer: "delete");
        if (session is null) return exitCode;
        var result = session.Ingestor.Delete(new StoryId(args.StoryId));
        if (result is null) { error.WriteLine($"error: no story '{args.StoryId}' in {session.Store.Path}"); return ExitCodes.NotFound; }
        if (!result.EventRemoved && result.EventId is { } eventId) session.Canonical.Get(eventId);
        output.WriteLine(result.EventRemoved
            ? $"deleted {result.Id}; its event {result.EventId} had no other report and is gone"
            : $"deleted {result.Id}; event {result.EventId} rebuilt from its remaining reports");
        return ExitCodes.Success;
    }
}
