using System.Text.Json;
using StoryMerge.Storage.Documents;

namespace StoryMerge.Cli.Commands;

/// <summary>`storymerge show`: one stored event's canonical record (readable, or JSON with --json).</summary>
public static class ShowCommand
{
    public sealed record Arguments(string EventId, string? Database, string? Config, bool Json);

    public static int Run(Arguments args, TextWriter output, TextWriter error)
    {
        using var session = StoreSession.Open(args.Database, args.Config, create: false, error, out var exitCode);
        if (session is null) return exitCode;
        var id = args.EventId.Trim();
        var row = session.Store.FindEventOrSuccessor(id);
        if (row is not null && row.Id != id) error.WriteLine($"event {id} was merged into {row.Id}");
        var document = row is null ? null : session.Canonical.Get(row.Id);
        if (document is null) { error.WriteLine($"error: no event '{id}' in {session.Store.Path}"); return ExitCodes.NotFound; }
        if (args.Json) output.WriteLine(JsonSerializer.Serialize(document, EventDocument.Json));
        else Write(output, document);
        return ExitCodes.Success;
    }

    private static void Write(TextWriter output, EventDocument e)
    {
        output.WriteLine($"{e.Id}  {e.Date ?? "no date"} ({e.DateBasis}){(e.Place is null ? "" : "  " + e.Place.Value)}  [{string.Join(", ", e.Languages)}]");
        output.WriteLine($"  {e.Title}");
        output.WriteLine($"  reports ({e.Members.Count}):");
        foreach (var m in e.Members) output.WriteLine($"    {m.Id} ({m.Language}{((m.PublishedAt ?? m.Published) is { } p ? ", " + p : "")}{(m.Source is null ? "" : ", " + m.Source)}){(m.Title is null ? "" : " " + m.Title)}");
        Section(output, "people", e.People);
        Section(output, "organisations", e.Organisations);
        Section(output, "places", e.Places);
        Section(output, "figures", e.Figures);
        Section(output, "dates", e.Dates);
    }

    private static void Section(TextWriter output, string name, IReadOnlyList<FactDocument> facts)
    {
        if (facts.Count == 0) return;
        output.WriteLine($"  {name}:");
        foreach (var f in facts)
        {
            output.WriteLine($"    {(f.Conflict ? "CONFLICT " : "")}{f.Value}{(f.Detail is null ? "" : $" ({f.Detail})")}  [{string.Join(", ", f.Sources)}]");
            if (f.Variants.Count > 1)
                foreach (var v in f.Variants) output.WriteLine($"      {v.Value}  [{string.Join(", ", v.Sources)}]");
        }
    }
}
