using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using StoryMerge.Core.Tests;

namespace StoryMerge.Storage.Tests.Documents;

/// <summary>IPTC's ninjs 3.1 JSON schema (standards/ninjs/, copied with its licence), with formats checked.</summary>
public static class NinjsSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(TestCorpus.RepositoryRoot, "standards", "ninjs", "ninjs-schema_3.1.json")));

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>The schema's complaints about the document: empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(JsonNode document)
    {
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        return Errors(parsed.RootElement);
    }

    public static IReadOnlyList<string> Errors(JsonElement document)
    {
        var result = Schema.Value.Evaluate(document, Options);
        if (result.IsValid) return [];
        return (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid").ToList();
    }
}
