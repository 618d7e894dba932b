using StoryMerge.Core;
using StoryMerge.Storage.Online;
using StoryMerge.Storage.Sqlite;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge events`: lists the stored events, newest first, optionally filtered by date, language or text.</summary>
public static class EventsCommand
{
    public sealed record Arguments(string? Database, string? Config, string? Since, string? Language, string? Query, int Limit, string? Index = null);

    public static int Run(Arguments args, TextWriter output, TextWriter error)
    {
        DateOnly? since = null;
        if (args.Since is { } s)
        {
            if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", out var d)) { error.WriteLine($"error: --since '{s}' is not a date (expected YYYY-MM-DD)"); return ExitCodes.InputError; }
            since = d;
        }
        LanguageTag? language = null;
        if (args.Language is { } l)
        {
            try { language = new LanguageTag(l); }
            catch (ArgumentException e) { error.WriteLine($"error: --lang: {UserMessage.Of(e)}"); return ExitCodes.InputError; }
        }
        if (args.Limit < 1) { error.WriteLine("error: --limit must be at least 1"); return ExitCodes.InputError; }

        using var session = StoreSession.Open(args.Database, args.Config, create: false, error, out var exitCode, args.Index, withIngestor: args.Query is not null);
        if (session is null) return exitCode;
        if (args.Query is { } query && string.IsNullOrWhiteSpace(query)) { error.WriteLine("error: --query is empty"); return ExitCodes.InputError; }
        var events = EventListing.List(session.Store, session.Canonical, q => session.Ingestor.Search(q), since, language, args.Query, args.Limit);
        foreach (var e in events) output.WriteLine(Line(e));
        error.WriteLine($"{events.Count} event(s){(events.Count == args.Limit ? $" (the first {args.Limit}; --limit shows more)" : "")}");
        return ExitCodes.Success;
    }

    private static string Line(EventRow e)
    {
        var dates = e.FirstPublished is null ? "no date    " : e.FirstPublished == e.LastPublished ? $"{e.FirstPublished:yyyy-MM-dd}" : $"{e.FirstPublished:yyyy-MM-dd}..{e.LastPublished:MM-dd}";
        var conflicts = e.Conflicts > 0 ? $"  {e.Conflicts} conflict(s)" : "";
        return $"{e.Id}  {dates}  [{string.Join(",", e.Languages)}]  {e.MemberCount} report(s){conflicts}  {e.Title}";
    }
}
