using StoryMerge.Core;
using StoryMerge.Core.Merging;

namespace StoryMerge.Cli.Output;

/// <summary>Writes the readable summary of a batch: events, their members and languages, and every conflict.</summary>
public static class EventSummary
{
    public static void Write(TextWriter output, BatchResult result)
    {
        var languages = result.Stories.GroupBy(s => s.Language.Code).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
        int multi = result.Events.Count(e => e.Members.Count > 1);
        output.WriteLine($"{result.Events.Count} events from {result.Stories.Count} stories ({string.Join(", ", languages)}); {multi} with more than one report");
        foreach (var e in result.Events.OrderByDescending(e => e.Members.Count).ThenBy(e => e.Id, StringComparer.Ordinal))
        {
            output.WriteLine();
            var conflicts = e.Conflicts.ToList();
            var place = e.Place is null ? "" : $"  {e.Place.Value}";
            output.WriteLine($"{e.Id}  {e.Date?.ToString("yyyy-MM-dd") ?? "no date"}{place}  [{string.Join(", ", e.Languages)}]  {e.Members.Count} report(s){(conflicts.Count > 0 ? $"  {conflicts.Count} conflict(s)" : "")}");
            output.WriteLine($"  {e.Title}");
            output.WriteLine($"  reports: {string.Join(", ", e.Members.Select(m => $"{m.Id} ({m.Language})"))}");
            if (e.Members.Count > 1 && e.People.Count > 0)
                output.WriteLine($"  people: {string.Join("; ", e.People.Take(8).Select(Describe))}{(e.People.Count > 8 ? $"; … {e.People.Count - 8} more" : "")}");
            if (e.Members.Count > 1 && e.Figures.Count > 0)
                output.WriteLine($"  figures: {string.Join("; ", e.Figures.Where(f => f.Sources.Count > 1).Take(8).Select(f => $"{f.Value} {f.Detail}".Trim()))}");
            foreach (var c in conflicts)
                output.WriteLine($"  CONFLICT {c.Kind.ToString().ToLowerInvariant()} \"{c.Value}\": {string.Join(" | ", c.Variants.Select(v => $"{v.Value} ({string.Join(", ", v.Sources)})"))}");
        }
    }

    private static string Describe(Fact person) =>
        person.Variants.Count > 1 ? $"{person.Value} ({string.Join(", ", person.Variants.Skip(1).Select(v => v.Value))})" : person.Value;
}
