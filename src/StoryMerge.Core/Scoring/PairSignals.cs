using StoryMerge.Core.Retrieval;

namespace StoryMerge.Core.Scoring;

/// <summary>The raw similarity signals between two stories, each between 0 and 1.</summary>
/// <param name="Vector">Cosine of the hashed n-gram vectors.</param>
/// <param name="Names">Rarity-weighted overlap of name keys.</param>
/// <param name="Numbers">Rarity-weighted overlap of figures and years.</param>
/// <param name="Words">Rarity-weighted overlap of content-word keys.</param>
/// <param name="Concepts">Rarity-weighted overlap of concepts from the learned lexicon.</param>
public readonly record struct PairSignals(double Vector, double Names, double Numbers, double Words, double Concepts)
{
    /// <summary>How many signals there are; statistics arrays have this length.</summary>
    public const int Count = 5;

    public double this[int index] => index switch
    {
        0 => Vector,
        1 => Names,
        2 => Numbers,
        3 => Words,
        4 => Concepts,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>The signals' names, in index order, as configuration and reports spell them.</summary>
    public static readonly string[] SignalNames = ["vector", "names", "numbers", "words", "concepts"];

    /// <summary>Computes the signals of a pair of analysed stories.</summary>
    public static PairSignals Of(AnalyzedStory a, AnalyzedStory b, KeyWeigher weigher)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Of(a.Features, b.Features, weigher);
    }

    /// <summary>Computes the signals of a pair of stories from their match features.</summary>
    public static PairSignals Of(MatchFeatures a, MatchFeatures b, KeyWeigher weigher)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(weigher);
        var ka = weigher.For(a);
        var kb = weigher.For(b);
        return new PairSignals(
            NgramEmbedder.Cosine(a.Vector, b.Vector),
            ka.Overlap(kb, KeyFamily.Name),
            ka.Overlap(kb, KeyFamily.Number),
            ka.Overlap(kb, KeyFamily.Word),
            ka.Overlap(kb, KeyFamily.Concept));
    }
}
