using System.Text.Json;

namespace StoryMerge.Evaluation;

/// <summary>Reads gold event labels: the "event" field of labelled JSONL, or a seed directory's gold.json.</summary>
public static class GoldLabels
{
    /// <summary>Story id → gold event from a gold.json with {"events":[{"event":…, "stories":[…]}]}.</summary>
    /// <exception cref="InvalidDataException">The file does not have that shape; the message says what is wrong.</exception>
    public static Dictionary<string, string> FromGoldJson(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (!doc.RootElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{origin}: expected an \"events\" array.");
            foreach (var e in events.EnumerateArray())
            {
                var name = e.GetProperty("event").GetString() ?? throw new InvalidDataException($"{origin}: an event has no name.");
                foreach (var s in e.GetProperty("stories").EnumerateArray())
                    result[s.GetString() ?? throw new InvalidDataException($"{origin}: a story id is null.")] = name;
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"{origin}: not a gold file ({e.Message}).", e);
        }
        return result;
    }
}
