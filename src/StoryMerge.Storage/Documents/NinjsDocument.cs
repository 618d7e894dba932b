using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StoryMerge.Storage.Documents;

/// <summary>A canonical event as an IPTC ninjs 3.1 item: what `export --format ninjs`, the API (Accept: application/ninjs+json) and the Atom feed's links give.</summary>
/// <remarks>
/// The event is a <c>composite</c> item whose <c>associations</c> are its reports. Every variant of every fact is one
/// entry of <c>people</c>, <c>organisations</c> or <c>places</c> (figures and dates: <c>subjects</c>), named by the
/// variant, with <c>rel</c> "canonical" for the fact's value and "variant" for the others, and <c>literal</c> the fact's
/// id (the variants of one fact share it). ninjs 3.1 allows no property it does not define, so the rest — each variant's
/// sources and languages, which facts are conflicts, an editor's resolution — travels in the extension description
/// with role <see cref="FactsRole"/>: a JSON document in a <c>descriptions</c> entry. The places and subjects the reports'
/// feeds gave are entries too (<c>rel</c> "located" or "subject", <c>literal</c> their code), on the event and on each
/// report; their sources travel in the extension. The README has the table, field by field.
/// </remarks>
public static class NinjsDocument
{
    /// <summary>The media type of a ninjs document.</summary>
    public const string MediaType = "application/ninjs+json";

    /// <summary>The role of the description that carries the facts' sources and conflicts (StoryMerge's extension).</summary>
    public const string FactsRole = "storymerge:facts";

    /// <summary>The media type of that description's value.</summary>
    public const string FactsMediaType = "application/vnd.storymerge.facts+json";

    /// <summary>The ninjs uri of an event.</summary>
    public static string EventUri(string eventId) => "urn:storymerge:event:" + Uri.EscapeDataString(eventId);

    /// <summary>The ninjs uri of a stored story (a report).</summary>
    public static string StoryUri(string storyId) => "urn:storymerge:story:" + Uri.EscapeDataString(storyId);

    /// <summary>The event as a ninjs item.</summary>
    /// <param name="updated">When the event last changed (its <c>versionCreated</c>); omitted when unknown.</param>
    public static JsonObject From(EventDocument e, DateTimeOffset? updated = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var item = new JsonObject
        {
            ["standard"] = new JsonObject { ["name"] = "ninjs", ["version"] = "3.1", ["schema"] = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json" },
            ["uri"] = EventUri(e.Id),
            ["type"] = "composite",
            ["representationType"] = "full",
            ["profile"] = "storymerge-event",
            ["altIds"] = new JsonArray(new JsonObject { ["role"] = "storymerge:event", ["value"] = e.Id }),
        };
        if (e.FirstPublishedAt is { } first) item["firstCreated"] = first;
        if (updated is { } u) item["versionCreated"] = Timestamp(u);
        var titleLanguage = e.Members.FirstOrDefault(m => m.Id == e.TitleFrom)?.Language ?? e.Languages.FirstOrDefault();
        if (!string.IsNullOrEmpty(titleLanguage) && titleLanguage != "und") item["language"] = titleLanguage;
        item["title"] = e.Title;
        item["headlines"] = new JsonArray(new JsonObject { ["role"] = "main", ["value"] = e.Title });
        var given = Given(e);
        if ((e.Place?.Value ?? given.Located.OrderByDescending(g => g.Sources.Count).FirstOrDefault().Concept?.Label) is { } located) item["located"] = located;
        if (e.Date is not null)
            item["eventDetails"] = new JsonObject { ["dates"] = new JsonObject { ["expectedStartDate"] = e.Date } };
        if (e.Conflicts > 0) item["edNote"] = ConflictNote(e);
        item["descriptions"] = new JsonArray(new JsonObject
        {
            ["role"] = FactsRole, ["contentType"] = FactsMediaType, ["value"] = FactsExtension(e, given).ToJsonString(Compact),
        });
        AddFacts(item, "people", e.People);
        AddFacts(item, "organisations", e.Organisations);
        AddFacts(item, "places", e.Places, given: given.Located.Select(g => GivenEntry(g.Concept, "located")));
        AddFacts(item, "subjects", e.Figures.Concat(e.Dates), rel: true, given: given.Subjects.Select(g => GivenEntry(g.Concept, "subject")));
        item["associations"] = new JsonArray(e.Members.Select((m, i) => (JsonNode)Association(m, i)).ToArray());
        return item;
    }

    /// <summary>Events as a JSON array of ninjs items (what `export --format ninjs` writes).</summary>
    public static string Serialize(IEnumerable<(EventDocument Event, DateTimeOffset? Updated)> events) =>
        new JsonArray(events.Select(x => (JsonNode)From(x.Event, x.Updated)).ToArray()).ToJsonString(EventDocument.Json);

    /// <summary>One event as a ninjs document.</summary>
    public static string Serialize(EventDocument e, DateTimeOffset? updated = null) => From(e, updated).ToJsonString(EventDocument.Json);

    private static readonly JsonSerializerOptions Compact = new(EventDocument.Json) { WriteIndented = false };

    private static JsonObject Association(MemberDocument m, int index)
    {
        var report = new JsonObject
        {
            ["name"] = $"report-{index + 1}",
            ["rel"] = "report",
            ["uri"] = StoryUri(m.Id),
            ["type"] = "text",
            ["altIds"] = new JsonArray(new JsonObject { ["role"] = "storymerge:story", ["value"] = m.Id }),
        };
        if (m.Language is { Length: > 0 } and not "und") report["language"] = m.Language;
        if (m.Title is not null) report["headlines"] = new JsonArray(new JsonObject { ["value"] = m.Title });
        if (m.PublishedAt is not null)
        {
            report["firstCreated"] = m.PublishedAt;
            report["versionCreated"] = m.PublishedAt;
        }
        if (m.Located is [var located, ..]) report["located"] = located.Label;
        if (m.Published is not null) report["descriptions"] = new JsonArray(new JsonObject { ["role"] = "storymerge:published", ["value"] = m.Published });
        if (m.Source is not null) report["infoSources"] = new JsonArray(new JsonObject { ["name"] = m.Source, ["role"] = "source" });
        if (m.Located is { Count: > 0 }) report["places"] = new JsonArray(m.Located.Select(c => (JsonNode)GivenEntry(c, "located")).ToArray());
        if (m.Subjects is { Count: > 0 }) report["subjects"] = new JsonArray(m.Subjects.Select(c => (JsonNode)GivenEntry(c, "subject")).ToArray());
        return report;
    }

    /// <summary>The places and subjects the reports' feeds gave, each once (in the order of the reports), with the reports that gave it.</summary>
    private sealed record GivenConcepts(IReadOnlyList<(ConceptDocument Concept, IReadOnlyList<string> Sources)> Located,
        IReadOnlyList<(ConceptDocument Concept, IReadOnlyList<string> Sources)> Subjects);

    private static GivenConcepts Given(EventDocument e)
    {
        List<(ConceptDocument, IReadOnlyList<string>)> Of(Func<MemberDocument, IReadOnlyList<ConceptDocument>?> concepts) => e.Members
            .SelectMany(m => (concepts(m) ?? []).Select(c => (Concept: c, Source: m.Id)))
            .GroupBy(x => x.Concept)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(x => x.Source).Distinct().ToList()))
            .ToList();
        return new GivenConcepts(Of(m => m.Located), Of(m => m.Subjects));
    }

    /// <summary>A place or subject a feed gave, as a ninjs entry: its name, the relation, its uri (when it is one) and its code as the literal.</summary>
    private static JsonObject GivenEntry(ConceptDocument concept, string rel)
    {
        var entry = new JsonObject();
        if (concept.Name is not null) entry["name"] = concept.Name;
        entry["rel"] = rel;
        bool uri = concept.Uri is not null && Uri.IsWellFormedUriString(concept.Uri, UriKind.Absolute);
        if (uri) entry["uri"] = concept.Uri;
        if (concept.Code is not null) entry["literal"] = concept.Code;
        else if (concept.Name is null && !uri) entry["literal"] = concept.Uri;   // a uri ninjs would refuse still names the concept
        return entry;
    }

    /// <summary>One entry per variant: the variant's value, "canonical" or "variant", the fact's id; then the entries of the concepts the feeds gave.</summary>
    private static void AddFacts(JsonObject item, string property, IEnumerable<FactDocument> facts, bool rel = false, IEnumerable<JsonObject>? given = null)
    {
        var entries = new JsonArray();
        foreach (var fact in facts)
        {
            var values = fact.Variants.Select(v => v.Value).Prepend(fact.Value).Distinct(StringComparer.Ordinal);
            foreach (var value in values)
            {
                var entry = new JsonObject
                {
                    ["name"] = value,
                    ["rel"] = (rel ? fact.Kind + ":" : "") + (value == fact.Value ? "canonical" : "variant"),
                    ["literal"] = fact.Id,
                };
                entries.Add(entry);
            }
        }
        foreach (var entry in given ?? []) entries.Add(entry);
        if (entries.Count > 0) item[property] = entries;
    }

    /// <summary>The facts with everything ninjs has no field for: each variant's sources (story uris) and languages, conflicts, resolutions; the concepts the feeds gave, with their sources.</summary>
    private static JsonObject FactsExtension(EventDocument e, GivenConcepts given)
    {
        var extension = new JsonObject
        {
            ["event"] = e.Id,
            ["date"] = e.Date,
            ["dateBasis"] = e.DateBasis,
            ["conflicts"] = new JsonArray(e.Facts.Where(f => f.Conflict).Select(f => (JsonNode)JsonValue.Create(f.Id)!).ToArray()),
            ["facts"] = new JsonArray(e.Facts.Select(f => (JsonNode)new JsonObject
            {
                ["id"] = f.Id,
                ["kind"] = f.Kind,
                ["value"] = f.Value,
                ["conflict"] = f.Conflict,
                ["detail"] = f.Detail,
                ["sources"] = Uris(f.Sources),
                ["variants"] = new JsonArray(f.Variants.Select(v => (JsonNode)new JsonObject
                {
                    ["value"] = v.Value, ["sources"] = Uris(v.Sources), ["languages"] = new JsonArray(v.Languages.Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
                    ["detail"] = v.Detail,
                }).ToArray()),
                ["resolution"] = f.Resolution is { } r ? new JsonObject { ["value"] = r.Value, ["decidedAt"] = Timestamp(r.DecidedAt), ["reopened"] = r.Reopened } : null,
            }).ToArray()),
        };
        if (given.Located.Count + given.Subjects.Count > 0)
            extension["given"] = new JsonObject { ["located"] = GivenExtension(given.Located), ["subjects"] = GivenExtension(given.Subjects) };
        return extension;
    }

    private static JsonArray GivenExtension(IReadOnlyList<(ConceptDocument Concept, IReadOnlyList<string> Sources)> given) => new(given.Select(g => (JsonNode)new JsonObject
    {
        ["name"] = g.Concept.Name, ["code"] = g.Concept.Code, ["uri"] = g.Concept.Uri, ["sources"] = Uris(g.Sources),
    }).ToArray());

    private static JsonArray Uris(IEnumerable<string> storyIds) => new(storyIds.Select(s => (JsonNode)JsonValue.Create(StoryUri(s))!).ToArray());

    private static string ConflictNote(EventDocument e) =>
        $"{e.Conflicts} conflict(s) between the reports: " + string.Join("; ", e.Facts.Where(f => f.Conflict)
            .Select(f => $"{f.Kind} \"{f.Value}\": " + string.Join(" | ", f.Variants.Select(v => $"{v.Value} ({string.Join(", ", v.Sources)})"))));

    private static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
