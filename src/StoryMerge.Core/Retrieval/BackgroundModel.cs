using System.Text.Json;
using System.Text.Json.Serialization;

using StoryMerge.Core.Scoring;

namespace StoryMerge.Core.Retrieval;

/// <summary>Statistics learned from development data and shipped with StoryMerge: key document frequencies and, per language pair, how similar unrelated reports are.</summary>
/// <remarks>
/// Immutable after loading. Made by <c>storymerge learn</c>; the embedded copy (Resources/background.json) is used
/// unless a configuration names another file. A language pair it has not seen falls back to the average of pairs in
/// the same relation (same language, same script, different scripts).
/// </remarks>
public sealed class BackgroundModel
{
    /// <summary>The format version written and read; a newer file is refused with a clear message.</summary>
    public const int FormatVersion = 1;

    public int Version { get; init; } = FormatVersion;

    /// <summary>How many stories the frequencies were counted over.</summary>
    public int Documents { get; init; }

    /// <summary>Document frequency of each key seen in at least two background stories.</summary>
    public Dictionary<string, int> KeyDocumentFrequency { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Mean and standard deviation of each signal over unrelated pairs, by language pair ("kk|ru").</summary>
    public Dictionary<string, SignalStatistics> LanguagePairs { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The same by relation: "same-language", "same-script", "cross-script".</summary>
    public Dictionary<string, SignalStatistics> Relations { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Learned cross-language word correspondences.</summary>
    public Lexicon Lexicon { get; init; } = Lexicon.Empty;

    /// <summary>Where the statistics came from (files and date), for the record.</summary>
    public string? Provenance { get; init; }

    /// <summary>A model that knows nothing: every key unseen, neutral statistics. For tests of the mechanism itself.</summary>
    public static BackgroundModel Empty { get; } = new();

    public int DocumentFrequency(string key) => KeyDocumentFrequency.GetValueOrDefault(key);

    /// <summary>Statistics for a language pair, in either order, with the documented fallbacks.</summary>
    public SignalStatistics ForPair(LanguageTag a, LanguageTag b)
    {
        if (LanguagePairs.TryGetValue(PairKey(a, b), out var exact)) return exact;
        var relation = RelationOf(a, b);
        if (Relations.TryGetValue(relation, out var byRelation)) return byRelation;
        return SignalStatistics.Neutral;
    }

    public static string PairKey(LanguageTag a, LanguageTag b) =>
        string.CompareOrdinal(a.Code, b.Code) <= 0 ? $"{a.Code}|{b.Code}" : $"{b.Code}|{a.Code}";

    public static string RelationOf(LanguageTag a, LanguageTag b)
    {
        if (a == b) return "same-language";
        return Analysis.LanguageScripts.ScriptOf(a) == Analysis.LanguageScripts.ScriptOf(b) ? "same-script" : "cross-script";
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static BackgroundModel Load(Stream stream, string origin)
    {
        ArgumentNullException.ThrowIfNull(stream);
        BackgroundModel? model;
        try { model = JsonSerializer.Deserialize<BackgroundModel>(stream, Json); }
        catch (JsonException e) { throw new InvalidDataException($"Background statistics in {origin} are not valid JSON: {e.Message}", e); }
        if (model is null) throw new InvalidDataException($"Background statistics in {origin} are empty.");
        if (model.Version > FormatVersion)
            throw new InvalidDataException($"Background statistics in {origin} have format version {model.Version}; this StoryMerge reads up to {FormatVersion}. Update StoryMerge or re-run 'storymerge learn'.");
        return model;
    }

    public void Save(Stream stream) => JsonSerializer.Serialize(stream, this, Json);

    private static readonly Lazy<BackgroundModel> Embedded = new(() =>
    {
        using var stream = typeof(BackgroundModel).Assembly.GetManifestResourceStream("StoryMerge.Core.background.json");
        return stream is null ? Empty : Load(stream, "the embedded background.json");
    });

    /// <summary>The statistics shipped inside StoryMerge.Core (learned from benchmarks/data/ntrex-dev).</summary>
    public static BackgroundModel Shipped => Embedded.Value;
}

/// <summary>Mean and spread of each pair signal over unrelated pairs, for turning raw similarities into z-scores.</summary>
public sealed record SignalStatistics
{
    public double[] Mean { get; init; } = new double[PairSignals.Count];

    public double[] StdDev { get; init; } = Enumerable.Repeat(0.1, PairSignals.Count).ToArray();

    /// <summary>How many pairs the statistics were measured on.</summary>
    public long Pairs { get; init; }

    /// <summary>Zero means and a spread of 0.1: what applies when nothing was learned.</summary>
    public static SignalStatistics Neutral { get; } = new();

    [JsonIgnore]
    public bool IsNeutral => Pairs == 0;
}
