using System.Text.Json;
using StoryMerge.Core;

namespace StoryMerge.Storage.Sqlite;

/// <summary>A story's given places or subjects as the stories table keeps them: a JSON array of {name, code, uri}, NULL when there are none.</summary>
public static class ConceptCodec
{
    private sealed record Row(string? Name, string? Code, string? Uri);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string? Encode(IReadOnlyList<Concept> concepts)
    {
        ArgumentNullException.ThrowIfNull(concepts);
        return concepts.Count == 0 ? null : JsonSerializer.Serialize(concepts.Select(c => new Row(c.Name, c.Code, c.Uri)), Json);
    }

    public static IReadOnlyList<Concept> Decode(string? json) =>
        json is null ? [] : (JsonSerializer.Deserialize<List<Row>>(json, Json) ?? []).Select(r => Concept.Of(r.Name, r.Code, r.Uri)).OfType<Concept>().ToList();
}
