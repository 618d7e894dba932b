using System.Text.Json;

namespace StoryMerge.Evaluation.Facts;

/// <summary>The kind a labeller gave an entity: what the canonical record should file it under.</summary>
public enum GoldKind { Person, Organisation, Place, Other }

/// <summary>One real entity of a labelled event: its canonical name, kind, and the spellings each report writes it with.</summary>
/// <param name="Spellings">Report id → the forms the report writes (a form also matches its inflections: it is matched as a word beginning).</param>
/// <param name="Conflict">The reports really disagree about it (a different surname, not inflection or transliteration).</param>
public sealed record GoldEntity(string Name, GoldKind Kind, IReadOnlyDictionary<string, IReadOnlyList<string>> Spellings, bool Conflict);

/// <summary>One figure of a labelled event: its value, what it counts, and the reports that state it.</summary>
public sealed record GoldFigure(string Value, string What, IReadOnlyList<string> In, bool Conflict);

/// <summary>One labelled event: its reports, entities and figures.</summary>
public sealed record GoldFactEvent(string Name, IReadOnlyList<string> Stories, IReadOnlyList<GoldEntity> Entities, IReadOnlyList<GoldFigure> Figures);

/// <summary>A labelled fact set: events with their real entities and figures, and where their stories are.</summary>
/// <param name="StoriesPath">The stories' file or directory, resolved against the gold file's folder.</param>
public sealed record FactGold(string StoriesPath, IReadOnlyList<GoldFactEvent> Events)
{
    /// <summary>Reads a fact gold file: {"stories": path, "events": [{"event", "stories", "entities": [{"name", "kind", "spellings": {id: [forms]}, "conflict"}], "figures": [{"value", "what", "in"}]}]}.</summary>
    /// <remarks>Report ids in "spellings" and "in" may be written as a unique prefix of one of the event's story ids ("001" for "001_d1c5…"). Events without "entities" are left out.</remarks>
    /// <exception cref="InvalidDataException">The file is not of that shape; the message names the event and field at fault.</exception>
    public static FactGold Parse(string json, string path)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{path}: expected an object with an \"events\" array");
            var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            var storiesPath = root.TryGetProperty("stories", out var s) && s.ValueKind == JsonValueKind.String ? Path.Combine(folder, s.GetString()!) : folder;
            var result = new List<GoldFactEvent>();
            foreach (var e in events.EnumerateArray())
            {
                var name = Text(e, "event", path);
                if (!e.TryGetProperty("entities", out var entities)) continue;
                var stories = e.GetProperty("stories").EnumerateArray().Select(x => x.GetString() ?? throw new InvalidDataException($"{path}: {name}: a null story id")).ToList();
                string Resolve(string id)
                {
                    var matches = stories.Where(x => x == id || x.StartsWith(id, StringComparison.Ordinal)).ToList();
                    return matches.Count == 1 ? matches[0] : matches.Contains(id) ? id
                        : throw new InvalidDataException($"{path}: {name}: report '{id}' is {(matches.Count == 0 ? "not one of the event's stories" : "ambiguous")}");
                }
                var golds = new List<GoldEntity>();
                foreach (var x in entities.EnumerateArray())
                {
                    var entity = Text(x, "name", path);
                    var kindText = Text(x, "kind", path);
                    if (!Enum.TryParse<GoldKind>(kindText, ignoreCase: true, out var kind))
                        throw new InvalidDataException($"{path}: {name}: {entity}: kind '{kindText}' is not person, organisation, place or other");
                    var spellings = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                    foreach (var p in x.GetProperty("spellings").EnumerateObject())
                        spellings[Resolve(p.Name)] = p.Value.EnumerateArray().Select(v => v.GetString() ?? "").Where(v => v.Length > 0).ToList();
                    golds.Add(new GoldEntity(entity, kind, spellings, x.TryGetProperty("conflict", out var c) && c.GetBoolean()));
                }
                var figures = new List<GoldFigure>();
                if (e.TryGetProperty("figures", out var fs))
                    foreach (var f in fs.EnumerateArray())
                        figures.Add(new GoldFigure(Text(f, "value", path), Text(f, "what", path),
                            f.GetProperty("in").EnumerateArray().Select(v => Resolve(v.GetString()!)).ToList(),
                            f.TryGetProperty("conflict", out var fc) && fc.GetBoolean()));
                result.Add(new GoldFactEvent(name, stories, golds, figures));
            }
            if (result.Count == 0) throw new InvalidDataException($"{path}: no event has \"entities\"");
            return new FactGold(storiesPath, result);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a fact gold file ({e.Message})", e);
        }
    }

    private static string Text(JsonElement e, string field, string path) =>
        e.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } text
            ? text : throw new InvalidDataException($"{path}: a \"{field}\" is missing or not a string");
}
