using System.Text.Json;

namespace StoryMerge.Core.Scoring;

/// <summary>The pair decision: a logistic regression over <see cref="PairFeatures"/>, learned by <c>storymerge train</c> (Microsoft.ML) from labelled dev pairs.</summary>
/// <remarks>
/// Stored as plain weights over the raw features (the trainer folds its feature scaling into them), so scoring a pair
/// is one dot product and needs no Microsoft.ML at run time. The score is the log-odds that the two reports tell one
/// event; average linkage averages log-odds, and the match threshold is a probability. Immutable.
/// </remarks>
public sealed class PairModel
{
    public const int FormatVersion = 1;

    public int Version { get; init; } = FormatVersion;

    /// <summary>The feature each weight belongs to, in <see cref="PairFeatures.Names"/> order.</summary>
    public string[] Features { get; init; } = [];

    public double[] Weights { get; init; } = [];

    public double Bias { get; init; }

    /// <summary>Each feature's weight times its spread on the training pairs: what a typical change of it moves the log-odds by.</summary>
    public double[] Contributions { get; init; } = [];

    /// <summary>The command, files and pair counts the model was trained on.</summary>
    public string? Provenance { get; init; }

    /// <summary>The log-odds of one event for a pair's features.</summary>
    public double LogOdds(ReadOnlySpan<double> features)
    {
        double sum = Bias;
        for (int i = 0; i < Weights.Length; i++) sum += Weights[i] * features[i];
        return sum;
    }

    public static double LogOddsOf(double probability) => Math.Log(probability / (1 - probability));

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <exception cref="InvalidDataException">Not a pair model of this StoryMerge: bad JSON, a newer format, or other features than it computes.</exception>
    public static PairModel Load(Stream stream, string origin)
    {
        ArgumentNullException.ThrowIfNull(stream);
        PairModel? model;
        try { model = JsonSerializer.Deserialize<PairModel>(stream, Json); }
        catch (JsonException e) { throw new InvalidDataException($"The pair model in {origin} is not valid JSON: {e.Message}", e); }
        if (model is null) throw new InvalidDataException($"The pair model in {origin} is empty.");
        if (model.Version > FormatVersion)
            throw new InvalidDataException($"The pair model in {origin} has format version {model.Version}; this StoryMerge reads up to {FormatVersion}. Update StoryMerge or re-run 'storymerge train'.");
        if (!model.Features.SequenceEqual(PairFeatures.Names) || model.Weights.Length != PairFeatures.Count)
            throw new InvalidDataException($"The pair model in {origin} was trained on other features ({string.Join(", ", model.Features)}) than this StoryMerge computes; re-run 'storymerge train'.");
        if (!double.IsFinite(model.Bias) || model.Weights.Any(w => !double.IsFinite(w)))
            throw new InvalidDataException($"The pair model in {origin} has a weight that is not a finite number.");
        return model;
    }

    public void Save(Stream stream) => JsonSerializer.Serialize(stream, this, Json);

    private static readonly Lazy<PairModel?> Embedded = new(() =>
    {
        using var stream = typeof(PairModel).Assembly.GetManifestResourceStream("StoryMerge.Core.pair-model.json");
        return stream is null ? null : Load(stream, "the embedded pair-model.json");
    });

    /// <summary>The model shipped inside StoryMerge.Core (trained on the dev sets in benchmarks/data), or null when the build has none.</summary>
    public static PairModel? Shipped => Embedded.Value;
}
