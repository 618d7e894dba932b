using System.Text.Json;

namespace StoryMerge.Core.Input.Formats;

/// <summary>IPTC ninjs 3.x (and 1.x/2.x, whose field names differ): one item, an array of items, and the items inside an item's associations.</summary>
/// <remarks>
/// id: uri; title: the main headline (3.x/2.x headlines[], 1.x headline); text: a plain-text body, else an HTML body as
/// text (3.x/2.x bodies[], 1.x body_text / body_html), else the description; language; date: firstCreated, else
/// contentCreated, else versionCreated (1.x: firstcreated, versioncreated), with its offset; source: an infoSource
/// (role source/provider/originator), else copyrightHolder (1.x: copyrightholder); url: the uri when it is http(s),
/// else an HTML rendition's href; located: places[] (1.x: place[]) and the located name when no place has it; subjects:
/// subjects[] (1.x: subject[]), each entry's name, literal (1.x: code) and uri. An item without text (an event, a composite)
/// gives only its associations.
/// </remarks>
public sealed class NinjsFormat : IStoryFormat
{
    private static readonly string[] NinjsKeys =
        ["uri", "headlines", "headline", "bodies", "body_text", "body_html", "versionCreated", "versioncreated", "associations", "standard"];

    public string Name => "ninjs";

    /// <summary>A JSON object (or an array of them) with ninjs's fields and no JSONL "text" field.</summary>
    public bool Recognizes(FormatProbe probe) =>
        probe.JsonRoot is JsonValueKind.Object or JsonValueKind.Array
        && !probe.JsonKeys.Contains("text") && NinjsKeys.Any(probe.JsonKeys.Contains)
        && probe.JsonVersion?.StartsWith("https://jsonfeed.org/", StringComparison.Ordinal) != true;

    public IEnumerable<ReadItem> Read(string text, string origin)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(text); }
        catch (JsonException e) { return [ReadItem.Failed(origin, null, $"not valid JSON: {UserMessage.Of(e)}")]; }
        using (document)
        {
            var root = document.RootElement;
            var items = new List<ReadItem>();
            if (root.ValueKind == JsonValueKind.Array)
            {
                int index = 0;
                foreach (var element in root.EnumerateArray()) ReadObject(element, origin, ++index, null, items);
            }
            else ReadObject(root, origin, null, null, items);
            return items;
        }
    }

    private static void ReadObject(JsonElement item, string origin, int? index, string? within, List<ReadItem> items)
    {
        string where = within ?? origin;
        if (item.ValueKind != JsonValueKind.Object)
        {
            items.Add(new ReadItem(null, null, $"expected a ninjs object, found {item.ValueKind.ToString().ToLowerInvariant()}", where, null, index));
            return;
        }
        var associations = Property(item, "associations") is { ValueKind: JsonValueKind.Array } a ? a : default;
        var body = Body(item);
        bool hasAssociations = associations.ValueKind == JsonValueKind.Array && associations.GetArrayLength() > 0;
        if (body is not null || !hasAssociations)
        {
            var error = Check(item);
            items.Add(error is null ? Map(item, body).ToReadItem(where, null, index) : new ReadItem(null, null, error, where, null, index));
        }
        if (!hasAssociations) return;
        var prefix = index is { } i ? $"{where}: item {i}" : where;
        int k = 0;
        foreach (var association in associations.EnumerateArray())
        {
            k++;
            // Pictures, logos and videos travel as associations too; only items with text are stories.
            if (association.ValueKind == JsonValueKind.Object && Body(association) is null && Property(association, "associations") is null) continue;
            ReadObject(association, origin, null, $"{prefix}, association {k}", items);
        }
    }

    /// <summary>A field of the wrong type, named; null when the item's fields are usable.</summary>
    private static string? Check(JsonElement item)
    {
        foreach (var name in new[] { "uri", "language", "headline", "body_text", "body_html", "versionCreated", "firstCreated", "versioncreated", "firstcreated", "located" })
            if (item.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                return $"field \"{name}\" must be a string, found {v.ValueKind.ToString().ToLowerInvariant()}";
        foreach (var name in new[] { "headlines", "bodies", "places", "subjects", "place", "subject" })
            if (item.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Array)
                return $"field \"{name}\" must be an array, found {v.ValueKind.ToString().ToLowerInvariant()}";
        return null;
    }

    private static WireItem Map(JsonElement item, string? body)
    {
        var uri = String(item, "uri");
        var title = FromArray(item, "headlines", prefer: ["main", "simple", "title"]) ?? String(item, "headline") ?? String(item, "title");
        var published = PublicationTime.Parse(String(item, "firstCreated") ?? String(item, "firstcreated") ?? String(item, "contentCreated")
                                              ?? String(item, "versionCreated") ?? String(item, "versioncreated"));
        var source = InfoSource(item) ?? String(item, "copyrightHolder") ?? String(item, "copyrightholder");
        string? url = uri is not null && (uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ? uri : Rendition(item);
        var places = Concepts(item, "places").Concat(Concepts(item, "place")).ToList();
        // The located name usually repeats a place's, which carries its uri: the place is kept.
        if (Concept.Of(String(item, "located")) is { } located && !places.Any(p => p.Name == located.Name)) places.Insert(0, located);
        return new WireItem(uri, title is null ? null : HtmlText.ToText(title), body, String(item, "language"), published, source, url)
        {
            Located = places, Subjects = Concepts(item, "subjects").Concat(Concepts(item, "subject")).ToList(),
        };
    }

    /// <summary>
    /// The concepts of an array of {name, literal, uri} objects (1.x: {name, code, scheme}, the uri being the scheme
    /// and the code when the scheme is a web address ending in "/", as IPTC's are); an entry with none of them is passed over.
    /// </summary>
    private static IEnumerable<Concept> Concepts(JsonElement item, string name)
    {
        if (Property(item, name) is not { ValueKind: JsonValueKind.Array } array) return [];
        return array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e =>
        {
            var code = String(e, "code");
            var scheme = String(e, "scheme");
            var uri = String(e, "uri") ?? (code is not null && scheme is not null && scheme.EndsWith('/')
                                           && (scheme.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || scheme.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                ? scheme + code : null);
            return Concept.Of(String(e, "name"), String(e, "literal") ?? code, uri);
        }).OfType<Concept>().ToList();
    }

    /// <summary>The item's text: a plain body, else a marked-up body as text, else a description; null when it has none.</summary>
    private static string? Body(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object) return null;
        if (Property(item, "bodies") is { ValueKind: JsonValueKind.Array } bodies)
        {
            var all = bodies.EnumerateArray().Where(b => b.ValueKind == JsonValueKind.Object && String(b, "value") is { Length: > 0 }).ToList();
            var plain = all.FirstOrDefault(b => String(b, "contentType") is null or "text/plain" && String(b, "role") is not ("html" or "richtext"));
            var chosen = plain.ValueKind == JsonValueKind.Object ? plain : all.FirstOrDefault();
            if (chosen.ValueKind == JsonValueKind.Object)
                return String(chosen, "contentType") is null or "text/plain" && !(String(chosen, "value")!.TrimStart().StartsWith('<'))
                    ? String(chosen, "value") : HtmlText.ToText(String(chosen, "value"));
        }
        if (String(item, "body_text") is { Length: > 0 } text) return text;
        if (String(item, "body_html") is { Length: > 0 } html) return HtmlText.ToText(html);
        return FromArray(item, "descriptions", prefer: []) ?? String(item, "description_text");
    }

    private static string? InfoSource(JsonElement item)
    {
        if (Property(item, "infoSources") is not { ValueKind: JsonValueKind.Array } sources) return null;
        var named = sources.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && String(s, "name") is not null).ToList();
        var preferred = named.FirstOrDefault(s => String(s, "role") is { } role && (role.Contains("source", StringComparison.OrdinalIgnoreCase)
            || role.Contains("provider", StringComparison.OrdinalIgnoreCase) || role.Contains("origin", StringComparison.OrdinalIgnoreCase)));
        var chosen = preferred.ValueKind == JsonValueKind.Object ? preferred : named.FirstOrDefault();
        return chosen.ValueKind == JsonValueKind.Object ? String(chosen, "name") : null;
    }

    private static string? Rendition(JsonElement item)
    {
        if (Property(item, "renditions") is not { ValueKind: JsonValueKind.Array } renditions) return null;
        return renditions.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object)
            .Select(r => (Type: String(r, "contentType"), Href: String(r, "href")))
            .FirstOrDefault(r => r.Href is not null && r.Type is "text/html" or "application/xhtml+xml").Href;
    }

    /// <summary>The value of the first element of an array of {role, value} objects with a preferred role, else of the first one.</summary>
    private static string? FromArray(JsonElement item, string name, string[] prefer)
    {
        if (Property(item, name) is not { ValueKind: JsonValueKind.Array } array) return null;
        var values = array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object && String(e, "value") is { Length: > 0 }).ToList();
        var preferred = values.FirstOrDefault(e => prefer.Contains(String(e, "role")));
        var chosen = preferred.ValueKind == JsonValueKind.Object ? preferred : values.FirstOrDefault();
        return chosen.ValueKind == JsonValueKind.Object ? String(chosen, "value") : null;
    }

    private static JsonElement? Property(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) ? value : null;

    private static string? String(JsonElement item, string name) =>
        Property(item, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { } s && !string.IsNullOrWhiteSpace(s) ? s : null;
}
